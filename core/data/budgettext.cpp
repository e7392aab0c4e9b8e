#include "core/data/budgettext.h"

#include <cstdio>

namespace exitscope {

namespace {

// Up to 6 significant digits: a fraction typed as 0.6 reads 0.6 again after the round
// trip through the profile's unit.
std::string shortNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

} // namespace

std::string BudgetText::operator()(double budget) const
{
    if (reference > 0)
        return shortNumber(budget / reference) + " x reference";
    return unit ? shortNumber(budget) + " " + std::string(costUnitLabel(*unit)) : shortNumber(budget);
}

} // namespace exitscope

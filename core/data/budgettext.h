#pragma once

#include "core/data/latencyprofile.h" // CostUnit

#include <optional>
#include <string>

namespace exitscope {

// How budgets are shown to people: as they gave them. Given as fractions of the reference
// (reference > 0), a budget reads "0.6 x reference"; else it reads in the profile's unit,
// "2.5 ms"; a plain number when the unit is not known (the default).
struct BudgetText
{
    std::optional<CostUnit> unit;
    double reference = 0; // > 0: budgets were given as fractions of it

    // `budget` in the profile's unit, as the user reads it.
    std::string operator()(double budget) const;
};

} // namespace exitscope

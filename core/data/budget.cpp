#include "core/data/budget.h"

#include "core/common/nametable.h"

namespace exitscope {

namespace {
constexpr std::pair<BudgetKind, std::string_view> kBudgetKindNames[] = {
    {BudgetKind::Mean, "mean"},
    {BudgetKind::P90, "p90"},
};
} // namespace

std::string_view budgetKindName(BudgetKind kind)
{
    return nameIn(kBudgetKindNames, kind);
}

std::optional<BudgetKind> parseBudgetKind(std::string_view name)
{
    return valueIn(kBudgetKindNames, name);
}

} // namespace exitscope

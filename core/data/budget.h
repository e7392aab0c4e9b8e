#pragma once

#include <optional>
#include <string_view>

namespace exitscope {

// What a budget bounds.
enum class BudgetKind {
    Mean, // expected (mean) cost per sample <= budget
    P90, // 90% of samples finish within the budget
};

// "mean", "p90": the spelling of files and the command line.
std::string_view budgetKindName(BudgetKind kind);
std::optional<BudgetKind> parseBudgetKind(std::string_view name);

// A cost budget as a threshold config records it (docs/threshold-config.md).
struct Budget
{
    double value = 0; // in the profile's unit, or a fraction of its reference when relative
    bool relative = false;
    BudgetKind kind = BudgetKind::Mean;
};

} // namespace exitscope

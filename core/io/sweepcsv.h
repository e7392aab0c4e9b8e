#pragma once

#include "core/data/latencyprofile.h"
#include "core/solvers/sweep.h"

#include <optional>

#include <string>

namespace exitscope {

// What the curve's costs are in, for its unit columns (docs/policies.md).
struct SweepUnits
{
    CostUnit unit = CostUnit::Relative; // of the cost columns and budget_cost
    std::optional<double> reference; // the profile's reference cost, in that unit
    bool relative = false; // the budget column holds fractions of the reference
};

// The curve as CSV, one row per policy and budget (docs/policies.md lists the columns).
// `budgetScale` divides the budget column (the reference cost for relative budgets, else 1).
std::string sweepCsv(const SweepResult &sweep, double budgetScale, const SweepUnits &units = {});

} // namespace exitscope

#pragma once

#include "core/solvers/sweep.h"

#include <string>

namespace exitscope {

// The curve as CSV, one row per policy and budget (docs/policies.md lists the columns).
// `budgetScale` divides the budget column (the reference cost for relative budgets, else 1).
std::string sweepCsv(const SweepResult &sweep, double budgetScale);

} // namespace exitscope

#pragma once

#include "core/solvers/sweep.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace exitscope::gui {

// The comparison of policies (issue 11, item 6), computed from a sweep's rows: no solving.
// Qt-free and pure, so that the view, its CSV export and the tests share one computation.
// Budgets and costs are in the sweep's own units (the latency profile's, not the display's).

enum class Split { Val, Test };

// One policy's numbers at one budget on one split.
struct ComparedPoint
{
    double budget = 0; // as solved, or as asked when interpolated
    SplitNumbers numbers;
    bool interpolated = false; // between the two sweep budgets around it, linearly in budget
};

// A policy's finished rows on one split, by increasing budget, one point per budget (budgets
// above the last exit's cost are solved as that cost: the first such row stands for them).
using ComparedCurve = std::vector<ComparedPoint>;

// Each policy's curve on `split` (rows done and without error; the test split only where the
// rows have test numbers). The oracle is included: its bound compares like a policy.
std::map<PolicyId, ComparedCurve> comparedCurves(const std::vector<SweepRow> &rows, Split split);

// The numbers at `budget`: the sweep's own where it solved that budget, else linear between
// the two budgets around it (interpolated); none outside the curve's budgets.
std::optional<ComparedPoint> pointAt(const ComparedCurve &curve, double budget);

// Accuracy, or agreement with the final exit (label-free).
double objectiveOf(const SplitNumbers &numbers, bool agreement);

// One point of the difference plot: `policy` against the baseline at one budget.
struct GainAtBudget
{
    double budget = 0;
    double gain = 0; // objective(policy) - objective(baseline), a fraction (x100: points)
    double value = 0, baselineValue = 0;
};

// The gain of `curve` over `baseline` at the budgets both solved (equal budget, exact: one
// sweep solves every policy at the same budgets); a budget one of them lacks is left out.
std::vector<GainAtBudget> gainsAtEqualBudget(const ComparedCurve &curve, const ComparedCurve &baseline, bool agreement);

// Up to `count` of the sweep's budgets spread evenly over its range, both ends included.
std::vector<double> defaultBudgets(const std::vector<SweepRow> &rows, int count = 5);

// The comparison as CSV (docs/gui.md lists the columns): for each budget, split (val, then
// test where the rows have it) and policy (baseline first), the policy's numbers and its gain
// over the baseline in percentage points. A policy without numbers at a budget (outside its
// curve) has no row there. Numbers are printed as `exitscope-cli sweep` prints them, so a
// row at a sweep budget equals the curves CSV's row of that policy and budget; the budget
// column is divided by `budgetScale` like the curves CSV's.
std::string comparisonCsv(const std::vector<SweepRow> &rows, const std::vector<PolicyId> &policies,
                          const std::vector<double> &budgets, bool agreement, double budgetScale);

} // namespace exitscope::gui

#pragma once

#include "core/solvers/solver.h"

#include <optional>
#include <string>
#include <vector>

namespace exitscope {

// Many budgets x many policies, solved on a thread pool and evaluated on val and test.
struct SweepRequest
{
    Trace val;
    std::optional<Trace> test;
    std::vector<double> costs;
    std::vector<double> budgets; // in the costs' unit
    BudgetKind kind = BudgetKind::Mean;
    std::vector<std::string> policies;
    SolverOptions options;
    int threads = 0; // 0: one per hardware thread
};

struct SplitNumbers
{
    double accuracy = 0; // NaN when unknown
    double agreement = 0;
    double meanCost = 0;
    double p90Cost = 0;
};

struct SweepRow
{
    std::string policy;
    double budget = 0; // as solved (clamped to the last exit's cost when above it)
    bool done = false; // false: cancelled before it ran
    std::string error; // the policy could not run on these traces (e.g. no predictions)
    SolverResult result;
    SplitNumbers val;
    std::optional<SplitNumbers> test;
    bool pareto = false; // on the val front of every policy's points (oracle excluded)
};

struct SweepResult
{
    std::vector<SweepRow> rows; // policy-major, in request order
    bool complete = false;
};

// Checks everything before any work: policies known, K agree, budgets in range.
void checkSweep(const SweepRequest &request);

// The same results whatever the thread count: every task is independent and seeded alike;
// `best` runs after the others and starts from their answers at the same budget.
SweepResult runSweep(const SweepRequest &request, const JobContext &context = {});

} // namespace exitscope

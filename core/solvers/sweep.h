#pragma once

#include "core/data/budgettext.h"
#include "core/solvers/solver.h"

#include <functional>
#include <memory>
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
    std::vector<PolicyId> policies;
    SolverOptions options;
    int threads = 0; // 0: one per hardware thread
    BudgetText budgetText; // how progress messages show a budget (as the user gave it)
};

struct SweepRow
{
    PolicyId policy = PolicyId::Best;
    double budget = 0; // as solved (clamped to the last exit's cost when above it)
    bool done = false; // false: cancelled before it finished
    std::string error; // the policy could not run on these traces (e.g. no predictions)
    SolverResult result;
    SplitNumbers val;
    std::optional<SplitNumbers> test;
    bool pareto = false; // on the val front of every policy's points (oracle excluded); set at the end
};

struct SweepResult
{
    std::vector<SweepRow> rows; // policy-major, in request order
    bool complete = false;
};

// Receives each row as it finishes (done, or with an error), on the worker thread that
// finished it, one call at a time (calls never overlap). It must return quickly and must
// not call back into the sweep; the row is valid only during the call (copy what is
// kept). `pareto` is not known yet: it is set in the final result.
using SweepRowCallback = std::function<void(const SweepRow &row)>;

// Checks everything before any work: policies given (each once), K agree, budgets in range.
void checkSweep(const SweepRequest &request);

// Runs every policy at every budget. Each policy's budget-independent work is done once
// (preparePolicy), the scores and sorted orders once for all policies. Cheap policies run
// first (heuristic, branchynet, msdnet, selfxit, patience, oracle, then ippp, eenet), and
// `best` at a budget once the policies of bestWarmStartPolicies() have answered there (it
// starts from their answers; those not requested run too, their rows not reported), so a
// `best` row is the same whatever else was requested: one budget swept alone gives it too. Progress (`context.progress`) counts finished rows, and a running EENet row's
// own progress as its share; it never goes backwards. Warnings: "budget-clamped" (a
// budget above the last exit's cost, solved as that cost) and "policy-cannot-run" (the
// policy's rows then carry the error). Cancelled, it returns promptly with the rows not
// finished marked not done (`complete` false). The same results whatever the thread
// count: every task is independent and seeded alike.
std::shared_ptr<const SweepResult> runSweep(const SweepRequest &request, const JobContext &context = {},
                                            const SweepRowCallback &onRow = {});

} // namespace exitscope

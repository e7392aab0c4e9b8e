#pragma once

#include "core/data/budget.h" // BudgetKind
#include "core/data/trace.h"
#include "core/eval/evaluation.h"
#include "core/jobs/jobcontext.h"
#include "core/solvers/policyid.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace exitscope {

struct SolverOptions
{
    std::uint64_t seed = 1;
    bool labelFree = false; // judge exits by agreement with the final exit, not by labels
    std::optional<Measure> measure; // override the policy's own measure

    // iPPP (Tan et al., AAAI 2021); costs are normalized by the budget, so beta needs no
    // per-model tuning.
    double ipppSlope = 30; // k of the sigmoids
    int ipppOuter = 100; // T
    int ipppInner = 10; // J
    double ipppGamma = 10;
    double ipppMu = 1;
    double ipppEta = 100;
    double ipppBeta = 100;
    // The authors' convention instead: beta multiplies the squared excess in the profile's
    // own cost unit (they used 2e7 for seconds, 500 for relative costs).
    bool ipppRawPenalty = false;

    // EENet (Ilhan et al., WACV 2024)
    int eenetEpochs = 150;
    int eenetRestarts = 3;
    double eenetLearningRate = 1e-2;
};

// One threshold search: the val trace, cumulative exit costs (the latency profile's, K
// values), a budget in the same unit, and options.
struct SolverProblem
{
    Trace val;
    std::vector<double> costs;
    double budget = 0;
    BudgetKind kind = BudgetKind::Mean;
    SolverOptions options;
    // Policies other solvers found at this budget: `best` starts from them.
    std::vector<ThresholdPolicy> warmStarts;
};

// What a sweep reports of thresholds on one split.
struct SplitNumbers
{
    double accuracy = 0; // NaN when unknown
    double agreement = 0;
    double meanCost = 0;
    double p90Cost = 0;
};
SplitNumbers splitNumbers(const Evaluation &evaluation);

struct SolverResult
{
    PolicyId policyId = PolicyId::Best;
    bool isPolicy = true; // false for the oracle: a bound, not thresholds
    ThresholdPolicy policy;
    double valObjective = 0; // accuracy, or agreement when label-free
    double valCost = 0; // mean or p90 cost, per the budget kind
    SplitNumbers val; // the thresholds' evaluation on val (threshold policies only)
    bool feasible = false; // valCost <= budget
    int iterations = 0;
    double milliseconds = 0; // of the budget's own search (not the policy's preparation)
    std::string note;
};

class PreparedPolicy;
class PreparedTrace;

// The one problem check of every solver: exit counts, budget range, labels or label-free.
// Throws InputError naming the setting or input that is wrong.
void checkProblem(PolicyId policy, const SolverProblem &problem);

// A budget above the last exit's cost is solved as that cost (every sample may run to the
// last exit); says so with the warning "budget-clamped".
double clampBudget(double budget, const std::vector<double> &costs, const JobContext &context);

// The policy's budget-independent work on this trace (docs/policies.md says what each
// does once). Throws InputError when the policy cannot run on the trace, Cancelled when
// asked to stop.
std::unique_ptr<const PreparedPolicy> preparePolicy(PolicyId policy, std::shared_ptr<const PreparedTrace> trace,
                                                    const JobContext &context);

// One budget of a prepared policy, timed, its thresholds evaluated on the val split.
SolverResult solveAt(PolicyId policy, const PreparedPolicy &prepared, double budget,
                     const std::vector<ThresholdPolicy> &warmStarts, const JobContext &context);

// The policies whose answers at a budget `best` starts from in a sweep (runSweep, and so
// `exitscope-cli solve`, a sweep of one budget), in the order it climbs them: every policy
// but EENet, which trains for seconds to minutes a budget. iPPP's answer matters: on the
// AAAI21 Speech trace (K = 17) `best` is up to 10 pp less accurate at tight budgets
// without it (docs/policies.md).
const std::vector<PolicyId> &bestWarmStartPolicies();

// One policy at one budget: checks the problem, clamps the budget, prepares the policy and
// solves at the budget, `best` from problem.warmStarts only (runSweep gives it those of
// bestWarmStartPolicies()). Throws Cancelled when asked to stop.
SolverResult solve(PolicyId policy, const SolverProblem &problem, const JobContext &context = {});

// The budget-kind cost of an evaluation: mean, or p90.
double budgetCost(const Evaluation &evaluation, BudgetKind kind);

} // namespace exitscope

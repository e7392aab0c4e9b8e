#pragma once

#include "core/data/budget.h" // BudgetKind
#include "core/data/trace.h"
#include "core/eval/evaluation.h"
#include "core/jobs/jobcontext.h"

#include <atomic>
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

struct SolverResult
{
    std::string policyName;
    bool isPolicy = true; // false for the oracle: a bound, not thresholds
    ThresholdPolicy policy;
    double valObjective = 0; // accuracy, or agreement when label-free
    double valCost = 0; // mean or p90 cost, per the budget kind
    bool feasible = false; // valCost <= budget
    int iterations = 0;
    double milliseconds = 0;
    bool cancelled = false;
    std::string note;
};

// The policies Exitscope knows, in the order the CLI lists them.
const std::vector<std::string> &policyNames();
bool isKnownPolicy(const std::string &name);

// Checks the problem (exit counts, budget range, labels or --label-free) and throws
// InputError naming what is wrong.
void checkProblem(const std::string &policy, const SolverProblem &problem);

// Runs one solver and evaluates its thresholds on the val split.
SolverResult solve(const std::string &policy, const SolverProblem &problem, const JobContext &context = {});

// The budget-kind cost of an evaluation: mean, or p90.
double budgetCost(const Evaluation &evaluation, BudgetKind kind);

} // namespace exitscope

// SelfXit's global threshold, PABEE-style patience, and the per-sample oracle bound.

#include "core/solvers/exitproblem.h"
#include "core/solvers/policysolvers.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace exitscope {

namespace {

// Of thresholds shared by every exit, the one whose objective is highest within the budget
// (the cheaper on ties); `fallback` when none fits.
double bestSharedThreshold(const ExitProblem &p, const std::vector<double> &candidates, double fallback,
                           const JobContext &context, SolverResult &result)
{
    std::vector<std::uint8_t> exitOf;
    double best = fallback;
    std::int64_t bestObjective = -1;
    double bestLoad = 0;
    for (double tau : candidates) {
        if (context.cancelled())
            break;
        ++result.iterations;
        p.assignExits(std::vector<double>(p.exits - 1, tau), exitOf);
        const double load = p.loadOf(exitOf);
        if (load > p.capacity)
            continue;
        const std::int64_t objective = p.objectiveOf(exitOf);
        if (objective > bestObjective || (objective == bestObjective && load < bestLoad)) {
            bestObjective = objective;
            bestLoad = load;
            best = tau;
        }
    }
    return best;
}

} // namespace

// SelfXit (TMLR 2024): one confidence threshold shared by every exit, chosen without
// labels: among the thresholds that fit the budget, the one whose exits agree most with
// the final exit. Candidates: 256 quantiles of all early exits' confidences.
SolverResult solveSelfXit(const SolverProblem &problem, const JobContext &context)
{
    SolverProblem labelFree = problem;
    labelFree.options.labelFree = true;
    const ExitProblem p = makeExitProblem(labelFree, chooseMeasure(problem, {Measure::MaxProb, Measure::Given}, "selfxit"));
    std::vector<double> pooled;
    for (const auto &row : p.confidence)
        pooled.insert(pooled.end(), row.begin(), row.end());
    std::sort(pooled.begin(), pooled.end());
    std::vector<double> candidates;
    constexpr int kCandidates = 256;
    for (int i = 0; i < kCandidates; ++i)
        candidates.push_back(pooled[pooled.size() * i / kCandidates]);
    candidates.push_back(std::nextafter(pooled.back(), HUGE_VAL)); // nobody leaves early
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    SolverResult result;
    const double bestTau = bestSharedThreshold(p, candidates, candidates.back(), context, result);
    result.policy = p.toPolicy(std::vector<double>(p.exits - 1, bestTau));
    return result;
}

// PABEE: leave once the prediction has stayed the same for `patience` exits in a row.
// Every patience from 1 (leave at the first exit) to K (never leave early) is tried; the
// most accurate one within the budget wins, the cheaper on ties.
SolverResult solvePatience(const SolverProblem &problem, const JobContext &context)
{
    const ExitProblem p = makeExitProblem(problem, chooseMeasure(problem, {Measure::Patience}, "patience"));
    std::vector<double> patiences;
    for (int patience = 1; patience <= p.exits; ++patience)
        patiences.push_back(patience);
    SolverResult result;
    const int best = static_cast<int>(bestSharedThreshold(p, patiences, p.exits, context, result));
    result.policy = p.toPolicy(std::vector<double>(p.exits - 1, best));
    result.note = "patience " + std::to_string(best);
    return result;
}

// The per-sample upper bound: every sample may leave at any exit. Each starts at the
// cheapest exit; a sample that is wrong there becomes right at the cheapest exit where it
// is right, for the extra load; the cheapest upgrades are taken first, the last one
// fractionally (a fractional knapsack). No thresholds reach this; it bounds them all.
SolverResult solveOracle(const SolverProblem &problem, const JobContext &)
{
    const Trace &t = problem.val;
    const Measure anyMeasure = t.measures().front();
    const ExitProblem p = makeExitProblem(problem, anyMeasure);
    const int cheapest = static_cast<int>(std::min_element(p.weight.begin(), p.weight.end()) - p.weight.begin());
    double load = p.weight[cheapest] * static_cast<double>(p.samples);
    double objective = 0;
    std::vector<std::int64_t> hits(p.exits, 0);
    hits[cheapest] = p.samples;
    std::vector<std::pair<double, int>> extra; // (extra load, exit)
    for (std::int64_t j = 0; j < p.samples; ++j) {
        if (p.objective[cheapest][j]) {
            objective += 1;
            continue;
        }
        double bestExtra = HUGE_VAL;
        int bestExit = -1;
        for (int k = 0; k < p.exits; ++k)
            if (p.objective[k][j] && p.weight[k] - p.weight[cheapest] < bestExtra) {
                bestExtra = p.weight[k] - p.weight[cheapest];
                bestExit = k;
            }
        if (bestExit >= 0)
            extra.emplace_back(bestExtra, bestExit);
    }
    std::sort(extra.begin(), extra.end());
    for (const auto &[cost, exit] : extra) {
        const double room = p.capacity - load;
        if (room <= 0)
            break;
        if (cost <= room) {
            load += cost;
            objective += 1;
            --hits[cheapest];
            ++hits[exit];
        } else {
            objective += room / cost;
            load = p.capacity;
        }
    }
    SolverResult result;
    result.isPolicy = false;
    result.policy.measure = anyMeasure;
    result.valObjective = objective / static_cast<double>(p.samples);
    double mean = 0, seen = 0; // the cost of the integral part of the assignment
    for (int k = 0; k < p.exits; ++k)
        mean += static_cast<double>(hits[k]) * p.costs[k];
    result.valCost = mean / static_cast<double>(p.samples);
    if (p.kind == BudgetKind::P90) {
        for (int k = 0; k < p.exits; ++k) {
            seen += static_cast<double>(hits[k]);
            if (seen >= 0.9 * static_cast<double>(p.samples)) {
                result.valCost = p.costs[k];
                break;
            }
        }
    }
    result.feasible = result.valCost <= problem.budget;
    result.iterations = 1;
    result.note = "upper bound; not a threshold policy";
    return result;
}

} // namespace exitscope

// Policies built on a geometric target distribution of exits (share at exit k ~ q^k):
// BranchyNet, MSDNet, and the AAAI21 paper's heuristic baseline.

#include "core/common/pairwisesum.h"
#include "core/solvers/exitproblem.h"
#include "core/solvers/policysolvers.h"

#include <algorithm>
#include <cmath>

namespace exitscope {

namespace {

// The budget-kind cost of a target distribution of exits.
double targetCost(const ExitProblem &p, const std::vector<double> &shares)
{
    if (p.kind == BudgetKind::Mean) {
        double cost = 0;
        for (int k = 0; k < p.exits; ++k)
            cost += shares[k] * p.costs[k];
        return cost;
    }
    double cumulative = 0;
    for (int k = 0; k < p.exits; ++k) {
        cumulative += shares[k];
        if (cumulative >= 0.9)
            return p.costs[k];
    }
    return p.costs.back();
}

// q on a fine logarithmic grid from 1e-3 (everyone leaves at the first exit) to 1e3 (nearly
// everyone runs to the last): the largest target cost within the budget. The target cost
// grows with q, so the last q that fits wins.
SolverResult geometricPolicy(const SolverProblem &problem, Measure measure)
{
    const ExitProblem p = makeExitProblem(problem, measure);
    constexpr int kGrid = 6000;
    std::vector<double> best = geometricShares(0.0, p.exits);
    int iterations = 0;
    for (int i = 0; i <= kGrid; ++i, ++iterations) {
        const double q = std::pow(10.0, -3.0 + 6.0 * i / kGrid);
        std::vector<double> shares = geometricShares(q, p.exits);
        if (targetCost(p, shares) > p.budget)
            break;
        best = std::move(shares);
    }
    SolverResult result;
    result.policy = p.toPolicy(sequentialQuantileThresholds(p, *sortedExits(problem.val, p, p.objective[0]), best));
    result.iterations = iterations;
    return result;
}

} // namespace

SolverResult solveBranchyNet(const SolverProblem &problem, const JobContext &)
{
    return geometricPolicy(problem, chooseMeasure(problem, {Measure::Entropy, Measure::Given}, "branchynet"));
}

SolverResult solveMsdNet(const SolverProblem &problem, const JobContext &)
{
    return geometricPolicy(problem, chooseMeasure(problem, {Measure::MaxProb, Measure::Given}, "msdnet"));
}

// Tan et al.'s baseline, step for step: p = 0.01 ... 1.00, share at exit b ~ (1-p)^b p,
// the first p whose target cost fits; each threshold the floor(N * cumulative share)-th
// smallest score of ALL samples at that exit (lower-is-confident orientation), and the
// paper leaves when score < threshold. Exitscope's rule is "at least as confident", so the
// threshold moves one ulp towards more confident to keep the paper's strict comparison.
SolverResult solveHeuristic(const SolverProblem &problem, const JobContext &)
{
    const ExitProblem p = makeExitProblem(problem, chooseMeasure(problem, {Measure::Given, Measure::MaxProb}, "heuristic"));
    const int K = p.exits;
    const std::int64_t n = p.samples;
    std::vector<double> shares;
    int iterations = 0;
    for (int step = 1; step <= 100; ++step, ++iterations) {
        const double q = 0.01 * step;
        std::vector<double> pk(K);
        double sum = 0;
        for (int b = 0; b < K; ++b) {
            pk[b] = std::pow(1.0 - q, static_cast<double>(b)) * q;
            sum += pk[b];
        }
        const double a = 1.0 / sum;
        for (double &v : pk)
            v = a * v;
        double fits;
        if (p.kind == BudgetKind::Mean) {
            std::vector<double> weighted(K);
            for (int b = 0; b < K; ++b)
                weighted[b] = pk[b] * p.costs[b];
            fits = pairwiseSum(weighted.data(), K) <= p.budget; // as the authors' numpy sum
        } else {
            fits = targetCost(p, pk) <= p.budget;
        }
        if (fits) {
            shares = pk;
            break;
        }
    }
    if (shares.empty()) // the budget is below the first exit's cost: refused by checkProblem
        shares = geometricShares(0.0, K);

    std::vector<double> tau;
    double cumulative = 0;
    std::vector<double> sorted;
    for (int b = 0; b + 1 < K; ++b) {
        cumulative += shares[b];
        sorted = p.confidence[b];
        // Descending canonical confidence = ascending lower-is-confident score.
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        const auto index = std::min<std::int64_t>(static_cast<std::int64_t>(std::floor(static_cast<double>(n) * cumulative)), n - 1);
        tau.push_back(std::nextafter(sorted[static_cast<std::size_t>(index)], HUGE_VAL));
    }
    SolverResult result;
    result.policy = p.toPolicy(tau);
    result.iterations = iterations;
    return result;
}

} // namespace exitscope

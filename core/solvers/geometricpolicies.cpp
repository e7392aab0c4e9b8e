// Policies built on a geometric target distribution of exits (share at exit k ~ q^k):
// BranchyNet, MSDNet, and the AAAI21 paper's heuristic baseline.

#include "core/common/pairwisesum.h"
#include "core/common/quantile.h"
#include "core/solvers/exitproblem.h"
#include "core/solvers/policysolvers.h"

#include <algorithm>
#include <cmath>

namespace exitscope {

namespace {

// The budget-kind cost of a target distribution of exits.
double targetCost(const std::vector<double> &costs, BudgetKind kind, const std::vector<double> &shares)
{
    if (kind == BudgetKind::Mean) {
        double cost = 0;
        for (std::size_t k = 0; k < costs.size(); ++k)
            cost += shares[k] * costs[k];
        return cost;
    }
    return costQuantile(costs, shares, 1.0, kP90);
}

// q on a fine logarithmic grid from 1e-3 (everyone leaves at the first exit) to 1e3 (nearly
// everyone runs to the last): the largest target cost within the budget. The target cost
// grows with q, so the last q that fits wins. The grid's shares and target costs do not
// depend on the budget: computed once.
class GeometricPolicy : public PreparedPolicy
{
public:
    GeometricPolicy(PreparedTracePtr trace, PolicyId id, std::initializer_list<Measure> preferred)
        : PreparedPolicy(std::move(trace))
        , m_measure(this->trace().chooseMeasure(preferred, id))
        , m_sorted(this->trace().sorted(m_measure))
    {
        constexpr int kGrid = 6000;
        const int exits = this->trace().val().exits();
        for (int i = 0; i <= kGrid; ++i) {
            m_shares.push_back(geometricShares(std::pow(10.0, -3.0 + 6.0 * i / kGrid), exits));
            m_targetCost.push_back(targetCost(this->trace().costs(), this->trace().kind(), m_shares.back()));
        }
    }

    SolverResult solve(double budget, const std::vector<ThresholdPolicy> &, const JobContext &) const override
    {
        const ExitProblem p = trace().problem(m_measure, budget);
        std::size_t fitting = 0; // grid points that fit, from the first
        while (fitting < m_shares.size() && m_targetCost[fitting] <= budget)
            ++fitting;
        const std::vector<double> best = fitting > 0 ? m_shares[fitting - 1] : geometricShares(0.0, p.exits);
        SolverResult result;
        result.policy = p.toPolicy(sequentialQuantileThresholds(p, *m_sorted, best));
        result.iterations = static_cast<int>(fitting);
        return result;
    }

private:
    Measure m_measure;
    std::shared_ptr<const SortedExits> m_sorted;
    std::vector<std::vector<double>> m_shares; // per grid point
    std::vector<double> m_targetCost;
};

// Tan et al.'s baseline, step for step: p = 0.01 ... 1.00, share at exit b ~ (1-p)^b p,
// the first p whose target cost fits; each threshold the floor(N * cumulative share)-th
// smallest score of ALL samples at that exit (lower-is-confident orientation), and the
// paper leaves when score < threshold. Exitscope's rule is "at least as confident", so the
// threshold moves one ulp towards more confident to keep the paper's strict comparison.
// The sorted scores are the prepared trace's.
class Heuristic : public PreparedPolicy
{
public:
    explicit Heuristic(PreparedTracePtr trace)
        : PreparedPolicy(std::move(trace))
        , m_measure(this->trace().chooseMeasure({Measure::Given, Measure::MaxProb}, PolicyId::Heuristic))
        , m_sorted(this->trace().sorted(m_measure))
    {
    }

    SolverResult solve(double budget, const std::vector<ThresholdPolicy> &, const JobContext &) const override
    {
        const ExitProblem p = trace().problem(m_measure, budget);
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
                fits = targetCost(p.costs, p.kind, pk) <= p.budget;
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
        for (int b = 0; b + 1 < K; ++b) {
            cumulative += shares[b];
            // Descending canonical confidence = ascending lower-is-confident score.
            const auto &sorted = m_sorted->confidence[b];
            const auto index = std::min<std::int64_t>(static_cast<std::int64_t>(std::floor(static_cast<double>(n) * cumulative)), n - 1);
            tau.push_back(std::nextafter(sorted[static_cast<std::size_t>(index)], HUGE_VAL));
        }
        SolverResult result;
        result.policy = p.toPolicy(tau);
        result.iterations = iterations;
        return result;
    }

private:
    Measure m_measure;
    std::shared_ptr<const SortedExits> m_sorted;
};

} // namespace

PreparedPolicyPtr prepareBranchyNet(PreparedTracePtr trace)
{
    return std::make_unique<GeometricPolicy>(std::move(trace), PolicyId::BranchyNet,
                                             std::initializer_list<Measure>{Measure::Entropy, Measure::Given});
}

PreparedPolicyPtr prepareMsdNet(PreparedTracePtr trace)
{
    return std::make_unique<GeometricPolicy>(std::move(trace), PolicyId::MsdNet,
                                             std::initializer_list<Measure>{Measure::MaxProb, Measure::Given});
}

PreparedPolicyPtr prepareHeuristic(PreparedTracePtr trace)
{
    return std::make_unique<Heuristic>(std::move(trace));
}

} // namespace exitscope

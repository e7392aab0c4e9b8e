#include "core/solvers/exitproblem.h"

#include "core/common/quantile.h"
#include "core/solvers/quantilerule.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace exitscope {

void setBudget(ExitProblem &p, const std::vector<double> &costs, double budget, BudgetKind kind)
{
    p.costs = costs;
    p.budget = budget;
    p.kind = kind;
    p.weight.clear();
    if (kind == BudgetKind::Mean) {
        p.weight = costs;
        p.capacity = budget * static_cast<double>(p.samples);
    } else {
        for (double c : costs)
            p.weight.push_back(c > budget ? 1.0 : 0.0);
        p.capacity = static_cast<double>(samplesAllowedAbove(p.samples, kP90));
    }
}

ThresholdPolicy ExitProblem::toPolicy(const std::vector<double> &tau) const
{
    ThresholdPolicy policy;
    policy.measure = measure;
    policy.direction = direction;
    policy.scorer = scorer;
    for (double t : tau)
        policy.thresholds.push_back(direction == Direction::HigherIsConfident ? t : -t);
    return policy;
}

std::vector<double> ExitProblem::toCanonical(const ThresholdPolicy &policy) const
{
    std::vector<double> tau;
    for (double t : policy.thresholds)
        tau.push_back(direction == Direction::HigherIsConfident ? t : -t);
    return tau;
}

void ExitProblem::assignExits(const std::vector<double> &tau, std::vector<std::uint8_t> &exitOf) const
{
    exitOf.assign(static_cast<std::size_t>(samples), static_cast<std::uint8_t>(exits - 1));
    for (int k = exits - 2; k >= 0; --k) {
        const double *c = confidence[k];
        const double t = tau[k];
        const auto exitK = static_cast<std::uint8_t>(k);
        for (std::int64_t j = 0; j < samples; ++j)
            exitOf[j] = c[j] >= t ? exitK : exitOf[j];
    }
}

std::int64_t ExitProblem::objectiveOf(const std::vector<std::uint8_t> &exitOf) const
{
    std::int64_t total = 0;
    for (std::int64_t j = 0; j < samples; ++j)
        total += objective[exitOf[j]][j];
    return total;
}

std::vector<std::int64_t> ExitProblem::hitsOf(const std::vector<std::uint8_t> &exitOf) const
{
    std::vector<std::int64_t> hits(exits, 0);
    for (std::int64_t j = 0; j < samples; ++j)
        ++hits[exitOf[j]];
    return hits;
}

double ExitProblem::loadOfHits(const std::vector<std::int64_t> &hits) const
{
    double load = 0;
    for (int k = 0; k < exits; ++k)
        load += static_cast<double>(hits[k]) * weight[k];
    return load;
}

std::vector<double> geometricShares(double q, int exits)
{
    std::vector<double> share(exits);
    double sum = 0, power = 1;
    for (int k = 0; k < exits; ++k) {
        share[k] = power;
        sum += power;
        power *= q;
    }
    for (double &s : share)
        s /= sum;
    return share;
}

std::shared_ptr<const SortedExits> sortExits(const ExitProblem &p)
{
    auto sorted = std::make_shared<SortedExits>();
    std::vector<std::uint64_t> bits(static_cast<std::size_t>(p.samples), 0);
    for (int e = 0; e < std::min(p.exits, 64); ++e) // bits only serve `best`, which takes K <= 64
        for (std::int64_t j = 0; j < p.samples; ++j)
            bits[j] |= static_cast<std::uint64_t>(p.objective[e][j] != 0) << e;
    for (int k = 0; k + 1 < p.exits; ++k) {
        std::vector<std::int32_t> order(static_cast<std::size_t>(p.samples));
        std::iota(order.begin(), order.end(), 0);
        const double *c = p.confidence[k];
        std::stable_sort(order.begin(), order.end(), [c](std::int32_t a, std::int32_t b) { return c[a] > c[b]; });
        std::vector<double> values(order.size());
        std::vector<std::uint64_t> objective(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            values[i] = c[order[i]];
            objective[i] = bits[order[i]];
        }
        sorted->order.push_back(std::move(order));
        sorted->confidence.push_back(std::move(values));
        sorted->objective.push_back(std::move(objective));
    }
    return sorted;
}

std::vector<double> sequentialQuantileThresholds(const ExitProblem &p, const SortedExits &sorted,
                                                 const std::vector<double> &shares)
{
    // Walks each exit's falling-confidence order only as far as its threshold.
    std::vector<std::uint8_t> running(static_cast<std::size_t>(p.samples), 1);
    return sequentialQuantiles(shares, p.exits - 1, p.samples, [&](int k, std::int64_t take) {
        const auto &order = sorted.order[k];
        const auto &c = sorted.confidence[k];
        double t = std::numeric_limits<double>::max(); // nobody is running
        std::int64_t seen = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (!running[order[i]])
                continue;
            if (take == 0) { // nobody leaves: just above the most confident still running
                t = std::nextafter(c[i], HUGE_VAL);
                break;
            }
            if (++seen == take) { // the take-th most confident still running
                t = c[i];
                break;
            }
        }
        std::int64_t left = 0;
        for (std::size_t i = 0; i < order.size() && c[i] >= t; ++i) {
            if (running[order[i]]) {
                running[order[i]] = 0;
                ++left;
            }
        }
        return std::make_pair(t, left);
    });
}

} // namespace exitscope

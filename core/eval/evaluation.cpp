#include "core/eval/evaluation.h"

#include "core/common/inputerror.h"
#include "core/eval/learnedscorer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace exitscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Branch-free exit assignment, walking the exits backwards so that the earliest confident
// exit wins; the compiler vectorizes the inner loop. `learned` holds a learned policy's
// scores (exit-major); other measures are read from the trace.
template <bool HigherIsConfident>
void assignExits(const Trace &trace, const ThresholdPolicy &policy, const double *learned, std::uint8_t *exitOf)
{
    const std::int64_t n = trace.samples();
    const int last = trace.exits() - 1;
    constexpr Direction direction = HigherIsConfident ? Direction::HigherIsConfident : Direction::LowerIsConfident;
    std::fill(exitOf, exitOf + n, static_cast<std::uint8_t>(last));
    for (int k = last - 1; k >= 0; --k) {
        const double *score = learned ? learned + k * n : trace.scores(policy.measure, k);
        const double t = policy.thresholds[k];
        const auto exitK = static_cast<std::uint8_t>(k);
        for (std::int64_t j = 0; j < n; ++j) {
            const bool leaves = confidentEnough(direction, score[j], t);
            exitOf[j] = leaves ? exitK : exitOf[j];
        }
    }
}

double costQuantile(const std::vector<std::pair<double, std::int64_t>> &costHits, std::int64_t n, double p)
{
    const double needed = p * static_cast<double>(n);
    std::int64_t seen = 0;
    for (const auto &[cost, hits] : costHits) {
        seen += hits;
        if (hits > 0 && static_cast<double>(seen) >= needed)
            return cost;
    }
    return costHits.empty() ? kNaN : costHits.back().first;
}

} // namespace

std::vector<double> Evaluation::exitDistribution() const
{
    const std::int64_t n = exits.empty() ? 0 : exits.front().reached;
    std::vector<double> share;
    for (const auto &e : exits)
        share.push_back(n > 0 ? static_cast<double>(e.hits) / static_cast<double>(n) : 0.0);
    return share;
}

void checkPolicy(const Trace &trace, const ThresholdPolicy &policy, const std::string &where)
{
    if (policy.measure == Measure::Learned) {
        if (!policy.scorer)
            throw InputError(where, "measure 'learned' needs the policy's learned scorer, which is missing");
        policy.scorer->checkFits(trace, where);
    } else if (!trace.hasMeasure(policy.measure)) {
        const std::string why = policy.measure == Measure::Given
            ? "the trace has no given scores (exit_scores)"
            : "the trace has no probabilities (exit_probs) to compute it from";
        throw InputError(where, "measure '" + std::string(measureName(policy.measure)) + "' is unavailable: " + why);
    }
    if (policy.direction != trace.direction(policy.measure))
        throw InputError(where, "measure '" + std::string(measureName(policy.measure)) + "' is "
                                    + std::string(directionName(trace.direction(policy.measure))) + ", but the policy says "
                                    + std::string(directionName(policy.direction)));
    const std::size_t expected = static_cast<std::size_t>(trace.exits() - 1);
    if (policy.thresholds.size() != expected)
        throw InputError(where, "expected " + std::to_string(expected) + " thresholds (one per exit but the last, K = "
                                    + std::to_string(trace.exits()) + "), found " + std::to_string(policy.thresholds.size()));
    for (std::size_t k = 0; k < policy.thresholds.size(); ++k)
        if (std::isnan(policy.thresholds[k]))
            throw InputError(where, "threshold " + std::to_string(k) + " is NaN");
}

void checkCosts(const Trace &trace, const std::vector<double> &cumulativeCost, const std::string &where)
{
    if (static_cast<int>(cumulativeCost.size()) != trace.exits())
        throw InputError(where, "expected " + std::to_string(trace.exits()) + " exit costs (the trace has K = "
                                    + std::to_string(trace.exits()) + "), found " + std::to_string(cumulativeCost.size()));
}

Evaluation evaluate(const Trace &trace, const ThresholdPolicy &policy, const std::vector<double> &cumulativeCost)
{
    const std::int64_t n = trace.samples();
    const int exits = trace.exits();
    Evaluation result;
    result.exitOf.resize(static_cast<std::size_t>(n));
    // A learned policy's scores are computed once here; stored measures are read in place.
    const bool isLearned = policy.measure == Measure::Learned;
    const std::vector<double> learned = isLearned ? policy.scorer->scores(trace) : std::vector<double>();
    const double *learnedScores = isLearned ? learned.data() : nullptr;
    if (policy.direction == Direction::HigherIsConfident)
        assignExits<true>(trace, policy, learnedScores, result.exitOf.data());
    else
        assignExits<false>(trace, policy, learnedScores, result.exitOf.data());

    std::vector<std::int64_t> hits(exits, 0), right(exits, 0), agree(exits, 0);
    const std::uint8_t *correct = trace.correct(0); // exit-major: exit k at correct + k * n
    const std::uint8_t *agrees = trace.agreesWithFinal(0);
    for (std::int64_t j = 0; j < n; ++j) {
        const int k = result.exitOf[j];
        const std::int64_t at = k * n + j;
        ++hits[k];
        agree[k] += agrees[at];
        if (correct)
            right[k] += correct[at];
    }

    std::int64_t reached = n, totalRight = 0, totalAgree = 0;
    double totalCost = 0;
    std::vector<std::pair<double, std::int64_t>> costHits;
    for (int k = 0; k < exits; ++k) {
        ExitOutcome e;
        e.reached = reached;
        e.hits = hits[k];
        e.hitRate = reached > 0 ? static_cast<double>(hits[k]) / static_cast<double>(reached) : 0.0;
        e.accuracy = correct && hits[k] > 0 ? static_cast<double>(right[k]) / static_cast<double>(hits[k]) : kNaN;
        e.agreement = hits[k] > 0 ? static_cast<double>(agree[k]) / static_cast<double>(hits[k]) : kNaN;
        result.exits.push_back(e);
        reached -= hits[k];
        totalRight += right[k];
        totalAgree += agree[k];
        totalCost += static_cast<double>(hits[k]) * cumulativeCost[k];
        costHits.emplace_back(cumulativeCost[k], hits[k]);
    }
    const double dn = static_cast<double>(n);
    result.accuracy = correct ? static_cast<double>(totalRight) / dn : kNaN;
    result.agreement = static_cast<double>(totalAgree) / dn;
    result.meanCost = totalCost / dn;
    std::stable_sort(costHits.begin(), costHits.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    result.p50Cost = costQuantile(costHits, n, 0.50);
    result.p90Cost = costQuantile(costHits, n, 0.90);
    result.p99Cost = costQuantile(costHits, n, 0.99);
    return result;
}

} // namespace exitscope

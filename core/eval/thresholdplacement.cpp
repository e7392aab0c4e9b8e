#include "core/eval/thresholdplacement.h"

#include "core/eval/learnedscorer.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace exitscope {

namespace {

// Canonical view of one exit's scores: higher is more confident, a sample leaves when
// its score >= tau. Returns the new canonical threshold.
double placeCanonical(const double *scores, std::int64_t n, bool negate, double tau)
{
    std::optional<double> leaving, staying; // the least confident that leaves, the most confident that stays
    double lowest = HUGE_VAL, highest = -HUGE_VAL;
    for (std::int64_t j = 0; j < n; ++j) {
        const double c = negate ? -scores[j] : scores[j];
        lowest = std::min(lowest, c);
        highest = std::max(highest, c);
        if (c >= tau)
            leaving = leaving ? std::min(*leaving, c) : c;
        else
            staying = staying ? std::max(*staying, c) : c;
    }
    if (n == 0)
        return tau;
    double placed = tau;
    if (leaving && staying) {
        placed = *staying / 2 + *leaving / 2; // halves first: no overflow
        if (!(placed > *staying && placed < *leaving))
            placed = *leaving; // adjacent doubles: nothing strictly between
        return placed;
    }
    // One side is empty: beyond the extreme score, by half the gap to the next distinct one.
    const double extreme = leaving ? lowest : highest; // everybody leaves / nobody leaves
    std::optional<double> next;
    for (std::int64_t j = 0; j < n; ++j) {
        const double c = negate ? -scores[j] : scores[j];
        if (c != extreme)
            next = next ? (leaving ? std::min(*next, c) : std::max(*next, c)) : c;
    }
    const double half = next ? std::abs(*next - extreme) / 2 : std::max(std::abs(extreme), 1.0) / 2;
    placed = leaving ? extreme - half : extreme + half;
    // Beyond the range of doubles, or swallowed by rounding: the solver's own threshold.
    if (!std::isfinite(placed) || (leaving ? !(placed < extreme) : !(placed > extreme)))
        return tau;
    return placed;
}

} // namespace

ThresholdPolicy placeBetweenScores(const Trace &trace, ThresholdPolicy policy)
{
    const std::int64_t n = trace.samples();
    const bool learned = policy.measure == Measure::Learned;
    const std::vector<double> learnedScores = learned ? policy.scorer->scores(trace) : std::vector<double>();
    const bool negate = policy.direction == Direction::LowerIsConfident;
    for (std::size_t k = 0; k < policy.thresholds.size(); ++k) {
        const double *scores = learned ? learnedScores.data() + static_cast<std::int64_t>(k) * n
                                       : trace.scores(policy.measure, static_cast<int>(k));
        const double tau = negate ? -policy.thresholds[k] : policy.thresholds[k];
        const double placed = placeCanonical(scores, n, negate, tau);
        policy.thresholds[k] = negate ? -placed : placed;
    }
    return policy;
}

} // namespace exitscope

#include "core/eval/exitcounts.h"

#include "core/common/quantile.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

namespace exitscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kChunk = 1 << 20; // samples counted in 32-bit sums before adding up

// Walks the exits backwards so that the earliest confident exit wins; the compiler
// vectorizes the inner loop.
template <bool HigherIsConfident>
void assignExitsIn(const double *const *scores, const std::vector<double> &thresholds, int exits, std::int64_t n,
                   std::uint8_t *exitOf)
{
    constexpr Direction direction = HigherIsConfident ? Direction::HigherIsConfident : Direction::LowerIsConfident;
    const int last = exits - 1;
    std::fill(exitOf, exitOf + n, static_cast<std::uint8_t>(last));
    for (int k = last - 1; k >= 0; --k) {
        const double *score = scores[k];
        const double t = thresholds[k];
        const auto exitK = static_cast<std::uint8_t>(k);
        for (std::int64_t j = 0; j < n; ++j) {
            const bool leaves = confidentEnough(direction, score[j], t);
            exitOf[j] = leaves ? exitK : exitOf[j];
        }
    }
}

} // namespace

ExitCounts::ExitCounts(const Trace &trace, const std::uint8_t *exitOf)
    : m_samples(trace.samples())
    , m_correct(trace.correct(0))
    , m_agrees(trace.agreesWithFinal(0))
{
    // One branch-free pass per exit (vectorized), in 32-bit partial sums.
    const std::int64_t n = m_samples;
    for (int k = 0; k < trace.exits(); ++k) {
        const std::uint8_t *agrees = m_agrees + k * n;
        const std::uint8_t *correct = m_correct ? m_correct + k * n : agrees; // unused without correctness
        std::int64_t hits = 0, agree = 0, right = 0;
        for (std::int64_t begin = 0; begin < n; begin += kChunk) {
            const std::int64_t end = std::min(n, begin + kChunk);
            std::uint32_t h = 0, a = 0, r = 0;
            for (std::int64_t j = begin; j < end; ++j) {
                const std::uint32_t here = exitOf[j] == k;
                h += here;
                a += here & agrees[j];
                r += here & correct[j];
            }
            hits += h;
            agree += a;
            right += r;
        }
        m_hits.push_back(hits);
        m_agree.push_back(agree);
        m_right.push_back(m_correct ? right : 0);
    }
}

void ExitCounts::add(std::int64_t sample, int exit)
{
    const std::int64_t at = exit * m_samples + sample;
    ++m_hits[exit];
    m_agree[exit] += m_agrees[at];
    if (m_correct)
        m_right[exit] += m_correct[at];
}

void ExitCounts::remove(std::int64_t sample, int exit)
{
    const std::int64_t at = exit * m_samples + sample;
    --m_hits[exit];
    m_agree[exit] -= m_agrees[at];
    if (m_correct)
        m_right[exit] -= m_correct[at];
}

void ExitCounts::summarize(const std::vector<double> &cumulativeCost, Evaluation &into) const
{
    const std::int64_t n = m_samples;
    const int exits = static_cast<int>(m_hits.size());
    std::int64_t reached = n, totalRight = 0, totalAgree = 0;
    double totalCost = 0;
    into.exits.clear();
    for (int k = 0; k < exits; ++k) {
        const std::int64_t hits = m_hits[k];
        ExitOutcome e;
        e.reached = reached;
        e.hits = hits;
        e.hitRate = reached > 0 ? static_cast<double>(hits) / static_cast<double>(reached) : 0.0;
        e.accuracy = m_correct && hits > 0 ? static_cast<double>(m_right[k]) / static_cast<double>(hits) : kNaN;
        e.agreement = hits > 0 ? static_cast<double>(m_agree[k]) / static_cast<double>(hits) : kNaN;
        into.exits.push_back(e);
        reached -= hits;
        totalRight += m_right[k];
        totalAgree += m_agree[k];
        totalCost += static_cast<double>(hits) * cumulativeCost[k];
    }
    const double dn = static_cast<double>(n);
    into.accuracy = m_correct ? static_cast<double>(totalRight) / dn : kNaN;
    into.agreement = static_cast<double>(totalAgree) / dn;
    into.meanCost = totalCost / dn;
    // Cost quantiles by the one rule (core/common/quantile.h), over the exits by ascending cost.
    std::vector<int> byCost(static_cast<std::size_t>(exits));
    std::iota(byCost.begin(), byCost.end(), 0);
    std::stable_sort(byCost.begin(), byCost.end(), [&](int a, int b) { return cumulativeCost[a] < cumulativeCost[b]; });
    std::vector<double> costs;
    std::vector<std::int64_t> hits;
    for (int k : byCost) {
        costs.push_back(cumulativeCost[k]);
        hits.push_back(m_hits[k]);
    }
    into.p50Cost = costQuantile(costs, hits, dn, 0.50);
    into.p90Cost = costQuantile(costs, hits, dn, kP90);
    into.p99Cost = costQuantile(costs, hits, dn, 0.99);
}

void assignExits(Direction direction, const double *const *scores, const std::vector<double> &thresholds, int exits,
                 std::int64_t samples, std::uint8_t *exitOf)
{
    if (direction == Direction::HigherIsConfident)
        assignExitsIn<true>(scores, thresholds, exits, samples, exitOf);
    else
        assignExitsIn<false>(scores, thresholds, exits, samples, exitOf);
}

Evaluation evaluateScores(const Trace &trace, Direction direction, const double *const *scores,
                          const std::vector<double> &thresholds, const std::vector<double> &cumulativeCost)
{
    Evaluation result;
    result.exitOf.resize(static_cast<std::size_t>(trace.samples()));
    assignExits(direction, scores, thresholds, trace.exits(), trace.samples(), result.exitOf.data());
    ExitCounts(trace, result.exitOf.data()).summarize(cumulativeCost, result);
    return result;
}

} // namespace exitscope

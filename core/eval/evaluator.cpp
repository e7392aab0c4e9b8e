#include "core/eval/evaluator.h"

#include "core/common/inputerror.h"
#include "core/common/internalerror.h"
#include "core/eval/learnedscorer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

namespace exitscope {

namespace {

constexpr std::size_t kLearnedKept = 8; // learned scorers kept prepared (each (K-1) x N scores and orders)
constexpr int kMaxBins = 4096; // a bin and the positive bit fit a uint16 cell

void checkBins(int bins)
{
    if (bins < 1 || bins > kMaxBins)
        throw InputError("histogram bins", "expected 1 to " + std::to_string(kMaxBins) + " bins, found "
                                               + std::to_string(bins));
}

} // namespace

Evaluator::Evaluator(Trace trace, std::vector<double> cumulativeCost, EvaluatorOptions options,
                     const JobContext &context)
    : m_trace(std::move(trace))
    , m_costs(std::move(cumulativeCost))
    , m_split(options.labelFree || !m_trace.hasCorrectness() ? HistogramSplit::Agreement : HistogramSplit::Correctness)
    , m_bins(options.bins)
{
    checkCosts(m_trace, m_costs, "costs");
    checkBins(m_bins);
    if (m_trace.samples() > std::numeric_limits<std::uint32_t>::max())
        throw InputError("samples", "the interactive evaluation takes at most 2^32 - 1 samples, found "
                                        + std::to_string(m_trace.samples()));
    const std::vector<Measure> measures = m_trace.measures();
    const double parts = static_cast<double>(measures.size());
    for (std::size_t i = 0; i < measures.size(); ++i)
        m_stored.push_back(prepare(measures[i], nullptr, context.part(i / parts, (i + 1) / parts)));
}

std::unique_ptr<Evaluator::Prepared> Evaluator::prepare(Measure measure, std::shared_ptr<const LearnedScorer> scorer,
                                                        const JobContext &context) const
{
    auto p = std::make_unique<Prepared>();
    p->measure = measure;
    p->scorer = std::move(scorer);
    if (p->scorer)
        p->learned = p->scorer->scores(m_trace);
    const std::int64_t n = m_trace.samples();
    const int rows = m_trace.exits() - 1;
    // Sorted by a key that grows as confidence falls; ties in sample order.
    const double towardsLessConfident = m_trace.direction(measure) == Direction::HigherIsConfident ? -1.0 : 1.0;
    std::vector<std::pair<double, std::uint32_t>> keyed(static_cast<std::size_t>(n));
    for (int k = 0; k < rows; ++k) {
        context.throwIfCancelled();
        const double *score = p->scorer ? p->learned.data() + k * n : m_trace.scores(measure, k);
        for (std::int64_t j = 0; j < n; ++j)
            keyed[j] = {towardsLessConfident * score[j], static_cast<std::uint32_t>(j)};
        std::sort(keyed.begin(), keyed.end());
        std::vector<std::uint32_t> order(keyed.size());
        for (std::size_t i = 0; i < keyed.size(); ++i)
            order[i] = keyed[i].second;
        const auto [lowest, highest] = std::minmax_element(score, score + n);
        p->scores.push_back(score);
        p->order.push_back(std::move(order));
        p->lowest.push_back(*lowest);
        p->highest.push_back(*highest);
        context.progress.report((k + 1.0) / rows, "sorting " + std::string(measureName(measure)) + " scores");
    }
    return p;
}

const Evaluator::Prepared *Evaluator::find(const ThresholdPolicy &policy) const
{
    if (policy.measure == Measure::Learned) {
        for (const auto &p : m_learned)
            if (p->scorer == policy.scorer)
                return p.get();
        return nullptr;
    }
    for (const auto &p : m_stored)
        if (p->measure == policy.measure)
            return p.get();
    return nullptr;
}

const Evaluator::Prepared &Evaluator::findOrPrepareLearned(const std::shared_ptr<const LearnedScorer> &scorer)
{
    auto it = std::find_if(m_learned.begin(), m_learned.end(), [&](const auto &p) { return p->scorer == scorer; });
    if (it != m_learned.end())
        m_learned.splice(m_learned.begin(), m_learned, it);
    else
        m_learned.push_front(prepare(Measure::Learned, scorer, {}));
    // The least recently used goes; the current policy's is never it (it is the front or
    // about to be replaced by the front).
    if (m_learned.size() > kLearnedKept)
        m_learned.pop_back();
    return *m_learned.front();
}

void Evaluator::setPolicy(ThresholdPolicy policy, const std::string &where)
{
    checkPolicy(m_trace, policy, where);
    const Prepared *active = policy.measure == Measure::Learned ? &findOrPrepareLearned(policy.scorer) : find(policy);
    const bool newScores = active != m_active;
    m_active = active;
    m_policy = std::move(policy);
    if (newScores)
        binScores();
    recount(0);
}

void Evaluator::recount(int firstHistogram)
{
    std::vector<std::uint8_t> &exitOf = m_evaluation.exitOf;
    exitOf.resize(static_cast<std::size_t>(m_trace.samples()));
    assignExits(m_policy.direction, m_active->scores.data(), m_policy.thresholds, m_trace.exits(), m_trace.samples(),
                exitOf.data());
    m_counts = ExitCounts(m_trace, exitOf.data());
    countHistograms(firstHistogram);
    summarize();
}

void Evaluator::setThreshold(int exit, double threshold)
{
    if (!m_active)
        throw InternalError("Evaluator::setThreshold called before setPolicy");
    if (exit < 0 || exit + 1 >= m_trace.exits())
        throw InternalError("Evaluator::setThreshold: exit " + std::to_string(exit) + " of "
                                + std::to_string(m_trace.exits()) + " has no threshold");
    if (std::isnan(threshold))
        throw InputError("thresholds", "threshold " + std::to_string(exit) + " is NaN");
    const double old = m_policy.thresholds[exit];
    m_policy.thresholds[exit] = threshold;

    // Confident samples form a prefix of the exit's order; only those between the two
    // prefix ends change their answer at this exit, and of those only the ones that reach it
    // change exit.
    const std::vector<std::uint32_t> &order = m_active->order[exit];
    const double *score = m_active->scores[exit];
    const Direction direction = m_policy.direction;
    const auto confidentCount = [&](double t) {
        return std::partition_point(order.begin(), order.end(),
                                    [&](std::uint32_t j) { return confidentEnough(direction, score[j], t); })
            - order.begin();
    };
    const auto before = confidentCount(old), after = confidentCount(threshold);
    // A sample found through the order costs cache misses: ~25 ns against ~6 ns per sample
    // for a full pass, which reads them in turn (exitscope-bench interactive). Past a quarter
    // of the samples the pass wins. The histograms up to this exit cannot change: the
    // samples reaching them stay the same.
    if (std::abs(after - before) > m_trace.samples() / 4) {
        recount(exit + 1);
        return;
    }
    std::uint8_t *exitOf = m_evaluation.exitOf.data();
    const int last = m_trace.exits() - 1;
    if (after > before) { // more leave here: those that went on now stop
        for (auto i = before; i < after; ++i) {
            const std::uint32_t j = order[i];
            if (exitOf[j] > exit)
                moveSample(j, exitOf[j], exit);
        }
    } else { // fewer leave here: those that stopped here go on to the next confident exit
        for (auto i = after; i < before; ++i) {
            const std::uint32_t j = order[i];
            if (exitOf[j] != exit)
                continue;
            int to = exit + 1;
            while (to < last && !confidentEnough(direction, m_active->scores[to][j], m_policy.thresholds[to]))
                ++to;
            moveSample(j, exit, to);
        }
    }
    summarize();
}

void Evaluator::setBins(int bins)
{
    checkBins(bins);
    m_bins = bins;
    if (!m_active)
        return;
    binScores();
    recount(0);
}

Evaluation Evaluator::evaluate(const ThresholdPolicy &policy) const
{
    const Prepared *p = find(policy);
    if (!p)
        return exitscope::evaluate(m_trace, policy, m_costs);
    return evaluateScores(m_trace, policy.direction, p->scores.data(), policy.thresholds, m_costs);
}

void Evaluator::binScores()
{
    const std::int64_t n = m_trace.samples();
    const int rows = m_trace.exits() - 1;
    m_cells.assign(static_cast<std::size_t>(rows), std::vector<std::uint16_t>(static_cast<std::size_t>(n)));
    m_histograms.assign(static_cast<std::size_t>(rows), ExitHistogram{});
    for (int k = 0; k < rows; ++k) {
        ExitHistogram &h = m_histograms[k];
        h.lowest = m_active->lowest[k];
        h.highest = m_active->highest[k];
        h.counts.assign(2 * static_cast<std::size_t>(m_bins), 0);
        const double *score = m_active->scores[k];
        const std::uint8_t *positive = m_split == HistogramSplit::Correctness ? m_trace.correct(k) : m_trace.agreesWithFinal(k);
        std::uint16_t *cell = m_cells[k].data();
        for (std::int64_t j = 0; j < n; ++j)
            cell[j] = static_cast<std::uint16_t>(2 * ExitHistogram::binOf(score[j], h.lowest, h.highest, m_bins) + positive[j]);
    }
}

void Evaluator::countHistograms(int first)
{
    // Branch-free: a sample that does not reach the exit is counted in a spare slot; four
    // interleaved partial histograms so that runs of samples in one bin (max-prob piles up
    // near 1) do not wait on each other's increments.
    const std::int64_t n = m_trace.samples();
    const std::uint8_t *exitOf = m_evaluation.exitOf.data();
    const std::size_t slots = 2 * static_cast<std::size_t>(m_bins) + 1, spare = slots - 1;
    std::vector<std::uint32_t> partial(4 * slots);
    for (int k = first; k + 1 < m_trace.exits(); ++k) {
        std::fill(partial.begin(), partial.end(), 0);
        const std::uint16_t *cell = m_cells[k].data();
        for (std::int64_t j = 0; j < n; ++j) {
            const std::size_t reaches = -static_cast<std::size_t>(exitOf[j] >= k); // all ones or zero: no branch
            ++partial[static_cast<std::size_t>(j & 3) * slots + ((cell[j] & reaches) | (spare & ~reaches))];
        }
        std::vector<std::int64_t> &counts = m_histograms[k].counts;
        for (std::size_t c = 0; c < spare; ++c)
            counts[c] = std::int64_t(partial[c]) + partial[slots + c] + partial[2 * slots + c] + partial[3 * slots + c];
    }
}

void Evaluator::moveSample(std::int64_t sample, int from, int to)
{
    m_counts.remove(sample, from);
    m_counts.add(sample, to);
    m_evaluation.exitOf[sample] = static_cast<std::uint8_t>(to);
    // The sample now reaches (or no longer reaches) the exits after the earlier of the two,
    // up to the later one.
    const int sign = to > from ? 1 : -1;
    const int lastWithHistogram = std::min(std::max(from, to), m_trace.exits() - 2);
    for (int k = std::min(from, to) + 1; k <= lastWithHistogram; ++k)
        m_histograms[k].counts[m_cells[k][sample]] += sign;
}

void Evaluator::summarize()
{
    m_counts.summarize(m_costs, m_evaluation);
    for (std::size_t k = 0; k < m_histograms.size(); ++k) {
        ExitHistogram &h = m_histograms[k];
        const int exit = static_cast<int>(k);
        std::int64_t reachedPositive = 0;
        for (std::size_t i = 1; i < h.counts.size(); i += 2)
            reachedPositive += h.counts[i];
        h.leave = m_counts.hits(exit);
        h.leavePositive = m_split == HistogramSplit::Correctness ? m_counts.right(exit) : m_counts.agree(exit);
        h.goOn = m_evaluation.exits[k].reached - h.leave;
        h.goOnPositive = reachedPositive - h.leavePositive;
    }
}

} // namespace exitscope

#pragma once

#include "core/eval/evaluation.h"
#include "core/eval/exitcounts.h"
#include "core/jobs/jobcontext.h"

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <vector>

namespace exitscope {

// What a histogram's bars are split by.
enum class HistogramSplit {
    Correctness, // the exit's answer is right / wrong
    Agreement, // the exit's answer agrees / disagrees with the final exit's (label-free, or no correctness)
};

// The scores, at one exit k < K-1, of the samples that REACH it under the current
// thresholds, in B equal bins; each bar split into positive (right, or agreeing) and
// negative samples.
struct ExitHistogram
{
    // The bins span this exit's scores over ALL samples: fixed per measure, so that the bars
    // stay put while a threshold moves.
    double lowest = 0;
    double highest = 0;
    std::vector<std::int64_t> counts; // 2 per bin: counts[2b] negative, counts[2b + 1] positive
    // Either side of the threshold: the samples that leave here and those that go on, and
    // how many of each are positive. The hits, hit rate and accuracy of those that leave
    // are evaluation().exits[k] (hits == leave).
    std::int64_t leave = 0, leavePositive = 0, goOn = 0, goOnPositive = 0;

    int bins() const { return static_cast<int>(counts.size() / 2); }
    std::int64_t negative(int bin) const { return counts[2 * static_cast<std::size_t>(bin)]; }
    std::int64_t positive(int bin) const { return counts[2 * static_cast<std::size_t>(bin) + 1]; }
    // The bin of a score: floor((score - lowest) * (B / (highest - lowest))), clamped to
    // 0..B-1; 0 for every score when highest == lowest. Never decreases as the score grows.
    int binOf(double score) const { return binOf(score, lowest, highest, bins()); }
    static int binOf(double score, double lowest, double highest, int bins)
    {
        if (!(highest > lowest))
            return 0;
        const double at = (score - lowest) * (bins / (highest - lowest));
        return at <= 0 ? 0 : at >= bins - 1 ? bins - 1 : static_cast<int>(at);
    }
};

struct EvaluatorOptions
{
    bool labelFree = false; // histograms split by agreement even when the trace has correctness
    int bins = 64; // histogram bins per exit, 1..4096
};

// Interactive evaluation of threshold policies on one trace, for a window where a threshold
// line is dragged and per-exit histograms follow it.
//
// Who owns it: the document that holds the trace (one Evaluator per trace shown, e.g. the
// test split). Building it is a job: it sorts every stored measure's scores at every exit
// (~30 ms per measure at N = 50,000, K = 5). Build it in a worker with a JobContext and hand
// it to the GUI thread, which then owns it (movable, not copyable).
//
// What is cheap, on the owner's thread (figures: exitscope-bench interactive, N = 50,000, K = 5):
//   setThreshold(k, t)   one threshold moved: only the samples whose score at exit k lies
//                        between the old and the new threshold, and that reach exit k, change
//                        exit; evaluation() and histograms() are updated in place (~10 us for
//                        a mouse move). A jump that crosses more than a quarter of the samples
//                        takes a full pass instead (~0.3 ms).
//   evaluation(), histograms(), policy()   references to the current state: no work.
// What costs a full pass (~0.4 ms; ~1.5 ms when every sample is re-binned because the
// measure or the bin count changed): setPolicy() and setBins(). The first setPolicy() with a
// learned scorer not seen before also computes its scores and sorts them (~90 ms: one
// evaluate() of it plus a sort); the 8 most recently used scorers stay prepared.
// evaluate(policy) answers for any other policy without touching the current state.
//
// Threads: thread-compatible, like a standard container. The const functions only read,
// so several threads may call them at once; a mutating call (setPolicy, setThreshold,
// setBins) must not run alongside any other call. The trace is held (shared storage).
class Evaluator
{
public:
    // Checks the costs (InputError naming "costs") and the bin count ("histogram bins"),
    // and prepares every measure the trace stores. Throws Cancelled when the context is.
    Evaluator(Trace trace, std::vector<double> cumulativeCost, EvaluatorOptions options = {},
              const JobContext &context = {});
    Evaluator(Evaluator &&) = default;
    Evaluator &operator=(Evaluator &&) = default;
    Evaluator(const Evaluator &) = delete;
    Evaluator &operator=(const Evaluator &) = delete;

    const Trace &trace() const { return m_trace; }
    const std::vector<double> &costs() const { return m_costs; }
    HistogramSplit split() const { return m_split; }
    int bins() const { return m_bins; }

    // Makes `policy` current and evaluates it from scratch. Checks it first (checkPolicy,
    // InputError naming `where`); prepares a learned scorer seen for the first time.
    void setPolicy(ThresholdPolicy policy, const std::string &where);
    // Moves threshold `exit` (0..K-2) of the current policy to `threshold`, re-assigning
    // only the samples the move affects. Throws InputError for a NaN threshold.
    void setThreshold(int exit, double threshold);
    // Re-bins every histogram into `bins` bins (1..4096).
    void setBins(int bins);

    bool hasPolicy() const { return m_active != nullptr; }
    // The current policy, its evaluation (identical to evaluate(trace(), policy(), costs()))
    // and the histograms of exits 0..K-2. Empty until the first setPolicy().
    const ThresholdPolicy &policy() const { return m_policy; }
    const Evaluation &evaluation() const { return m_evaluation; }
    const std::vector<ExitHistogram> &histograms() const { return m_histograms; }

    // The same as exitscope::evaluate(trace(), policy, costs()) for a policy checked
    // beforehand (checkPolicy), without the work already prepared; a learned scorer not
    // prepared here has its scores computed for this call only.
    Evaluation evaluate(const ThresholdPolicy &policy) const;

private:
    // What every evaluation of one measure (or one learned scorer) reads.
    struct Prepared
    {
        Measure measure = Measure::MaxProb;
        std::shared_ptr<const LearnedScorer> scorer; // Learned only: kept, so never confused
        std::vector<double> learned; // Learned only: the scores, (K-1) x N
        std::vector<const double *> scores; // K-1 rows of N
        std::vector<std::vector<std::uint32_t>> order; // per exit < K-1: samples, most confident first
        std::vector<double> lowest, highest; // per exit < K-1: the score range over all samples
    };

    std::unique_ptr<Prepared> prepare(Measure measure, std::shared_ptr<const LearnedScorer> scorer,
                                      const JobContext &context) const;
    const Prepared *find(const ThresholdPolicy &policy) const; // nullptr: a learned scorer not prepared
    const Prepared &findOrPrepareLearned(const std::shared_ptr<const LearnedScorer> &scorer);
    void binScores(); // m_cells for the active measure and m_bins
    void recount(int firstHistogram); // every sample's exit, the counters, histograms first..K-2
    void countHistograms(int first); // exits first..K-2, from scratch
    void moveSample(std::int64_t sample, int from, int to);
    void summarize(); // m_evaluation and the histograms' side counts, from the counters

    Trace m_trace;
    std::vector<double> m_costs;
    HistogramSplit m_split = HistogramSplit::Correctness;
    int m_bins = 64;
    std::vector<std::unique_ptr<Prepared>> m_stored; // one per measure the trace stores
    std::list<std::unique_ptr<Prepared>> m_learned; // most recently used first

    // The current state.
    const Prepared *m_active = nullptr;
    ThresholdPolicy m_policy;
    Evaluation m_evaluation; // its exitOf is the per-sample assignment kept between changes
    ExitCounts m_counts;
    std::vector<std::vector<std::uint16_t>> m_cells; // per exit < K-1, per sample: 2 * bin + positive
    std::vector<ExitHistogram> m_histograms;
};

} // namespace exitscope

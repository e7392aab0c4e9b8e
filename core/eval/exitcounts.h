#pragma once

#include "core/eval/evaluation.h"

#include <cstdint>
#include <vector>

namespace exitscope {

// Where the samples of a trace left and how they did there: per exit, the samples that
// left, and of those the right ones and the ones that agree with the final exit.
// evaluate() counts them once; the Evaluator keeps them and moves single samples between
// exits while a threshold is dragged. Both turn them into an Evaluation with summarize(),
// so the two give the same numbers bit for bit. Reads the trace's correctness and
// agreement arrays in place: the trace must outlive it.
class ExitCounts
{
public:
    ExitCounts() = default;
    // Counts an assignment (one exit per sample).
    ExitCounts(const Trace &trace, const std::uint8_t *exitOf);

    void add(std::int64_t sample, int exit);
    void remove(std::int64_t sample, int exit);

    std::int64_t hits(int exit) const { return m_hits[exit]; }
    std::int64_t right(int exit) const { return m_right[exit]; } // 0 when the trace has no correctness
    std::int64_t agree(int exit) const { return m_agree[exit]; }

    // Fills every field of `into` but exitOf: accuracy, agreement, cost mean and quantiles,
    // the per-exit outcomes.
    void summarize(const std::vector<double> &cumulativeCost, Evaluation &into) const;

private:
    std::int64_t m_samples = 0;
    const std::uint8_t *m_correct = nullptr; // exit-major K x N; nullptr when unknown
    const std::uint8_t *m_agrees = nullptr; // exit-major K x N
    std::vector<std::int64_t> m_hits, m_right, m_agree;
};

// The exit rule applied to every sample: exitOf[j] = the first exit k < K-1 whose score
// scores[k][j] is confident enough for thresholds[k], else K-1. Branch-free, vectorized.
void assignExits(Direction direction, const double *const *scores, const std::vector<double> &thresholds, int exits,
                 std::int64_t samples, std::uint8_t *exitOf);

// evaluate() over scores given per exit (K-1 rows of N): what it and the Evaluator share.
Evaluation evaluateScores(const Trace &trace, Direction direction, const double *const *scores,
                          const std::vector<double> &thresholds, const std::vector<double> &cumulativeCost);

} // namespace exitscope

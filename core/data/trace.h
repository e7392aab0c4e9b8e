#pragma once

#include "core/data/measure.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace exitscope {

// The arrays a trace file or an importer supplies, exit-major (index k * N + j for exit k,
// sample j; probabilities at (k * N + j) * C + c, top-k entries at (k * N + j) * topk + i).
// Empty vectors mean "not in the file". Class outputs come as one of: full probabilities,
// the top-k of them, or predictions.
struct TraceContents
{
    int exits = 0;
    std::int64_t samples = 0;
    int classes = 0; // 0 when unknown (no probabilities, top-k or num_classes)
    std::vector<float> probabilities; // K x N x C softmax outputs
    int topk = 0; // k of the top-k arrays, 0 when there are none
    std::vector<std::int32_t> topkIndices; // K x N x k class indices, most probable first
    std::vector<float> topkProbabilities; // K x N x k, their probabilities, non-increasing
    std::vector<std::int32_t> predictions; // K x N, only without probabilities or top-k
    std::vector<std::int32_t> labels; // N
    std::vector<std::uint8_t> correct; // K x N, 1 = right; only when labels are unknown
    std::vector<double> givenScores; // K x N
    Direction givenDirection = Direction::HigherIsConfident;
};

// One split (val or test) of a multi-exit model's outputs: K exits x N samples, with the
// per-exit confidence scores of every measure the contents allow. Immutable and cheap to
// copy (shared storage). Memory: the contents plus K x N doubles per measure, bytes for
// correctness and agreement, and int32 predictions.
class Trace
{
public:
    // Validates everything (shapes, NaN/inf, probabilities summing to ~1, labels and
    // predictions in range) and derives predictions, correctness, agreement and scores.
    // From top-k, max-prob, margin (k >= 2) and predictions are exact; entropy spreads the
    // mass outside the top k evenly over the other classes, an upper bound (exact at k = C).
    // `where` names the source in error messages.
    static Trace build(TraceContents contents, const std::string &where);

    int exits() const;
    std::int64_t samples() const;
    int classes() const;
    const TraceContents &contents() const;

    bool hasProbabilities() const; // all C probabilities; false for a top-k trace
    int topk() const; // k when only the k largest probabilities are stored, else 0
    bool hasLabels() const;
    bool hasPredictions() const;
    bool hasCorrectness() const; // accuracy can be computed (labels, or given correctness)
    // Agreement with the final exit is exact when predictions are known; from correctness
    // alone it is a lower bound (two wrong answers are counted as disagreeing).
    bool agreementIsExact() const;

    bool hasMeasure(Measure measure) const;
    std::vector<Measure> measures() const; // those stored in the trace (not Learned)
    Direction direction(Measure measure) const;
    const double *scores(Measure measure, int exit) const; // N values; nullptr if unavailable

    const std::uint8_t *correct(int exit) const; // N values; nullptr when unknown
    const std::uint8_t *agreesWithFinal(int exit) const; // N values
    const std::int32_t *predictions(int exit) const; // N values; nullptr when unknown

    double exitAccuracy(int exit) const; // NaN when unknown

    // The same for every copy of this trace (copies share storage, which is immutable).
    const void *identity() const { return m_data.get(); }

private:
    struct Data;
    explicit Trace(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> m_data;
};

} // namespace exitscope

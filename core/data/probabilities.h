#pragma once

// The per-row arithmetic that turns an exit's logits into probabilities and scores.
// Trace collection, trace building and the real early-exit run all use these, so that a
// run decides exactly as the evaluation of its trace says.

#include <cstdint>

namespace exitscope {

// Softmax of one row of C logits into `out` (float32, summed in double).
void softmax(const float *logits, std::int64_t classes, float *out);

// What the measures read of one probability vector.
struct ProbabilitySummary
{
    std::int32_t prediction = 0; // the first most probable class
    double maxProb = 0;
    double entropy = 0; // in nats; the entropy measure is normalizedEntropy() of it
    double margin = 0; // top-1 minus top-2 (the top-1 itself when C == 1)
    double sum = 0; // of the probabilities, for validation
};
ProbabilitySummary summarizeProbabilities(const float *probabilities, int classes);

// Entropy divided by log(C): in [0, 1]; 0 for one class.
double normalizedEntropy(double nats, int classes);

} // namespace exitscope

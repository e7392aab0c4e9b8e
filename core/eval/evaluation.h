#pragma once

#include "core/data/measure.h"
#include "core/data/trace.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace exitscope {

class LearnedScorer;

// The exit rule: a sample leaves at the first exit k < K-1 whose score is at least as
// confident as thresholds[k] (score >= t for higher-is-confident, score <= t for
// lower-is-confident); the last exit takes every sample still running.
struct ThresholdPolicy
{
    Measure measure = Measure::MaxProb;
    Direction direction = Direction::HigherIsConfident;
    std::vector<double> thresholds; // K - 1 values
    // For Measure::Learned only: computes the scores (EENet, docs/policies-eenet.md).
    std::shared_ptr<const LearnedScorer> scorer = nullptr;
};

// The comparison of the exit rule: whether a score is at least as confident as threshold t.
inline bool confidentEnough(Direction direction, double score, double t)
{
    return direction == Direction::HigherIsConfident ? score >= t : score <= t;
}

struct ExitOutcome
{
    std::int64_t reached = 0; // samples still running when they got to this exit
    std::int64_t hits = 0; // samples that left here
    double hitRate = 0; // hits / reached (0 when none reached)
    double accuracy = 0; // of the samples that left here; NaN when none or unknown
    double agreement = 0; // with the final exit, of the samples that left here; NaN when none
};

struct Evaluation
{
    std::vector<std::uint8_t> exitOf; // per sample
    double accuracy = 0; // NaN when the trace has no correctness
    double agreement = 0; // with the final exit; a lower bound unless the trace has predictions
    double meanCost = 0;
    // Quantiles of the per-sample cost: the smallest cost c with at least p * N samples
    // costing c or less.
    double p50Cost = 0, p90Cost = 0, p99Cost = 0;
    std::vector<ExitOutcome> exits;

    std::vector<double> exitDistribution() const; // hits / N per exit
};

// Refuses a policy that does not fit the trace: measure unavailable, wrong threshold
// count, NaN thresholds, a direction that contradicts the measure's.
void checkPolicy(const Trace &trace, const ThresholdPolicy &policy, const std::string &where);
void checkCosts(const Trace &trace, const std::vector<double> &cumulativeCost, const std::string &where);
// Refuses a test trace that a val trace's thresholds cannot apply to (another exit count).
// Whether the policy's measure is there is checkPolicy's, once the policy is known.
void checkTestTrace(const Trace &val, const Trace &test, const std::string &where);

// Applies the policy (checked beforehand) with cumulative per-exit costs.
Evaluation evaluate(const Trace &trace, const ThresholdPolicy &policy, const std::vector<double> &cumulativeCost);

} // namespace exitscope

#include "core/eval/evaluation.h"

#include "core/common/inputerror.h"
#include "core/eval/exitcounts.h"
#include "core/eval/learnedscorer.h"

#include <cmath>

namespace exitscope {

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

void checkTestTrace(const Trace &val, const Trace &test, const std::string &where)
{
    if (test.exits() != val.exits())
        throw InputError(where, "has " + std::to_string(test.exits()) + " exits but the val trace has "
                                    + std::to_string(val.exits()));
}

Evaluation evaluate(const Trace &trace, const ThresholdPolicy &policy, const std::vector<double> &cumulativeCost)
{
    // A learned policy's scores are computed here, every time (the Evaluator keeps them);
    // stored measures are read in place.
    const std::int64_t n = trace.samples();
    const bool isLearned = policy.measure == Measure::Learned;
    const std::vector<double> learned = isLearned ? policy.scorer->scores(trace) : std::vector<double>();
    std::vector<const double *> scores;
    for (int k = 0; k + 1 < trace.exits(); ++k)
        scores.push_back(isLearned ? learned.data() + k * n : trace.scores(policy.measure, k));
    return evaluateScores(trace, policy.direction, scores.data(), policy.thresholds, cumulativeCost);
}

} // namespace exitscope

#include "core/model/runreport.h"

#include "core/common/numbertext.h"

#include <cmath>

namespace exitscope {

namespace {

// Milliseconds per unit of a time profile; 0 for units that are not time.
double millisecondsPer(CostUnit unit)
{
    return unit == CostUnit::Milliseconds ? 1.0 : unit == CostUnit::Seconds ? 1000.0 : 0.0;
}

std::vector<JobWarning> runWarnings(const RunReport &r, const LatencyProfile &profile)
{
    std::vector<JobWarning> warnings;
    const LatencyProvenance &from = profile.provenance;
    if (from.source != ProfileSource::Measured)
        warnings.push_back({"profile-not-measured",
                            "the profile was not measured here (source: " + from.sourceText()
                                + "); run `exitscope-cli profile` for a prediction on this machine"});
    else if (from.batchSize != r.batchSize || from.device != r.device || from.threads != r.threads)
        warnings.push_back({"profile-conditions-differ",
                            "the profile was measured at batch " + std::to_string(from.batchSize) + " on " + from.device + " with "
                                + std::to_string(from.threads) + " thread(s); this run is batch " + std::to_string(r.batchSize)
                                + " on " + r.device + " with " + std::to_string(r.threads)});
    if (r.batchSize > 1)
        warnings.push_back({"batches-shrink",
                            "batches shrink as samples leave, so the later stages run on fewer samples than the profile timed"});
    if (r.referenceNow && std::abs(*r.referenceNow / *r.referenceProfiled - 1.0) > 0.05)
        warnings.push_back({"machine-speed-changed",
                            "the model without early exits took " + formatNumber(*r.referenceNow) + " ms just now, "
                                + formatNumber(*r.referenceProfiled) + " ms when profiled ("
                                + formatPercentDifference(*r.referenceNow, *r.referenceProfiled)
                                + "): this machine's speed has changed since, so expect predicted and measured to differ by as much"});
    if (!r.predictedMean)
        warnings.push_back({"profile-not-time", "the profile is in " + std::string(costUnitName(profile.unit))
                                                    + ", not time: predicted and measured latency cannot be compared"});
    return warnings;
}

} // namespace

RunReport reportRun(const EarlyExitRun &run, const Trace &trace, const Evaluation &evaluation, const LatencyProfile &profile,
                    const std::string &device, int batchSize, std::optional<double> referenceNow)
{
    RunReport r;
    r.device = device;
    r.threads = run.threads;
    r.batchSize = batchSize;
    r.check = compareWithEvaluation(run, trace, evaluation);
    const double samples = static_cast<double>(r.check.samples);

    r.runHits.assign(evaluation.exits.size(), 0);
    std::int64_t right = 0;
    for (std::size_t j = 0; j < run.exitOf.size(); ++j) {
        ++r.runHits[run.exitOf[j]];
        if (trace.hasLabels())
            right += run.predictions[j] == trace.contents().labels[j];
    }
    for (const ExitOutcome &e : evaluation.exits)
        r.evaluatedHits.push_back(e.hits);
    r.accuracy = trace.hasLabels() ? static_cast<double>(right) / samples : std::nan("");
    r.evaluatedAccuracy = evaluation.accuracy;

    if (const double scale = millisecondsPer(profile.unit); scale > 0) {
        r.predictedMean = r.check.predictedMean * scale;
        r.predictedP90 = r.check.predictedP90 * scale;
    }
    r.throughput = run.wallSeconds > 0 ? samples / run.wallSeconds : 0.0;
    if (referenceNow && profile.reference) {
        r.referenceProfiled = profile.reference;
        r.referenceNow = referenceNow;
    }
    r.warnings = runWarnings(r, profile);
    return r;
}

} // namespace exitscope

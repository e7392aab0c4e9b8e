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
    if (from.source != ProfileSource::Measured) {
        warnings.push_back({"profile-not-measured",
                            "the profile was not measured here (source: " + from.sourceText()
                                + "); run `exitscope-cli profile` for a prediction on this machine"});
    } else {
        if (from.batchSize != r.batchSize) {
            const std::string b = std::to_string(r.batchSize);
            warnings.push_back({"profile-batch-differs",
                                "the latency profile was measured at batch size " + std::to_string(from.batchSize)
                                    + ", this run is batch size " + b
                                    + ": a sample waits for its whole batch, so the prediction is for batches of "
                                    + std::to_string(from.batchSize) + ", not for this run; measure the profile at "
                                    + b + " (`exitscope-cli profile --batch-sizes " + b + "`) and pass it with --latency"});
        }
        if (from.device != r.device || from.threads != r.threads)
            warnings.push_back({"profile-conditions-differ",
                                "the profile was measured on " + from.device + " with " + std::to_string(from.threads)
                                    + " thread(s); this run is on " + r.device + " with " + std::to_string(r.threads)
                                    + " thread(s)"});
    }
    if (r.batchSize > 1)
        warnings.push_back({"batches-shrink",
                            "batches shrink as samples leave, so the later stages run on fewer samples than the profile timed"});
    if (r.machineSpeedChanged)
        warnings.push_back({"machine-speed-changed",
                            "the model without early exits took " + formatNumber(*r.referenceNow) + " ms just now, "
                                + formatNumber(*r.referenceProfiled) + " ms when profiled ("
                                + formatPercentDifference(*r.referenceNow, *r.referenceProfiled)
                                + ", same batch size and threads): this machine's speed has changed since, so expect "
                                  "predicted and measured to differ by as much; the drift-corrected prediction scales "
                                  "the profile's by that ratio"});
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
        const double drift = *referenceNow / *profile.reference;
        r.machineSpeedChanged = std::abs(drift - 1.0) > 0.05;
        if (r.predictedMean) {
            r.driftCorrectedMean = *r.predictedMean * drift;
            r.driftCorrectedP90 = *r.predictedP90 * drift;
        }
    }
    r.warnings = runWarnings(r, profile);
    return r;
}

} // namespace exitscope

#include "core/model/operatingpointrun.h"

#include "core/common/inputerror.h"
#include "core/model/latencyprofiler.h"
#include "core/model/tracecollector.h"

namespace exitscope {

std::optional<OperatingPointRun> runOperatingPoint(const MultiExitModel &model, const Dataset &data,
                                                   const std::vector<std::int64_t> &indices, const ThresholdPolicy &policy,
                                                   const std::string &policyWhere, const LatencyProfile &profile,
                                                   const OperatingPointRunOptions &options, const JobContext &context,
                                                   const Trace *trace)
{
    requireEarlyExit(model); // before the trace is collected, not after
    // The trace's share of the progress: collecting it costs about as much as the run.
    const double traced = trace ? 0.0 : 0.5;
    std::optional<Trace> collected;
    if (!trace) {
        context.progress.report(0, "trace of the test split");
        collected = collectTrace(model, data, indices, TraceCollectionOptions{options.traceBatchSize, 0, options.threads},
                                 context.part(0, traced, "trace of the test split"));
        if (!collected)
            return std::nullopt;
        trace = &*collected;
    } else if (trace->samples() != static_cast<std::int64_t>(indices.size())) {
        throw InputError("test trace", "it has " + std::to_string(trace->samples()) + " samples, the split to run "
                                           + std::to_string(indices.size()) + ": it is not the trace of these samples");
    }
    checkPolicy(*trace, policy, policyWhere);
    Evaluation evaluation = evaluate(*trace, policy, profile.cumulative);
    std::optional<EarlyExitRun> run = runEarlyExit(model, data, indices, policy,
                                                   EarlyExitOptions{options.batchSize, options.warmupRuns, options.threads},
                                                   context.part(traced, 0.95, "early-exit run"));
    if (!run)
        return std::nullopt;
    // Right after the run, a short timing of the model without early exits: when it differs
    // from the profile's reference, the machine's speed changed since profiling (a shared or
    // throttled CPU), and measured and predicted latency differ for that reason.
    std::optional<double> referenceNow;
    if (profile.provenance.source == ProfileSource::Measured && profile.reference && profile.unit == CostUnit::Milliseconds) {
        context.progress.report(0.95, "timing the model without exits");
        // Timed as the profile was (its batch size and threads), so that only the machine's
        // speed can make the two differ: a run at another batch size is named as such.
        ProfilerOptions quick;
        quick.inputShape = data.sampleShape();
        quick.batchSizes = {profile.provenance.batchSize > 0 ? profile.provenance.batchSize : options.batchSize};
        quick.minSeconds = 0.3;
        quick.maxSeconds = 1.0;
        quick.threads = profile.provenance.threads > 0 ? profile.provenance.threads : options.threads;
        const auto now = profileLatency(model, quick, JobContext{context.cancel, {}, {}});
        if (!now && context.cancel.cancelled())
            return std::nullopt;
        if (now)
            referenceNow = now->front().reference;
    }
    context.progress.report(1, "done");
    RunReport report = reportRun(*run, *trace, evaluation, profile, model.device(), options.batchSize, referenceNow);
    return OperatingPointRun{collected ? std::move(*collected) : *trace, std::move(evaluation), std::move(*run), referenceNow,
                             std::move(report)};
}

} // namespace exitscope

#pragma once

#include "core/data/latencyprofile.h"
#include "core/data/trace.h"
#include "core/eval/evaluation.h"
#include "core/jobs/jobwarning.h"
#include "core/model/earlyexitrun.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exitscope {

// What a real early-exit run showed beside the trace-based evaluation of the same samples:
// the values `exitscope-cli run` prints (and writes as JSON) and a window shows. Latencies
// are milliseconds per sample.
struct RunReport
{
    std::string device;
    int threads = 0;
    int batchSize = 0;
    EarlyExitCheck check; // agreement with the evaluation, measured and predicted latency
    double accuracy = 0; // of the run's predictions; NaN when the labels are unknown
    double evaluatedAccuracy = 0; // the trace-based evaluation's
    std::vector<std::int64_t> runHits, evaluatedHits; // per exit
    // The profile's prediction in milliseconds; none when its unit is not a time.
    std::optional<double> predictedMean, predictedP90;
    double throughput = 0; // samples per second of the timed run
    // The model without early exits when profiled and right after the run, at the
    // profile's batch size and threads (measured profiles in milliseconds only).
    std::optional<double> referenceProfiled, referenceNow;
    // The prediction scaled by referenceNow / referenceProfiled: what the profile predicts
    // at the machine's speed of now. Set with referenceNow.
    std::optional<double> driftCorrectedMean, driftCorrectedP90;
    bool machineSpeedChanged = false; // referenceNow differs from referenceProfiled by more than 5%
    std::vector<JobWarning> warnings; // why measured and predicted may differ

    bool agrees() const { return check.exitMismatches == 0 && check.predictionMismatches == 0; }
};

// Reports a run of `run.indices` set beside `trace`, the trace of the same samples, and
// `evaluation`, the policy's evaluation on it with `profile`'s costs; `referenceNow` is a
// timing of the model without early exits taken after the run, if any, at the profile's
// batch size and threads (so that it differs from the profile's reference only by the
// machine's speed). Warnings (ids stable, docs/cli.md): profile-not-measured,
// profile-batch-differs, profile-conditions-differ (device, threads), batches-shrink,
// machine-speed-changed, profile-not-time.
RunReport reportRun(const EarlyExitRun &run, const Trace &trace, const Evaluation &evaluation, const LatencyProfile &profile,
                    const std::string &device, int batchSize, std::optional<double> referenceNow);

} // namespace exitscope

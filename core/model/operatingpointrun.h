#pragma once

#include "core/data/latencyprofile.h"
#include "core/data/trace.h"
#include "core/eval/evaluation.h"
#include "core/jobs/jobcontext.h"
#include "core/model/dataset.h"
#include "core/model/earlyexitrun.h"
#include "core/model/multiexitmodel.h"
#include "core/model/runreport.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exitscope {

struct OperatingPointRunOptions
{
    int batchSize = 1; // of the real run
    int warmupRuns = 10;
    int threads = 0; // LibTorch's intra-op threads; 0: as is
    int traceBatchSize = 64; // of the trace collected when none is given (as `trace` collects)
};

// What `exitscope-cli run` and the window's "Run operating point for real" compute.
struct OperatingPointRun
{
    Trace trace; // of the samples run, in their order: given or collected
    Evaluation evaluation; // the policy on the trace with the profile's costs
    EarlyExitRun run;
    std::optional<double> referenceNow; // the model without exits, timed right after the run
    RunReport report;
};

// The check of an operating point on a real model: the trace of `indices` (collected when
// `trace` is null, else taken as the trace of exactly these samples in this order), the
// policy's evaluation on it, the real early-exit run of the same samples, then a quick
// timing of the model without exits at the profile's batch size and threads (measured
// millisecond profiles only: the machine-speed drift), and reportRun. `policyWhere` names
// the policy in errors (checkPolicy). Nothing when cancelled; InputError for a monolithic
// model, a policy that does not fit, or a given trace of another sample count.
std::optional<OperatingPointRun> runOperatingPoint(const MultiExitModel &model, const Dataset &data,
                                                   const std::vector<std::int64_t> &indices, const ThresholdPolicy &policy,
                                                   const std::string &policyWhere, const LatencyProfile &profile,
                                                   const OperatingPointRunOptions &options, const JobContext &context = {},
                                                   const Trace *trace = nullptr);

} // namespace exitscope

#pragma once

#include "core/data/latencyprofile.h"
#include "core/jobs/jobcontext.h"
#include "core/model/multiexitmodel.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace exitscope {

struct ProfilerOptions
{
    std::vector<std::int64_t> inputShape; // one sample, e.g. {3, 32, 32}
    std::vector<int> batchSizes{1};
    // Untimed runs first (caches, allocator, TorchScript's profiling executor), at least
    // warmupRuns and warmupSeconds.
    int warmupRuns = 10;
    double warmupSeconds = 0.2;
    // Then timed runs until every exit's IQR / median <= targetSpread, after at least
    // minRuns and minSeconds; at most maxSeconds per batch size (then the spread is what
    // it is: the report shows it).
    int minRuns = 50;
    double minSeconds = 1.0;
    double maxSeconds = 10.0;
    double targetSpread = 0.05;
    std::uint64_t seed = 1; // of the random input
    int threads = 0; // LibTorch's intra-op threads for this job (TorchThreads); 0: as is
};

// Times a staged model on its device (docs/latency-profile.md, "Measured profiles"): per
// batch size, runs the whole chain input -> stage 0 -> head 0 -> stage 1 -> ... -> head K-1
// with a clock reading after every stage and head, and, interleaved with it, the model
// without early exits (all stages, then the last head) for the reference. Each exit's
// cumulative cost is the mean time from the input to the end of its head (its distribution
// gives median, IQR, p90, p99), so that a policy's expected cost predicts the mean
// latency measured by a real early-exit run. Milliseconds per batch. Returns nothing when
// cancelled; InputError when the model is not staged or rejects the input shape.
std::optional<std::vector<LatencyProfile>> profileLatency(const MultiExitModel &model, const ProfilerOptions &options,
                                                          const JobContext &context = {});

// Empirical quantile with linear interpolation between order statistics (numpy's default).
double interpolatedQuantile(std::vector<double> values, double q);

} // namespace exitscope

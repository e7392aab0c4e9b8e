#pragma once

#include "core/eval/evaluation.h"
#include "core/jobs/jobcontext.h"
#include "core/model/dataset.h"
#include "core/model/multiexitmodel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exitscope {

// A threshold policy applied to a running model, one sample at a time: the same scores
// as a trace of the model would hold (core/probabilities.h), the same comparison as
// evaluate(). The policy must fit the model's traces (checkPolicy).
class ExitDecider
{
public:
    // What the decider remembers of one sample between exits (patience, learned scores).
    struct History
    {
        std::int32_t previousPrediction = -1;
        int patience = 0;
        std::vector<double> learned;
    };

    ExitDecider(ThresholdPolicy policy, int exits);

    // Whether a sample leaves at `exit`, given its probabilities there; the last exit takes
    // everyone. Call for exits 0, 1, ... in order with the sample's own history.
    bool leaves(int exit, const float *probabilities, int classes, History &history) const;

private:
    ThresholdPolicy m_policy;
    int m_exits;
};

// What a real early-exit run did, per sample in the order of the indices it was given.
struct EarlyExitRun
{
    std::vector<std::int64_t> indices; // dataset indices
    std::vector<std::uint8_t> exitOf;
    std::vector<std::int32_t> predictions;
    std::vector<double> milliseconds; // from the batch's input to the sample's exit decision
    double wallSeconds = 0; // the whole timed run, batches read from disk excluded
    int threads = 0; // LibTorch's intra-op threads it ran with
};

struct EarlyExitOptions
{
    int batchSize = 1; // batches shrink as samples leave; 1: each sample alone
    int warmupRuns = 10; // untimed runs of the first batch first
    int threads = 0; // LibTorch's intra-op threads for this job (TorchThreads); 0: as is
};

// InputError for a model runEarlyExit cannot run (a monolithic one): callers that do
// other work first check up front.
void requireEarlyExit(const MultiExitModel &model);

// Runs a staged model on the samples stage by stage, in batches that shrink as samples
// leave, and times each sample from its batch's input to the decision at its exit; the
// first batch is run warm-up times untimed first. Returns nothing when cancelled (between
// batches).
std::optional<EarlyExitRun> runEarlyExit(const MultiExitModel &model, const Dataset &data,
                                         const std::vector<std::int64_t> &indices, const ThresholdPolicy &policy,
                                         const EarlyExitOptions &options, const JobContext &context = {});

// A run set beside the evaluation of the same samples' trace (same order).
struct EarlyExitCheck
{
    std::int64_t samples = 0;
    std::int64_t exitMismatches = 0, predictionMismatches = 0;
    std::vector<std::string> examples; // the first few mismatches, in words
    double measuredMean = 0, measuredP90 = 0; // ms per sample
    double predictedMean = 0, predictedP90 = 0; // from the profile's costs and the evaluation's exits
};
EarlyExitCheck compareWithEvaluation(const EarlyExitRun &run, const Trace &trace, const Evaluation &evaluation);

} // namespace exitscope

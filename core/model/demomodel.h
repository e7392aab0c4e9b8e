#pragma once

// Plain C++ on purpose: only demomodel.cpp includes torch.

#include "core/jobs/jobcontext.h"
#include "core/model/dataset.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exitscope {

// How the built-in demo's model is trained.
struct DemoTrainingOptions
{
    int epochs = 4;
    int batchSize = 128;
    double learningRate = 2e-3; // Adam's, falling linearly to 0 over the training
    std::uint64_t seed = 1;     // of the initial weights and the order of the samples
    int threads = 0;            // LibTorch's intra-op threads (TorchThreads); 0: as is
};

// What a training did, and how the saved file does on the test samples.
struct DemoTrainingResult
{
    std::vector<double> epochLoss;    // mean training loss per epoch (the sum over exits)
    std::vector<double> testAccuracy; // per exit, of the saved file loaded back
    std::int64_t trainSamples = 0, testSamples = 0;
    std::int64_t parameters = 0;
    double trainingSeconds = 0; // the epochs alone (wall time)
};

// The built-in demo's model: a staged 4-exit CNN for 1x28x28 grayscale images in [0, 1]
// and 10 classes (Fashion-MNIST), built as TorchScript in C++ (docs/model-contract.md,
// staged layout: `stages` and `exits` ModuleLists; resources/README.md gives the layers),
// so that the project defines and trains it without Python. Trains every exit jointly (the
// sum of their cross-entropies; Adam) on the `trainIndices` samples of `train`, from
// weights drawn with Exitscope's own seeded generator, in a seeded sample order; saves the
// model to `out` (atomically) and then loads the file back with MultiExitModel and
// measures each exit's accuracy on all of `test`. Same options and thread count: the same
// file. Returns nothing when cancelled (between batches; nothing written). InputError when
// the samples are not 1x28x28 with labels of 10 classes.
std::optional<DemoTrainingResult> trainDemoModel(const Dataset &train, const std::vector<std::int64_t> &trainIndices,
                                                 const Dataset &test, const std::string &out,
                                                 const DemoTrainingOptions &options, const JobContext &context = {});

} // namespace exitscope

// The demo model's training (train-demo): the built-in demo's staged CNN on Fashion-MNIST.
#include "commands.h"

#include "console.h"
#include "textreport.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/model/datasetsources.h"
#include "core/model/demomodel.h"

#include <cmath>
#include <filesystem>
#include <iostream>

namespace exitscope::cli {

namespace fs = std::filesystem;

namespace {

// The Fashion-MNIST files in dir (every spelling the mnist reader takes); the data must be
// there before anything runs, and the message names the package.
std::vector<std::string> fashionMnistFiles(const std::string &dir)
{
    std::vector<std::string> files;
    const std::pair<std::string, std::string> kinds[] = {
        {"t10k-images", "idx3-ubyte"}, {"train-images", "idx3-ubyte"}, {"t10k-labels", "idx1-ubyte"}, {"train-labels", "idx1-ubyte"}};
    for (const auto &[stem, format] : kinds) {
        bool found = false;
        for (const std::string &name : {stem + "-" + format, stem + "." + format})
            for (const char *suffix : {"", ".gz"})
                if (fs::exists(fs::path(dir) / (name + suffix))) {
                    files.push_back((fs::path(dir) / (name + suffix)).string());
                    found = true;
                }
        if (!found)
            throw InputError(dir, "no Fashion-MNIST here (" + stem + "-" + format
                                      + "[.gz] is missing): install Debian's dataset-fashion-mnist package "
                                        "(apt-get install dataset-fashion-mnist), or give --data with the folder "
                                        "holding the four IDX files");
    }
    return files;
}

// The held-out training images: the first `count` of the seeded permutation of the
// training set. trace's val samples and train-demo's excluded samples are both these, so
// that the demo's thresholds are tuned on images the model never saw.
std::string heldOutSpec(const std::string &dir, std::int64_t count, std::uint64_t splitSeed)
{
    return "mnist:" + dir + "?part=train&val=" + std::to_string(count) + "&seed=" + std::to_string(splitSeed);
}

std::string percent(double fraction)
{
    return std::isfinite(fraction) ? formatNumber(100 * fraction, 1) : "-";
}

} // namespace

int runTrainDemoCommand(const TrainDemoOptions &o)
{
    checkOutputIsNotInput(o.out, fashionMnistFiles(o.data));
    const DatasetSources sources = openDatasetSources("mnist:" + o.data, heldOutSpec(o.data, o.holdout, o.splitSeed));
    // Trained on every training image but the held-out ones.
    const Dataset &train = *sources.valData;
    const std::vector<std::int64_t> trainIndices = splitDatasetAt(train.size(), o.holdout, o.splitSeed).test;
    DemoTrainingOptions options;
    options.epochs = o.epochs;
    options.batchSize = o.batchSize;
    options.learningRate = o.learningRate;
    options.seed = o.seed;
    options.threads = o.threads;
    std::cout << "training the demo model on " << trainIndices.size() << " training images (" << o.holdout
              << " held out for the demo's val trace), " << o.epochs << " epochs, seed " << o.seed << "\n"
              << std::flush;
    const JobContext context = consoleContext([](const ProgressUpdate &update) {
        std::string line = "[" + std::to_string(static_cast<int>(update.fraction * 100)) + "%] " + update.message;
        if (update.secondsLeft > 0)
            line += ", about " + std::to_string(static_cast<int>(std::ceil(update.secondsLeft))) + " s left";
        return line;
    });
    const std::optional<DemoTrainingResult> result = trainDemoModel(train, trainIndices, *sources.testData, o.out, options, context);
    if (!result)
        return interruptedNothingWritten();
    for (std::size_t e = 0; e < result->epochLoss.size(); ++e)
        std::cout << "epoch " << e + 1 << "    mean training loss (sum over exits) " << formatNumber(result->epochLoss[e], 4) << "\n";
    TextTable exits({"exit", "test accuracy"});
    for (std::size_t k = 0; k < result->testAccuracy.size(); ++k)
        exits.addRow({std::to_string(k), percent(result->testAccuracy[k]) + " %"});
    std::cout << "\n";
    exits.print(std::cout);
    std::cout << "\nwrote " << o.out << " (" << result->parameters << " parameters; trained in "
              << formatNumber(result->trainingSeconds, 1) << " s; accuracies on the " << result->testSamples
              << " test images)\n";
    return 0;
}

} // namespace exitscope::cli

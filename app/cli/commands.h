#pragma once

// What each exitscope-cli subcommand does, given its parsed options. Parsing lives in
// main.cpp (the only file that includes CLI11); these functions throw InputError on bad
// input and write nothing partial.

#include <cstdint>
#include <string>
#include <vector>

namespace exitscope::cli {

struct ImportAaai21Options
{
    std::string confidence, correct, out;
    bool lowerIsConfident = false;
    double divisor = 1.0;
};
void runImportAaai21(const ImportAaai21Options &options);

struct ImportEenetOptions
{
    std::string logits, seconds, flops, outDir;
};
void runImportEenet(const ImportEenetOptions &options);

struct InfoOptions
{
    std::string path;
    bool json = false;
};
void runInfo(const InfoOptions &options);

// Where exit costs come from: --costs, --latency, or a threshold config.
struct CostOptions
{
    std::vector<double> costs;
    std::string costUnit = "relative";
    std::string latency;
    int batchSize = 0; // the --latency file's profile measured at this batch size; 0: its main profile
    double reference = 0; // 0 = none given
};

struct EvalOptions
{
    std::string trace, test, config, exportPath;
    CostOptions cost;
    std::string measure; // empty: the config's, else the trace's default
    std::vector<double> thresholds;
    double budget = 0;
    bool budgetGiven = false, budgetRelative = false;
    bool json = false;
};
void runEval(const EvalOptions &options);

// What sweep and solve share: traces, costs, budget semantics and solver options.
struct TuningOptions
{
    std::string val, test;
    CostOptions cost;
    bool relative = false;
    std::string budgetKind = "mean";
    bool labelFree = false;
    int threads = 0;
    std::uint64_t seed = 1;
    std::string measure;
    double ipppSlope = 30, ipppBeta = 100;
    int ipppOuter = 100, ipppInner = 10;
    bool ipppRawPenalty = false;
};

struct SweepOptions
{
    TuningOptions tuning;
    std::string policies = "heuristic,branchynet,msdnet,ippp,eenet,selfxit,patience,best,oracle";
    std::string budgets; // FROM:TO:COUNT or a comma-separated list
    std::string out;
};
// Returns the exit status: 0, or 130 when interrupted (partial rows go to OUT.incomplete).
int runSweepCommand(const SweepOptions &options);

struct SolveOptions
{
    TuningOptions tuning;
    std::string policy;
    double budget = 0;
    std::string fromSweep; // export that sweep CSV's row instead of solving
    std::string out;
};
void runSolveCommand(const SolveOptions &options);

struct TraceOptions
{
    std::string model, dataset, outDir, device = "cpu";
    std::string valDataset; // empty: val and test split the one dataset
    int batchSize = 64;
    int threads = 0;
    int topk = 0; // keep the k largest probabilities; 0 (or k >= C) keeps all
};
// Returns the exit status: 0, or 130 when interrupted (nothing written).
int runTraceCommand(const TraceOptions &options);

struct ProfileOptions
{
    std::string model, device = "cpu", out;
    std::vector<std::int64_t> inputShape;
    std::vector<int> batchSizes{1};
    int threads = 0;
    int warmup = 10;
    double minSeconds = 1.0, maxSeconds = 10.0, targetSpread = 0.05;
};
// Returns the exit status: 0, or 130 when interrupted (nothing written).
int runProfileCommand(const ProfileOptions &options);

struct RunOptions
{
    std::string model, dataset, config, latency, device = "cpu", samplesCsv;
    std::string valDataset; // as trace's: given, the test set is all of the dataset
    int batchSize = 1;
    int threads = 0;
    int warmup = 10;
    bool json = false;
};
// Returns the exit status: 0; 1 when a sample's exit or prediction differs from the
// trace-based evaluation; 130 when interrupted (nothing written).
int runRunCommand(const RunOptions &options);

// The built-in demo (democommand.cpp): Debian's Fashion-MNIST and the committed model.
constexpr const char *kFashionMnistDir = "/usr/share/datasets/fashion-mnist";
constexpr std::int64_t kDemoHeldOut = 10000; // training images the demo model never sees
constexpr std::uint64_t kDemoSplitSeed = 1;  // of the permutation whose first kDemoHeldOut they are

struct TrainDemoOptions
{
    std::string data = kFashionMnistDir, out;
    int epochs = 4, batchSize = 128, threads = 1; // one thread: the same float sums, the same file, anywhere
    double learningRate = 2e-3;
    std::uint64_t seed = 1;
    std::int64_t holdout = kDemoHeldOut;
    std::uint64_t splitSeed = kDemoSplitSeed;
};
// Returns the exit status: 0, or 130 when interrupted (nothing written).
int runTrainDemoCommand(const TrainDemoOptions &options);

struct DemoOptions
{
    std::string outDir, data = kFashionMnistDir, model; // model: empty for the built-in one
    std::int64_t valSamples = 5000;
    int budgets = 9;
    int threads = 1; // LibTorch's, in every step (the latency profile and the real run included)
    bool quick = false;
};
// Returns the exit status of its last step: 0; 1 when the real run disagrees with the
// trace-based evaluation; 130 when interrupted.
int runDemoCommand(const DemoOptions &options);

struct SynthOptionsCli
{
    int exits = 5;
    std::int64_t samples = 10000;
    int classes = 10;
    std::uint64_t seed = 1;
    std::string out;
};
void runSynth(const SynthOptionsCli &options);

} // namespace exitscope::cli

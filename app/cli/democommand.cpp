// The built-in demo: the demo model's training (train-demo) and the whole workflow on
// Fashion-MNIST (demo), each step run by the command that a user would run for it.
#include "commands.h"

#include "console.h"
#include "textreport.h"
#include "tuning.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/common/internalerror.h"
#include "core/data/latencyprofile.h"
#include "core/model/datasetsources.h"
#include "core/model/demomodel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace exitscope::cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

const char *const kModelFile = "fashion-mnist-exits.pt";

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

// The committed model: beside the installed program, else in the source tree it was built from.
std::string builtInModel()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "exitscope" / kModelFile;
        if (fs::is_regular_file(installed))
            return installed.string();
    }
    const fs::path source = fs::path(EXITSCOPE_RESOURCE_DIR) / kModelFile;
    return fs::is_regular_file(source) ? source.string() : std::string();
}

std::string percent(double fraction)
{
    return std::isfinite(fraction) ? formatNumber(100 * fraction, 1) : "-";
}

// The sweep's CSV, read back by column name: the demo's trade-off table.
struct CurveRow
{
    std::string policy;
    double budget = 0, testAccuracy = 0, testCost = 0;
};

std::vector<CurveRow> readCurve(const std::string &path)
{
    std::ifstream in(path);
    std::string line;
    if (!std::getline(in, line))
        throw InternalError("the sweep wrote no header to " + path);
    const auto split = [](const std::string &text) {
        std::vector<std::string> cells;
        std::stringstream s(text);
        for (std::string cell; std::getline(s, cell, ',');)
            cells.push_back(cell);
        return cells;
    };
    const std::vector<std::string> header = split(line);
    const auto column = [&](const std::string &name) {
        const auto at = std::find(header.begin(), header.end(), name);
        if (at == header.end())
            throw InternalError("the sweep's CSV " + path + " has no column " + name);
        return static_cast<std::size_t>(at - header.begin());
    };
    const std::size_t policy = column("policy"), budget = column("budget"), accuracy = column("test_accuracy"),
                      cost = column("test_cost");
    std::vector<CurveRow> rows;
    while (std::getline(in, line)) {
        const std::vector<std::string> cells = split(line);
        const auto number = [&](std::size_t i) {
            return i < cells.size() && !cells[i].empty() ? std::stod(cells[i]) : std::nan("");
        };
        rows.push_back({cells.at(policy), number(budget), number(accuracy), number(cost)});
    }
    return rows;
}

void printTradeOff(const std::vector<CurveRow> &rows, double reference, const std::vector<std::string> &policies)
{
    std::vector<double> budgets;
    std::map<std::pair<double, std::string>, CurveRow> at;
    for (const CurveRow &r : rows) {
        if (std::find(budgets.begin(), budgets.end(), r.budget) == budgets.end())
            budgets.push_back(r.budget);
        at[{r.budget, r.policy}] = r;
    }
    std::vector<std::string> header{"budget", "budget ms"};
    header.insert(header.end(), policies.begin(), policies.end());
    header.push_back("best: test ms");
    TextTable table(header);
    for (double b : budgets) {
        std::vector<std::string> cells{formatNumber(b, 3), formatNumber(b * reference, 3)};
        for (const std::string &p : policies) {
            const auto found = at.find({b, p});
            cells.push_back(found == at.end() ? "-" : percent(found->second.testAccuracy));
        }
        const auto best = at.find({b, "best"});
        cells.push_back(best == at.end() ? "-" : formatNumber(best->second.testCost, 3));
        table.addRow(cells);
    }
    table.print(std::cout);
}

// "== 2/6 what (at 12.3 s)": each step's start, timed from the demo's.
void heading(int step, int steps, const std::string &text, Clock::time_point start)
{
    std::cout << "\n== " << step << "/" << steps << " " << text << " (at "
              << formatNumber(std::chrono::duration<double>(Clock::now() - start).count(), 1) << " s)\n"
              << std::flush;
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

int runDemoCommand(const DemoOptions &o)
{
    const auto start = Clock::now();
    fashionMnistFiles(o.data);
    const std::int64_t valCount = o.quick ? std::min<std::int64_t>(1000, o.valSamples) : o.valSamples;
    const int budgetCount = o.quick ? 5 : o.budgets;
    const std::string testSpec = "mnist:" + o.data;
    const std::string valSpec = heldOutSpec(o.data, valCount, kDemoSplitSeed);
    const int steps = 6;

    if (o.model.empty() && valCount > kDemoHeldOut)
        throw InputError("val samples", "the built-in model was trained on all training images but the first "
                                            + std::to_string(kDemoHeldOut) + " of the demo's permutation: at most "
                                            + std::to_string(kDemoHeldOut) + " val samples, found " + std::to_string(valCount));
    const fs::path dir = createFolder(o.outDir);
    std::string model = o.model.empty() ? builtInModel() : o.model;
    if (model.empty()) {
        model = (dir / "model.pt").string();
        heading(0, steps, "the built-in model is missing: training it (a few minutes)", start);
        TrainDemoOptions train;
        train.data = o.data;
        train.out = model;
        if (const int status = runTrainDemoCommand(train))
            return status;
    }

    const std::string traces = (dir / "traces").string();
    heading(1, steps, "traces: " + model + " on " + std::to_string(valCount)
                          + " held-out training images (val) and all test images (test)", start);
    TraceOptions trace;
    trace.model = model;
    trace.dataset = testSpec;
    trace.valDataset = valSpec;
    trace.outDir = traces;
    trace.batchSize = 256;
    trace.threads = o.threads;
    if (const int status = runTraceCommand(trace))
        return status;

    const std::string latency = (dir / "latency.json").string();
    heading(2, steps, "latency profile of this CPU, batch size 1, " + std::to_string(o.threads) + " thread(s)", start);
    ProfileOptions profile;
    profile.model = model;
    profile.out = latency;
    profile.inputShape = {1, 28, 28};
    profile.threads = o.threads;
    profile.minSeconds = o.quick ? 0.3 : 1.0;
    profile.maxSeconds = o.quick ? 1.0 : 3.0;
    if (const int status = runProfileCommand(profile))
        return status;

    // Budgets from the first exit's cost to the last's, as fractions of the model without exits.
    const LatencyProfile measured = readLatencyProfile(latency);
    if (!measured.reference || *measured.reference <= 0)
        throw InternalError("the measured profile " + latency + " has no reference");
    const double reference = *measured.reference;
    const double from = std::ceil(measured.cumulative.front() / reference * 1000) / 1000;
    const double to = std::floor(measured.cumulative.back() / reference * 1000) / 1000;
    const std::string budgets = formatNumber(from, 3) + ":" + formatNumber(std::max(from, to), 3) + ":" + std::to_string(budgetCount);
    const std::string curve = (dir / "curve.csv").string();
    heading(3, steps, "sweep: every policy at " + std::to_string(budgetCount) + " budgets " + budgets
                          + " (fractions of the model without exits, " + formatNumber(reference, 3) + " ms)", start);
    SweepOptions sweep;
    sweep.tuning.val = traces + "/val.npz";
    sweep.tuning.test = traces + "/test.npz";
    sweep.tuning.cost.latency = latency;
    sweep.tuning.relative = true;
    sweep.budgets = budgets;
    sweep.out = curve;
    if (const int status = runSweepCommand(sweep))
        return status;

    const double middle = std::round((from + std::max(from, to)) / 2 * 1000) / 1000;
    const std::string config = (dir / "thresholds.json").string();
    heading(4, steps, "solve: the best policy at budget " + formatNumber(middle, 3) + " (" + formatNumber(middle * reference, 3)
                          + " ms), exported", start);
    SolveOptions solve;
    solve.tuning = sweep.tuning;
    solve.policy = "best";
    solve.budget = middle;
    solve.out = config;
    runSolveCommand(solve);

    heading(5, steps, "run: real early exits on all test images, " + std::to_string(o.threads) + " thread(s), batch size 1", start);
    RunOptions run;
    run.model = model;
    run.dataset = testSpec;
    run.valDataset = valSpec;
    run.config = config;
    run.threads = o.threads;
    run.samplesCsv = (dir / "samples.csv").string();
    const int runStatus = runRunCommand(run);
    if (runStatus == 130)
        return runStatus;

    heading(6, steps, "trade-off: test accuracy (%) of each policy at each budget (thresholds chosen on val)", start);
    std::vector<std::string> policies;
    for (PolicyId policy : parsePolicies(sweep.policies))
        policies.emplace_back(policyName(policy));
    printTradeOff(readCurve(curve), reference, policies);
    std::cout << "\nfiles in " << dir.string() << ":\n"
              << "  traces/val.npz, traces/test.npz  every exit's probabilities (docs/trace-format.md)\n"
              << "  latency.json                      this CPU's latency profile (docs/latency-profile.md)\n"
              << "  curve.csv                         the sweep (docs/policies.md#sweep-output)\n"
              << "  thresholds.json                   the exported config (docs/threshold-config.md)\n"
              << "  samples.csv                       the real run, per test image\n"
              << "demo done in " << formatNumber(std::chrono::duration<double>(Clock::now() - start).count(), 1) << " s\n";
    return runStatus;
}

} // namespace exitscope::cli

// exitscope-cli: the command-line twin of the desktop app, for scripts and GPU servers.
// Exit status: 0 ok, 1 run disagrees with the evaluation, 2 usage error, 3 bad input,
// 70 internal error (a bug), 130 interrupted.

#include "commands.h"
#include "errorreport.h"

#include "app/buildinfo/buildinfo.h"
#include "core/solvers/solver.h"

#include <CLI/CLI.hpp>

#include <iostream>

using namespace exitscope;
using namespace exitscope::cli;

namespace {

// Seeds are unsigned 64-bit: "-1" would otherwise wrap around to 2^64 - 1.
CLI::Validator seedValidator()
{
    return CLI::Validator(
        [](std::string &value) {
            return value.find_first_not_of("0123456789") == std::string::npos && !value.empty()
                ? std::string()
                : "expected a whole number from 0 to 18446744073709551615, found " + value;
        },
        "SEED");
}

void addCostOptions(CLI::App *command, CostOptions &cost, bool required)
{
    auto *costs = command->add_option("--costs", cost.costs,
                                      "Cumulative cost of reaching and taking each exit, comma-separated (K values)")
                      ->delimiter(',');
    auto *latency = command->add_option("--latency", cost.latency, "Latency profile JSON (docs/latency-profile.md; import eenet writes one)");
    costs->excludes(latency);
    command->add_option("--cost-unit", cost.costUnit, "Unit of --costs: ms, s, flops or relative")
        ->check(CLI::IsMember({"ms", "s", "flops", "relative"}))
        ->needs(costs);
    command->add_option("--reference", cost.reference, "Cost of the plain model without exits, for relative budgets")
        ->check(CLI::PositiveNumber);
    if (required)
        command->callback([costs, latency]() {
            if (costs->count() == 0 && latency->count() == 0)
                throw CLI::RequiredError("--costs or --latency");
        });
}

void addTuningOptions(CLI::App *command, TuningOptions &t)
{
    command->add_option("--val", t.val, "Val trace (.npz): thresholds are chosen here")->required();
    command->add_option("--test", t.test, "Test trace (.npz): the chosen thresholds are reported on it");
    addCostOptions(command, t.cost, true);
    command->add_option("--batch-size", t.cost.batchSize,
                        "Tune for this batch size: the --latency file's profile measured at it (profile --batch-sizes)")
        ->check(CLI::PositiveNumber)
        ->needs(command->get_option("--latency"));
    command->add_flag("--relative", t.relative, "Budgets are fractions of the reference cost");
    command->add_option("--budget-kind", t.budgetKind, "mean: expected cost <= budget; p90: 90% of samples finish within it")
        ->check(CLI::IsMember({"mean", "p90"}));
    command->add_flag("--label-free", t.labelFree, "Judge exits by agreement with the final exit instead of labels");
    command->add_option("--threads", t.threads, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
    command->add_option("--seed", t.seed, "Seed of the randomized solvers")->check(seedValidator());
    command->add_option("--measure", t.measure, "Score to threshold (default: each policy's own)")
        ->check(CLI::IsMember({"given", "max-prob", "entropy", "margin", "patience"}));
    command->add_option("--ippp-slope", t.ipppSlope, "iPPP: sigmoid slope k (paper: 30, 200 for Speech)")->check(CLI::PositiveNumber);
    command->add_option("--ippp-beta", t.ipppBeta, "iPPP: penalty on the budget-normalized cost")->check(CLI::PositiveNumber);
    command->add_flag("--ippp-raw-penalty", t.ipppRawPenalty,
                      "iPPP: beta in the profile's own cost unit, as the paper (2e7 for seconds, 500 for relative costs)");
    command->add_option("--ippp-outer", t.ipppOuter, "iPPP: outer iterations T")->check(CLI::PositiveNumber);
    command->add_option("--ippp-inner", t.ipppInner, "iPPP: inner iterations J")->check(CLI::PositiveNumber);
}

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{"Exitscope: tune the exit thresholds of early-exit neural networks.\n"
                 "Exit status: 0 ok, 1 `run` disagrees with the trace-based evaluation, 2 usage error, 3 bad input,\n"
                 "70 internal error (a bug in Exitscope), 130 interrupted (SIGINT or SIGTERM).",
                 "exitscope-cli"};
    std::string version = versionText("exitscope-cli", "Qt: not used (exitscope-cli has no window)");
    version.pop_back(); // CLI11 ends it with a newline of its own
    app.set_version_flag("--version", version);
    app.require_subcommand(1);
    app.fallthrough(false);

    // import
    auto *import = app.add_subcommand("import", "Convert traces researchers already have into Exitscope traces");
    import->require_subcommand(1);
    ImportAaai21Options aaai21;
    auto *aaai = import->add_subcommand("aaai21", "The AAAI21 pair <name>_confidence.npy + <name>_correct.npy (K x N float64)");
    aaai->add_option("--confidence", aaai21.confidence, "K x N scores (.npy)")->required();
    aaai->add_option("--correct", aaai21.correct, "K x N 0/1 correctness (.npy)")->required();
    auto *lower = aaai->add_flag("--lower-is-confident", aaai21.lowerIsConfident,
                                 "Lower scores mean more confident (entropy, minus max probability)");
    bool higher = false;
    aaai->add_flag("--higher-is-confident", higher, "Higher scores mean more confident")->excludes(lower);
    aaai->add_option("--divide-scores-by", aaai21.divisor,
                     "Divide every score by this (the paper divides Alex's entropy in bits by log2(10) = 3.321928094887362)")
        ->check(CLI::PositiveNumber);
    aaai->add_option("-o,--out", aaai21.out, "Output trace (.npz)")->required();
    aaai->callback([&]() {
        if (!aaai21.lowerIsConfident && !higher)
            throw CLI::RequiredError("--lower-is-confident or --higher-is-confident (the AAAI21 files do not say)");
    });

    ImportEenetOptions eenet;
    auto *ee = import->add_subcommand("eenet", "EENet's logits_single.pth (+ seconds.csv, flops.pth)");
    ee->add_option("--logits", eenet.logits, "logits_single.pth: (val_pred, val_target, test_pred, test_target)")
        ->required();
    ee->add_option("--seconds", eenet.seconds, "seconds.csv: cumulative ms per exit");
    ee->add_option("--flops", eenet.flops, "flops.pth: cumulative FLOPs per exit (used when --seconds is absent)");
    ee->add_option("--out-dir", eenet.outDir, "Folder for val.npz, test.npz and latency.json")->required();

    // info
    InfoOptions info;
    auto *infoCommand = app.add_subcommand("info", "Summarize a trace (.npz), multi-exit TorchScript model (.pt), latency profile or threshold config (.json)");
    infoCommand->add_option("file", info.path, "Trace, model, latency profile or threshold config")->required();
    infoCommand->add_flag("--json", info.json, "Print JSON instead of a table");

    // eval
    EvalOptions eval;
    auto *evalCommand = app.add_subcommand("eval", "Apply exit thresholds to a trace: accuracy, agreement, cost, per-exit hits");
    evalCommand->add_option("--trace", eval.trace, "Trace to evaluate (.npz; the val split when exporting)")->required();
    auto *config = evalCommand->add_option("--config", eval.config, "Take measure, thresholds and latency from a threshold config");
    addCostOptions(evalCommand, eval.cost, false);
    auto *measure = evalCommand->add_option("--measure", eval.measure, "given, max-prob, entropy or margin")
                        ->check(CLI::IsMember({"given", "max-prob", "entropy", "margin"}));
    auto *thresholds = evalCommand->add_option("--thresholds", eval.thresholds, "K-1 thresholds, comma-separated")
                           ->delimiter(',');
    config->excludes(thresholds)->excludes(measure)->excludes("--costs")->excludes("--latency");
    evalCommand->add_option("--test", eval.test, "Test trace: its predicted numbers go into the exported config");
    evalCommand->add_option("-o,--export", eval.exportPath, "Write a threshold config (.json)");
    auto *budget = evalCommand->add_option("--budget", eval.budget, "Budget to record in the exported config");
    evalCommand->add_flag("--relative", eval.budgetRelative, "The budget is a fraction of the reference cost")->needs(budget);
    evalCommand->add_flag("--json", eval.json, "Print the evaluation as JSON");
    evalCommand->callback([&]() {
        eval.budgetGiven = budget->count() > 0;
        if (eval.config.empty()) {
            if (thresholds->count() == 0)
                throw CLI::RequiredError("--thresholds (or --config)");
            if (evalCommand->get_option("--costs")->count() == 0 && eval.cost.latency.empty())
                throw CLI::RequiredError("--costs or --latency (or --config)");
        }
    });

    // sweep
    SweepOptions sweep;
    auto *sweepCommand = app.add_subcommand("sweep", "Solve every policy at every budget; write the accuracy-vs-budget curves (CSV)");
    addTuningOptions(sweepCommand, sweep.tuning);
    std::string policyList;
    for (const auto &name : policyNames())
        policyList += (policyList.empty() ? "" : ",") + name;
    sweepCommand->add_option("--policies", sweep.policies, "Comma-separated: " + policyList)->capture_default_str();
    sweepCommand->add_option("--budgets", sweep.budgets, "FROM:TO:COUNT (COUNT evenly spaced, ends included) or b1,b2,...")
        ->required();
    sweepCommand->add_option("-o,--out", sweep.out, "Curve (.csv)")->required();

    // solve
    SolveOptions solveOptions;
    auto *solveCommand = app.add_subcommand("solve", "Choose thresholds for one budget with one policy; export a threshold config");
    addTuningOptions(solveCommand, solveOptions.tuning);
    solveCommand->add_option("--policy", solveOptions.policy, policyList)->required()->check(CLI::IsMember(policyNames()));
    solveCommand->add_option("--budget", solveOptions.budget, "The budget (a fraction of the reference with --relative)")->required();
    solveCommand->add_option("--from-sweep", solveOptions.fromSweep,
                             "Export the row of this sweep CSV for --policy and --budget instead of solving "
                             "(its numbers must reproduce on the traces given)");
    solveCommand->add_option("-o,--out", solveOptions.out, "Threshold config (.json)")->required();

    // trace
    TraceOptions traceOptions;
    auto *traceCommand = app.add_subcommand("trace", "Run a multi-exit TorchScript model over a dataset; write val and test traces");
    traceCommand->add_option("--model", traceOptions.model, "Multi-exit TorchScript model (.pt, docs/model-contract.md)")->required();
    traceCommand->add_option("--dataset", traceOptions.dataset,
                             "Dataset spec, e.g. cifar10:DIR, mnist:DIR, folder:DIR?resize=32x32, npy:X.npy,Y.npy "
                             "(docs/datasets.md; val=F&seed=S set the split)")
        ->required();
    traceCommand->add_option("--val-dataset", traceOptions.valDataset,
                             "Dataset spec of the val samples (e.g. held-out training images; val=N or val=F takes a seeded "
                             "subset): --dataset is then the test set, whole");
    traceCommand->add_option("--out-dir", traceOptions.outDir, "Folder for val.npz and test.npz")->required();
    traceCommand->add_option("--device", traceOptions.device, "cpu, cuda or cuda:N");
    traceCommand->add_option("--batch-size", traceOptions.batchSize, "Samples per batch")->check(CLI::PositiveNumber);
    traceCommand->add_option("--threads", traceOptions.threads, "LibTorch threads (default: all cores)")->check(CLI::NonNegativeNumber);
    traceCommand->add_option("--topk", traceOptions.topk,
                             "Store only the k largest probabilities per exit and sample, for models with many classes "
                             "(k >= C stores the full probabilities)")
        ->check(CLI::PositiveNumber);

    // profile
    ProfileOptions profile;
    auto *profileCommand = app.add_subcommand("profile", "Time each stage and exit head of a staged model; write a latency profile");
    profileCommand->add_option("--model", profile.model, "Staged multi-exit TorchScript model (.pt)")->required();
    profileCommand->add_option("--input-shape", profile.inputShape, "Shape of one sample, e.g. 3,32,32")
        ->required()
        ->delimiter(',')
        ->check(CLI::PositiveNumber);
    profileCommand->add_option("--device", profile.device, "cpu, cuda or cuda:N")->capture_default_str();
    profileCommand->add_option("--batch-sizes", profile.batchSizes, "Batch sizes to time, e.g. 1,8,32 (one profile each)")
        ->delimiter(',')
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    profileCommand->add_option("--threads", profile.threads, "LibTorch threads (default: all cores)")->check(CLI::NonNegativeNumber);
    profileCommand->add_option("--warmup", profile.warmup, "Untimed runs first (at least 0.2 s of them)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    profileCommand->add_option("--min-seconds", profile.minSeconds, "Time at least this long per batch size")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    profileCommand->add_option("--max-seconds", profile.maxSeconds, "Stop after this long per batch size even if the spread has not settled")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    profileCommand->add_option("--target-spread", profile.targetSpread, "Stop once every exit's IQR / median is at most this")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    profileCommand->add_option("-o,--out", profile.out, "Latency profile (.json)")->required();

    // run
    RunOptions runOptions;
    auto *runCommand = app.add_subcommand("run", "Run a staged model with real early exits on the test split; measured vs predicted latency");
    runCommand->add_option("--model", runOptions.model, "Staged multi-exit TorchScript model (.pt)")->required();
    runCommand->add_option("--dataset", runOptions.dataset, "Dataset spec, as for trace (its test split is run)")->required();
    runCommand->add_option("--val-dataset", runOptions.valDataset,
                           "As for trace: given, all of --dataset is the test set and run (the val dataset is not read)");
    runCommand->add_option("--config", runOptions.config, "Threshold config (.json) from solve or eval -o")->required();
    runCommand->add_option("--latency", runOptions.latency,
                           "Latency profile to predict with (default: the config's); the one for --batch-size if it has several");
    runCommand->add_option("--batch-size", runOptions.batchSize, "Samples per batch; batches shrink as samples leave")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    runCommand->add_option("--device", runOptions.device, "cpu, cuda or cuda:N")->capture_default_str();
    runCommand->add_option("--threads", runOptions.threads, "LibTorch threads (default: all cores)")->check(CLI::NonNegativeNumber);
    runCommand->add_option("--warmup", runOptions.warmup, "Untimed runs of the first batch first")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    runCommand->add_option("--samples-csv", runOptions.samplesCsv, "Write each sample's exit, prediction, label and latency (.csv)");
    runCommand->add_flag("--json", runOptions.json, "Print the report as JSON");

    // demo, train-demo
    DemoOptions demo;
    auto *demoCommand = app.add_subcommand(
        "demo", "The whole workflow on Fashion-MNIST with the built-in model: traces, this CPU's latency profile, a sweep "
                "of every policy, one exported config and a real early-exit run");
    demoCommand->add_option("--out-dir", demo.outDir, "Folder for the traces, profile, curve, config and run")->required();
    demoCommand->add_option("--data", demo.data, "Folder of the Fashion-MNIST IDX files (Debian's dataset-fashion-mnist)")
        ->capture_default_str();
    demoCommand->add_option("--model", demo.model, "A staged model for 1x28x28 images instead of the built-in one");
    demoCommand->add_option("--val-samples", demo.valSamples, "Held-out training images in the val trace")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{60000}))
        ->capture_default_str();
    demoCommand->add_option("--budgets", demo.budgets, "Budgets in the sweep")->check(CLI::Range(1, 1000))->capture_default_str();
    demoCommand->add_option("--threads", demo.threads, "LibTorch threads of every step (the profile and the run included)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    demoCommand->add_flag("--quick", demo.quick,
                          "A faster, rougher demo: 1000 val images, 5 budgets, a shorter profile (the test set stays whole)");

    TrainDemoOptions trainDemo;
    auto *trainDemoCommand = app.add_subcommand(
        "train-demo", "Train the demo's staged 4-exit CNN on Fashion-MNIST with LibTorch (seeded); resources/ holds the result");
    trainDemoCommand->add_option("-o,--out", trainDemo.out, "TorchScript model (.pt)")->required();
    trainDemoCommand->add_option("--data", trainDemo.data, "Folder of the Fashion-MNIST IDX files")->capture_default_str();
    trainDemoCommand->add_option("--epochs", trainDemo.epochs, "Passes over the training images")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    trainDemoCommand->add_option("--batch-size", trainDemo.batchSize, "Images per step")->check(CLI::Range(1, 65536))->capture_default_str();
    trainDemoCommand->add_option("--learning-rate", trainDemo.learningRate, "Adam's initial rate (falls linearly to 0)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    trainDemoCommand->add_option("--seed", trainDemo.seed, "Seed of the initial weights and the sample order")->check(seedValidator());
    trainDemoCommand->add_option("--holdout", trainDemo.holdout,
                                 "Training images left out (the first of the seeded permutation; the demo's val images)")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{59999}))
        ->capture_default_str();
    trainDemoCommand->add_option("--threads", trainDemo.threads,
                                 "LibTorch threads (1: the same file on every machine; more are faster on an idle one, with "
                                 "other float sums)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();

    // synth
    SynthOptionsCli synth;
    auto *synthCommand = app.add_subcommand("synth", "Write a seeded synthetic trace that behaves like a real multi-exit model");
    synthCommand->add_option("--exits", synth.exits, "Number of exits K")->check(CLI::Range(1, 255));
    synthCommand->add_option("--samples", synth.samples, "Number of samples N")->check(CLI::PositiveNumber);
    synthCommand->add_option("--classes", synth.classes, "Number of classes C")->check(CLI::Range(2, 1 << 20));
    synthCommand->add_option("--seed", synth.seed, "Random seed")->check(seedValidator());
    synthCommand->add_option("-o,--out", synth.out, "Output trace (.npz)")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        app.exit(e);
        return kUsageError;
    }

    try {
        if (*aaai)
            runImportAaai21(aaai21);
        else if (*ee)
            runImportEenet(eenet);
        else if (*infoCommand)
            runInfo(info);
        else if (*evalCommand)
            runEval(eval);
        else if (*synthCommand)
            runSynth(synth);
        else if (*sweepCommand)
            return runSweepCommand(sweep);
        else if (*solveCommand)
            runSolveCommand(solveOptions);
        else if (*traceCommand)
            return runTraceCommand(traceOptions);
        else if (*profileCommand)
            return runProfileCommand(profile);
        else if (*runCommand)
            return runRunCommand(runOptions);
        else if (*demoCommand)
            return runDemoCommand(demo);
        else if (*trainDemoCommand)
            return runTrainDemoCommand(trainDemo);
    } catch (...) {
        std::string commandLine;
        for (int i = 0; i < argc; ++i)
            commandLine += (i ? " " : "") + std::string(argv[i]);
        return reportFailure(std::current_exception(), commandLine, std::cerr);
    }
    return 0;
}

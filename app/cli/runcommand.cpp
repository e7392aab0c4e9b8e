#include "commands.h"

#include "core/common/atomicfile.h"
#include "console.h"
#include "core/common/inputerror.h"
#include "core/model/earlyexitrun.h"
#include "core/model/latencyprofiler.h"
#include "textreport.h"
#include "core/data/thresholdconfig.h"
#include "core/model/tracecollector.h"

#include <cmath>
#include <iostream>
#include <sstream>

namespace exitscope::cli {

namespace {

// The trace is collected in the batches `trace` uses, as the evaluation it checks would be.
constexpr int kTraceBatch = 64;

// (value - base) / base, in percent.
std::string percentDifference(double value, double base)
{
    return base > 0 ? formatNumber(100.0 * (value - base) / base, 1) + "%" : "-";
}

// Milliseconds per unit of a time profile; 0 for units that are not time.
double millisecondsPer(CostUnit unit)
{
    return unit == CostUnit::Milliseconds ? 1.0 : unit == CostUnit::Seconds ? 1000.0 : 0.0;
}

} // namespace

int runRunCommand(const RunOptions &o)
{
    const ThresholdConfig config = readThresholdConfig(o.config);
    const DatasetSpec spec = parseDatasetSpec(o.dataset);
    const std::unique_ptr<Dataset> data = openDataset(spec);
    const MultiExitModel model = MultiExitModel::load(o.model, o.device);
    requireEarlyExit(model); // before the trace is collected, not after
    const std::size_t thresholds = config.policy.thresholds.size();
    if (static_cast<int>(thresholds) + 1 != model.exits())
        throw InputError(o.config, "the policy has " + std::to_string(thresholds) + " thresholds (K = " + std::to_string(thresholds + 1)
                                       + " exits), but the model has K = " + std::to_string(model.exits()));
    const DatasetSplit split = splitDataset(data->size(), spec.options.valFraction, spec.options.seed);
    if (split.test.empty())
        throw InputError(data->where(), "the split leaves no test samples to run; change val=");
    LatencyProfile profile = o.latency.empty() ? config.latency : readLatencyProfile(o.latency, o.batchSize);
    profile.requireExits(model.exits(), o.latency.empty() ? o.config + ": latency" : o.latency);

    const JobContext context = consoleContext();
    // What the evaluation of the test trace says, then the real run to check it against.
    context.progress.report(0, "trace of the test split");
    const std::optional<Trace> trace = collectTrace(model, *data, split.test, TraceCollectionOptions{kTraceBatch, 0, o.threads}, context.part(0, 0.5));
    if (!trace)
        return interruptedNothingWritten();
    checkPolicy(*trace, config.policy, o.config);
    const Evaluation evaluation = evaluate(*trace, config.policy, profile.cumulative);
    const std::optional<EarlyExitRun> run
        = runEarlyExit(model, *data, split.test, config.policy, EarlyExitOptions{o.batchSize, o.warmup, o.threads}, context.part(0.5, 1));
    if (!run)
        return interruptedNothingWritten();
    const EarlyExitCheck check = compareWithEvaluation(*run, *trace, evaluation);
    // Right after the run, a short timing of the model without early exits: when it differs
    // from the profile's reference, the machine's speed changed since profiling (a shared or
    // throttled CPU), and measured and predicted latency differ for that reason.
    std::optional<double> referenceNow;
    if (profile.provenance.source == "measured" && profile.reference && profile.unit == CostUnit::Milliseconds) {
        ProfilerOptions quick;
        quick.inputShape = data->sampleShape();
        quick.batchSizes = {o.batchSize};
        quick.minSeconds = 0.3;
        quick.maxSeconds = 1.0;
        quick.threads = o.threads;
        const auto now = profileLatency(model, quick, JobContext{context.cancel, {}, {}});
        if (now)
            referenceNow = now->front().reference;
    }
    const double scale = millisecondsPer(profile.unit); // predicted costs in ms, when they are times
    const bool comparable = scale > 0;

    std::vector<std::int64_t> hits(static_cast<std::size_t>(model.exits()), 0);
    std::int64_t right = 0;
    for (std::size_t j = 0; j < run->exitOf.size(); ++j) {
        ++hits[run->exitOf[j]];
        if (trace->hasLabels())
            right += run->predictions[j] == trace->contents().labels[j];
    }
    const double n = static_cast<double>(check.samples);
    const double accuracy = trace->hasLabels() ? static_cast<double>(right) / n : std::nan("");

    if (!o.samplesCsv.empty()) {
        std::ostringstream csv;
        csv << "index,exit,prediction,label,milliseconds\n";
        csv.precision(9);
        for (std::size_t j = 0; j < run->indices.size(); ++j)
            csv << run->indices[j] << "," << int(run->exitOf[j]) << "," << run->predictions[j] << ","
                << (trace->hasLabels() ? std::to_string(trace->contents().labels[j]) : std::string()) << ","
                << run->milliseconds[j] << "\n";
        writeTextFile(o.samplesCsv, csv.str());
    }

    const LatencyProvenance &from = profile.provenance;
    std::vector<std::string> warnings;
    if (from.source != "measured")
        warnings.push_back("the profile was not measured here (source: " + (from.source.empty() ? std::string("unknown") : from.source)
                           + "); run `exitscope-cli profile` for a prediction on this machine");
    else if (from.batchSize != o.batchSize || from.device != model.device() || from.threads != run->threads)
        warnings.push_back("the profile was measured at batch " + std::to_string(from.batchSize) + " on " + from.device + " with "
                           + std::to_string(from.threads) + " thread(s); this run is batch " + std::to_string(o.batchSize)
                           + " on " + model.device() + " with " + std::to_string(run->threads));
    if (o.batchSize > 1)
        warnings.push_back("batches shrink as samples leave, so the later stages run on fewer samples than the profile timed");
    if (referenceNow && std::abs(*referenceNow / *profile.reference - 1.0) > 0.05)
        warnings.push_back("the model without early exits took " + formatNumber(*referenceNow) + " ms just now, "
                           + formatNumber(*profile.reference) + " ms when profiled ("
                           + percentDifference(*referenceNow, *profile.reference)
                           + "): this machine's speed has changed since, so expect predicted and measured to differ by as much");
    if (!comparable)
        warnings.push_back("the profile is in " + std::string(costUnitName(profile.unit)) + ", not time: predicted and measured latency cannot be compared");

    const bool agrees = check.exitMismatches == 0 && check.predictionMismatches == 0;
    if (o.json) {
        nlohmann::json j{{"model", o.model},
                         {"dataset", o.dataset},
                         {"config", o.config},
                         {"device", model.device()},
                         {"threads", run->threads},
                         {"batch_size", o.batchSize},
                         {"samples", check.samples},
                         {"exit_mismatches", check.exitMismatches},
                         {"prediction_mismatches", check.predictionMismatches},
                         {"mismatch_examples", check.examples},
                         {"accuracy", trace->hasLabels() ? nlohmann::json(accuracy) : nlohmann::json(nullptr)},
                         {"exit_hits", hits},
                         {"measured_mean_ms", check.measuredMean},
                         {"measured_p90_ms", check.measuredP90},
                         {"predicted_mean_ms", comparable ? nlohmann::json(check.predictedMean * scale) : nlohmann::json(nullptr)},
                         {"predicted_p90_ms", comparable ? nlohmann::json(check.predictedP90 * scale) : nlohmann::json(nullptr)},
                         {"throughput_per_s", run->wallSeconds > 0 ? n / run->wallSeconds : 0.0},
                         {"reference_profiled_ms", referenceNow ? nlohmann::json(*profile.reference) : nlohmann::json(nullptr)},
                         {"reference_now_ms", referenceNow ? nlohmann::json(*referenceNow) : nlohmann::json(nullptr)},
                         {"warnings", warnings}};
        std::cout << j.dump(2) << "\n";
        return agrees ? 0 : 1;
    }

    std::cout << "model        " << o.model << " on " << model.device() << ", " << run->threads << " thread(s)\n"
              << "samples      " << check.samples << " (the test split of " << data->where() << "), batch size " << o.batchSize << "\n"
              << "policy       " << config.policyName << ", " << measureName(config.policy.measure) << " thresholds "
              << joinNumbers(config.policy.thresholds) << "\n";
    if (trace->hasLabels())
        std::cout << "accuracy     " << formatNumber(accuracy) << " (trace-based evaluation: " << formatNumber(evaluation.accuracy) << ")\n";
    std::cout << "exits        " << check.samples - check.exitMismatches << " / " << check.samples
              << " as the trace-based evaluation said; predictions " << check.samples - check.predictionMismatches << " / "
              << check.samples << "\n";
    for (const std::string &example : check.examples)
        std::cout << "  " << example << "\n";
    std::cout << "throughput   " << formatNumber(run->wallSeconds > 0 ? n / run->wallSeconds : 0.0, 1) << " samples/s\n\n";

    TextTable exits({"exit", "hits (run)", "hits (trace)"});
    for (int k = 0; k < model.exits(); ++k)
        exits.addRow({std::to_string(k), std::to_string(hits[k]), std::to_string(evaluation.exits[k].hits)});
    exits.print(std::cout);

    std::cout << "\n";
    TextTable latency({"latency (ms)", "measured", "predicted", "difference"});
    const auto predicted = [&](double value) { return comparable ? formatNumber(value * scale) : std::string("-"); };
    latency.addRow({"mean", formatNumber(check.measuredMean), predicted(check.predictedMean),
                    comparable ? percentDifference(check.predictedMean * scale, check.measuredMean) : "-"});
    latency.addRow({"p90", formatNumber(check.measuredP90), predicted(check.predictedP90),
                    comparable ? percentDifference(check.predictedP90 * scale, check.measuredP90) : "-"});
    latency.print(std::cout);
    for (const std::string &warning : warnings)
        std::cout << "note: " << warning << "\n";
    if (!agrees)
        std::cerr << "exitscope-cli: the real run disagrees with the trace-based evaluation on "
                  << std::max(check.exitMismatches, check.predictionMismatches) << " sample(s)\n";
    return agrees ? 0 : 1;
}

} // namespace exitscope::cli

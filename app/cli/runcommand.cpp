#include "commands.h"

#include "console.h"
#include "textreport.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/data/thresholdconfig.h"
#include "core/model/datasetsources.h"
#include "core/model/earlyexitrun.h"
#include "core/model/operatingpointrun.h"
#include "core/model/runreport.h"

#include <cmath>
#include <iostream>
#include <sstream>

namespace exitscope::cli {

namespace {

// The trace is collected in the batches `trace` uses, as the evaluation it checks would be.
constexpr int kTraceBatch = 64;

nlohmann::json optionalNumber(const std::optional<double> &value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json reportJson(const RunOptions &o, const RunReport &r)
{
    nlohmann::json warnings = nlohmann::json::array();
    for (const JobWarning &w : r.warnings)
        warnings.push_back({{"id", w.id}, {"message", w.message}});
    return {{"model", o.model},
            {"dataset", o.dataset},
            {"config", o.config},
            {"device", r.device},
            {"threads", r.threads},
            {"batch_size", r.batchSize},
            {"samples", r.check.samples},
            {"exit_mismatches", r.check.exitMismatches},
            {"prediction_mismatches", r.check.predictionMismatches},
            {"mismatch_examples", r.check.examples},
            {"accuracy", numberOrNull(r.accuracy)},
            {"exit_hits", r.runHits},
            {"measured_mean_ms", r.check.measuredMean},
            {"measured_p90_ms", r.check.measuredP90},
            {"predicted_mean_ms", optionalNumber(r.predictedMean)},
            {"predicted_p90_ms", optionalNumber(r.predictedP90)},
            {"throughput_per_s", r.throughput},
            {"reference_profiled_ms", optionalNumber(r.referenceProfiled)},
            {"reference_now_ms", optionalNumber(r.referenceNow)},
            {"drift_corrected_mean_ms", optionalNumber(r.driftCorrectedMean)},
            {"drift_corrected_p90_ms", optionalNumber(r.driftCorrectedP90)},
            {"warnings", warnings}};
}

void printReport(const RunOptions &o, const ThresholdConfig &config, const std::string &samples, bool labelsKnown,
                 const RunReport &r)
{
    const EarlyExitCheck &check = r.check;
    std::cout << "model        " << o.model << " on " << r.device << ", " << r.threads << " thread(s)\n"
              << "samples      " << check.samples << " (" << samples << "), batch size " << r.batchSize << "\n"
              << "policy       " << config.policyName << ", " << measureName(config.policy.measure) << " thresholds "
              << joinNumbers(config.policy.thresholds) << "\n";
    if (labelsKnown)
        std::cout << "accuracy     " << formatNumber(r.accuracy) << " (trace-based evaluation: " << formatNumber(r.evaluatedAccuracy) << ")\n";
    std::cout << "exits        " << check.samples - check.exitMismatches << " / " << check.samples
              << " as the trace-based evaluation said; predictions " << check.samples - check.predictionMismatches << " / "
              << check.samples << "\n";
    for (const std::string &example : check.examples)
        std::cout << "  " << example << "\n";
    std::cout << "throughput   " << formatNumber(r.throughput, 1) << " samples/s\n\n";

    TextTable exits({"exit", "hits (run)", "hits (trace)"});
    for (std::size_t k = 0; k < r.runHits.size(); ++k)
        exits.addRow({std::to_string(k), std::to_string(r.runHits[k]), std::to_string(r.evaluatedHits[k])});
    exits.print(std::cout);

    std::cout << "\n";
    // With drift, also the prediction at the machine's speed of now.
    const bool drift = r.machineSpeedChanged && r.driftCorrectedMean;
    std::vector<std::string> header{"latency (ms)", "measured", "predicted", "measured vs predicted"};
    if (drift)
        header.insert(header.end(), {"predicted, drift-corrected", "measured vs corrected"});
    TextTable latency(header);
    const auto row = [&](const char *name, double measured, const std::optional<double> &predicted,
                         const std::optional<double> &corrected) {
        std::vector<std::string> cells{name, formatNumber(measured), predicted ? formatNumber(*predicted) : "-",
                                       predicted ? formatPercentDifference(measured, *predicted) : "-"};
        if (drift)
            cells.insert(cells.end(), {formatNumber(*corrected), formatPercentDifference(measured, *corrected)});
        latency.addRow(cells);
    };
    row("mean", check.measuredMean, r.predictedMean, r.driftCorrectedMean);
    row("p90", check.measuredP90, r.predictedP90, r.driftCorrectedP90);
    latency.print(std::cout);
    if (r.predictedMean)
        std::cout << "(measured vs predicted: (measured - predicted) / predicted; + means slower than predicted)\n";
    for (const JobWarning &warning : r.warnings)
        std::cout << "note: " << warning.message << "\n";
}

} // namespace

int runRunCommand(const RunOptions &o)
{
    std::vector<std::string> inputs = datasetSourceFiles(o.dataset, o.valDataset);
    inputs.insert(inputs.end(), {o.model, o.config, o.latency});
    checkOutputIsNotInput(o.samplesCsv, inputs);
    const ThresholdConfig config = readThresholdConfig(o.config);
    const DatasetSources sources = openDatasetSources(o.dataset, o.valDataset, SourcesNeeded::TestOnly);
    const std::shared_ptr<const Dataset> data = sources.testData;
    const MultiExitModel model = MultiExitModel::load(o.model, o.device);
    requireEarlyExit(model); // before the trace is collected, not after
    const std::size_t thresholds = config.policy.thresholds.size();
    if (static_cast<int>(thresholds) + 1 != model.exits())
        throw InputError(o.config, "the policy has " + std::to_string(thresholds) + " thresholds (K = " + std::to_string(thresholds + 1)
                                       + " exits), but the model has K = " + std::to_string(model.exits()));
    if (sources.test.empty())
        throw InputError(data->where(), "the split leaves no test samples to run; change val=");
    LatencyProfile profile = o.latency.empty() ? config.latency : readLatencyProfile(o.latency, o.batchSize);
    profile.requireExits(model.exits(), o.latency.empty() ? o.config + ": latency" : o.latency);

    const JobContext context = consoleContext();
    // What the evaluation of the test trace says, then the real run to check it against
    // (core's runOperatingPoint, as the window's real run).
    std::optional<OperatingPointRun> checked
        = runOperatingPoint(model, *data, sources.test, config.policy, o.config, profile,
                            OperatingPointRunOptions{o.batchSize, o.warmup, o.threads, kTraceBatch}, context);
    if (!checked)
        return interruptedNothingWritten();
    const Trace *trace = &checked->trace;
    const EarlyExitRun *run = &checked->run;
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

    const RunReport &report = checked->report;
    if (o.json)
        std::cout << reportJson(o, report).dump(2) << "\n";
    else
        printReport(o, config, sources.testDescription(), trace->hasLabels(), report);
    if (!report.agrees() && !o.json)
        std::cerr << "exitscope-cli: the real run disagrees with the trace-based evaluation on "
                  << std::max(report.check.exitMismatches, report.check.predictionMismatches) << " sample(s)\n";
    return report.agrees() ? 0 : 1;
}

} // namespace exitscope::cli

#include "commands.h"

#include "textreport.h"

#include "core/common/inputerror.h"
#include "core/common/jsonutil.h"
#include "core/data/budgettext.h"
#include "core/data/thresholdconfig.h"
#include "core/eval/tracesummary.h"
#include "core/io/tracefile.h"
#include "core/model/multiexitmodel.h"

#include <iostream>

namespace exitscope::cli {

namespace {

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string labelsText(const TraceSummary &s)
{
    if (s.labelsKnown)
        return "known";
    return s.correctnessKnown ? "unknown (per-exit correctness given)" : "unknown (label-free trace)";
}

nlohmann::json traceJson(const std::string &path, const TraceSummary &s)
{
    nlohmann::json exits = nlohmann::json::array();
    for (int k = 0; k < s.exits; ++k) {
        const TraceSummary::Exit &e = s.perExit[k];
        nlohmann::json scores;
        for (const TraceSummary::MeasureRange &range : e.scores)
            scores[std::string(measureName(range.measure))] = {range.lowest, range.highest};
        exits.push_back({{"exit", k}, {"accuracy", numberOrNull(e.accuracy)}, {"agreement", e.agreement}, {"scores", scores}});
    }
    nlohmann::json measures = nlohmann::json::array();
    for (std::size_t i = 0; i < s.measures.size(); ++i)
        measures.push_back({{"measure", std::string(measureName(s.measures[i]))}, {"direction", std::string(directionName(s.directions[i]))}});
    return {{"file", path},
            {"exits", s.exits},
            {"samples", s.samples},
            {"classes", s.classes > 0 ? nlohmann::json(s.classes) : nlohmann::json(nullptr)},
            {"topk", s.topk > 0 ? nlohmann::json(s.topk) : nlohmann::json(nullptr)},
            {"labels_known", s.labelsKnown},
            {"correctness_known", s.correctnessKnown},
            {"agreement_exact", s.agreementExact},
            {"exits_detail", exits},
            {"measures", measures}};
}

void printTrace(const std::string &path, const TraceSummary &s)
{
    std::cout << "trace      " << path << "\n"
              << "exits      " << s.exits << "\n"
              << "samples    " << s.samples << "\n"
              << "classes    " << (s.classes > 0 ? std::to_string(s.classes) : std::string("unknown"))
              << (s.probabilitiesStored ? " (probabilities stored)" : "")
              << (s.topk > 0 ? " (top-" + std::to_string(s.topk) + " probabilities stored)" : std::string()) << "\n"
              << "labels     " << labelsText(s) << "\n"
              << "measures  ";
    for (std::size_t i = 0; i < s.measures.size(); ++i)
        std::cout << " " << measureName(s.measures[i]) << " (" << directionName(s.directions[i]) << ")";
    std::cout << "\n\n";
    std::vector<std::string> header{"exit", "accuracy", "agreement"};
    for (Measure m : s.measures)
        header.push_back(std::string(measureName(m)) + " range");
    TextTable table(header);
    for (int k = 0; k < s.exits; ++k) {
        const TraceSummary::Exit &e = s.perExit[k];
        std::vector<std::string> row{std::to_string(k), formatNumber(e.accuracy), formatNumber(e.agreement)};
        for (const TraceSummary::MeasureRange &range : e.scores)
            row.push_back(formatNumber(range.lowest) + " .. " + formatNumber(range.highest));
        table.addRow(row);
    }
    table.print(std::cout);
    if (!s.agreementExact)
        std::cout << "\nagreement is a lower bound: without predictions, two wrong answers count as disagreeing\n";
    if (s.entropyUpperBound)
        std::cout << "\nentropy is an upper bound: the mass outside the top " << s.topk
                  << " is spread evenly over the other classes\n";
}

void traceInfo(const std::string &path, bool json)
{
    const TraceSummary summary = summarizeTrace(readTraceFile(path));
    if (json)
        std::cout << traceJson(path, summary).dump(2) << "\n";
    else
        printTrace(path, summary);
}

void latencyInfo(const std::string &path, const nlohmann::json &document, bool json)
{
    const std::vector<LatencyProfile> profiles = latencyProfilesFromJson(document, path);
    if (json) {
        std::cout << latencyProfilesToJson(profiles).dump(2) << "\n";
        return;
    }
    std::cout << "latency profile  " << path << "\n"
              << "exits            " << profiles.front().exits() << "\n";
    if (profiles.size() == 1) {
        printLatencyProfile(std::cout, profiles.front());
        return;
    }
    std::cout << "batch sizes      " << batchSizesText(profiles) << " (one profile each; commands without --batch-size use the first)\n";
    for (const LatencyProfile &p : profiles) {
        std::cout << "\nbatch size " << p.provenance.batchSize << "\n";
        printLatencyProfile(std::cout, p);
    }
}

void configInfo(const std::string &path, const nlohmann::json &document, bool json)
{
    const ThresholdConfig c = thresholdConfigFromJson(document, path);
    if (json) {
        std::cout << thresholdConfigToJson(c);
        return;
    }
    std::cout << "threshold config  " << path << "\n"
              << "policy            " << c.policyName << "\n"
              << "measure           " << measureName(c.policy.measure) << " (" << directionName(c.policy.direction) << ")\n"
              << "thresholds        " << joinNumbers(c.policy.thresholds) << "\n";
    const CostUnit unit = c.latency.unit;
    if (c.budget) {
        std::cout << "budget            ";
        if (c.budget->relative)
            std::cout << c.budget->value << " x reference"
                      << (c.latency.reference ? " = " + costText(c.budget->value * *c.latency.reference, unit) : std::string());
        else
            std::cout << BudgetText{unit, 0}(c.budget->value);
        std::cout << ", " << budgetKindName(c.budget->kind) << " cost\n";
    }
    const LatencyProvenance &from = c.latency.provenance;
    std::cout << "latency profile   " << costUnitName(unit) << ", " << from.sourceText()
              << (from.batchSize > 0 ? ", batch size " + std::to_string(from.batchSize) : std::string())
              << (from.device.empty() ? std::string() : ", " + from.device) << "\n";
    for (const auto &[name, split] : {std::pair{"val", c.val}, std::pair{"test", c.test}})
        if (split)
            std::cout << name << std::string(18 - std::string(name).size(), ' ') << "accuracy "
                      << formatNumber(split->accuracy) << ", mean cost " << costText(split->meanCost, unit) << " ("
                      << split->trace << ")\n";
}

void modelInfo(const std::string &path, bool json)
{
    const ModelSummary m = summarizeModel(MultiExitModel::load(path));
    const std::string layout(modelLayoutName(m.layout));
    if (json) {
        const auto knownOrNull = [](std::int64_t value) { return value > 0 ? nlohmann::json(value) : nlohmann::json(nullptr); };
        std::cout << nlohmann::json{{"file", path},
                                    {"layout", layout},
                                    {"exits", m.exits},
                                    {"file_bytes", m.fileBytes},
                                    {"parameters", m.parameters},
                                    {"stage_parameters", m.stageParameters},
                                    {"exit_parameters", m.exitParameters},
                                    {"classes", knownOrNull(m.classes)},
                                    {"input", m.input.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.input)}}
                         .dump(2)
                  << "\n";
        return;
    }
    std::cout << "model       " << path << " (" << formatNumber(m.fileBytes / 1e6, 2) << " MB)\n"
              << "layout      " << layout
              << (m.perExitTiming() ? " (stages and exits: early exit and per-stage timing)"
                                    : " (forward only: per-exit latency cannot be measured)")
              << "\n"
              << "exits       " << (m.exits > 0 ? std::to_string(m.exits) : std::string("known after a first run")) << "\n"
              << "classes     "
              << (m.classes > 0 ? std::to_string(m.classes) + " (every exit head ends with a Linear of that width)"
                                : std::string("unknown from the file (known after a first run)"))
              << "\n"
              << "input       " << (m.input.empty() ? std::string("unknown from the file") : m.input + ", the first layer of stages[0]")
              << "\n"
              << "parameters  " << m.parameters << "\n";
    if (m.stageParameters.empty())
        return;
    std::cout << "\n";
    TextTable table({"exit", "stage parameters", "head parameters", "cumulative"});
    std::int64_t cumulative = 0;
    for (std::size_t k = 0; k < m.stageParameters.size(); ++k) {
        cumulative += m.stageParameters[k] + m.exitParameters[k];
        table.addRow({std::to_string(k), std::to_string(m.stageParameters[k]), std::to_string(m.exitParameters[k]),
                      std::to_string(cumulative)});
    }
    table.print(std::cout);
}

} // namespace

void runInfo(const InfoOptions &o)
{
    if (endsWith(o.path, ".npz")) {
        traceInfo(o.path, o.json);
        return;
    }
    if (endsWith(o.path, ".pt")) {
        modelInfo(o.path, o.json);
        return;
    }
    if (!endsWith(o.path, ".json"))
        throw InputError(o.path, "expected a trace (.npz), a TorchScript model (.pt), a latency profile or a threshold config (.json)");
    const nlohmann::json document = parseJsonFile(o.path);
    const std::string format = document.is_object() && document.contains("format") && document["format"].is_string()
        ? document["format"].get<std::string>()
        : "";
    if (format == "exitscope-latency")
        latencyInfo(o.path, document, o.json);
    else if (format == "exitscope-thresholds")
        configInfo(o.path, document, o.json);
    else
        throw InputError(o.path, "format: expected 'exitscope-latency' or 'exitscope-thresholds', found '" + format + "'");
}

} // namespace exitscope::cli

#include "commands.h"

#include "textreport.h"

#include "core/common/inputerror.h"
#include "core/common/jsonutil.h"
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
    const LatencyProfile p = latencyProfileFromJson(document, path);
    if (json) {
        std::cout << latencyProfileToJson(p).dump(2) << "\n";
        return;
    }
    std::cout << "latency profile  " << path << "\n"
              << "exits            " << p.exits() << "\n";
    printLatencyProfile(std::cout, p);
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
    if (c.budget)
        std::cout << "budget            " << c.budget->value << (c.budget->relative ? " x reference" : "") << " ("
                  << budgetKindName(c.budget->kind) << ")\n";
    for (const auto &[name, split] : {std::pair{"val", c.val}, std::pair{"test", c.test}})
        if (split)
            std::cout << name << std::string(18 - std::string(name).size(), ' ') << "accuracy "
                      << formatNumber(split->accuracy) << ", mean cost " << formatNumber(split->meanCost) << " ("
                      << split->trace << ")\n";
}

void modelInfo(const std::string &path, bool json)
{
    const ModelSummary m = summarizeModel(MultiExitModel::load(path));
    const std::string layout(modelLayoutName(m.layout));
    if (json) {
        std::cout << nlohmann::json{{"file", path}, {"layout", layout}, {"exits", m.exits}}.dump(2) << "\n";
        return;
    }
    std::cout << "model      " << path << "\n"
              << "layout     " << layout
              << (m.perExitTiming() ? " (stages and exits: early exit and per-stage timing)"
                                    : " (forward only: per-exit latency cannot be measured)")
              << "\n"
              << "exits      " << (m.exits > 0 ? std::to_string(m.exits) : std::string("known after a first run")) << "\n";
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

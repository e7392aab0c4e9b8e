#include "commands.h"

#include "core/common/inputerror.h"
#include "core/common/jsonutil.h"
#include "core/model/multiexitmodel.h"
#include "textreport.h"
#include "core/data/thresholdconfig.h"
#include "core/io/tracefile.h"

#include <algorithm>
#include <iostream>

namespace exitscope::cli {

namespace {

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string labelsText(const Trace &trace)
{
    if (trace.hasLabels())
        return "known";
    return trace.hasCorrectness() ? "unknown (per-exit correctness given)" : "unknown (label-free trace)";
}

void traceInfo(const std::string &path, bool json)
{
    const Trace trace = readTraceFile(path);
    const int K = trace.exits();
    const std::int64_t N = trace.samples();
    nlohmann::json out;
    out["file"] = path;
    out["exits"] = K;
    out["samples"] = N;
    out["classes"] = trace.classes() > 0 ? nlohmann::json(trace.classes()) : nlohmann::json(nullptr);
    out["topk"] = trace.topk() > 0 ? nlohmann::json(trace.topk()) : nlohmann::json(nullptr);
    out["labels_known"] = trace.hasLabels();
    out["correctness_known"] = trace.hasCorrectness();
    out["agreement_exact"] = trace.agreementIsExact();
    nlohmann::json exits = nlohmann::json::array();
    for (int k = 0; k < K; ++k) {
        nlohmann::json e;
        e["exit"] = k;
        const double accuracy = trace.exitAccuracy(k);
        e["accuracy"] = std::isnan(accuracy) ? nlohmann::json(nullptr) : nlohmann::json(accuracy);
        std::int64_t agree = 0;
        const std::uint8_t *agrees = trace.agreesWithFinal(k);
        for (std::int64_t j = 0; j < N; ++j)
            agree += agrees[j];
        e["agreement"] = static_cast<double>(agree) / static_cast<double>(N);
        for (Measure m : trace.measures()) {
            const double *s = trace.scores(m, k);
            const auto [lo, hi] = std::minmax_element(s, s + N);
            e["scores"][std::string(measureName(m))] = {*lo, *hi};
        }
        exits.push_back(e);
    }
    out["exits_detail"] = exits;
    nlohmann::json measures = nlohmann::json::array();
    for (Measure m : trace.measures())
        measures.push_back({{"measure", std::string(measureName(m))}, {"direction", std::string(directionName(trace.direction(m)))}});
    out["measures"] = measures;
    if (json) {
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << "trace      " << path << "\n"
              << "exits      " << K << "\n"
              << "samples    " << N << "\n"
              << "classes    " << (trace.classes() > 0 ? std::to_string(trace.classes()) : std::string("unknown"))
              << (trace.hasProbabilities() ? " (probabilities stored)" : "")
              << (trace.topk() > 0 ? " (top-" + std::to_string(trace.topk()) + " probabilities stored)" : std::string())
              << "\n"
              << "labels     " << labelsText(trace) << "\n"
              << "measures  ";
    for (Measure m : trace.measures())
        std::cout << " " << measureName(m) << " (" << directionName(trace.direction(m)) << ")";
    std::cout << "\n\n";
    std::vector<std::string> header{"exit", "accuracy", "agreement"};
    for (Measure m : trace.measures())
        header.push_back(std::string(measureName(m)) + " range");
    TextTable table(header);
    for (int k = 0; k < K; ++k) {
        const auto &e = exits[k];
        std::vector<std::string> row{std::to_string(k),
                                     e["accuracy"].is_null() ? "-" : formatNumber(e["accuracy"].get<double>()),
                                     formatNumber(e["agreement"].get<double>())};
        for (Measure m : trace.measures()) {
            const auto &range = e["scores"][std::string(measureName(m))];
            row.push_back(formatNumber(range[0].get<double>()) + " .. " + formatNumber(range[1].get<double>()));
        }
        table.addRow(row);
    }
    table.print(std::cout);
    if (!trace.agreementIsExact())
        std::cout << "\nagreement is a lower bound: without predictions, two wrong answers count as disagreeing\n";
    if (trace.topk() > 0 && trace.topk() < trace.classes())
        std::cout << "\nentropy is an upper bound: the mass outside the top " << trace.topk()
                  << " is spread evenly over the other classes\n";
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
                  << c.budget->kind << ")\n";
    for (const auto &[name, split] : {std::pair{"val", c.val}, std::pair{"test", c.test}})
        if (split)
            std::cout << name << std::string(18 - std::string(name).size(), ' ') << "accuracy "
                      << formatNumber(split->accuracy) << ", mean cost " << formatNumber(split->meanCost) << " ("
                      << split->trace << ")\n";
}

void modelInfo(const std::string &path, bool json)
{
    const MultiExitModel model = MultiExitModel::load(path);
    const std::string layout = model.layout() == ModelLayout::Staged ? "staged" : "monolithic";
    if (json) {
        std::cout << nlohmann::json{{"file", path}, {"layout", layout}, {"exits", model.exits()}}.dump(2) << "\n";
        return;
    }
    std::cout << "model      " << path << "\n"
              << "layout     " << layout
              << (model.layout() == ModelLayout::Staged ? " (stages and exits: early exit and per-stage timing)"
                                                        : " (forward only: per-exit latency cannot be measured)")
              << "\n"
              << "exits      " << (model.exits() > 0 ? std::to_string(model.exits()) : std::string("known after a first run"))
              << "\n";
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

#include "session.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/common/jsonutil.h"
#include "core/data/thresholdconfig.h"
#include "core/eval/learnedscorer.h"

#include <QDir>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <map>

namespace exitscope::gui {

namespace {

using nlohmann::json;

constexpr const char *kFormat = "exitscope-session";
constexpr int kVersion = 1;
constexpr std::int64_t kLargestCount = std::int64_t{1} << 31;

std::string str(const QString &s)
{
    return s.toStdString();
}

QString qstr(const std::string &s)
{
    return QString::fromStdString(s);
}

// NaN (an accuracy without labels) and infinities have no JSON spelling: null.
json numberOrNull(double value)
{
    return std::isfinite(value) ? json(value) : json(nullptr);
}

double numberOrNan(const JsonReader &in, const std::string &key)
{
    return in.optionalNumber(key, std::numeric_limits<double>::quiet_NaN());
}

json fileToJson(const SessionFile &f)
{
    return {{"path", str(f.path)}, {"sha256", str(f.sha256)}};
}

SessionFile fileFromJson(const JsonReader &in, const std::string &where, const std::string &field)
{
    SessionFile f{qstr(in.string("path")), qstr(in.string("sha256"))};
    if (f.path.isEmpty())
        throw InputError(where, field + "path: empty");
    return f;
}

json traceToJson(const SessionTrace &t)
{
    json j = fileToJson(t.file);
    if (t.aaai21Correct) {
        j["aaai21_correct"] = fileToJson(*t.aaai21Correct);
        j["aaai21_direction"] = std::string(directionName(t.aaai21Direction));
    }
    return j;
}

// An enum field: its spelling parsed, or an error naming the field and what it accepts.
template <typename Parse>
auto enumField(const JsonReader &in, const std::string &where, const std::string &field, const std::string &key,
               Parse parse, const char *expected)
{
    const std::string text = in.string(key);
    const auto value = parse(text);
    if (!value)
        throw InputError(where, field + key + ": '" + text + "' is not " + expected);
    return *value;
}

SessionTrace traceFromJson(const JsonReader &in, const std::string &where, const std::string &field)
{
    SessionTrace t;
    t.file = fileFromJson(in, where, field);
    if (in.hasNonNull("aaai21_correct")) {
        t.aaai21Correct = fileFromJson(in.object("aaai21_correct"), where, field + "aaai21_correct.");
        t.aaai21Direction = enumField(in, where, field, "aaai21_direction", parseDirection,
                                      "higher-is-confident or lower-is-confident");
    }
    return t;
}

json settingsToJson(const SweepSettings &s)
{
    json policies = json::array();
    for (PolicyId p : s.policies)
        policies.push_back(std::string(policyName(p)));
    return {{"policies", policies}, {"from", s.from},       {"to", s.to}, {"count", s.count},
            {"kind", std::string(budgetKindName(s.kind))}, {"relative", s.relative}, {"label_free", s.labelFree}};
}

SweepSettings settingsFromJson(const JsonReader &in, const std::string &where, const std::string &field)
{
    SweepSettings s;
    s.policies.clear();
    const json &policies = in.raw("policies");
    if (!policies.is_array())
        throw InputError(where, field + "policies: expected an array of policy names");
    for (std::size_t i = 0; i < policies.size(); ++i) {
        const std::optional<PolicyId> p = policies[i].is_string() ? parsePolicy(policies[i].get<std::string>()) : std::nullopt;
        if (!p)
            throw InputError(where, field + "policies[" + std::to_string(i) + "]: " + policies[i].dump()
                                        + " is not a policy name (heuristic, branchynet, msdnet, ippp, eenet, selfxit, "
                                          "patience, best, oracle)");
        s.policies.push_back(*p);
    }
    s.from = in.number("from");
    s.to = in.number("to");
    s.count = static_cast<int>(in.integer("count", 1, 100000));
    s.kind = enumField(in, where, field, "kind", parseBudgetKind, "mean or p90");
    s.relative = in.boolean("relative");
    s.labelFree = in.boolean("label_free");
    return s;
}

json splitToJson(const SplitNumbers &n)
{
    return {{"accuracy", numberOrNull(n.accuracy)},
            {"agreement", numberOrNull(n.agreement)},
            {"mean_cost", numberOrNull(n.meanCost)},
            {"p90_cost", numberOrNull(n.p90Cost)}};
}

SplitNumbers splitFromJson(const JsonReader &in)
{
    return {numberOrNan(in, "accuracy"), numberOrNan(in, "agreement"), numberOrNan(in, "mean_cost"), numberOrNan(in, "p90_cost")};
}

// The sweep's rows; a learned scorer shared by several rows is written once (`scorers`).
json sweepToJson(const SessionSweep &sweep)
{
    std::map<const LearnedScorer *, std::size_t> scorerIndex;
    json scorers = json::array();
    json rows = json::array();
    for (const SweepRow &row : sweep.rows) {
        const SolverResult &r = row.result;
        json result = {{"policy", std::string(policyName(r.policyId))},
                       {"is_policy", r.isPolicy},
                       {"measure", std::string(measureName(r.policy.measure))},
                       {"direction", std::string(directionName(r.policy.direction))},
                       {"thresholds", r.policy.thresholds},
                       {"scorer", nullptr},
                       {"val_objective", numberOrNull(r.valObjective)},
                       {"val_cost", numberOrNull(r.valCost)},
                       {"val", splitToJson(r.val)},
                       {"feasible", r.feasible},
                       {"iterations", r.iterations},
                       {"milliseconds", numberOrNull(r.milliseconds)},
                       {"note", r.note}};
        if (r.policy.scorer) {
            auto [it, added] = scorerIndex.emplace(r.policy.scorer.get(), scorers.size());
            if (added)
                scorers.push_back(learnedScorerToJson(*r.policy.scorer));
            result["scorer"] = it->second;
        }
        rows.push_back({{"policy", std::string(policyName(row.policy))},
                        {"budget", row.budget},
                        {"done", row.done},
                        {"error", row.error},
                        {"pareto", row.pareto},
                        {"result", result},
                        {"val", splitToJson(row.val)},
                        {"test", row.test ? splitToJson(*row.test) : json(nullptr)}});
    }
    return {{"settings", settingsToJson(sweep.settings)},
            {"scale", sweep.scale},
            {"complete", sweep.complete},
            {"scorers", scorers},
            {"rows", rows}};
}

SessionSweep sweepFromJson(const JsonReader &in, const std::string &where, int exits)
{
    SessionSweep sweep;
    sweep.settings = settingsFromJson(in.object("settings"), where, "sweep.settings.");
    sweep.scale = in.number("scale");
    if (!(sweep.scale > 0))
        throw InputError(where, "sweep.scale: expected a positive number");
    sweep.complete = in.boolean("complete");
    std::vector<std::shared_ptr<const LearnedScorer>> scorers;
    const json &scorerList = in.raw("scorers");
    if (!scorerList.is_array())
        throw InputError(where, "sweep.scorers: expected an array");
    for (std::size_t i = 0; i < scorerList.size(); ++i)
        scorers.push_back(std::make_shared<const LearnedScorer>(
            learnedScorerFromJson(scorerList[i], where + ": sweep.scorers[" + std::to_string(i) + "]")));
    const json &rows = in.raw("rows");
    if (!rows.is_array())
        throw InputError(where, "sweep.rows: expected an array");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string field = "sweep.rows[" + std::to_string(i) + "].";
        const JsonReader r(rows[i], where, "sweep.rows[" + std::to_string(i) + "]");
        SweepRow row;
        row.policy = enumField(r, where, field, "policy", parsePolicy, "a policy name");
        row.budget = r.number("budget");
        row.done = r.boolean("done");
        row.error = r.string("error");
        row.pareto = r.boolean("pareto");
        const JsonReader res = r.object("result");
        SolverResult &result = row.result;
        result.policyId = enumField(res, where, field + "result.", "policy", parsePolicy, "a policy name");
        result.isPolicy = res.boolean("is_policy");
        result.policy.measure = enumField(res, where, field + "result.", "measure", parseMeasure,
                                          "given, max-prob, entropy, margin, patience or learned");
        result.policy.direction = enumField(res, where, field + "result.", "direction", parseDirection,
                                            "higher-is-confident or lower-is-confident");
        result.policy.thresholds = res.numbers("thresholds");
        if (res.hasNonNull("scorer")) {
            const std::int64_t index = res.integer("scorer", 0, static_cast<std::int64_t>(scorers.size()) - 1);
            result.policy.scorer = scorers[static_cast<std::size_t>(index)];
        } else if (result.policy.measure == Measure::Learned && result.isPolicy && row.done && row.error.empty()) {
            throw InputError(where, field + "result.scorer: missing; measure 'learned' needs its scorer");
        }
        if (exits > 0 && result.isPolicy && row.done && row.error.empty()
            && static_cast<int>(result.policy.thresholds.size()) != exits - 1)
            throw InputError(where, field + "result.thresholds: expected " + std::to_string(exits - 1) + " values (K - 1), found "
                                        + std::to_string(result.policy.thresholds.size()));
        result.valObjective = numberOrNan(res, "val_objective");
        result.valCost = numberOrNan(res, "val_cost");
        result.val = splitFromJson(res.object("val"));
        result.feasible = res.boolean("feasible");
        result.iterations = static_cast<int>(res.integer("iterations", 0, kLargestCount));
        result.milliseconds = numberOrNan(res, "milliseconds");
        result.note = res.string("note");
        row.val = splitFromJson(r.object("val"));
        if (r.hasNonNull("test"))
            row.test = splitFromJson(r.object("test"));
        sweep.rows.push_back(std::move(row));
    }
    return sweep;
}

json modelToJson(const SessionModel &m)
{
    const ModelRequest &r = m.request;
    return {{"path", str(r.model)},
            {"sha256", str(m.sha256)},
            {"dataset", str(r.dataset)},
            {"val_dataset", str(r.valDataset)},
            {"device", str(r.device)},
            {"threads", r.threads},
            {"batch_size", r.batchSize},
            {"profile_min_seconds", r.profileMinSeconds},
            {"profile_max_seconds", r.profileMaxSeconds},
            {"profile_warmup", r.profileWarmup}};
}

SessionModel modelFromJson(const JsonReader &in)
{
    SessionModel m;
    ModelRequest &r = m.request;
    r.model = qstr(in.string("path"));
    m.sha256 = qstr(in.string("sha256"));
    r.dataset = qstr(in.string("dataset"));
    r.valDataset = qstr(in.string("val_dataset"));
    r.device = qstr(in.string("device"));
    r.threads = static_cast<int>(in.integer("threads", 0, 4096));
    r.batchSize = static_cast<int>(in.integer("batch_size", 1, kLargestCount));
    r.profileMinSeconds = in.number("profile_min_seconds");
    r.profileMaxSeconds = in.number("profile_max_seconds");
    r.profileWarmup = static_cast<int>(in.integer("profile_warmup", 0, kLargestCount));
    return m;
}

} // namespace

std::string sessionToJson(const Session &s)
{
    json j;
    j["format"] = kFormat;
    j["version"] = kVersion;
    j["tool"] = str(s.tool);
    j["created"] = str(s.created);
    json sources;
    sources["val"] = s.val ? traceToJson(*s.val) : json(nullptr);
    sources["test"] = s.test ? traceToJson(*s.test) : json(nullptr);
    sources["latency"] = s.latencySource ? fileToJson(*s.latencySource) : json(nullptr);
    sources["model"] = s.model ? modelToJson(*s.model) : json(nullptr);
    j["sources"] = sources;
    j["latency"] = s.latency ? latencyProfileToJson(*s.latency) : json(nullptr);
    j["latency_label"] = str(s.latencyLabel);
    j["settings"] = settingsToJson(s.settings);
    j["current_policy"] = std::string(policyName(s.currentPolicy));
    j["cursor_budget"] = s.cursorBudget;
    if (s.operatingPoint && s.latency) {
        // The threshold config's own encoding: a learned scorer and the budget included.
        ThresholdConfig config;
        config.policyName = str(s.operatingPoint->name);
        config.policy = s.operatingPoint->policy;
        config.budget = s.operatingPoint->budget;
        config.latency = *s.latency;
        config.tool = str(s.tool);
        config.created = str(s.created);
        j["operating_point"] = json::parse(thresholdConfigToJson(config));
    } else {
        j["operating_point"] = nullptr;
    }
    j["sweep"] = s.sweep ? sweepToJson(*s.sweep) : json(nullptr);
    j["autosave_of"] = str(s.autosaveOf);
    return j.dump(1) + "\n";
}

Session sessionFromJson(const std::string &text, const std::string &where)
{
    json j;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(where, "empty file, expected an exitscope session (JSON)");
    try {
        j = json::parse(text);
    } catch (const json::exception &e) {
        throw InputError(where, std::string("not valid JSON (truncated?): ") + e.what());
    }
    const JsonReader in(j, where);
    if (in.optionalString("format") != kFormat)
        throw InputError(where, "format: expected '" + std::string(kFormat) + "', found "
                                    + (in.has("format") ? j["format"].dump() : std::string("none")) + ": not an exitscope session");
    in.requireFormat(kFormat, kVersion);
    Session s;
    s.tool = qstr(in.optionalString("tool"));
    s.created = qstr(in.optionalString("created"));
    const JsonReader sources = in.object("sources");
    if (sources.hasNonNull("val"))
        s.val = traceFromJson(sources.object("val"), where, "sources.val.");
    if (sources.hasNonNull("test"))
        s.test = traceFromJson(sources.object("test"), where, "sources.test.");
    if (sources.hasNonNull("latency"))
        s.latencySource = fileFromJson(sources.object("latency"), where, "sources.latency.");
    if (sources.hasNonNull("model"))
        s.model = modelFromJson(sources.object("model"));
    if (s.test && !s.val)
        throw InputError(where, "sources.test: a test trace without a val trace");
    if (in.hasNonNull("latency")) {
        s.latency = latencyProfileFromJson(in.raw("latency"), where + ": latency");
        s.latency->validate(where + ": latency");
    }
    s.latencyLabel = qstr(in.optionalString("latency_label"));
    s.settings = settingsFromJson(in.object("settings"), where, "settings.");
    s.currentPolicy = enumField(in, where, "", "current_policy", parsePolicy, "a policy name");
    s.cursorBudget = in.number("cursor_budget");
    if (in.hasNonNull("operating_point")) {
        if (!s.latency)
            throw InputError(where, "operating_point: needs the session's latency");
        const ThresholdConfig config = thresholdConfigFromJson(in.raw("operating_point"), where + ": operating_point");
        if (config.latency.exits() != s.latency->exits())
            throw InputError(where, "operating_point.latency: " + std::to_string(config.latency.exits())
                                        + " exits, the session's latency has " + std::to_string(s.latency->exits()));
        s.operatingPoint = PolicyState{config.policy, qstr(config.policyName), config.budget};
    }
    if (in.hasNonNull("sweep"))
        s.sweep = sweepFromJson(in.object("sweep"), where, s.latency ? s.latency->exits() : 0);
    s.autosaveOf = qstr(in.optionalString("autosave_of"));
    return s;
}

Session readSession(const QString &path)
{
    refuseFolderInput(str(path));
    return sessionFromJson(readTextFile(str(path)), str(path));
}

void writeSession(const Session &session, const QString &path)
{
    writeTextFile(str(path), sessionToJson(session));
}

QString sessionSideFolder(const QString &sessionPath)
{
    return sessionPath + QStringLiteral(".d");
}

QString resolveSessionPath(const QString &sessionPath, const QString &stored)
{
    if (stored.isEmpty() || QFileInfo(stored).isAbsolute())
        return stored;
    return QDir::cleanPath(QFileInfo(sessionPath).absoluteDir().filePath(stored));
}

} // namespace exitscope::gui

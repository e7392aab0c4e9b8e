#include "core/data/thresholdconfig.h"

#include "core/common/atomicfile.h"
#include "core/common/filehash.h"
#include "core/common/inputerror.h"
#include "core/common/jsonutil.h"
#include "core/eval/learnedscorer.h"

#include <cmath>
#include <ctime>
#include <limits>

namespace exitscope {

namespace {

constexpr const char *kFormat = "exitscope-thresholds";
constexpr int kVersion = 1;

nlohmann::json numberOrNull(double value)
{
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

nlohmann::json splitToJson(const SplitPrediction &s)
{
    return {{"trace", s.trace},
            {"sha256", s.sha256},
            {"samples", s.samples},
            {"accuracy", numberOrNull(s.accuracy)},
            {"agreement", numberOrNull(s.agreement)},
            {"mean_cost", s.meanCost},
            {"p90_cost", s.p90Cost},
            {"exit_distribution", s.exitDistribution}};
}

SplitPrediction splitFromJson(const JsonReader &in)
{
    SplitPrediction s;
    s.trace = in.string("trace");
    s.sha256 = in.optionalString("sha256");
    s.samples = in.integer("samples", 0, std::int64_t{1} << 53); // every count a double holds exactly
    s.accuracy = in.optionalNumber("accuracy", std::nan(""));
    s.agreement = in.optionalNumber("agreement", std::nan(""));
    s.meanCost = in.number("mean_cost");
    s.p90Cost = in.number("p90_cost");
    s.exitDistribution = in.numbers("exit_distribution");
    return s;
}

} // namespace

SplitPrediction predictSplit(const Evaluation &evaluation, const std::string &tracePath, std::int64_t samples)
{
    SplitPrediction s;
    s.trace = tracePath;
    s.sha256 = sha256OfFile(tracePath);
    s.samples = samples;
    s.accuracy = evaluation.accuracy;
    s.agreement = evaluation.agreement;
    s.meanCost = evaluation.meanCost;
    s.p90Cost = evaluation.p90Cost;
    s.exitDistribution = evaluation.exitDistribution();
    return s;
}

std::string thresholdConfigToJson(const ThresholdConfig &c)
{
    nlohmann::json j;
    j["format"] = kFormat;
    j["version"] = kVersion;
    j["tool"] = c.tool;
    j["created"] = c.created;
    j["policy"] = c.policyName;
    j["measure"] = std::string(measureName(c.policy.measure));
    j["direction"] = std::string(directionName(c.policy.direction));
    j["rule"] = c.policy.direction == Direction::HigherIsConfident
        ? "leave at the first exit k < K-1 with score[k] >= thresholds[k]; else at exit K-1"
        : "leave at the first exit k < K-1 with score[k] <= thresholds[k]; else at exit K-1";
    j["thresholds"] = c.policy.thresholds;
    if (c.policy.measure == Measure::Learned) {
        if (!c.policy.scorer)
            throw InputError("threshold config", "measure 'learned' without its learned scorer: nothing to export");
        j["scorer"] = learnedScorerToJson(*c.policy.scorer);
    }
    j["budget"] = c.budget ? nlohmann::json{{"value", c.budget->value}, {"relative", c.budget->relative}, {"kind", std::string(budgetKindName(c.budget->kind))}}
                           : nlohmann::json(nullptr);
    j["latency"] = latencyProfileToJson(c.latency);
    j["val"] = c.val ? splitToJson(*c.val) : nlohmann::json(nullptr);
    j["test"] = c.test ? splitToJson(*c.test) : nlohmann::json(nullptr);
    return j.dump(2) + "\n";
}

ThresholdConfig thresholdConfigFromJson(const nlohmann::json &json, const std::string &where)
{
    JsonReader in(json, where);
    in.requireFormat(kFormat, kVersion);
    ThresholdConfig c;
    c.tool = in.optionalString("tool");
    c.created = in.optionalString("created");
    c.policyName = in.string("policy");
    const std::string measure = in.string("measure");
    const auto m = parseMeasure(measure);
    if (!m)
        throw InputError(where, "measure: '" + measure + "' is not one of given, max-prob, entropy, margin, patience, learned");
    c.policy.measure = *m;
    const std::string direction = in.string("direction");
    const auto d = parseDirection(direction);
    if (!d)
        throw InputError(where, "direction: '" + direction + "' is not higher-is-confident or lower-is-confident");
    c.policy.direction = *d;
    if (c.policy.measure != Measure::Given && c.policy.direction != naturalDirection(c.policy.measure))
        throw InputError(where, "direction: measure '" + measure + "' is "
                                    + std::string(directionName(naturalDirection(c.policy.measure))) + ", not " + direction);
    c.policy.thresholds = in.numbers("thresholds");
    if (in.hasNonNull("budget")) {
        JsonReader b = in.object("budget");
        Budget budget;
        budget.value = b.number("value");
        budget.relative = b.boolean("relative");
        const std::string kind = b.string("kind");
        const std::optional<BudgetKind> parsed = parseBudgetKind(kind);
        if (!parsed)
            throw InputError(where, "budget.kind: '" + kind + "' is not mean or p90");
        budget.kind = *parsed;
        c.budget = budget;
    }
    c.latency = latencyProfileFromJson(in.raw("latency"), where);
    if (static_cast<int>(c.policy.thresholds.size()) != c.latency.exits() - 1)
        throw InputError(where, "thresholds: " + std::to_string(c.policy.thresholds.size())
                                    + " values, but the latency profile has " + std::to_string(c.latency.exits())
                                    + " exits (expected K - 1 thresholds)");
    if (c.policy.measure == Measure::Learned) {
        if (!in.hasNonNull("scorer"))
            throw InputError(where, "scorer: missing; measure 'learned' needs the scorer that computes its scores");
        auto scorer = std::make_shared<const LearnedScorer>(learnedScorerFromJson(in.raw("scorer"), where));
        if (scorer->scoredExits() != static_cast<int>(c.policy.thresholds.size()))
            throw InputError(where, "scorer.normalizers: " + std::to_string(scorer->scoredExits())
                                        + " normalizers, expected one per threshold ("
                                        + std::to_string(c.policy.thresholds.size()) + ")");
        c.policy.scorer = std::move(scorer);
    }
    if (in.hasNonNull("val"))
        c.val = splitFromJson(in.object("val"));
    if (in.hasNonNull("test"))
        c.test = splitFromJson(in.object("test"));
    return c;
}

ThresholdConfig readThresholdConfig(const std::string &path)
{
    return thresholdConfigFromJson(parseJsonFile(path), path);
}

void writeThresholdConfig(const ThresholdConfig &config, const std::string &path)
{
    writeTextFile(path, thresholdConfigToJson(config));
}

std::string currentTimeIso8601()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace exitscope

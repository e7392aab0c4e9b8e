#include "core/data/latencyprofile.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/common/internalerror.h"
#include "core/common/jsonutil.h"
#include "core/common/nametable.h"
#include "core/common/numbertext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace exitscope {

namespace {

constexpr const char *kFormat = "exitscope-latency";
constexpr int kVersion = 1;

constexpr std::pair<CostUnit, std::string_view> kUnitNames[] = {
    {CostUnit::Milliseconds, "ms"},
    {CostUnit::Seconds, "s"},
    {CostUnit::Flops, "flops"},
    {CostUnit::Relative, "relative"},
};

constexpr std::pair<ProfileSource, std::string_view> kSourceNames[] = {
    {ProfileSource::Unknown, "unknown"},
    {ProfileSource::Costs, "costs"},
    {ProfileSource::File, "file"},
    {ProfileSource::Measured, "measured"},
};
constexpr std::string_view kFilePrefix = "file:";

void checkSpread(const std::vector<double> &values, int exits, const char *name, const std::string &where)
{
    if (!values.empty() && static_cast<int>(values.size()) != exits)
        throw InputError(where, std::string(name) + " has " + std::to_string(values.size()) + " values, expected one per exit ("
                                    + std::to_string(exits) + ")");
    for (std::size_t k = 0; k < values.size(); ++k)
        if (!std::isfinite(values[k]) || values[k] < 0)
            throw InputError(where, std::string(name) + " of exit " + std::to_string(k) + " is "
                                        + std::to_string(values[k]) + ", expected a finite non-negative cost");
}

} // namespace

std::string_view costUnitName(CostUnit unit)
{
    return nameIn(kUnitNames, unit);
}

std::optional<CostUnit> parseCostUnit(std::string_view name)
{
    return valueIn(kUnitNames, name);
}

std::string_view costUnitLabel(CostUnit unit)
{
    return unit == CostUnit::Flops ? "FLOPs" : unit == CostUnit::Relative ? "(relative)" : costUnitName(unit);
}

std::string costText(double value, CostUnit unit)
{
    if (unit == CostUnit::Milliseconds || unit == CostUnit::Relative)
        return formatNumber(value) + " " + std::string(costUnitLabel(unit));
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text + (" " + std::string(costUnitLabel(unit)));
}

std::string_view profileSourceName(ProfileSource source)
{
    return nameIn(kSourceNames, source);
}

std::string LatencyProvenance::sourceText() const
{
    return source == ProfileSource::File ? std::string(kFilePrefix) + file : std::string(profileSourceName(source));
}

double LatencyProfile::largestRelativeSpread() const
{
    double spread = 0;
    for (std::size_t k = 0; k < iqr.size() && k < median.size(); ++k)
        spread = std::max(spread, median[k] > 0 ? iqr[k] / median[k] : 0.0);
    return spread;
}

void LatencyProfile::validate(const std::string &where) const
{
    if (cumulative.empty())
        throw InputError(where, "a latency profile needs at least one exit cost");
    for (std::size_t k = 0; k < cumulative.size(); ++k) {
        if (!std::isfinite(cumulative[k]) || cumulative[k] < 0) {
            std::ostringstream msg;
            msg << "cost of exit " << k << " is " << cumulative[k] << ", expected a finite non-negative number";
            throw InputError(where, msg.str());
        }
        if (k > 0 && cumulative[k] < cumulative[k - 1]) {
            std::ostringstream msg;
            msg << "cumulative costs must not decrease with depth: exit " << k << " costs " << cumulative[k]
                << " < exit " << k - 1 << "'s " << cumulative[k - 1];
            throw InputError(where, msg.str());
        }
    }
    if (reference && (!std::isfinite(*reference) || *reference <= 0))
        throw InputError(where, "reference cost must be a positive number, found " + std::to_string(*reference));
    checkSpread(median, exits(), "median", where);
    checkSpread(iqr, exits(), "iqr", where);
    checkSpread(p90, exits(), "p90", where);
    checkSpread(p99, exits(), "p99", where);
    checkSpread(stageMedian, exits(), "breakdown.stages", where);
    checkSpread(headMedian, exits(), "breakdown.heads", where);
}

void LatencyProfile::requireExits(int traceExits, const std::string &where) const
{
    if (exits() != traceExits)
        throw InputError(where, "the latency profile has " + std::to_string(exits()) + " exits but the trace has "
                                    + std::to_string(traceExits));
}

LatencyProfile latencyProfileFromCosts(const std::vector<double> &cumulative, CostUnit unit, const std::string &where)
{
    LatencyProfile profile;
    profile.cumulative = cumulative;
    profile.unit = unit;
    profile.provenance.source = ProfileSource::Costs;
    profile.validate(where);
    return profile;
}

LatencyProfile readSecondsCsv(const std::string &path)
{
    const std::string text = readTextFile(path);
    LatencyProfile profile;
    profile.unit = CostUnit::Milliseconds;
    profile.provenance.source = ProfileSource::File;
    profile.provenance.file = path;
    std::string token;
    int line = 1;
    auto flush = [&]() {
        const auto begin = token.find_first_not_of(" \t\r");
        if (begin == std::string::npos) {
            token.clear();
            return;
        }
        const std::string value = token.substr(begin, token.find_last_not_of(" \t\r") - begin + 1);
        const std::optional<double> v = parseDecimal(value);
        if (!v)
            throw InputError(path + ":" + std::to_string(line), "'" + value + "' is not a decimal number");
        profile.cumulative.push_back(*v);
        token.clear();
    };
    for (char ch : text) {
        if (ch == '\n' || ch == ',') {
            flush();
            line += ch == '\n';
        } else {
            token += ch;
        }
    }
    flush();
    if (profile.cumulative.empty())
        throw InputError(path, "empty file, expected one cumulative latency (ms) per exit");
    profile.validate(path);
    return profile;
}

nlohmann::json latencyProfileToJson(const LatencyProfile &p)
{
    nlohmann::json j;
    j["format"] = kFormat;
    j["version"] = kVersion;
    j["unit"] = std::string(costUnitName(p.unit));
    j["cumulative"] = p.cumulative;
    j["reference"] = p.reference ? nlohmann::json(*p.reference) : nlohmann::json(nullptr);
    if (!p.median.empty() || !p.iqr.empty() || !p.p90.empty() || !p.p99.empty())
        j["spread"] = {{"median", p.median}, {"iqr", p.iqr}, {"p90", p.p90}, {"p99", p.p99}};
    if (!p.stageMedian.empty() || !p.headMedian.empty())
        j["breakdown"] = {{"stages", p.stageMedian}, {"heads", p.headMedian}};
    const LatencyProvenance &s = p.provenance;
    j["provenance"] = {{"source", s.source == ProfileSource::Unknown ? std::string() : s.sourceText()},          {"device", s.device}, {"threads", s.threads},
                       {"batch_size", s.batchSize},   {"input_shape", s.inputShape},
                       {"libtorch", s.libtorchVersion}, {"date", s.date}, {"runs", s.runs}};
    return j;
}

LatencyProfile latencyProfileFromJson(const nlohmann::json &j, const std::string &where)
{
    JsonReader in(j, where);
    in.requireFormat(kFormat, kVersion);
    LatencyProfile p;
    const std::string unit = in.string("unit");
    const auto parsed = parseCostUnit(unit);
    if (!parsed)
        throw InputError(where, "unit '" + unit + "' is not one of ms, s, flops, relative");
    p.unit = *parsed;
    p.cumulative = in.numbers("cumulative");
    if (in.hasNonNull("reference"))
        p.reference = in.number("reference");
    if (in.hasNonNull("spread")) {
        JsonReader spread = in.object("spread");
        p.median = spread.numbers("median");
        if (spread.hasNonNull("iqr"))
            p.iqr = spread.numbers("iqr");
        p.p90 = spread.numbers("p90");
        p.p99 = spread.numbers("p99");
    }
    if (in.hasNonNull("breakdown")) {
        JsonReader breakdown = in.object("breakdown");
        p.stageMedian = breakdown.numbers("stages");
        p.headMedian = breakdown.numbers("heads");
    }
    if (in.hasNonNull("provenance")) {
        JsonReader s = in.object("provenance");
        const std::string source = s.optionalString("source");
        if (source.rfind(kFilePrefix, 0) == 0) {
            p.provenance.source = ProfileSource::File;
            p.provenance.file = source.substr(kFilePrefix.size());
        } else if (const auto named = valueIn(kSourceNames, source.empty() ? "unknown" : source);
                   named && *named != ProfileSource::File) {
            p.provenance.source = *named;
        } else {
            throw InputError(where, "provenance.source: '" + source + "' is not measured, costs or file:PATH");
        }
        p.provenance.device = s.optionalString("device");
        constexpr std::int64_t kMostInt = std::numeric_limits<int>::max();
        p.provenance.threads = static_cast<int>(s.optionalInteger("threads", 0, 0, kMostInt));
        p.provenance.batchSize = static_cast<int>(s.optionalInteger("batch_size", 0, 0, kMostInt));
        p.provenance.inputShape = s.optionalString("input_shape");
        p.provenance.libtorchVersion = s.optionalString("libtorch");
        p.provenance.date = s.optionalString("date");
        p.provenance.runs = static_cast<int>(s.optionalInteger("runs", 0, 0, kMostInt));
    }
    p.validate(where);
    return p;
}

nlohmann::json latencyProfilesToJson(const std::vector<LatencyProfile> &profiles)
{
    if (profiles.empty())
        throw InternalError("latencyProfilesToJson: no profiles");
    nlohmann::json json = latencyProfileToJson(profiles.front());
    if (profiles.size() > 1) {
        json["batches"] = nlohmann::json::array();
        for (const LatencyProfile &p : profiles)
            json["batches"].push_back(latencyProfileToJson(p));
    }
    return json;
}

std::vector<LatencyProfile> latencyProfilesFromJson(const nlohmann::json &json, const std::string &where)
{
    LatencyProfile main = latencyProfileFromJson(json, where);
    if (!json.contains("batches") || json["batches"].is_null())
        return {main};
    const nlohmann::json &batches = json["batches"];
    if (!batches.is_array())
        throw InputError(where, "batches: expected an array of latency profiles, found " + std::string(batches.type_name()));
    if (batches.empty())
        return {main};
    std::vector<LatencyProfile> profiles;
    for (std::size_t i = 0; i < batches.size(); ++i)
        profiles.push_back(latencyProfileFromJson(batches[i], where + ": batches[" + std::to_string(i) + "]"));
    return profiles;
}

std::vector<LatencyProfile> readLatencyProfiles(const std::string &path)
{
    return latencyProfilesFromJson(parseJsonFile(path), path);
}

LatencyProfile readLatencyProfile(const std::string &path, int batchSize)
{
    const nlohmann::json json = parseJsonFile(path);
    LatencyProfile main = latencyProfileFromJson(json, path);
    if (batchSize == 0 || main.provenance.batchSize == batchSize)
        return main;
    for (LatencyProfile &p : latencyProfilesFromJson(json, path))
        if (p.provenance.batchSize == batchSize)
            return p;
    return main;
}

std::string batchSizesText(const std::vector<LatencyProfile> &profiles)
{
    std::string text;
    for (std::size_t i = 0; i < profiles.size(); ++i) {
        const int batch = profiles[i].provenance.batchSize;
        text += (i == 0 ? "" : i + 1 == profiles.size() ? " and " : ", ") + (batch > 0 ? std::to_string(batch) : "unknown");
    }
    return text;
}

LatencyProfile readLatencyProfileAtBatch(const std::string &path, int batchSize)
{
    std::vector<LatencyProfile> profiles = readLatencyProfiles(path);
    for (LatencyProfile &p : profiles)
        if (p.provenance.batchSize == batchSize)
            return p;
    const std::string holds = profiles.size() == 1
        ? (profiles[0].provenance.batchSize > 0 ? "it holds one profile, measured at batch " + batchSizesText(profiles)
                                                : "it holds one profile, whose batch size is not recorded (provenance.batch_size)")
        : "it holds batch sizes " + batchSizesText(profiles);
    throw InputError(path, "no profile measured at batch size " + std::to_string(batchSize) + "; " + holds
                               + " (measure one with `exitscope-cli profile --batch-sizes " + std::to_string(batchSize) + "`)");
}

void writeLatencyProfile(const LatencyProfile &profile, const std::string &path)
{
    writeTextFile(path, latencyProfileToJson(profile).dump(2) + "\n");
}

void writeLatencyProfiles(const std::vector<LatencyProfile> &profiles, const std::string &path)
{
    writeTextFile(path, latencyProfilesToJson(profiles).dump(2) + "\n");
}

} // namespace exitscope

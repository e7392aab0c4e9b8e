#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitscope {

enum class CostUnit { Milliseconds, Seconds, Flops, Relative };

std::string_view costUnitName(CostUnit unit);
std::optional<CostUnit> parseCostUnit(std::string_view name);
// The unit as people read it after a number: "ms", "s", "FLOPs", "(relative)".
std::string_view costUnitLabel(CostUnit unit);
// A cost with its unit, for people: "1.5825 ms", "0.00158249 s", "3.2e+08 FLOPs",
// "0.5300 (relative)".
std::string costText(double value, CostUnit unit);

// Where a profile's numbers came from.
enum class ProfileSource {
    Unknown, // not recorded
    Costs, // typed in (the costs setting)
    File, // read from another tool's file (EENet's seconds.csv or flops.pth), named by `file`
    Measured, // timed on this machine by the latency profiler
};

// "unknown", "costs", "file", "measured".
std::string_view profileSourceName(ProfileSource source);

// Where a profile's numbers came from, and how they were measured.
struct LatencyProvenance
{
    ProfileSource source = ProfileSource::Unknown;
    std::string device; // "cpu", "cuda:0"
    int threads = 0; // 0 = unknown
    int batchSize = 0;
    std::string inputShape;
    std::string libtorchVersion;
    std::string date; // ISO 8601
    int runs = 0; // timed runs behind a measured profile; 0 = not measured here
    std::string file; // the file read, as given, for ProfileSource::File

    // As files and reports spell the source: "file:<path>" for File, else its name.
    std::string sourceText() const;
};

// Per-exit cumulative cost: cumulative[k] is what a sample pays to reach and take exit k
// (every stage and every exit head evaluated on the way). Optional spread per exit, and
// the reference cost of the plain model without exits that relative budgets refer to.
struct LatencyProfile
{
    std::vector<double> cumulative;
    CostUnit unit = CostUnit::Relative;
    std::optional<double> reference;
    std::vector<double> median, iqr, p90, p99; // per exit, empty when unknown
    // Measured profiles: the median time of each stage and each exit head on its own.
    std::vector<double> stageMedian, headMedian;
    LatencyProvenance provenance;

    int exits() const { return static_cast<int>(cumulative.size()); }
    // Finite, non-negative, non-decreasing costs; spreads of the right length.
    void validate(const std::string &where) const;
    // Fails unless the profile has the trace's number of exits.
    void requireExits(int exits, const std::string &where) const;
    // The largest IQR / median over the exits: how settled a measured profile is (0 when
    // the spread is unknown).
    double largestRelativeSpread() const;
};

// --costs 0.32,0.53,...: a profile typed in by the user.
LatencyProfile latencyProfileFromCosts(const std::vector<double> &cumulative, CostUnit unit, const std::string &where);
// EENet's seconds.csv: one cumulative latency in milliseconds per line (commas also accepted).
LatencyProfile readSecondsCsv(const std::string &path);

nlohmann::json latencyProfileToJson(const LatencyProfile &profile);
LatencyProfile latencyProfileFromJson(const nlohmann::json &json, const std::string &where);
// Several batch sizes in one document: the first profile at the top level (the main
// profile), all of them in `batches` when there are more than one.
nlohmann::json latencyProfilesToJson(const std::vector<LatencyProfile> &profiles);
// Every profile a document holds: its `batches` (one per batch size measured) when it has
// them, else its one profile.
std::vector<LatencyProfile> latencyProfilesFromJson(const nlohmann::json &json, const std::string &where);
std::vector<LatencyProfile> readLatencyProfiles(const std::string &path);
// A file may hold profiles of several batch sizes (`batches`, docs/latency-profile.md):
// the one measured at batchSize when there is one, else the file's main profile.
LatencyProfile readLatencyProfile(const std::string &path, int batchSize = 0);
// The profile measured at batchSize, with no fallback: InputError naming the file and the
// batch sizes it holds when it has none measured at batchSize.
LatencyProfile readLatencyProfileAtBatch(const std::string &path, int batchSize);
// "1, 8 and 64": the batch sizes of profiles, "unknown" for one not recorded.
std::string batchSizesText(const std::vector<LatencyProfile> &profiles);
void writeLatencyProfile(const LatencyProfile &profile, const std::string &path);
// One file for several batch sizes (latencyProfilesToJson).
void writeLatencyProfiles(const std::vector<LatencyProfile> &profiles, const std::string &path);

} // namespace exitscope

#pragma once

#include "core/data/budget.h"
#include "core/data/latencyprofile.h"
#include "core/eval/evaluation.h"

#include <optional>
#include <string>
#include <vector>

namespace exitscope {

// What a policy predicts on one split, and which trace file it was computed on.
struct SplitPrediction
{
    std::string trace; // file name as given
    std::string sha256; // of the trace file's bytes
    std::int64_t samples = 0;
    double accuracy = 0; // NaN when unknown (stored as null)
    double agreement = 0;
    double meanCost = 0;
    double p90Cost = 0;
    std::vector<double> exitDistribution;
};

SplitPrediction predictSplit(const Evaluation &evaluation, const std::string &tracePath, std::int64_t samples);

// The exported result of tuning: everything needed to apply the thresholds elsewhere and
// to know what they were chosen for (docs/threshold-config.md).
struct ThresholdConfig
{
    std::string policyName = "manual"; // solver that chose the thresholds
    ThresholdPolicy policy;
    std::optional<Budget> budget;
    LatencyProfile latency;
    std::optional<SplitPrediction> val, test;
    std::string tool; // "exitscope 0.1.0"
    std::string created; // ISO 8601
};

std::string thresholdConfigToJson(const ThresholdConfig &config);
ThresholdConfig thresholdConfigFromJson(const nlohmann::json &json, const std::string &where);
ThresholdConfig readThresholdConfig(const std::string &path);
void writeThresholdConfig(const ThresholdConfig &config, const std::string &path);

std::string currentTimeIso8601();

} // namespace exitscope

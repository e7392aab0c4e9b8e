#pragma once

#include "core/common/numbertext.h" // formatNumber
#include "core/data/latencyprofile.h"
#include "core/eval/evaluation.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace exitscope::cli {

// JSON null for NaN and infinities (unknown), else the number.
nlohmann::json numberOrNull(double value);
std::string joinNumbers(const std::vector<double> &values, int precision = 6);

// Left-aligned plain-text columns.
class TextTable
{
public:
    explicit TextTable(std::vector<std::string> header);
    void addRow(std::vector<std::string> row);
    void print(std::ostream &out) const;

private:
    std::vector<std::vector<std::string>> m_rows;
};

// A profile's costs per exit (with the stage/head breakdown and spread a measured one has)
// and where they came from.
void printLatencyProfile(std::ostream &out, const LatencyProfile &profile);

nlohmann::json evaluationToJson(const Evaluation &evaluation, const ThresholdPolicy &policy,
                                const LatencyProfile &latency);
void printEvaluation(std::ostream &out, const Evaluation &evaluation, const ThresholdPolicy &policy,
                     const LatencyProfile &latency, bool agreementExact);

} // namespace exitscope::cli

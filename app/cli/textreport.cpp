#include "textreport.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace exitscope::cli {

std::string joinNumbers(const std::vector<double> &values, int precision)
{
    std::ostringstream out;
    out << std::setprecision(precision);
    for (std::size_t i = 0; i < values.size(); ++i)
        out << (i ? ", " : "") << values[i];
    return out.str();
}

TextTable::TextTable(std::vector<std::string> header)
{
    m_rows.push_back(std::move(header));
}

void TextTable::addRow(std::vector<std::string> row)
{
    m_rows.push_back(std::move(row));
}

void TextTable::print(std::ostream &out) const
{
    std::vector<std::size_t> width;
    for (const auto &row : m_rows) {
        width.resize(std::max(width.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], row[c].size());
    }
    for (const auto &row : m_rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size())
                line += std::string(width[c] - row[c].size() + 2, ' ');
        }
        out << line << "\n";
    }
}

nlohmann::json numberOrNull(double value)
{
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

void printLatencyProfile(std::ostream &out, const LatencyProfile &p)
{
    const LatencyProvenance &s = p.provenance;
    out << "unit        " << costUnitName(p.unit) << " (every cost below"
        << (s.source == ProfileSource::Measured && s.batchSize > 0 ? ", per batch of " + std::to_string(s.batchSize) : std::string())
        << ")\n"
        << "reference   " << (p.reference ? costText(*p.reference, p.unit) : std::string("none"))
        << (s.source == ProfileSource::Measured ? " (all stages and the last head, no early-exit heads)" : "") << "\n"
        << "source      " << s.sourceText() << "\n";
    if (s.source == ProfileSource::Measured)
        out << "measured    " << s.device << ", " << s.threads << " thread(s), batch " << s.batchSize << " (input "
            << s.inputShape << "), LibTorch " << s.libtorchVersion << ", " << s.runs << " timed runs, " << s.date << "\n";
    out << "\n";
    const auto column = [](const std::vector<double> &values, int k) {
        return values.empty() ? std::string("-") : formatNumber(values[k]);
    };
    TextTable table({"exit", "stage", "head", "cumulative", "median", "IQR", "p90", "p99"});
    for (int k = 0; k < p.exits(); ++k)
        table.addRow({std::to_string(k), column(p.stageMedian, k), column(p.headMedian, k), formatNumber(p.cumulative[k]),
                      column(p.median, k), column(p.iqr, k), column(p.p90, k), column(p.p99, k)});
    table.print(out);
}

nlohmann::json evaluationToJson(const Evaluation &e, const ThresholdPolicy &policy, const LatencyProfile &latency)
{
    nlohmann::json exits = nlohmann::json::array();
    for (std::size_t k = 0; k < e.exits.size(); ++k) {
        const ExitOutcome &x = e.exits[k];
        exits.push_back({{"exit", k},
                         {"cost", latency.cumulative[k]},
                         {"reached", x.reached},
                         {"hits", x.hits},
                         {"hit_rate", x.hitRate},
                         {"accuracy", numberOrNull(x.accuracy)},
                         {"agreement", numberOrNull(x.agreement)}});
    }
    return {{"measure", std::string(measureName(policy.measure))},
            {"direction", std::string(directionName(policy.direction))},
            {"thresholds", policy.thresholds},
            {"unit", std::string(costUnitName(latency.unit))},
            {"samples", e.exitOf.size()},
            {"accuracy", numberOrNull(e.accuracy)},
            {"agreement", numberOrNull(e.agreement)},
            {"mean_cost", e.meanCost},
            {"p50_cost", e.p50Cost},
            {"p90_cost", e.p90Cost},
            {"p99_cost", e.p99Cost},
            {"relative_mean_cost", latency.reference ? nlohmann::json(e.meanCost / *latency.reference) : nlohmann::json(nullptr)},
            {"exits", exits}};
}

void printEvaluation(std::ostream &out, const Evaluation &e, const ThresholdPolicy &policy, const LatencyProfile &latency,
                     bool agreementExact)
{
    const std::string unit(costUnitName(latency.unit));
    out << "policy     " << measureName(policy.measure) << " (" << directionName(policy.direction) << "), thresholds "
        << joinNumbers(policy.thresholds) << "\n";
    out << "samples    " << e.exitOf.size() << "\n";
    out << "accuracy   " << formatNumber(e.accuracy) << (std::isnan(e.accuracy) ? " (labels unknown)" : "") << "\n";
    out << "agreement  " << formatNumber(e.agreement) << " with the final exit"
        << (agreementExact ? "" : " (lower bound: the trace has no predictions)") << "\n";
    out << "cost       mean " << formatNumber(e.meanCost) << ", p50 " << formatNumber(e.p50Cost) << ", p90 "
        << formatNumber(e.p90Cost) << ", p99 " << formatNumber(e.p99Cost) << " (" << unit << ")";
    if (latency.reference)
        out << "; mean = " << formatNumber(e.meanCost / *latency.reference) << " x reference";
    out << "\n\n";
    TextTable table({"exit", "cost (" + unit + ")", "reached", "hits", "hit-rate", "accuracy", "agreement"});
    for (std::size_t k = 0; k < e.exits.size(); ++k) {
        const ExitOutcome &x = e.exits[k];
        table.addRow({std::to_string(k), formatNumber(latency.cumulative[k]), std::to_string(x.reached),
                      std::to_string(x.hits), formatNumber(x.hitRate), formatNumber(x.accuracy),
                      formatNumber(x.agreement)});
    }
    table.print(out);
}

} // namespace exitscope::cli

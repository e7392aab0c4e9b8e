#include "core/io/sweepcsv.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/common/numbertext.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace exitscope {

namespace {

std::string number(double value, int digits = 10)
{
    if (std::isnan(value))
        return "";
    char text[40];
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    return text;
}

constexpr const char *kNumberColumns[] = {"val_accuracy", "val_cost", "val_p90_cost", "val_agreement",
                                          "test_accuracy", "test_cost", "test_p90_cost", "test_agreement"};

std::vector<std::string> cellsOf(std::string line)
{
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    std::vector<std::string> cells;
    std::stringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');)
        cells.push_back(cell);
    if (!line.empty() && line.back() == ',') // getline drops an empty last cell
        cells.emplace_back();
    return cells;
}

} // namespace

std::string sweepCsvNumber(double value)
{
    return number(value);
}

std::string sweepCsv(const SweepResult &sweep, double budgetScale, const SweepUnits &units)
{
    std::string out = "policy,budget,measure,val_accuracy,val_cost,val_p90_cost,test_accuracy,test_cost,test_p90_cost,"
                      "val_agreement,test_agreement,feasible,pareto,solve_ms,iterations,thresholds,"
                      "budget_relative,budget_cost,cost_unit,reference_cost,status\n";
    // The same on every row, so that each row reads on its own (and a filtered frame keeps them).
    const std::string unitCells = std::string(costUnitName(units.unit)) + ","
        + (units.reference ? number(*units.reference) : std::string()) + ",";
    for (const SweepRow &r : sweep.rows) {
        const bool ok = r.done && r.error.empty();
        const double nan = std::nan("");
        const SplitNumbers val = ok ? r.val : SplitNumbers{nan, nan, nan, nan};
        const SplitNumbers test = ok && r.test ? *r.test : SplitNumbers{nan, nan, nan, nan};
        std::string thresholds;
        if (ok && r.result.isPolicy)
            for (std::size_t k = 0; k < r.result.policy.thresholds.size(); ++k)
                thresholds += (k ? ";" : "") + number(r.result.policy.thresholds[k], 17);
        std::string status = !r.done ? "cancelled" : (r.error.empty() ? "ok" : "error: " + r.error);
        for (char &c : status)
            if (c == ',' || c == '\n')
                c = ';';
        out += std::string(policyName(r.policy)) + "," + number(r.budget / budgetScale) + ","
            + (ok ? std::string(r.result.isPolicy ? measureName(r.result.policy.measure) : "bound") : "") + ","
            + number(val.accuracy) + "," + number(val.meanCost) + "," + number(val.p90Cost) + ","
            + number(test.accuracy) + "," + number(test.meanCost) + "," + number(test.p90Cost) + ","
            + number(val.agreement) + "," + number(test.agreement) + "," + (ok && r.result.feasible ? "1" : "0") + ","
            + (r.pareto ? "1" : "0") + "," + (ok ? number(r.result.milliseconds, 4) : "") + ","
            + (ok ? std::to_string(r.result.iterations) : "") + "," + thresholds + "," + (units.relative ? "1," : "0,")
            + number(r.budget) + "," + unitCells + status + "\n";
    }
    return out;
}

std::vector<SweepCsvRow> readSweepCsv(const std::string &path)
{
    std::stringstream in(readTextFile(path));
    std::string line;
    if (!std::getline(in, line))
        throw InputError(path, "empty: expected the header line of a sweep CSV (exitscope-cli sweep -o)");
    const std::vector<std::string> header = cellsOf(line);
    auto column = [&](const std::string &name) {
        const auto found = std::find(header.begin(), header.end(), name);
        if (found == header.end())
            throw InputError(path, "line 1: no column '" + name + "': not a sweep CSV of exitscope-cli sweep");
        return static_cast<std::size_t>(found - header.begin());
    };
    const std::size_t policy = column("policy"), budget = column("budget"), measure = column("measure"),
                      thresholds = column("thresholds"), status = column("status");
    const auto relativeColumn = std::find(header.begin(), header.end(), "budget_relative");
    std::vector<std::pair<std::string, std::size_t>> numbers;
    for (const char *name : kNumberColumns)
        numbers.emplace_back(name, column(name));

    std::vector<SweepCsvRow> rows;
    for (int lineNumber = 2; std::getline(in, line); ++lineNumber) {
        if (line.empty())
            continue;
        const std::vector<std::string> cells = cellsOf(line);
        const std::string where = "line " + std::to_string(lineNumber);
        if (cells.size() != header.size())
            throw InputError(path, where + ": " + std::to_string(cells.size()) + " cells, the header has "
                                       + std::to_string(header.size()));
        SweepCsvRow row;
        row.line = lineNumber;
        row.policy = cells[policy];
        const std::optional<double> b = parseDecimal(cells[budget]);
        if (!b)
            throw InputError(path, where + ", column budget: '" + cells[budget] + "' is not a number");
        row.budget = *b;
        if (relativeColumn != header.end()) {
            const std::string &cell = cells[static_cast<std::size_t>(relativeColumn - header.begin())];
            if (cell != "0" && cell != "1")
                throw InputError(path, where + ", column budget_relative: '" + cell + "' is neither 0 nor 1");
            row.relative = cell == "1";
        }
        row.measure = cells[measure];
        row.status = cells[status];
        if (!cells[thresholds].empty()) {
            std::stringstream values(cells[thresholds]);
            for (std::string value; std::getline(values, value, ';');) {
                const std::optional<double> t = parseDecimal(value);
                if (!t)
                    throw InputError(path, where + ", column thresholds: '" + value + "' is not a number");
                row.thresholds.push_back(*t);
            }
        }
        for (const auto &[name, index] : numbers)
            row.numbers.emplace_back(name, cells[index]);
        rows.push_back(std::move(row));
    }
    return rows;
}

void checkSweepRowReproduces(const SweepCsvRow &row, const std::string &split, const SplitNumbers &numbers,
                             const std::string &csvPath, const std::string &trace)
{
    const std::pair<std::string, double> computed[] = {{split + "_accuracy", numbers.accuracy},
                                                       {split + "_cost", numbers.meanCost},
                                                       {split + "_p90_cost", numbers.p90Cost},
                                                       {split + "_agreement", numbers.agreement}};
    for (const auto &[name, value] : computed) {
        const std::string &column = name; // clang 14 does not capture structured bindings
        const auto cell = std::find_if(row.numbers.begin(), row.numbers.end(), [&](const auto &c) { return c.first == column; });
        if (cell == row.numbers.end() || cell->second.empty())
            continue;
        if (cell->second != sweepCsvNumber(value))
            throw InputError(csvPath, "line " + std::to_string(row.line) + " (" + row.policy + " at budget "
                                          + sweepCsvNumber(row.budget) + "), column " + name + ": " + cell->second
                                          + " in the file, but " + (sweepCsvNumber(value).empty() ? "unknown" : sweepCsvNumber(value))
                                          + " with its thresholds on " + trace
                                          + ": the sweep ran on other traces or costs");
    }
}

} // namespace exitscope

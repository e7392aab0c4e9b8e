#pragma once

#include "core/data/latencyprofile.h"
#include "core/solvers/sweep.h"

#include <optional>

#include <string>
#include <vector>

namespace exitscope {

// What the curve's costs are in, for its unit columns (docs/policies.md).
struct SweepUnits
{
    CostUnit unit = CostUnit::Relative; // of the cost columns and budget_cost
    std::optional<double> reference; // the profile's reference cost, in that unit
    bool relative = false; // the budget column holds fractions of the reference
};

// The curve as CSV, one row per policy and budget (docs/policies.md lists the columns).
// `budgetScale` divides the budget column (the reference cost for relative budgets, else 1).
std::string sweepCsv(const SweepResult &sweep, double budgetScale, const SweepUnits &units = {});

// A number as the sweep CSV writes it (10 significant digits; empty for NaN): a number
// computed again compares with the file's as text.
std::string sweepCsvNumber(double value);

// One row of a sweep CSV read back (`exitscope-cli solve --from-sweep`). Columns are found
// by their header names, so a file with more columns reads the same.
struct SweepCsvRow
{
    int line = 0; // in the file; the header is line 1
    std::string policy;
    double budget = 0; // as the budget column says (a fraction of the reference when the sweep was relative)
    std::optional<bool> relative; // the budget_relative column; none in files written before it
    std::string measure; // a measure's name, "bound" for the oracle, empty when not solved
    std::vector<double> thresholds; // exactly as solved (written with 17 digits)
    std::string status; // "ok", "cancelled" or "error: ..."
    std::vector<std::pair<std::string, std::string>> numbers; // the val_*/test_* columns: name, text
};

// Throws InputError naming the file, the line and the column that is missing or malformed.
std::vector<SweepCsvRow> readSweepCsv(const std::string &path);

// The row's numbers of one split ("val" or "test") against the same thresholds evaluated
// again; throws InputError (naming the CSV file, its line, the column and `trace`) at the
// first that differs. Columns the row leaves empty (a sweep without a test trace) pass.
void checkSweepRowReproduces(const SweepCsvRow &row, const std::string &split, const SplitNumbers &numbers,
                             const std::string &csvPath, const std::string &trace);

} // namespace exitscope

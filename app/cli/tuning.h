#pragma once

#include "commands.h"
#include "core/data/latencyprofile.h"
#include "core/solvers/solver.h"

#include <optional>
#include <string>
#include <vector>

namespace exitscope::cli {

// The loaded inputs of sweep and solve.
struct Tuning
{
    Trace val;
    std::optional<Trace> test;
    LatencyProfile latency;
    SolverOptions solver;
    BudgetKind kind = BudgetKind::Mean;
    double budgetScale = 1; // reference cost for relative budgets, else 1
};

Tuning loadTuning(const TuningOptions &options);
LatencyProfile profileFromOptions(const CostOptions &options);

// FROM:TO:COUNT (both ends included) or b1,b2,...; scaled by budgetScale and checked.
std::vector<double> parseBudgets(const std::string &text, double scale);

// Budgets above the last exit's cost are clamped: says so on stderr.
void warnAboutClamping(const std::vector<double> &budgets, const LatencyProfile &latency, double scale);

} // namespace exitscope::cli

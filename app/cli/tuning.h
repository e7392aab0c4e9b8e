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

// The job's warnings on stderr, "exitscope-cli: warning: ...", from any thread.
WarningSink warningsToStderr();

// The policies named in a comma-separated list; InputError for an unknown name.
std::vector<PolicyId> parsePolicies(const std::string &text);

} // namespace exitscope::cli

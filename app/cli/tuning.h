#pragma once

#include "commands.h"

#include "core/data/latencyprofile.h"
#include "core/solvers/solver.h"
#include "core/solvers/tuningtext.h" // parseBudgets, parsePolicies

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

// The job's warnings on stderr, "exitscope-cli: warning: ...", from any thread.
WarningSink warningsToStderr();

} // namespace exitscope::cli

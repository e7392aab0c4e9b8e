#pragma once

#include "commands.h"

#include "core/data/budgettext.h"
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
    bool relative = false;

    // Budgets (in the profile's unit) as the user gave them: "0.6 x reference", "2.5 ms".
    BudgetText budgetText() const;
    // A cost (in the profile's unit) in the user's terms: "0.5812 x reference (1.4180 ms)"
    // for relative budgets, else "1.4180 ms".
    std::string costText(double cost) const;
};

Tuning loadTuning(const TuningOptions &options);
LatencyProfile profileFromOptions(const CostOptions &options);

// Checks budgets (in the profile's unit) before any solving and names them as the user
// typed them with `flag` (--budget or --budgets): each must be positive and at least the
// cheapest exit's cost (when not, and the budget was given without --relative but looks
// like a fraction of the reference, the message says to add --relative). A budget above
// the last exit's cost is left to the solvers (solved as that cost, with a warning).
void checkBudgets(const std::vector<double> &budgets, const Tuning &tuning, const std::string &flag);

// The job's warnings on stderr, "exitscope-cli: warning: ...", from any thread.
WarningSink warningsToStderr();

} // namespace exitscope::cli

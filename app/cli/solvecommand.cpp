#include "commands.h"

#include "textreport.h"
#include "tuning.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/data/thresholdconfig.h"
#include "core/io/sweepcsv.h"
#include "core/solvers/sweep.h"

#include <algorithm>
#include <cmath>
#include <iostream>

namespace exitscope::cli {

namespace {

// The policy at the budget as a sweep computes that row: solve is a sweep of one budget,
// so `best` starts from the same policies and every policy gives the sweep's thresholds.
SolverResult solveAsSweep(PolicyId policy, const Tuning &tuning, double budget, int threads)
{
    const SweepRequest request{tuning.val, std::nullopt, tuning.latency.cumulative, {budget}, tuning.kind, {policy},
                               tuning.solver, threads};
    JobContext context;
    context.warn = [toStderr = warningsToStderr()](const JobWarning &warning) {
        if (warning.id != "policy-cannot-run") // the error says it
            toStderr(warning);
    };
    const std::shared_ptr<const SweepResult> sweep = runSweep(request, context);
    const SweepRow &row = sweep->rows.front();
    if (!row.error.empty())
        throw InputError("", row.error);
    return row.result;
}

// The row of the sweep CSV for the policy and budget, exported as it is: its thresholds
// must give the row's val (and test) numbers again on the traces given.
SolverResult exportSweepRow(const SolveOptions &o, PolicyId policy, const Tuning &tuning, int &line)
{
    const std::vector<SweepCsvRow> rows = readSweepCsv(o.fromSweep);
    const SweepCsvRow *row = nullptr;
    std::string budgets;
    for (const SweepCsvRow &r : rows) {
        if (r.policy != o.policy)
            continue;
        budgets += (budgets.empty() ? "" : ", ") + sweepCsvNumber(r.budget);
        // The file holds 10 significant digits of the budget.
        if (!row && std::abs(r.budget - o.budget) <= 1e-9 * std::max(1.0, std::abs(o.budget)))
            row = &r;
    }
    if (!row)
        throw InputError(o.fromSweep, budgets.empty() ? "no row of policy '" + o.policy + "'"
                                                      : "no row of policy '" + o.policy + "' at budget " + sweepCsvNumber(o.budget)
                                                            + "; its budgets: " + budgets);
    const std::string what = "line " + std::to_string(row->line) + " (" + o.policy + " at budget " + sweepCsvNumber(row->budget) + ")";
    if (row->relative && *row->relative != o.tuning.relative)
        throw InputError(o.fromSweep, what + ": the sweep's budgets are "
                                          + (*row->relative ? "fractions of the reference cost (budget_relative 1): add --relative"
                                                            : "in the latency profile's unit (budget_relative 0): drop --relative"));
    if (row->status != "ok")
        throw InputError(o.fromSweep, what + " has no thresholds: " + row->status);
    const std::optional<Measure> measure = parseMeasure(row->measure);
    if (!measure)
        throw InputError(o.fromSweep, what + ", column measure: '" + row->measure + "' is not a measure");

    const double budget = std::min(o.budget * tuning.budgetScale, tuning.latency.cumulative.back()); // as solved
    SolverResult result;
    result.policyId = policy;
    if (*measure == Measure::Learned) {
        // A learned scorer is not in the CSV: it is trained again as the sweep trained it
        // (seeded), and must give the row's thresholds.
        result = solveAsSweep(policy, tuning, o.budget * tuning.budgetScale, o.tuning.threads);
        if (result.policy.thresholds != row->thresholds)
            throw InputError(o.fromSweep, what + ": its learned scorer is not in the file, and training it again gave "
                                              "other thresholds: give solve the sweep's traces, costs and options "
                                              "(--seed, --label-free, --measure, --budget-kind)");
    } else {
        result.policy = ThresholdPolicy{*measure, tuning.val.direction(*measure), row->thresholds, nullptr};
        checkPolicy(tuning.val, result.policy, o.fromSweep);
    }
    const Evaluation val = evaluate(tuning.val, result.policy, tuning.latency.cumulative);
    checkSweepRowReproduces(*row, "val", splitNumbers(val), o.fromSweep, o.tuning.val);
    result.valObjective = o.tuning.labelFree || !tuning.val.hasCorrectness() ? val.agreement : val.accuracy;
    result.valCost = budgetCost(val, tuning.kind);
    result.feasible = result.valCost <= budget;
    if (tuning.test) {
        checkPolicy(*tuning.test, result.policy, o.tuning.test);
        checkSweepRowReproduces(*row, "test", splitNumbers(evaluate(*tuning.test, result.policy, tuning.latency.cumulative)),
                                o.fromSweep, o.tuning.test);
    }
    line = row->line;
    return result;
}

} // namespace

void runSolveCommand(const SolveOptions &o)
{
    checkOutputIsNotInput(o.out, {o.tuning.val, o.tuning.test, o.tuning.cost.latency, o.fromSweep});
    const PolicyId policy = parsePolicies(o.policy).at(0); // CLI11 checked the name
    if (policy == PolicyId::Oracle)
        throw InputError("--policy", "oracle is an upper bound, not a threshold policy: nothing to export");
    const Tuning tuning = loadTuning(o.tuning);
    int line = 0;
    if (o.fromSweep.empty())
        checkBudgets({o.budget * tuning.budgetScale}, tuning, "--budget");
    const SolverResult result = o.fromSweep.empty() ? solveAsSweep(policy, tuning, o.budget * tuning.budgetScale, o.tuning.threads)
                                                    : exportSweepRow(o, policy, tuning, line);

    ThresholdConfig config;
    config.policyName = o.policy;
    config.policy = result.policy;
    config.budget = Budget{o.budget, o.tuning.relative, tuning.kind};
    config.latency = tuning.latency;
    config.tool = std::string("exitscope ") + EXITSCOPE_VERSION;
    config.created = currentTimeIso8601();
    config.val = predictSplit(evaluate(tuning.val, result.policy, tuning.latency.cumulative), o.tuning.val, tuning.val.samples());
    if (tuning.test) {
        checkPolicy(*tuning.test, result.policy, o.tuning.test);
        config.test = predictSplit(evaluate(*tuning.test, result.policy, tuning.latency.cumulative), o.tuning.test,
                                   tuning.test->samples());
    }
    writeThresholdConfig(config, o.out);

    const std::string objective = o.tuning.labelFree ? "agreement" : "accuracy";
    const double budget = o.budget * tuning.budgetScale;
    const LatencyProvenance &from = tuning.latency.provenance;
    std::cout << "policy     " << o.policy << ": " << measureName(result.policy.measure) << " ("
              << directionName(result.policy.direction) << "), thresholds " << joinNumbers(result.policy.thresholds, 10)
              << "\n"
              << "budget     " << tuning.budgetText()(budget)
              << (tuning.relative ? " = " + costText(budget, tuning.latency.unit) : std::string()) << ", "
              << budgetKindName(tuning.kind) << " cost"
              << (from.batchSize > 0 ? "; latency profile of batch size " + std::to_string(from.batchSize) : std::string())
              << "\n"
              << "val        " << objective << " " << formatNumber(result.valObjective) << ", "
              << budgetKindName(tuning.kind) << " cost " << tuning.costText(result.valCost)
              << (result.feasible ? ", within budget" : ", OVER budget") << "\n";
    if (config.test)
        std::cout << "test       accuracy " << formatNumber(config.test->accuracy) << ", mean cost "
                  << tuning.costText(config.test->meanCost) << "\n";
    if (o.fromSweep.empty())
        std::cout << "solved in  " << formatNumber(result.milliseconds, 1) << " ms, " << result.iterations << " iterations"
                  << (result.note.empty() ? "" : "; " + result.note) << "\n";
    else
        std::cout << "exported   line " << line << " of " << o.fromSweep << " (its numbers reproduced)\n";
    std::cout << "wrote " << o.out << "\n";
}

} // namespace exitscope::cli

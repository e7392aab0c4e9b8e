#include "commands.h"

#include "textreport.h"
#include "tuning.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/data/thresholdconfig.h"

#include <iostream>

namespace exitscope::cli {

void runSolveCommand(const SolveOptions &o)
{
    checkOutputIsNotInput(o.out, {o.tuning.val, o.tuning.test, o.tuning.cost.latency});
    const PolicyId policy = parsePolicies(o.policy).at(0); // CLI11 checked the name
    if (policy == PolicyId::Oracle)
        throw InputError("--policy", "oracle is an upper bound, not a threshold policy: nothing to export");
    const Tuning tuning = loadTuning(o.tuning);
    checkBudgets({o.budget * tuning.budgetScale}, tuning, "--budget");
    const SolverProblem problem{tuning.val, tuning.latency.cumulative, o.budget * tuning.budgetScale, tuning.kind, tuning.solver, {}};
    JobContext context;
    context.warn = warningsToStderr();
    const SolverResult result = solve(policy, problem, context);

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
    std::cout << "solved in  " << formatNumber(result.milliseconds, 1) << " ms, " << result.iterations << " iterations"
              << (result.note.empty() ? "" : "; " + result.note) << "\n"
              << "wrote " << o.out << "\n";
}

} // namespace exitscope::cli

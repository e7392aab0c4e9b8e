#include "core/solvers/solver.h"

#include "core/common/inputerror.h"
#include "core/common/internalerror.h"
#include "core/eval/thresholdplacement.h"
#include "core/solvers/policysolvers.h"
#include "core/solvers/preparedpolicy.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace exitscope {

namespace {

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

SplitNumbers splitNumbers(const Evaluation &e)
{
    return {e.accuracy, e.agreement, e.meanCost, e.p90Cost};
}

double budgetCost(const Evaluation &evaluation, BudgetKind kind)
{
    return kind == BudgetKind::Mean ? evaluation.meanCost : evaluation.p90Cost;
}

void checkProblem(PolicyId policy, const SolverProblem &problem)
{
    const Trace &val = problem.val;
    if (static_cast<int>(problem.costs.size()) != val.exits())
        throw InputError("costs", "the latency profile has " + std::to_string(problem.costs.size())
                                      + " exits but the val trace has " + std::to_string(val.exits()));
    if (!std::isfinite(problem.budget) || problem.budget <= 0)
        throw InputError("budget", "budget " + number(problem.budget) + " is not a positive number");
    if (problem.budget < problem.costs.front())
        throw InputError("budget", "budget " + number(problem.budget) + " is below the cheapest exit's cost "
                                       + number(problem.costs.front()) + ": no policy fits");
    if (problem.options.labelFree && val.exits() < 2)
        throw InputError("label-free", "needs at least two exits: with one exit every sample agrees with the final exit");
    if (!problem.options.labelFree && !val.hasCorrectness() && policy != PolicyId::SelfXit)
        throw InputError("val trace", "has no labels or correctness, so accuracy cannot be optimized: "
                                      "judge by agreement with the final exit instead (label-free)");
}

double clampBudget(double budget, const std::vector<double> &costs, const JobContext &context)
{
    const double last = costs.back();
    if (budget <= last)
        return budget;
    context.warning({"budget-clamped", "budget " + number(budget) + " is above the last exit's cost " + number(last)
                                           + ": solved as " + number(last) + " (every sample may run to the last exit)"});
    return last;
}

std::unique_ptr<const PreparedPolicy> preparePolicy(PolicyId policy, std::shared_ptr<const PreparedTrace> trace,
                                                    const JobContext &context)
{
    switch (policy) {
    case PolicyId::Heuristic: return prepareHeuristic(std::move(trace));
    case PolicyId::BranchyNet: return prepareBranchyNet(std::move(trace));
    case PolicyId::MsdNet: return prepareMsdNet(std::move(trace));
    case PolicyId::Ippp: return prepareIppp(std::move(trace));
    case PolicyId::Eenet: return prepareEenet(std::move(trace));
    case PolicyId::SelfXit: return prepareSelfXit(std::move(trace), context);
    case PolicyId::Patience: return preparePatience(std::move(trace), context);
    case PolicyId::Best: return prepareBest(std::move(trace));
    case PolicyId::Oracle: return prepareOracle(std::move(trace));
    }
    throw InternalError("preparePolicy: unknown policy id " + std::to_string(static_cast<int>(policy)));
}

SolverResult solveAt(PolicyId policy, const PreparedPolicy &prepared, double budget,
                     const std::vector<ThresholdPolicy> &warmStarts, const JobContext &context)
{
    const auto start = std::chrono::steady_clock::now();
    SolverResult result = prepared.solve(budget, warmStarts, context);
    result.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    result.policyId = policy;
    const PreparedTrace &trace = prepared.trace();
    if (result.isPolicy) {
        checkPolicy(trace.val(), result.policy, std::string(policyName(policy)));
        // Here, once, every solver's thresholds leave the observed scores: the val exits stay
        // as the solver chose them, and a config is robust to last-bit score differences.
        result.policy = placeBetweenScores(trace.val(), std::move(result.policy));
        const Evaluation e = evaluate(trace.val(), result.policy, trace.costs());
        result.valObjective = trace.judgesByAgreement() ? e.agreement : e.accuracy;
        result.valCost = budgetCost(e, trace.kind());
        result.val = splitNumbers(e);
    }
    result.feasible = result.valCost <= budget;
    return result;
}

const std::vector<PolicyId> &bestWarmStartPolicies()
{
    static const std::vector<PolicyId> policies{PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet,
                                                PolicyId::SelfXit,   PolicyId::Patience,   PolicyId::Ippp};
    return policies;
}

SolverResult solve(PolicyId policy, const SolverProblem &problem, const JobContext &context)
{
    checkProblem(policy, problem);
    const double budget = clampBudget(problem.budget, problem.costs, context);
    const auto prepared = preparePolicy(policy, std::make_shared<const PreparedTrace>(problem), context);
    return solveAt(policy, *prepared, budget, problem.warmStarts, context);
}

} // namespace exitscope

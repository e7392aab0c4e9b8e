#include "core/solvers/solver.h"

#include "core/common/inputerror.h"
#include "core/solvers/eenetsolver.h"
#include "core/solvers/policysolvers.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace exitscope {

namespace {

using SolverFunction = SolverResult (*)(const SolverProblem &, const JobContext &);

struct Registered
{
    std::string name;
    SolverFunction function;
};

const std::vector<Registered> &registry()
{
    static const std::vector<Registered> solvers{
        {"heuristic", &solveHeuristic}, {"branchynet", &solveBranchyNet}, {"msdnet", &solveMsdNet},
        {"ippp", &solveIppp},           {"eenet", &solveEenet},           {"selfxit", &solveSelfXit},
        {"patience", &solvePatience},
        {"best", &solveBest},           {"oracle", &solveOracle},
    };
    return solvers;
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

const std::vector<std::string> &policyNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto &r : registry())
            out.push_back(r.name);
        return out;
    }();
    return names;
}

bool isKnownPolicy(const std::string &name)
{
    const auto &names = policyNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

double budgetCost(const Evaluation &evaluation, BudgetKind kind)
{
    return kind == BudgetKind::Mean ? evaluation.meanCost : evaluation.p90Cost;
}

void checkProblem(const std::string &policy, const SolverProblem &problem)
{
    if (!isKnownPolicy(policy)) {
        std::string known;
        for (const auto &name : policyNames())
            known += (known.empty() ? "" : ", ") + name;
        throw InputError("--policies", "unknown policy '" + policy + "'; known: " + known);
    }
    const Trace &val = problem.val;
    if (static_cast<int>(problem.costs.size()) != val.exits())
        throw InputError("costs", "the latency profile has " + std::to_string(problem.costs.size())
                                      + " exits but the val trace has " + std::to_string(val.exits()));
    if (!std::isfinite(problem.budget) || problem.budget <= 0)
        throw InputError("--budgets", "budget " + number(problem.budget) + " is not a positive number");
    if (problem.budget < problem.costs.front())
        throw InputError("--budgets", "budget " + number(problem.budget) + " is below the cheapest exit's cost "
                                          + number(problem.costs.front()) + ": no policy fits");
    if (problem.options.labelFree && val.exits() < 2)
        throw InputError("--label-free", "needs at least two exits: with one exit every sample agrees with the final exit");
    if (!problem.options.labelFree && !val.hasCorrectness() && policy != "selfxit")
        throw InputError("val trace", "has no labels or correctness, so accuracy cannot be optimized: use --label-free");
}

SolverResult solve(const std::string &policy, const SolverProblem &problem, const JobContext &context)
{
    checkProblem(policy, problem);
    const auto &solvers = registry();
    const auto it = std::find_if(solvers.begin(), solvers.end(), [&](const Registered &r) { return r.name == policy; });
    const auto start = std::chrono::steady_clock::now();
    SolverResult result = it->function(problem, context);
    result.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    result.policyName = policy;
    if (result.isPolicy && !result.cancelled) {
        checkPolicy(problem.val, result.policy, policy);
        const Evaluation e = evaluate(problem.val, result.policy, problem.costs);
        result.valObjective = problem.options.labelFree || !problem.val.hasCorrectness() ? e.agreement : e.accuracy;
        result.valCost = budgetCost(e, problem.kind);
    }
    result.feasible = result.valCost <= problem.budget;
    return result;
}

} // namespace exitscope

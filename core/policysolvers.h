#pragma once

// The individual solvers behind solve() (core/solver.h). Each fills policy (or, for the
// oracle, valObjective/valCost), iterations and note; solve() times it and evaluates the
// thresholds on the val split. Documented in docs/policies.md.

#include "solver.h"

namespace exitscope {

SolverResult solveHeuristic(const SolverProblem &problem, const SolverContext &context);
SolverResult solveBranchyNet(const SolverProblem &problem, const SolverContext &context);
SolverResult solveMsdNet(const SolverProblem &problem, const SolverContext &context);
SolverResult solveSelfXit(const SolverProblem &problem, const SolverContext &context);
SolverResult solvePatience(const SolverProblem &problem, const SolverContext &context);
SolverResult solveOracle(const SolverProblem &problem, const SolverContext &context);
SolverResult solveIppp(const SolverProblem &problem, const SolverContext &context);
SolverResult solveBest(const SolverProblem &problem, const SolverContext &context);

} // namespace exitscope

#pragma once

// The individual solvers behind solve() (core/solver.h). Each fills policy (or, for the
// oracle, valObjective/valCost), iterations and note; solve() times it and evaluates the
// thresholds on the val split. Documented in docs/policies.md.

#include "core/solvers/solver.h"

namespace exitscope {

SolverResult solveHeuristic(const SolverProblem &problem, const JobContext &context);
SolverResult solveBranchyNet(const SolverProblem &problem, const JobContext &context);
SolverResult solveMsdNet(const SolverProblem &problem, const JobContext &context);
SolverResult solveSelfXit(const SolverProblem &problem, const JobContext &context);
SolverResult solvePatience(const SolverProblem &problem, const JobContext &context);
SolverResult solveOracle(const SolverProblem &problem, const JobContext &context);
SolverResult solveIppp(const SolverProblem &problem, const JobContext &context);
SolverResult solveBest(const SolverProblem &problem, const JobContext &context);

} // namespace exitscope

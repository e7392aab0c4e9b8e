#pragma once

// EENet (Ilhan et al., WACV 2024): learned score normalizers and a learned exit
// distribution, trained with LibTorch on the val split (docs/policies-eenet.md). This
// header stays free of torch so that Qt code may include it.

#include "core/solvers/solver.h"

namespace exitscope {

// Trains options.eenetRestarts seeded restarts (deterministic for a given options.seed,
// whatever the thread count) and returns the best one whose val cost is within the
// budget: a policy with measure Learned, direction higher-is-confident, thresholds and
// the LearnedScorer that computes its scores; valObjective, valCost, feasible and
// iterations (epochs trained, all restarts) are filled. feasible is false only when even
// sending every sample to the cheapest exit exceeds the budget. Throws Cancelled when
// asked to stop (checked every epoch), InputError for what checkProblem refuses, a val
// split too small to train on (fewer than 50 samples), or fewer than two exits.
SolverResult solveEenet(const SolverProblem &problem, const JobContext &context);

} // namespace exitscope

#pragma once

#include "core/solvers/solver.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace exitscope {

// The solvers' common view of one threshold search: scores turned "canonical" (higher is
// more confident, a sample leaves at exit k when confidence >= tau[k]), the per-exit
// objective (correct, or agrees with the final exit), and the budget as an additive
// constraint: feasible iff sum over samples of weight[exit of the sample] <= capacity.
//   mean budget: weight = cost,                 capacity = budget * N
//   p90 budget:  weight = (cost > budget ? 1 : 0), capacity = N - ceil(0.9 N)
// The rows are views into storage that `storage` keeps alive (a PreparedTrace's, shared by
// every budget of a sweep), so a problem is cheap to make for each budget.
struct ExitProblem
{
    int exits = 0;
    std::int64_t samples = 0;
    Measure measure = Measure::MaxProb;
    Direction direction = Direction::HigherIsConfident;
    std::shared_ptr<const LearnedScorer> scorer; // for Measure::Learned
    std::vector<const double *> confidence; // K-1 rows of N
    std::vector<const std::uint8_t *> objective; // K rows of N
    std::shared_ptr<const void> storage; // owns the rows above (the trace owns unshared objective rows)
    std::vector<double> weight; // K
    double capacity = 0;
    std::vector<double> costs; // K cumulative costs
    double budget = 0;
    BudgetKind kind = BudgetKind::Mean;

    // Canonical thresholds to the measure's own direction, and back.
    ThresholdPolicy toPolicy(const std::vector<double> &tau) const;
    std::vector<double> toCanonical(const ThresholdPolicy &policy) const;

    // Exit of every sample under canonical thresholds.
    void assignExits(const std::vector<double> &tau, std::vector<std::uint8_t> &exitOf) const;
    // Objective count of an assignment.
    std::int64_t objectiveOf(const std::vector<std::uint8_t> &exitOf) const;
    // Samples per exit of an assignment, and the constraint load of such counts.
    std::vector<std::int64_t> hitsOf(const std::vector<std::uint8_t> &exitOf) const;
    double loadOfHits(const std::vector<std::int64_t> &hits) const;
};

// Sets the budget part of p (weight, capacity, costs, budget, kind).
void setBudget(ExitProblem &p, const std::vector<double> &costs, double budget, BudgetKind kind);

// Per exit, the samples by falling confidence, those confidences, and each sample's
// objective at every exit as bits (K <= 64). Sorting costs more than most searches, so a
// PreparedTrace sorts once per measure and shares the result between budgets and policies.
struct SortedExits
{
    std::vector<std::vector<std::int32_t>> order;
    std::vector<std::vector<double>> confidence; // in that order
    std::vector<std::vector<std::uint64_t>> objective; // in that order: bit e = objective at exit e
};
std::shared_ptr<const SortedExits> sortExits(const ExitProblem &p);

// Geometric target distribution of exits: share at exit k proportional to q^k.
std::vector<double> geometricShares(double q, int exits);

// Canonical thresholds that let the given share of ALL samples leave at each exit in turn,
// each a quantile of the confidences of the samples still running (MSDNet's rule).
std::vector<double> sequentialQuantileThresholds(const ExitProblem &p, const SortedExits &sorted,
                                                 const std::vector<double> &shares);

} // namespace exitscope

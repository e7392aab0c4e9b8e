// SelfXit's global threshold, PABEE-style patience, and the per-sample oracle bound.

#include "core/common/quantile.h"
#include "core/solvers/exitproblem.h"
#include "core/solvers/policysolvers.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace exitscope {

namespace {

// Thresholds shared by every exit, each candidate's exit counts and objective computed once
// (they do not depend on the budget); at each budget the one whose objective is highest
// within it wins (the cheaper on ties), `fallback` when none fits. With a `notePrefix`,
// the note says which candidate won ("patience 3").
class SharedThreshold : public PreparedPolicy
{
public:
    SharedThreshold(PreparedTracePtr trace, ExitProblem p, std::vector<double> candidates, double fallback,
                    std::string notePrefix, const JobContext &context)
        : PreparedPolicy(std::move(trace))
        , m_problem(std::move(p))
        , m_candidates(std::move(candidates))
        , m_fallback(fallback)
        , m_notePrefix(std::move(notePrefix))
    {
        std::vector<std::uint8_t> exitOf;
        for (double tau : m_candidates) {
            context.throwIfCancelled();
            m_problem.assignExits(std::vector<double>(m_problem.exits - 1, tau), exitOf);
            m_hits.push_back(m_problem.hitsOf(exitOf));
            m_objective.push_back(m_problem.objectiveOf(exitOf));
        }
    }

    SolverResult solve(double budget, const std::vector<ThresholdPolicy> &, const JobContext &context) const override
    {
        ExitProblem p = m_problem;
        setBudget(p, trace().costs(), budget, trace().kind());
        SolverResult result;
        double best = m_fallback;
        std::int64_t bestObjective = -1;
        double bestLoad = 0;
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            context.throwIfCancelled();
            ++result.iterations;
            const double load = p.loadOfHits(m_hits[i]);
            if (load > p.capacity)
                continue;
            if (m_objective[i] > bestObjective || (m_objective[i] == bestObjective && load < bestLoad)) {
                bestObjective = m_objective[i];
                bestLoad = load;
                best = m_candidates[i];
            }
        }
        result.policy = p.toPolicy(std::vector<double>(p.exits - 1, best));
        if (!m_notePrefix.empty())
            result.note = m_notePrefix + std::to_string(static_cast<int>(best));
        return result;
    }

private:
    ExitProblem m_problem; // budget part set per budget
    std::vector<double> m_candidates;
    double m_fallback;
    std::string m_notePrefix;
    std::vector<std::vector<std::int64_t>> m_hits; // per candidate, samples per exit
    std::vector<std::int64_t> m_objective; // per candidate
};

// The per-sample upper bound: every sample may leave at any exit. Each starts at the
// cheapest exit; a sample that is wrong there becomes right at the cheapest exit where it
// is right, for the extra load; the cheapest upgrades are taken first, the last one
// fractionally (a fractional knapsack). No thresholds reach this; it bounds them all.
// The upgrades depend on the budget only through p90 weights: for mean budgets they are
// found and sorted once.
class Oracle : public PreparedPolicy
{
public:
    explicit Oracle(PreparedTracePtr trace)
        : PreparedPolicy(std::move(trace))
        , m_measure(this->trace().val().measures().front())
    {
        if (this->trace().kind() == BudgetKind::Mean)
            m_meanUpgrades = upgrades(this->trace().problem(m_measure, this->trace().costs().back()));
    }

    SolverResult solve(double budget, const std::vector<ThresholdPolicy> &, const JobContext &) const override
    {
        const ExitProblem p = trace().problem(m_measure, budget);
        Upgrades atThisBudget;
        const Upgrades &u = p.kind == BudgetKind::Mean ? m_meanUpgrades : (atThisBudget = upgrades(p));
        double load = p.weight[u.cheapest] * static_cast<double>(p.samples);
        double objective = static_cast<double>(u.baseObjective);
        std::vector<std::int64_t> hits(p.exits, 0);
        hits[u.cheapest] = p.samples;
        for (const auto &[cost, exit] : u.extra) {
            const double room = p.capacity - load;
            if (room <= 0)
                break;
            if (cost <= room) {
                load += cost;
                objective += 1;
                --hits[u.cheapest];
                ++hits[exit];
            } else {
                objective += room / cost;
                load = p.capacity;
            }
        }
        SolverResult result;
        result.isPolicy = false;
        result.policy.measure = m_measure;
        result.valObjective = objective / static_cast<double>(p.samples);
        double mean = 0; // the cost of the integral part of the assignment
        for (int k = 0; k < p.exits; ++k)
            mean += static_cast<double>(hits[k]) * p.costs[k];
        result.valCost = p.kind == BudgetKind::P90 ? costQuantile(p.costs, hits, static_cast<double>(p.samples), kP90)
                                                   : mean / static_cast<double>(p.samples);
        result.iterations = 1;
        result.note = "upper bound; not a threshold policy";
        return result;
    }

private:
    struct Upgrades
    {
        int cheapest = 0;
        std::int64_t baseObjective = 0; // samples right at the cheapest exit
        std::vector<std::pair<double, int>> extra; // (extra load, exit), cheapest first
    };
    static Upgrades upgrades(const ExitProblem &p)
    {
        Upgrades u;
        u.cheapest = static_cast<int>(std::min_element(p.weight.begin(), p.weight.end()) - p.weight.begin());
        for (std::int64_t j = 0; j < p.samples; ++j) {
            if (p.objective[u.cheapest][j]) {
                ++u.baseObjective;
                continue;
            }
            double bestExtra = HUGE_VAL;
            int bestExit = -1;
            for (int k = 0; k < p.exits; ++k)
                if (p.objective[k][j] && p.weight[k] - p.weight[u.cheapest] < bestExtra) {
                    bestExtra = p.weight[k] - p.weight[u.cheapest];
                    bestExit = k;
                }
            if (bestExit >= 0)
                u.extra.emplace_back(bestExtra, bestExit);
        }
        std::sort(u.extra.begin(), u.extra.end());
        return u;
    }

    Measure m_measure; // any: the oracle reads no scores
    Upgrades m_meanUpgrades;
};

} // namespace

// SelfXit (TMLR 2024): one confidence threshold shared by every exit, chosen without
// labels: among the thresholds that fit the budget, the one whose exits agree most with
// the final exit. Candidates: 256 quantiles of all early exits' confidences.
PreparedPolicyPtr prepareSelfXit(PreparedTracePtr trace, const JobContext &context)
{
    const Measure measure = trace->chooseMeasure({Measure::MaxProb, Measure::Given}, PolicyId::SelfXit);
    ExitProblem p = trace->problem(measure, trace->costs().back());
    for (int k = 0; k < p.exits; ++k)
        p.objective[k] = trace->val().agreesWithFinal(k); // label-free whatever the options say
    std::vector<double> pooled;
    for (const double *row : p.confidence)
        pooled.insert(pooled.end(), row, row + p.samples);
    std::sort(pooled.begin(), pooled.end());
    std::vector<double> candidates;
    constexpr int kCandidates = 256;
    for (int i = 0; i < kCandidates; ++i)
        candidates.push_back(pooled[pooled.size() * i / kCandidates]);
    candidates.push_back(std::nextafter(pooled.back(), HUGE_VAL)); // nobody leaves early
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    const double fallback = candidates.back();
    return std::make_unique<SharedThreshold>(std::move(trace), std::move(p), std::move(candidates), fallback, "", context);
}

// PABEE: leave once the prediction has stayed the same for `patience` exits in a row.
// Every patience from 1 (leave at the first exit) to K (never leave early) is tried; the
// most accurate one within the budget wins, the cheaper on ties.
PreparedPolicyPtr preparePatience(PreparedTracePtr trace, const JobContext &context)
{
    const Measure measure = trace->chooseMeasure({Measure::Patience}, PolicyId::Patience);
    ExitProblem p = trace->problem(measure, trace->costs().back());
    std::vector<double> patiences;
    for (int patience = 1; patience <= p.exits; ++patience)
        patiences.push_back(patience);
    const double fallback = p.exits;
    return std::make_unique<SharedThreshold>(std::move(trace), std::move(p), std::move(patiences), fallback, "patience ",
                                             context);
}

PreparedPolicyPtr prepareOracle(PreparedTracePtr trace)
{
    return std::make_unique<Oracle>(std::move(trace));
}

} // namespace exitscope

#pragma once

#include "core/solvers/exitproblem.h"
#include "core/solvers/policyid.h"

#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace exitscope {

// What the solvers of one sweep (or one solve) share about the val trace: per measure the
// canonical scores, and per measure the exits' sorted orders, each computed on first use,
// once, by whichever thread asks first, and kept as long as the PreparedTrace lives. The
// sweep owns it and hands it to its policies, so nothing is cached behind anyone's back.
// Thread-safe.
class PreparedTrace
{
public:
    // `problem`'s budget and warm starts are not used: they change from budget to budget.
    explicit PreparedTrace(const SolverProblem &problem);

    const Trace &val() const { return m_val; }
    const std::vector<double> &costs() const { return m_costs; }
    BudgetKind kind() const { return m_kind; }
    const SolverOptions &options() const { return m_options; }
    // Whether the objective is agreement with the final exit rather than accuracy.
    bool judgesByAgreement() const { return m_options.labelFree || !m_val.hasCorrectness(); }

    // The measure a policy uses on this trace: the user's choice if given, else the first
    // of `preferred` that the trace has. Throws InputError naming the policy otherwise.
    Measure chooseMeasure(std::initializer_list<Measure> preferred, PolicyId policy) const;

    // The problem at `budget` over the trace's `measure` scores (not Learned); with a
    // stride, over every stride-th sample only.
    ExitProblem problem(Measure measure, double budget, int stride = 1) const;
    // Per exit, the samples of problem(measure, ..., stride) by falling confidence.
    std::shared_ptr<const SortedExits> sorted(Measure measure, int stride = 1) const;

    // The problem over the scores a learned scorer (EENet) gives the val trace: not kept,
    // as each budget's scorer is its own.
    ExitProblem learnedProblem(std::shared_ptr<const LearnedScorer> scorer, double budget) const;

private:
    struct Scores;
    std::shared_ptr<Scores> scoresOf(Measure measure, int stride) const; // m_mutex held
    static ExitProblem viewOf(const std::shared_ptr<const Scores> &scores);

    Trace m_val;
    std::vector<double> m_costs;
    BudgetKind m_kind;
    SolverOptions m_options;
    mutable std::mutex m_mutex;
    mutable std::map<std::pair<Measure, int>, std::shared_ptr<Scores>> m_scores;
};

} // namespace exitscope

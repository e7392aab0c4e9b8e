#include "core/solvers/preparedtrace.h"

#include "core/common/inputerror.h"
#include "core/eval/learnedscorer.h"

namespace exitscope {

// The rows of one measure (and stride): the problem's views point into them.
struct PreparedTrace::Scores
{
    Direction direction = Direction::HigherIsConfident;
    std::int64_t samples = 0;
    std::vector<std::vector<double>> confidence; // K-1 rows, canonical
    std::vector<std::vector<std::uint8_t>> ownObjective; // a subsample's objective rows
    std::vector<const std::uint8_t *> objective; // K rows: the trace's, or ownObjective
    std::shared_ptr<const SortedExits> sorted; // on first use
};

// A problem that views `s` (and keeps it alive); its budget part is not set.
ExitProblem PreparedTrace::viewOf(const std::shared_ptr<const Scores> &s)
{
    ExitProblem p;
    p.exits = static_cast<int>(s->objective.size());
    p.samples = s->samples;
    for (const auto &row : s->confidence)
        p.confidence.push_back(row.data());
    p.objective = s->objective;
    p.storage = s;
    return p;
}

PreparedTrace::PreparedTrace(const SolverProblem &problem)
    : m_val(problem.val)
    , m_costs(problem.costs)
    , m_kind(problem.kind)
    , m_options(problem.options)
{
}

std::shared_ptr<PreparedTrace::Scores> PreparedTrace::scoresOf(Measure measure, int stride) const
{
    auto &slot = m_scores[{measure, stride}];
    if (slot)
        return slot;
    auto s = std::make_shared<Scores>();
    const std::int64_t n = m_val.samples();
    const std::int64_t kept = (n + stride - 1) / stride;
    s->direction = m_val.direction(measure);
    s->samples = kept;
    const double sign = s->direction == Direction::HigherIsConfident ? 1.0 : -1.0;
    for (int k = 0; k + 1 < m_val.exits(); ++k) {
        const double *scores = m_val.scores(measure, k);
        std::vector<double> row(static_cast<std::size_t>(kept));
        for (std::int64_t j = 0; j < kept; ++j)
            row[j] = sign * scores[j * stride];
        s->confidence.push_back(std::move(row));
    }
    for (int k = 0; k < m_val.exits(); ++k) {
        const std::uint8_t *row = judgesByAgreement() ? m_val.agreesWithFinal(k) : m_val.correct(k);
        if (stride == 1) {
            s->objective.push_back(row);
            continue;
        }
        std::vector<std::uint8_t> sub(static_cast<std::size_t>(kept));
        for (std::int64_t j = 0; j < kept; ++j)
            sub[j] = row[j * stride];
        s->ownObjective.push_back(std::move(sub));
    }
    for (const auto &row : s->ownObjective)
        s->objective.push_back(row.data());
    slot = s;
    return slot;
}

Measure PreparedTrace::chooseMeasure(std::initializer_list<Measure> preferred, PolicyId policy) const
{
    const std::string name(policyName(policy));
    if (m_options.measure) {
        if (!m_val.hasMeasure(*m_options.measure))
            throw InputError("measure", "the val trace has no '" + std::string(measureName(*m_options.measure))
                                            + "' scores for " + name);
        return *m_options.measure;
    }
    std::string tried;
    for (Measure m : preferred) {
        if (m_val.hasMeasure(m))
            return m;
        tried += (tried.empty() ? "" : ", ") + std::string(measureName(m));
    }
    throw InputError(name, "the val trace has none of the scores this policy uses (" + tried + ")");
}

ExitProblem PreparedTrace::problem(Measure measure, double budget, int stride) const
{
    std::shared_ptr<Scores> s;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        s = scoresOf(measure, stride);
    }
    ExitProblem p = viewOf(s);
    p.measure = measure;
    p.direction = s->direction;
    setBudget(p, m_costs, budget, m_kind);
    return p;
}

std::shared_ptr<const SortedExits> PreparedTrace::sorted(Measure measure, int stride) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    const std::shared_ptr<Scores> s = scoresOf(measure, stride);
    if (!s->sorted)
        s->sorted = sortExits(viewOf(s));
    return s->sorted;
}

ExitProblem PreparedTrace::learnedProblem(std::shared_ptr<const LearnedScorer> scorer, double budget) const
{
    scorer->checkFits(m_val, "learned scorer");
    auto s = std::make_shared<Scores>();
    const std::int64_t n = m_val.samples();
    s->samples = n;
    const std::vector<double> scores = scorer->scores(m_val);
    for (int k = 0; k + 1 < m_val.exits(); ++k)
        s->confidence.emplace_back(scores.begin() + static_cast<std::ptrdiff_t>(k) * n,
                                   scores.begin() + static_cast<std::ptrdiff_t>(k + 1) * n);
    for (int k = 0; k < m_val.exits(); ++k)
        s->objective.push_back(judgesByAgreement() ? m_val.agreesWithFinal(k) : m_val.correct(k));
    ExitProblem p = viewOf(s);
    p.measure = Measure::Learned;
    p.direction = Direction::HigherIsConfident;
    p.scorer = std::move(scorer);
    setBudget(p, m_costs, budget, m_kind);
    return p;
}

} // namespace exitscope

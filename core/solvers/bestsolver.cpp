// Exitscope's own solver ("best"): exact line searches over the score breakpoints, one
// threshold at a time (coordinate ascent), started from every other solver's answer and
// from Lagrangian relaxations (maximize objective - lambda * cost, lambda by bisection), and
// for three exits an exact search over all pairs of breakpoints. Every candidate is judged
// with the same arithmetic as evaluate(), so the val cost never exceeds the budget.

#include "core/common/inputerror.h"
#include "core/common/quantile.h"
#include "core/common/random.h"
#include "core/eval/learnedscorer.h"
#include "core/solvers/exitproblem.h"
#include "core/solvers/policysolvers.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <optional>

namespace exitscope {

namespace {

constexpr std::int64_t kExactPairLimit = 4096; // K = 3 and N up to this: exact search
constexpr int kBisections = 12; // of the Lagrange multiplier
// Effort per score source, in samples visited by line searches (about 10 ns each here):
// up to 8e6 on small traces, where coordinated moves across many exits need many kicks,
// down to 1e6 on large ones (50,000 samples: ~20 ms a budget).
std::int64_t workLimit(std::int64_t samples)
{
    return std::clamp<std::int64_t>(40'000'000'000 / std::max<std::int64_t>(samples, 1), 1'000'000, 8'000'000);
}

struct Score
{
    std::int64_t objective = -1;
    double load = HUGE_VAL; // the budget-kind cost, as evaluate() computes it
    bool operator>(const Score &o) const
    {
        return objective > o.objective || (objective == o.objective && load < o.load);
    }
};

class CoordinateSearch
{
public:
    CoordinateSearch(const ExitProblem &p, std::shared_ptr<const SortedExits> sorted)
        : m_p(p)
        , m_n(p.samples)
        , m_exits(p.exits)
        , m_sorted(std::move(sorted))
    {
        for (int k = 0; k + 1 < m_exits; ++k) {
            m_none.push_back(std::nextafter(m_sorted->confidence[k].front(), HUGE_VAL));
            m_all.push_back(m_sorted->confidence[k].back());
        }
    }

    // The budget-kind cost of exit counts, with evaluate()'s arithmetic.
    double costOf(const std::vector<std::int64_t> &hits) const
    {
        if (m_p.kind == BudgetKind::Mean) {
            double total = 0;
            for (int k = 0; k < m_exits; ++k)
                total += static_cast<double>(hits[k]) * m_p.costs[k];
            return total / static_cast<double>(m_n);
        }
        return costQuantile(m_p.costs, hits, static_cast<double>(m_n), kP90);
    }
    bool fits(double cost) const { return cost <= m_p.budget; }

    void setThresholds(std::vector<double> tau)
    {
        m_tau = std::move(tau);
        m_p.assignExits(m_tau, m_exitOf);
        m_hits.assign(m_exits, 0);
        m_objective = 0;
        for (std::int64_t j = 0; j < m_n; ++j) {
            ++m_hits[m_exitOf[j]];
            m_objective += m_p.objective[m_exitOf[j]][j];
        }
    }
    const std::vector<double> &thresholds() const { return m_tau; }
    Score score() const { return {m_objective, costOf(m_hits)}; }

    // The best threshold for exit k with the others fixed: feasible and most accurate
    // (lambda < 0), or maximizing objective - lambda * cost (lambda >= 0, no constraint).
    // Returns whether the state changed.
    bool lineSearch(int k, double lambda)
    {
        const auto &order = m_sorted->order[k];
        m_work += static_cast<std::int64_t>(order.size());
        const auto &sortedC = m_sorted->confidence[k];
        const auto &sortedObjective = m_sorted->objective[k];
        const bool mean = m_p.kind == BudgetKind::Mean;
        const double n = static_cast<double>(m_n);

        // Pass 1, by falling confidence: the samples that reach exit k, and where each goes
        // if it does not leave there; the state "nobody leaves at k" is the base.
        // Written in place: push_back of a pair made on the stack stalled on store forwarding,
        // a quarter of the search's time.
        m_reach.resize(order.size());
        std::size_t reaching = 0;
        std::vector<std::int64_t> hits = m_hits;
        std::int64_t objective = m_objective;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const std::int32_t j = order[i];
            const int e = m_exitOf[j];
            if (e < k)
                continue;
            int d = e;
            if (e == k) {
                d = m_exits - 1;
                for (int x = k + 1; x + 1 < m_exits; ++x)
                    if (m_p.confidence[x][j] >= m_tau[x]) {
                        d = x;
                        break;
                    }
                --hits[k];
                ++hits[d];
                objective += static_cast<std::int64_t>((sortedObjective[i] >> d) & 1) - static_cast<std::int64_t>((sortedObjective[i] >> k) & 1);
            }
            m_reach[reaching].first = static_cast<std::int32_t>(i);
            m_reach[reaching].second = d;
            ++reaching;
        }
        // The mean cost is kept as a running total (score() redoes evaluate()'s arithmetic).
        double total = 0;
        for (int e = 0; e < m_exits; ++e)
            total += static_cast<double>(hits[e]) * m_p.costs[e];
        // Near the budget the running total's rounding could decide: redo it exactly there.
        auto loadNow = [&]() {
            if (!mean)
                return costOf(hits);
            const double approximate = total / n;
            return std::abs(approximate - m_p.budget) <= 1e-9 * std::max(1.0, std::abs(m_p.budget)) ? costOf(hits) : approximate;
        };
        auto value = [&](std::int64_t obj, double cost) { return static_cast<double>(obj) - lambda * cost * n; };

        // Pass 2: lower the threshold one group of equal scores at a time.
        const std::size_t none = reaching;
        std::size_t cut = none; // reaching samples [0, cut] leave at k
        Score best{objective, loadNow()};
        bool bestOk = lambda >= 0 || fits(best.load);
        double bestValue = value(best.objective, best.load);
        for (std::size_t r = 0; r < reaching; ++r) {
            const auto [i, d] = m_reach[r];
            const std::uint64_t right = sortedObjective[i];
            ++hits[k];
            --hits[d];
            objective += static_cast<std::int64_t>((right >> k) & 1) - static_cast<std::int64_t>((right >> d) & 1);
            total += m_p.costs[k] - m_p.costs[d];
            if (r + 1 < reaching && sortedC[m_reach[r + 1].first] == sortedC[i])
                continue; // a threshold cannot split equal scores
            const Score candidate{objective, loadNow()};
            if (lambda >= 0) {
                const double v = value(candidate.objective, candidate.load);
                if (v > bestValue || (v == bestValue && candidate.load < best.load)) {
                    bestValue = v;
                    best = candidate;
                    cut = r;
                }
            } else if (fits(candidate.load) && (!bestOk || candidate > best)) {
                best = candidate;
                bestOk = true;
                cut = r;
            }
        }
        const double bestTau = cut == none ? m_none[k] : sortedC[m_reach[cut].first];
        if (!bestOk || bestTau == m_tau[k])
            return false;
        const Score before = score();
        if (lambda < 0 && fits(before.load) && !(best > before))
            return false;
        if (lambda >= 0 && !(value(best.objective, best.load) > value(before.objective, before.load)
                             || (value(best.objective, best.load) == value(before.objective, before.load) && best.load < before.load)))
            return false;

        // Apply: the first cut + 1 reaching samples leave at k, the others go on.
        m_tau[k] = bestTau;
        for (std::size_t r = 0; r < reaching; ++r) {
            const auto [i, d] = m_reach[r];
            const std::int32_t j = order[i];
            const int old = m_exitOf[j];
            const int e = (cut != none && r <= cut) ? k : d;
            if (e != old) {
                --m_hits[old];
                ++m_hits[e];
                m_objective += static_cast<std::int64_t>((sortedObjective[i] >> e) & 1) - static_cast<std::int64_t>((sortedObjective[i] >> old) & 1);
                m_exitOf[j] = static_cast<std::uint8_t>(e);
            }
        }
        return true;
    }

    // Line searches over every threshold until none helps. A search of exit k when nothing
    // changed since k's last search would find the same threshold again: it is skipped, but
    // counted in work() as if run, so that the effort limits (and so the answers) are those
    // of searching every exit every pass.
    int ascend(double lambda, const JobContext &context, int maxPasses = 20)
    {
        std::vector<std::int64_t> searchedAt(m_exits - 1, -1);
        std::int64_t step = 0, changedAt = 0;
        int passes = 0;
        for (bool changed = true; changed && passes < maxPasses && !context.cancelled(); ++passes) {
            changed = false;
            for (int k = 0; k + 1 < m_exits; ++k, ++step) {
                if (searchedAt[k] >= changedAt) {
                    m_work += static_cast<std::int64_t>(m_sorted->order[k].size());
                    continue;
                }
                searchedAt[k] = step;
                if (lineSearch(k, lambda)) {
                    changed = true;
                    changedAt = step;
                }
            }
        }
        return passes;
    }

    // K = 3: every breakpoint of the first threshold, the best second one for each.
    void exactPairs(const JobContext &context)
    {
        const auto &c = m_sorted->confidence[0];
        std::vector<double> candidates{m_none[0]};
        for (std::size_t i = 0; i < c.size(); ++i)
            if (i + 1 == c.size() || c[i + 1] != c[i])
                candidates.push_back(c[i]);
        std::vector<double> bestTau;
        Score best;
        for (double t0 : candidates) {
            if (context.cancelled())
                return;
            setThresholds({t0, m_none[1]});
            lineSearch(1, -1);
            const Score s = score();
            if (fits(s.load) && (bestTau.empty() || s > best)) {
                best = s;
                bestTau = m_tau;
            }
        }
        if (!bestTau.empty())
            setThresholds(bestTau);
    }

    // The threshold `positions` places further down (positive: more samples leave) the
    // falling-confidence order of exit k than tau.
    double shifted(int k, double tau, std::int64_t positions) const
    {
        const auto &c = m_sorted->confidence[k];
        const auto at = std::lower_bound(c.begin(), c.end(), tau, std::greater<>()) - c.begin();
        const std::int64_t target = std::clamp<std::int64_t>(at + positions, 0, static_cast<std::int64_t>(c.size()));
        return target == static_cast<std::int64_t>(c.size()) ? m_all[k] : c[static_cast<std::size_t>(target)];
    }

    std::int64_t work() const { return m_work; } // samples visited by line searches
    const ExitProblem &problem() const { return m_p; }

    const std::vector<double> &noneLeaves() const { return m_none; }
    const std::vector<double> &allLeave() const { return m_all; }

private:
    const ExitProblem &m_p;
    std::int64_t m_n;
    int m_exits;
    std::shared_ptr<const SortedExits> m_sorted;
    std::vector<double> m_none; // per exit, a threshold above every confidence
    std::vector<double> m_all; // per exit, the lowest confidence: everyone reaching it leaves
    std::vector<double> m_tau;
    std::vector<std::uint8_t> m_exitOf;
    std::vector<std::pair<std::int32_t, int>> m_reach; // (sorted index, destination) of samples reaching the exit, first `reaching`
    std::vector<std::int64_t> m_hits;
    std::int64_t m_objective = 0;
    std::int64_t m_work = 0;
};

} // namespace

namespace {

// The best feasible thresholds a search has visited.
struct BestPoint
{
    std::vector<double> tau; // empty: none yet
    Score score;
    void offer(const CoordinateSearch &search)
    {
        const Score s = search.score();
        if (search.fits(s.load) && (tau.empty() || s > score)) {
            score = s;
            tau = search.thresholds();
        }
    }
};

constexpr std::int64_t kSubsampleAbove = 16384; // samples; more: the Lagrangian phase subsamples

// Under a binding budget, moving one threshold at a time gets stuck: an accuracy gain at
// one exit has to be paid at another. The Lagrangian relaxation trades them freely:
// maximize objective - lambda * cost, lambda (objective per cost unit and sample) by
// bisection towards the smallest that fits, each solution continuing from the last.
// Returns the best fitting point it met (empty if none).
std::vector<double> lagrangian(CoordinateSearch &search, std::vector<double> start, std::int64_t workLimit,
                               const JobContext &context, SolverResult &result)
{
    const ExitProblem &p = search.problem();
    const double unit = 1.0 / std::max(p.costs.back() - p.costs.front(), 1e-300);
    double lo = 0, hi = unit;
    std::vector<double> fitting;
    BestPoint best;
    search.setThresholds(std::move(start));
    for (int i = 0; i < 40 && !context.cancelled(); ++i, hi *= 4) { // grow hi until it fits
        result.iterations += search.ascend(hi, context, 4);
        if (search.fits(search.score().load)) {
            fitting = search.thresholds();
            best.offer(search);
            break;
        }
    }
    for (int i = 0; i < kBisections && !fitting.empty() && !context.cancelled()
                    && (i < 3 || search.work() < workLimit);
         ++i) {
        const double lambda = 0.5 * (lo + hi);
        result.iterations += search.ascend(lambda, context, 4);
        if (search.fits(search.score().load)) {
            hi = lambda;
            fitting = search.thresholds();
            best.offer(search);
        } else {
            lo = lambda;
            search.setThresholds(fitting);
        }
    }
    return best.tau;
}

struct Candidate
{
    Score score;
    ThresholdPolicy policy;
};

// Climbs from every warm start that thresholds p's scores; with `relax`, also from a
// Lagrangian relaxation; with three exits and few samples, searches every pair exactly.
// Returns the best feasible point found, if any.
std::optional<Candidate> searchScores(const PreparedTrace &trace, const ExitProblem &p, std::shared_ptr<const SortedExits> sorted,
                                      bool relax, const std::vector<ThresholdPolicy> &warmStarts, const JobContext &context,
                                      SolverResult &result)
{
    CoordinateSearch search(p, std::move(sorted));
    BestPoint best;
    auto climbFrom = [&](std::vector<double> tau) {
        search.setThresholds(std::move(tau));
        best.offer(search); // a warm start counts as it is, even if climbing cannot move it
        result.iterations += search.ascend(-1, context);
        best.offer(search);
    };
    for (const ThresholdPolicy &warm : warmStarts)
        if (warm.measure == p.measure && warm.scorer == p.scorer && static_cast<int>(warm.thresholds.size()) == p.exits - 1)
            climbFrom(p.toCanonical(warm));

    if (relax) {
        // Large traces: the Lagrangian phase runs on a subsample, its answer is polished on
        // all samples.
        std::vector<double> relaxed;
        if (p.samples > kSubsampleAbove) {
            const int stride = static_cast<int>((p.samples + kSubsampleAbove - 1) / kSubsampleAbove);
            const ExitProblem sub = trace.problem(p.measure, p.budget, stride);
            CoordinateSearch coarse(sub, trace.sorted(p.measure, stride));
            relaxed = lagrangian(coarse, best.tau.empty() ? coarse.noneLeaves() : best.tau, workLimit(p.samples) / 2, context, result);
        } else {
            relaxed = lagrangian(search, best.tau.empty() ? search.noneLeaves() : best.tau, workLimit(p.samples) / 2, context, result);
        }
        if (!relaxed.empty())
            climbFrom(relaxed);
        if (best.tau.empty())
            climbFrom(search.allLeave()); // everybody at the first exit always fits

        // Iterated local search: kick one threshold of the best point by up to 5% of the
        // samples, climb again, keep what improves; seeded, and as many as the work limit
        // allows (at least one).
        Random random(trace.options().seed * 0x9E3779B97F4A7C15ull + 1);
        for (int kick = 0; !best.tau.empty() && !context.cancelled() && (kick < 1 || search.work() < workLimit(p.samples)); ++kick) {
            std::vector<double> tau = best.tau;
            const int k = static_cast<int>(random.next() % static_cast<std::uint64_t>(p.exits - 1));
            tau[k] = search.shifted(k, tau[k], static_cast<std::int64_t>(random.next() % static_cast<std::uint64_t>(p.samples / 10 + 1)) - p.samples / 20);
            climbFrom(std::move(tau));
        }
        if (p.exits == 3 && p.samples <= kExactPairLimit) {
            search.exactPairs(context);
            best.offer(search);
            result.note = "exact over all breakpoint pairs";
        }
    }
    if (best.tau.empty())
        return std::nullopt;
    return Candidate{best.score, p.toPolicy(best.tau)};
}

// The measure and its sorted orders (all samples, and the Lagrangian phase's subsample)
// are the same at every budget.
class Best : public PreparedPolicy
{
public:
    explicit Best(PreparedTracePtr trace)
        : PreparedPolicy(std::move(trace))
        , m_measure(this->trace().chooseMeasure({Measure::Given, Measure::MaxProb}, PolicyId::Best))
    {
        const int exits = this->trace().val().exits();
        if (exits > 64)
            throw InputError("best", "supports at most 64 exits, the trace has " + std::to_string(exits));
    }

    SolverResult solve(double budget, const std::vector<ThresholdPolicy> &warmStarts, const JobContext &context) const override
    {
        const PreparedTrace &t = trace();
        const ExitProblem p = t.problem(m_measure, budget);
        SolverResult result;
        if (p.exits == 1) {
            result.policy = p.toPolicy({});
            return result;
        }
        std::optional<Candidate> best = searchScores(t, p, t.sorted(m_measure), true, warmStarts, context, result);
        // Warm starts on other scores (another measure, or EENet's learned ones) are climbed
        // on their own scores: whichever policy class wins at this budget is kept.
        std::vector<std::pair<Measure, const LearnedScorer *>> sources{{p.measure, nullptr}};
        for (const ThresholdPolicy &warm : warmStarts) {
            const std::pair<Measure, const LearnedScorer *> source{warm.measure, warm.scorer.get()};
            if (std::find(sources.begin(), sources.end(), source) != sources.end() || context.cancelled())
                continue;
            sources.push_back(source);
            if (warm.measure != Measure::Learned && !t.val().hasMeasure(warm.measure))
                continue;
            const bool learned = warm.measure == Measure::Learned;
            const ExitProblem other = learned ? t.learnedProblem(warm.scorer, budget) : t.problem(warm.measure, budget);
            const std::optional<Candidate> found
                = searchScores(t, other, learned ? sortExits(other) : t.sorted(warm.measure), false, warmStarts, context, result);
            if (found && (!best || found->score > best->score))
                best = found;
        }
        context.throwIfCancelled();
        result.policy = best ? best->policy : p.toPolicy(CoordinateSearch(p, t.sorted(m_measure)).noneLeaves());
        return result;
    }

private:
    Measure m_measure;
};

} // namespace

PreparedPolicyPtr prepareBest(PreparedTracePtr trace)
{
    return std::make_unique<Best>(std::move(trace));
}

} // namespace exitscope

#include "core/solvers/exitproblem.h"

#include "core/common/inputerror.h"
#include "core/eval/learnedscorer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <list>
#include <mutex>
#include <numeric>

namespace exitscope {

namespace {

// Everything but the scores.
ExitProblem baseProblem(const SolverProblem &problem)
{
    const Trace &trace = problem.val;
    ExitProblem p;
    p.exits = trace.exits();
    p.samples = trace.samples();
    for (int k = 0; k < p.exits; ++k)
        p.objective.push_back(problem.options.labelFree ? trace.agreesWithFinal(k) : trace.correct(k));
    p.costs = problem.costs;
    p.budget = problem.budget;
    p.kind = problem.kind;
    const double n = static_cast<double>(p.samples);
    if (problem.kind == BudgetKind::Mean) {
        p.weight = problem.costs;
        p.capacity = problem.budget * n;
    } else {
        for (double c : problem.costs)
            p.weight.push_back(c > problem.budget ? 1.0 : 0.0);
        p.capacity = n - std::ceil(0.9 * n);
    }
    return p;
}

} // namespace

ExitProblem makeExitProblem(const SolverProblem &problem, Measure measure)
{
    const Trace &trace = problem.val;
    ExitProblem p = baseProblem(problem);
    p.measure = measure;
    p.direction = trace.direction(measure);
    const double sign = p.direction == Direction::HigherIsConfident ? 1.0 : -1.0;
    for (int k = 0; k + 1 < p.exits; ++k) {
        const double *s = trace.scores(measure, k);
        std::vector<double> row(s, s + p.samples);
        if (sign < 0)
            for (double &v : row)
                v = -v;
        p.confidence.push_back(std::move(row));
    }
    return p;
}

ExitProblem makeLearnedExitProblem(const SolverProblem &problem, std::shared_ptr<const LearnedScorer> scorer)
{
    ExitProblem p = baseProblem(problem);
    p.measure = Measure::Learned;
    p.direction = Direction::HigherIsConfident;
    scorer->checkFits(problem.val, "learned scorer");
    const std::vector<double> scores = scorer->scores(problem.val);
    for (int k = 0; k + 1 < p.exits; ++k)
        p.confidence.emplace_back(scores.begin() + static_cast<std::ptrdiff_t>(k) * p.samples,
                                  scores.begin() + static_cast<std::ptrdiff_t>(k + 1) * p.samples);
    p.scorer = std::move(scorer);
    return p;
}

ThresholdPolicy ExitProblem::toPolicy(const std::vector<double> &tau) const
{
    ThresholdPolicy policy;
    policy.measure = measure;
    policy.direction = direction;
    policy.scorer = scorer;
    for (double t : tau)
        policy.thresholds.push_back(direction == Direction::HigherIsConfident ? t : -t);
    return policy;
}

std::vector<double> ExitProblem::toCanonical(const ThresholdPolicy &policy) const
{
    std::vector<double> tau;
    for (double t : policy.thresholds)
        tau.push_back(direction == Direction::HigherIsConfident ? t : -t);
    return tau;
}

void ExitProblem::assignExits(const std::vector<double> &tau, std::vector<std::uint8_t> &exitOf) const
{
    exitOf.assign(static_cast<std::size_t>(samples), static_cast<std::uint8_t>(exits - 1));
    for (int k = exits - 2; k >= 0; --k) {
        const double *c = confidence[k].data();
        const double t = tau[k];
        const auto exitK = static_cast<std::uint8_t>(k);
        for (std::int64_t j = 0; j < samples; ++j)
            exitOf[j] = c[j] >= t ? exitK : exitOf[j];
    }
}

std::int64_t ExitProblem::objectiveOf(const std::vector<std::uint8_t> &exitOf) const
{
    std::int64_t total = 0;
    for (std::int64_t j = 0; j < samples; ++j)
        total += objective[exitOf[j]][j];
    return total;
}

double ExitProblem::loadOf(const std::vector<std::uint8_t> &exitOf) const
{
    std::vector<std::int64_t> hits(exits, 0);
    for (std::int64_t j = 0; j < samples; ++j)
        ++hits[exitOf[j]];
    double load = 0;
    for (int k = 0; k < exits; ++k)
        load += static_cast<double>(hits[k]) * weight[k];
    return load;
}

Measure chooseMeasure(const SolverProblem &problem, std::initializer_list<Measure> preferred, const char *policy)
{
    if (problem.options.measure) {
        if (!problem.val.hasMeasure(*problem.options.measure))
            throw InputError("--measure", std::string("the val trace has no '") + std::string(measureName(*problem.options.measure))
                                              + "' scores for " + policy);
        return *problem.options.measure;
    }
    std::string tried;
    for (Measure m : preferred) {
        if (problem.val.hasMeasure(m))
            return m;
        tried += (tried.empty() ? "" : ", ") + std::string(measureName(m));
    }
    throw InputError(policy, "the val trace has none of the scores this policy uses (" + tried + ")");
}

std::vector<double> geometricShares(double q, int exits)
{
    std::vector<double> share(exits);
    double sum = 0, power = 1;
    for (int k = 0; k < exits; ++k) {
        share[k] = power;
        sum += power;
        power *= q;
    }
    for (double &s : share)
        s /= sum;
    return share;
}

std::shared_ptr<const SortedExits> sortedExits(const Trace &trace, const ExitProblem &p, const std::uint8_t *objectiveKey,
                                               int stride)
{
    struct Entry
    {
        const void *trace;
        std::weak_ptr<const void> traceAlive; // the addresses are only keys while alive
        Measure measure;
        const void *scorer; // for learned scores
        std::weak_ptr<const void> scorerAlive;
        const std::uint8_t *objective; // correctness or agreement
        int stride; // 1, or the subsample's
        std::shared_ptr<const SortedExits> sorted;
    };
    static std::mutex mutex;
    static std::list<Entry> cache; // most recent first
    const std::lock_guard<std::mutex> lock(mutex);
    cache.remove_if([](const Entry &e) { return e.traceAlive.expired() || (e.scorer && e.scorerAlive.expired()); });
    for (auto it = cache.begin(); it != cache.end(); ++it)
        if (it->trace == trace.identity() && it->measure == p.measure && it->scorer == p.scorer.get()
            && it->objective == objectiveKey && it->stride == stride) {
            cache.splice(cache.begin(), cache, it);
            return it->sorted;
        }
    auto sorted = std::make_shared<SortedExits>();
    std::vector<std::uint64_t> bits(static_cast<std::size_t>(p.samples), 0);
    for (int e = 0; e < std::min(p.exits, 64); ++e) // bits only serve `best`, which takes K <= 64
        for (std::int64_t j = 0; j < p.samples; ++j)
            bits[j] |= static_cast<std::uint64_t>(p.objective[e][j] != 0) << e;
    for (int k = 0; k + 1 < p.exits; ++k) {
        std::vector<std::int32_t> order(static_cast<std::size_t>(p.samples));
        std::iota(order.begin(), order.end(), 0);
        const auto &c = p.confidence[k];
        std::stable_sort(order.begin(), order.end(), [&c](std::int32_t a, std::int32_t b) { return c[a] > c[b]; });
        std::vector<double> values(order.size());
        std::vector<std::uint64_t> objective(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            values[i] = c[order[i]];
            objective[i] = bits[order[i]];
        }
        sorted->order.push_back(std::move(order));
        sorted->confidence.push_back(std::move(values));
        sorted->objective.push_back(std::move(objective));
    }
    cache.push_front({trace.identity(), trace.lifetime(), p.measure, p.scorer.get(), p.scorer, objectiveKey, stride, sorted});
    if (cache.size() > 4)
        cache.pop_back();
    return sorted;
}

std::vector<double> sequentialQuantileThresholds(const ExitProblem &p, const SortedExits &sorted,
                                                 const std::vector<double> &shares)
{
    // Walks each exit's falling-confidence order only as far as its threshold.
    const std::int64_t n = p.samples;
    std::vector<std::uint8_t> running(static_cast<std::size_t>(n), 1);
    std::vector<double> tau;
    double cumulative = 0;
    std::int64_t left = 0;
    for (int k = 0; k + 1 < p.exits; ++k) {
        cumulative += shares[k];
        const auto target = static_cast<std::int64_t>(std::llround(cumulative * static_cast<double>(n)));
        const std::int64_t take = std::clamp<std::int64_t>(target - left, 0, n - left);
        const auto &order = sorted.order[k];
        const auto &c = sorted.confidence[k];
        double t = std::numeric_limits<double>::max(); // nobody is running
        std::int64_t seen = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (!running[order[i]])
                continue;
            if (take <= 0) { // nobody leaves: just above the most confident still running
                t = std::nextafter(c[i], HUGE_VAL);
                break;
            }
            if (++seen == take) { // the take-th most confident still running
                t = c[i];
                break;
            }
        }
        tau.push_back(t);
        for (std::size_t i = 0; i < order.size() && c[i] >= t; ++i) {
            if (running[order[i]]) {
                running[order[i]] = 0;
                ++left;
            }
        }
    }
    return tau;
}

} // namespace exitscope

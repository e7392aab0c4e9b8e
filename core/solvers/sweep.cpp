#include "core/solvers/sweep.h"

#include "core/common/inputerror.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <sstream>
#include <thread>

namespace exitscope {

namespace {

SplitNumbers numbersOf(const Evaluation &e)
{
    return {e.accuracy, e.agreement, e.meanCost, e.p90Cost};
}

// Runs tasks 0..count-1 on `threads` workers until done or cancelled.
template <typename Task>
void parallelFor(std::size_t count, int threads, const JobContext &context, Task task)
{
    std::atomic<std::size_t> next{0};
    auto worker = [&]() {
        for (std::size_t i = next++; i < count && !context.cancelled(); i = next++)
            task(i);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto &thread : pool)
        thread.join();
}

void markPareto(std::vector<SweepRow> &rows, bool labelFree)
{
    auto objective = [labelFree](const SweepRow &r) {
        return labelFree || std::isnan(r.val.accuracy) ? r.val.agreement : r.val.accuracy;
    };
    for (auto &r : rows) {
        if (!r.done || !r.error.empty() || !r.result.isPolicy || !r.result.feasible)
            continue;
        r.pareto = std::none_of(rows.begin(), rows.end(), [&](const SweepRow &o) {
            if (&o == &r || !o.done || !o.error.empty() || !o.result.isPolicy || !o.result.feasible)
                return false;
            const bool noWorse = objective(o) >= objective(r) && o.val.meanCost <= r.val.meanCost;
            const bool better = objective(o) > objective(r) || o.val.meanCost < r.val.meanCost;
            return noWorse && better;
        });
    }
}

} // namespace

void checkSweep(const SweepRequest &request)
{
    if (request.policies.empty())
        throw InputError("--policies", "no policy given");
    if (request.budgets.empty())
        throw InputError("--budgets", "no budget given");
    if (request.test && request.test->exits() != request.val.exits())
        throw InputError("--test", "the test trace has " + std::to_string(request.test->exits())
                                       + " exits but the val trace has " + std::to_string(request.val.exits()));
    for (const std::string &policy : request.policies)
        for (double budget : request.budgets) {
            SolverProblem problem{request.val, request.costs, budget, request.kind, request.options, {}};
            problem.budget = std::min(budget, request.costs.back());
            checkProblem(policy, problem);
        }
}

SweepResult runSweep(const SweepRequest &request, const JobContext &context)
{
    checkSweep(request);
    const std::size_t budgets = request.budgets.size();
    SweepResult sweep;
    for (const std::string &policy : request.policies)
        for (double budget : request.budgets) {
            SweepRow row;
            row.policy = policy;
            row.budget = std::min(budget, request.costs.back());
            sweep.rows.push_back(row);
        }
    const int threads = request.threads > 0 ? request.threads : std::max(1u, std::thread::hardware_concurrency());
    std::atomic<std::size_t> finished{0};

    auto run = [&](std::size_t index) {
        SweepRow &row = sweep.rows[index];
        SolverProblem problem{request.val, request.costs, row.budget, request.kind, request.options, {}};
        if (row.policy == "best") { // start from every other policy's answer at this budget
            const std::size_t b = index % budgets;
            for (std::size_t p = 0; p < request.policies.size(); ++p) {
                const SweepRow &other = sweep.rows[p * budgets + b];
                if (other.policy != "best" && other.done && other.error.empty() && other.result.isPolicy)
                    problem.warmStarts.push_back(other.result.policy);
            }
        }
        try {
            row.result = solve(row.policy, problem, context);
            if (row.result.cancelled)
                return; // not done: a cancelled solver's answer is not a result
            if (row.result.isPolicy) {
                row.val = numbersOf(evaluate(request.val, row.result.policy, request.costs));
                if (request.test)
                    row.test = numbersOf(evaluate(*request.test, row.result.policy, request.costs));
            } else { // the oracle bounds each split on its own
                const bool labelFree = request.options.labelFree;
                auto bound = [labelFree](const SolverResult &r) {
                    const double unknown = std::nan("");
                    return SplitNumbers{labelFree ? unknown : r.valObjective, labelFree ? r.valObjective : unknown,
                                        r.valCost, r.valCost};
                };
                row.val = bound(row.result);
                if (request.test) {
                    SolverProblem onTest = problem;
                    onTest.val = *request.test;
                    row.test = bound(solve(row.policy, onTest, context));
                }
            }
        } catch (const InputError &e) {
            row.error = e.what();
        }
        row.done = true;
        const std::size_t count = ++finished;
        std::ostringstream message;
        message << row.policy << " at budget " << row.budget;
        context.progress.report(static_cast<double>(count) / static_cast<double>(sweep.rows.size()), message.str());
    };

    std::vector<std::size_t> first, second; // `best` needs the others' answers
    for (std::size_t i = 0; i < sweep.rows.size(); ++i)
        (sweep.rows[i].policy == "best" ? second : first).push_back(i);
    parallelFor(first.size(), threads, context, [&](std::size_t i) { run(first[i]); });
    parallelFor(second.size(), threads, context, [&](std::size_t i) { run(second[i]); });

    sweep.complete = std::all_of(sweep.rows.begin(), sweep.rows.end(), [](const SweepRow &r) { return r.done; });
    markPareto(sweep.rows, request.options.labelFree);
    return sweep;
}

} // namespace exitscope

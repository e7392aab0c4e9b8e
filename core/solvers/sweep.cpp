#include "core/solvers/sweep.h"

#include "core/common/inputerror.h"
#include "core/solvers/preparedpolicy.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

namespace exitscope {

namespace {

// The order policies run in: the cheap ones first, so that their curves come at once;
// `best` last, as it starts from the answers of all of them but EENet.
int cheapness(PolicyId policy)
{
    constexpr PolicyId order[] = {PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet,
                                  PolicyId::SelfXit,   PolicyId::Patience,   PolicyId::Oracle,
                                  PolicyId::Ippp,      PolicyId::Eenet,      PolicyId::Best};
    return static_cast<int>(std::find(std::begin(order), std::end(order), policy) - std::begin(order));
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

// One policy prepared on one trace, on first use by whichever worker needs it first.
class PolicySlot
{
public:
    // `quiet`: a policy the sweep runs only for `best`'s warm starts, so not the user's
    // concern when it cannot run.
    PolicySlot(PolicyId policy, std::shared_ptr<const PreparedTrace> trace, bool quiet = false)
        : m_policy(policy)
        , m_trace(std::move(trace))
        , m_quiet(quiet)
    {
    }

    // The prepared policy, or null with error() set when it cannot run on the trace (said
    // once as a warning unless quiet). Throws Cancelled, and then prepares again on the next call.
    const PreparedPolicy *get(const JobContext &context)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_ready) {
            try {
                m_prepared = preparePolicy(m_policy, m_trace, context);
            } catch (const InputError &e) {
                m_error = e.what();
                if (!m_quiet)
                    context.warning({"policy-cannot-run", std::string(policyName(m_policy)) + " cannot run on this trace: " + m_error});
            }
            m_ready = true;
        }
        return m_prepared.get();
    }
    const std::string &error() const { return m_error; } // after get()

private:
    PolicyId m_policy;
    std::shared_ptr<const PreparedTrace> m_trace;
    bool m_quiet;
    std::mutex m_mutex;
    bool m_ready = false;
    std::unique_ptr<const PreparedPolicy> m_prepared;
    std::string m_error;
};

// The state a sweep's workers share.
class SweepRun
{
public:
    SweepRun(const SweepRequest &request, const JobContext &context, const SweepRowCallback &onRow)
        : m_request(request)
        , m_context(context)
        , m_onRow(onRow)
    {
        const auto val = std::make_shared<const PreparedTrace>(SolverProblem{request.val, request.costs, 0, request.kind, request.options, {}});
        m_policies = request.policies;
        // `best` starts from the same policies whatever was asked for: those not asked for
        // run too, as hidden rows after the requested ones.
        if (std::count(m_policies.begin(), m_policies.end(), PolicyId::Best))
            for (PolicyId policy : bestWarmStartPolicies())
                if (!std::count(m_policies.begin(), m_policies.end(), policy))
                    m_policies.push_back(policy);
        for (std::size_t p = 0; p < m_policies.size(); ++p)
            m_slots.emplace(m_policies[p], std::make_unique<PolicySlot>(m_policies[p], val, p >= request.policies.size()));
        if (request.test) // the oracle bounds each split on its own
            m_testOracle = std::make_unique<PolicySlot>(
                PolicyId::Oracle, std::make_shared<const PreparedTrace>(SolverProblem{*request.test, request.costs, 0, request.kind, request.options, {}}));
        std::vector<double> solvedAs;
        for (double budget : request.budgets)
            solvedAs.push_back(clampBudget(budget, request.costs, context));
        for (PolicyId policy : m_policies)
            for (double budget : solvedAs) {
                SweepRow row;
                row.policy = policy;
                row.budget = budget;
                m_rows.push_back(row);
            }
        m_visibleRows = request.policies.size() * request.budgets.size();
        m_warmStartsFinished.assign(request.budgets.size(), 0);
        m_partial.assign(m_rows.size(), 0.0);
    }

    // Tasks: every policy's preparation, then the rows, cheap policies first.
    std::vector<std::function<void()>> tasks()
    {
        std::vector<PolicyId> policies = m_policies;
        std::stable_sort(policies.begin(), policies.end(), [](PolicyId a, PolicyId b) { return cheapness(a) < cheapness(b); });
        const JobContext quiet{m_context.cancel, {}, m_context.warn};
        std::vector<std::function<void()>> out;
        for (PolicyId policy : policies)
            out.push_back([this, policy, quiet] { m_slots.at(policy)->get(quiet); });
        if (m_testOracle && m_slots.count(PolicyId::Oracle))
            out.push_back([this, quiet] { m_testOracle->get(quiet); });
        std::vector<std::size_t> order(m_rows.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
            return cheapness(m_rows[a].policy) < cheapness(m_rows[b].policy);
        });
        for (std::size_t i : order)
            out.push_back([this, i] { runRow(i); });
        return out;
    }

    std::shared_ptr<const SweepResult> result()
    {
        auto sweep = std::make_shared<SweepResult>();
        m_rows.resize(m_visibleRows); // without the hidden rows
        sweep->rows = std::move(m_rows);
        sweep->complete = std::all_of(sweep->rows.begin(), sweep->rows.end(), [](const SweepRow &r) { return r.done; });
        markPareto(sweep->rows, m_request.options.labelFree);
        return sweep;
    }

private:
    std::size_t budgetIndex(std::size_t row) const { return row % m_request.budgets.size(); }

    void runRow(std::size_t index)
    {
        SweepRow &row = m_rows[index];
        std::vector<ThresholdPolicy> warmStarts;
        if (row.policy == PolicyId::Best) {
            if (!waitForWarmStarts(index))
                return finish(index);
            for (PolicyId policy : bestWarmStartPolicies()) { // in that order, whatever the request's
                const std::size_t p = static_cast<std::size_t>(std::find(m_policies.begin(), m_policies.end(), policy) - m_policies.begin());
                const SweepRow &other = m_rows[p * m_request.budgets.size() + budgetIndex(index)];
                if (other.done && other.error.empty() && other.result.isPolicy)
                    warmStarts.push_back(other.result.policy);
            }
        }
        // A running row's own progress counts as its share of the sweep's, short of a whole
        // row until it has finished (a solver saying "done" has not yet been evaluated).
        const JobContext context{m_context.cancel, Progress([this, index](const ProgressUpdate &update) {
                                     const std::lock_guard<std::mutex> lock(m_mutex);
                                     m_partial[index] = std::min(update.fraction, 0.99);
                                     reportLocked(describe(m_rows[index]) + ": " + update.message);
                                 }),
                                 m_context.warn};
        try {
            PolicySlot &slot = *m_slots.at(row.policy);
            const PreparedPolicy *prepared = slot.get(context);
            if (!prepared) {
                row.error = slot.error();
            } else {
                row.result = solveAt(row.policy, *prepared, row.budget, warmStarts, context);
                if (row.result.isPolicy) {
                    row.val = row.result.val; // solveAt evaluated the thresholds on val
                    if (m_request.test) {
                        checkPolicy(*m_request.test, row.result.policy, "test trace");
                        row.test = splitNumbers(evaluate(*m_request.test, row.result.policy, m_request.costs));
                    }
                } else {
                    row.val = bound(row.result);
                    if (m_testOracle)
                        row.test = bound(solveAt(row.policy, *m_testOracle->get(context), row.budget, {}, context));
                }
            }
            row.done = true;
        } catch (const InputError &e) {
            row.error = e.what();
            row.done = true;
        } catch (const Cancelled &) {
            // not done: a cancelled solver's answer is not a result
        }
        finish(index);
    }

    // The oracle's numbers: a bound on the objective, not an evaluation of thresholds.
    SplitNumbers bound(const SolverResult &r) const
    {
        const bool labelFree = m_request.options.labelFree;
        const double unknown = std::nan("");
        return {labelFree ? unknown : r.valObjective, labelFree ? r.valObjective : unknown, r.valCost, r.valCost};
    }

    // Waits until the rows `best` starts from at this budget have finished; false if cancelled.
    bool waitForWarmStarts(std::size_t index)
    {
        const int warmStarts = static_cast<int>(bestWarmStartPolicies().size());
        std::unique_lock<std::mutex> lock(m_mutex);
        while (m_warmStartsFinished[budgetIndex(index)] < warmStarts) {
            if (m_context.cancelled())
                return false;
            m_changed.wait_for(lock, std::chrono::milliseconds(20));
        }
        return !m_context.cancelled();
    }

    void finish(std::size_t index)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        const SweepRow &row = m_rows[index];
        m_partial[index] = 0;
        const auto &warm = bestWarmStartPolicies();
        if (std::count(warm.begin(), warm.end(), row.policy))
            ++m_warmStartsFinished[budgetIndex(index)];
        m_changed.notify_all();
        if (!row.done)
            return;
        ++m_finished;
        const bool hidden = index >= m_visibleRows;
        reportLocked(describe(row) + (hidden ? " (a warm start of best)" : ""));
        if (m_onRow && !hidden)
            m_onRow(row);
    }

    std::string describe(const SweepRow &row) const
    {
        return std::string(policyName(row.policy)) + " at budget " + m_request.budgetText(row.budget);
    }

    // m_mutex held: finished rows, and running rows' shares.
    void reportLocked(const std::string &message)
    {
        double done = static_cast<double>(m_finished);
        for (double part : m_partial)
            done += part;
        m_context.progress.report(done / static_cast<double>(m_rows.size()), message);
    }

    const SweepRequest &m_request;
    const JobContext &m_context;
    const SweepRowCallback &m_onRow;
    std::vector<PolicyId> m_policies; // the request's, then those only `best` needs
    std::size_t m_visibleRows = 0; // the request's rows, the first of m_rows
    std::map<PolicyId, std::unique_ptr<PolicySlot>> m_slots;
    std::unique_ptr<PolicySlot> m_testOracle;
    std::vector<SweepRow> m_rows; // each written only by the task that runs it
    std::mutex m_mutex; // guards what follows, progress reports and row callbacks
    std::condition_variable m_changed;
    std::vector<int> m_warmStartsFinished; // per budget, finished rows of `best`'s warm-start policies
    std::vector<double> m_partial; // per row, its own progress while it runs
    std::size_t m_finished = 0;
};

// Runs the tasks on `threads` workers, in order, until done or cancelled; rethrows the
// first unexpected exception once every worker has stopped.
void runTasks(const std::vector<std::function<void()>> &tasks, int threads, const JobContext &context)
{
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto worker = [&]() {
        for (std::size_t i = next++; i < tasks.size() && !context.cancelled() && !failed; i = next++) {
            try {
                tasks[i]();
            } catch (const Cancelled &) {
                return;
            } catch (...) {
                const std::lock_guard<std::mutex> lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
                failed = true;
            }
        }
    };
    // No more workers than tasks; and when the system refuses a thread (a limit reached),
    // the workers already started do the work.
    std::vector<std::thread> pool;
    const auto wanted = std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), tasks.size());
    for (std::size_t t = 1; t < wanted; ++t) {
        try {
            pool.emplace_back(worker);
        } catch (const std::system_error &) {
            break;
        }
    }
    worker();
    for (auto &thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace

void checkSweep(const SweepRequest &request)
{
    if (request.policies.empty())
        throw InputError("policies", "no policy given");
    if (request.budgets.empty())
        throw InputError("budgets", "no budget given");
    for (auto p = request.policies.begin(); p != request.policies.end(); ++p)
        if (std::find(request.policies.begin(), p, *p) != p)
            throw InputError("policies", std::string(policyName(*p)) + " is given twice");
    if (request.test)
        checkTestTrace(request.val, *request.test, "test trace");
    for (PolicyId policy : request.policies)
        for (double budget : request.budgets) {
            SolverProblem problem{request.val, request.costs, budget, request.kind, request.options, {}};
            if (!request.costs.empty())
                problem.budget = std::min(budget, request.costs.back());
            checkProblem(policy, problem);
        }
}

std::shared_ptr<const SweepResult> runSweep(const SweepRequest &request, const JobContext &context, const SweepRowCallback &onRow)
{
    checkSweep(request);
    SweepRun run(request, context, onRow);
    const int threads = request.threads > 0 ? request.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    runTasks(run.tasks(), threads, context);
    return run.result();
}

} // namespace exitscope

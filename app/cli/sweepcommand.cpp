#include "commands.h"

#include "console.h"
#include "textreport.h"
#include "tuning.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/io/sweepcsv.h"
#include "core/solvers/sweep.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

namespace exitscope::cli {

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void printSummary(const SweepResult &sweep, const std::vector<PolicyId> &policies, bool labelFree, bool withTest)
{
    const std::string objective = labelFree ? "agreement" : "accuracy";
    TextTable table({"policy", "budgets", "feasible", "pareto", "mean val " + objective,
                     "mean test " + objective, "median solve ms", "note"});
    for (PolicyId policy : policies) {
        int solved = 0, feasible = 0, pareto = 0;
        double val = 0, test = 0;
        std::vector<double> ms;
        std::string note;
        for (const SweepRow &r : sweep.rows) {
            if (r.policy != policy || !r.done)
                continue;
            if (!r.error.empty()) {
                note = r.error;
                continue;
            }
            ++solved;
            feasible += r.result.feasible;
            pareto += r.pareto;
            val += labelFree ? r.val.agreement : r.val.accuracy;
            if (r.test)
                test += labelFree ? r.test->agreement : r.test->accuracy;
            ms.push_back(r.result.milliseconds);
            if (!r.result.isPolicy)
                note = "upper bound, not a policy";
        }
        table.addRow({std::string(policyName(policy)), std::to_string(solved), std::to_string(feasible), std::to_string(pareto),
                      solved ? formatNumber(val / solved) : "-", solved && withTest ? formatNumber(test / solved) : "-",
                      formatNumber(median(ms), 2), note});
    }
    table.print(std::cout);
}

// The time a sweep has left, from the rows finished so far: each policy's mean time per
// row times its rows left, spread over the workers. Policies differ by orders of magnitude
// (EENet trains for seconds per budget where a quantile rule takes microseconds) and run
// cheap ones first, so the sweep's elapsed time says little about the rest. A policy with
// rows left but none finished counts as nothing, and makes the estimate a lower bound.
// Rows report from worker threads.
class SweepTimeLeft
{
public:
    explicit SweepTimeLeft(const SweepRequest &request)
        : m_threads(request.threads > 0 ? request.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())))
    {
        for (PolicyId policy : request.policies)
            m_policies[policy].left += static_cast<int>(request.budgets.size());
    }

    void finished(const SweepRow &row)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        Policy &p = m_policies[row.policy];
        --p.left;
        ++p.finished;
        p.milliseconds += row.error.empty() ? row.result.milliseconds : 0.0;
    }

    // "about 40 s left", "at least 3 s left", or empty while nothing is known.
    std::string text() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        double milliseconds = 0;
        int left = 0;
        bool lowerBound = false;
        for (const auto &[policy, p] : m_policies) {
            left += p.left;
            if (p.left > 0 && p.finished == 0)
                lowerBound = true;
            else if (p.left > 0)
                milliseconds += p.left * p.milliseconds / p.finished;
        }
        return timeLeftText(milliseconds / 1000 / std::max(1, std::min(m_threads, left)), lowerBound);
    }

private:
    struct Policy
    {
        int left = 0, finished = 0;
        double milliseconds = 0; // of the finished rows
    };
    int m_threads;
    mutable std::mutex m_mutex;
    std::map<PolicyId, Policy> m_policies;
};

} // namespace

int runSweepCommand(const SweepOptions &o)
{
    checkOutputIsNotInput(o.out, {o.tuning.val, o.tuning.test, o.tuning.cost.latency});
    const Tuning tuning = loadTuning(o.tuning);
    SweepRequest request{tuning.val, tuning.test, tuning.latency.cumulative, parseBudgets(o.budgets, tuning.budgetScale),
                         tuning.kind, parsePolicies(o.policies), tuning.solver, o.tuning.threads, tuning.budgetText()};
    checkBudgets(request.budgets, tuning, "--budgets");
    checkSweep(request);

    // Interrupted, the sweep stops and keeps what it finished. The count is of finished
    // rows (rounded down: [N/N] only once all are).
    const std::size_t total = request.budgets.size() * request.policies.size();
    auto timeLeft = std::make_shared<SweepTimeLeft>(request);
    JobContext context = consoleContext(
        [total](const ProgressUpdate &update) {
            const auto finished = std::min(total, static_cast<std::size_t>(update.fraction * total + 1e-9));
            return "[" + std::to_string(finished) + "/" + std::to_string(total) + "] " + update.message;
        },
        [timeLeft](const ProgressUpdate &update) { return update.fraction >= 1.0 ? std::string() : timeLeft->text(); });
    context.warn = warningsToStderr();
    const std::shared_ptr<const SweepResult> sweep
        = runSweep(request, context, [timeLeft](const SweepRow &row) { timeLeft->finished(row); });

    const std::string csv = sweepCsv(*sweep, tuning.budgetScale, SweepUnits{tuning.latency.unit, tuning.latency.reference, tuning.relative});
    if (!sweep->complete) {
        // Never written as if complete: the finished rows go beside the target.
        const std::string partial = o.out + ".incomplete";
        writeTextFile(partial, csv);
        std::cerr << "exitscope-cli: interrupted: "
                  << std::count_if(sweep->rows.begin(), sweep->rows.end(), [](const SweepRow &r) { return r.done; }) << " of "
                  << sweep->rows.size() << " rows finished, written to " << partial << " (status column says which)\n";
        return 130;
    }
    writeTextFile(o.out, csv);
    const auto [lowest, highest] = std::minmax_element(request.budgets.begin(), request.budgets.end());
    const BudgetText budget = tuning.budgetText();
    std::cout << "budgets  " << request.budgets.size() << ", " << budget(*lowest)
              << (*highest > *lowest ? " to " + budget(*highest) : std::string()) << " ("
              << budgetKindName(tuning.kind) << " cost"
              << (tuning.relative ? "; reference " + costText(tuning.budgetScale, tuning.latency.unit) : std::string())
              << (tuning.latency.provenance.batchSize > 0
                      ? "; latency profile of batch size " + std::to_string(tuning.latency.provenance.batchSize)
                      : std::string())
              << ")\n\n";
    printSummary(*sweep, request.policies, o.tuning.labelFree, tuning.test.has_value());
    std::cout << "\nwrote " << o.out << " (" << sweep->rows.size() << " rows)\n";
    return 0;
}

} // namespace exitscope::cli

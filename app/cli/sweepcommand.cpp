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
#include <sstream>

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

} // namespace

int runSweepCommand(const SweepOptions &o)
{
    checkOutputIsNotInput(o.out, {o.tuning.val, o.tuning.test, o.tuning.cost.latency});
    const Tuning tuning = loadTuning(o.tuning);
    SweepRequest request{tuning.val, tuning.test, tuning.latency.cumulative, parseBudgets(o.budgets, tuning.budgetScale),
                         tuning.kind, parsePolicies(o.policies), tuning.solver, o.tuning.threads};
    checkSweep(request);

    // Interrupted, the sweep stops and keeps what it finished.
    const std::size_t total = request.budgets.size() * request.policies.size();
    JobContext context = consoleContext([total](const ProgressUpdate &update) {
        std::string line = "[" + std::to_string(static_cast<int>(update.fraction * total + 0.5)) + "/" + std::to_string(total)
            + "] " + update.message;
        if (update.secondsLeft > 0)
            line += ", about " + std::to_string(static_cast<int>(std::ceil(update.secondsLeft))) + " s left";
        return line;
    });
    context.warn = warningsToStderr();
    const std::shared_ptr<const SweepResult> sweep = runSweep(request, context);

    const std::string csv = sweepCsv(*sweep, tuning.budgetScale);
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
    printSummary(*sweep, request.policies, o.tuning.labelFree, tuning.test.has_value());
    std::cout << "\nwrote " << o.out << " (" << sweep->rows.size() << " rows)\n";
    return 0;
}

} // namespace exitscope::cli

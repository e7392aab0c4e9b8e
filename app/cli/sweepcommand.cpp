#include "commands.h"

#include "atomicfile.h"
#include "inputerror.h"
#include "sweep.h"
#include "sweepcsv.h"
#include "textreport.h"
#include "tuning.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <unistd.h>
#include <iostream>
#include <sstream>

namespace exitscope::cli {

namespace {

CancelToken g_cancel; // set by SIGINT/SIGTERM: the sweep stops and keeps what it finished

extern "C" void onSignal(int)
{
    g_cancel.cancel();
}

std::vector<std::string> splitPolicies(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string name; std::getline(in, name, ',');)
        if (!name.empty())
            out.push_back(name);
    return out;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void printSummary(const SweepResult &sweep, const std::vector<std::string> &policies, bool labelFree, bool withTest)
{
    const std::string objective = labelFree ? "agreement" : "accuracy";
    TextTable table({"policy", "budgets", "feasible", "pareto", "mean val " + objective,
                     "mean test " + objective, "median solve ms", "note"});
    for (const std::string &policy : policies) {
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
        table.addRow({policy, std::to_string(solved), std::to_string(feasible), std::to_string(pareto),
                      solved ? formatNumber(val / solved) : "-", solved && withTest ? formatNumber(test / solved) : "-",
                      formatNumber(median(ms), 2), note});
    }
    table.print(std::cout);
}

} // namespace

int runSweepCommand(const SweepOptions &o)
{
    const Tuning tuning = loadTuning(o.tuning);
    SweepRequest request{tuning.val, tuning.test, tuning.latency.cumulative, parseBudgets(o.budgets, tuning.budgetScale),
                         tuning.kind, splitPolicies(o.policies), tuning.solver, o.tuning.threads};
    checkSweep(request);
    warnAboutClamping(request.budgets, tuning.latency, tuning.budgetScale);

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    SolverContext context;
    context.cancel = &g_cancel;
    const std::size_t total = request.budgets.size() * request.policies.size();
    // On a terminal one line updated in place; in a log at most a line a second.
    const bool terminal = ::isatty(STDERR_FILENO);
    auto lastLine = std::chrono::steady_clock::now() - std::chrono::seconds(2);
    context.progress = [&](double fraction, const std::string &message) {
        const auto now = std::chrono::steady_clock::now();
        const bool last = fraction >= 1.0;
        if (!terminal && !last && now - lastLine < std::chrono::seconds(1))
            return;
        lastLine = now;
        std::cerr << (terminal ? "\r" : "") << "[" << static_cast<int>(fraction * total + 0.5) << "/" << total << "] "
                  << message << (terminal ? "        " : "\n") << std::flush;
    };
    const SweepResult sweep = runSweep(request, context);
    if (terminal)
        std::cerr << "\n";

    const std::string csv = sweepCsv(sweep, tuning.budgetScale);
    if (!sweep.complete) {
        // Never written as if complete: the finished rows go beside the target.
        const std::string partial = o.out + ".incomplete";
        writeTextFile(partial, csv);
        std::cerr << "exitscope-cli: interrupted: " << std::count_if(sweep.rows.begin(), sweep.rows.end(), [](const SweepRow &r) { return r.done; })
                  << " of " << sweep.rows.size() << " rows finished, written to " << partial << " (status column says which)\n";
        return 130;
    }
    writeTextFile(o.out, csv);
    printSummary(sweep, request.policies, o.tuning.labelFree, tuning.test.has_value());
    std::cout << "\nwrote " << o.out << " (" << sweep.rows.size() << " rows)\n";
    return 0;
}

} // namespace exitscope::cli

#include "core/io/sweepcsv.h"

#include <cmath>
#include <cstdio>

namespace exitscope {

namespace {

std::string number(double value, int digits = 10)
{
    if (std::isnan(value))
        return "";
    char text[40];
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    return text;
}

} // namespace

std::string sweepCsv(const SweepResult &sweep, double budgetScale, const SweepUnits &units)
{
    std::string out = "policy,budget,measure,val_accuracy,val_cost,val_p90_cost,test_accuracy,test_cost,test_p90_cost,"
                      "val_agreement,test_agreement,feasible,pareto,solve_ms,iterations,thresholds,"
                      "budget_relative,budget_cost,cost_unit,reference_cost,status\n";
    // The same on every row, so that each row reads on its own (and a filtered frame keeps them).
    const std::string unitCells = std::string(costUnitName(units.unit)) + ","
        + (units.reference ? number(*units.reference) : std::string()) + ",";
    for (const SweepRow &r : sweep.rows) {
        const bool ok = r.done && r.error.empty();
        const double nan = std::nan("");
        const SplitNumbers val = ok ? r.val : SplitNumbers{nan, nan, nan, nan};
        const SplitNumbers test = ok && r.test ? *r.test : SplitNumbers{nan, nan, nan, nan};
        std::string thresholds;
        if (ok && r.result.isPolicy)
            for (std::size_t k = 0; k < r.result.policy.thresholds.size(); ++k)
                thresholds += (k ? ";" : "") + number(r.result.policy.thresholds[k], 17);
        std::string status = !r.done ? "cancelled" : (r.error.empty() ? "ok" : "error: " + r.error);
        for (char &c : status)
            if (c == ',' || c == '\n')
                c = ';';
        out += std::string(policyName(r.policy)) + "," + number(r.budget / budgetScale) + ","
            + (ok ? std::string(r.result.isPolicy ? measureName(r.result.policy.measure) : "bound") : "") + ","
            + number(val.accuracy) + "," + number(val.meanCost) + "," + number(val.p90Cost) + ","
            + number(test.accuracy) + "," + number(test.meanCost) + "," + number(test.p90Cost) + ","
            + number(val.agreement) + "," + number(test.agreement) + "," + (ok && r.result.feasible ? "1" : "0") + ","
            + (r.pareto ? "1" : "0") + "," + (ok ? number(r.result.milliseconds, 4) : "") + ","
            + (ok ? std::to_string(r.result.iterations) : "") + "," + thresholds + "," + (units.relative ? "1," : "0,")
            + number(r.budget) + "," + unitCells + status + "\n";
    }
    return out;
}

} // namespace exitscope

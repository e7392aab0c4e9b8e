#include "tuning.h"

#include "core/common/inputerror.h"
#include "core/common/numbertext.h"
#include "core/io/sweepcsv.h"
#include "core/io/tracefile.h"

#include <cmath>
#include <future>
#include <iostream>
#include <mutex>

namespace exitscope::cli {

LatencyProfile profileFromOptions(const CostOptions &o)
{
    LatencyProfile profile = o.latency.empty()
        ? latencyProfileFromCosts(o.costs, *parseCostUnit(o.costUnit), "--costs")
        : o.batchSize > 0 ? readLatencyProfileAtBatch(o.latency, o.batchSize) : readLatencyProfile(o.latency);
    if (o.reference > 0)
        profile.reference = o.reference;
    return profile;
}

Tuning loadTuning(const TuningOptions &o)
{
    // The two traces are read side by side: reading (and checking) a large trace takes a while.
    std::future<Trace> test;
    if (!o.test.empty())
        test = std::async(std::launch::async, readTraceFile, o.test);
    Tuning t{readTraceFile(o.val), std::nullopt, profileFromOptions(o.cost), {}, *parseBudgetKind(o.budgetKind), 1};
    if (test.valid()) {
        t.test = test.get();
        checkTestTrace(t.val, *t.test, o.test);
    }
    t.latency.requireExits(t.val.exits(), o.cost.latency.empty() ? "--costs" : o.cost.latency);
    if (o.relative) {
        if (!t.latency.reference)
            throw InputError("--relative", "relative budgets need the reference cost (the plain model without exits): "
                                           "give --reference or a latency profile with one");
        t.budgetScale = *t.latency.reference;
        t.relative = true;
    }
    t.solver.seed = o.seed;
    t.solver.labelFree = o.labelFree;
    if (!o.measure.empty())
        t.solver.measure = *parseMeasure(o.measure);
    t.solver.ipppSlope = o.ipppSlope;
    t.solver.ipppBeta = o.ipppBeta;
    t.solver.ipppOuter = o.ipppOuter;
    t.solver.ipppInner = o.ipppInner;
    t.solver.ipppRawPenalty = o.ipppRawPenalty;
    return t;
}

BudgetText Tuning::budgetText() const
{
    return BudgetText{latency.unit, relative ? budgetScale : 0.0};
}

std::string Tuning::costText(double cost) const
{
    const std::string inUnit = exitscope::costText(cost, latency.unit);
    return relative ? formatNumber(cost / budgetScale) + " x reference (" + inUnit + ")" : inUnit;
}

void checkBudgets(const std::vector<double> &budgets, const Tuning &tuning, const std::string &flag)
{
    const BudgetText text = tuning.budgetText();
    const CostUnit unit = tuning.latency.unit;
    const double cheapest = tuning.latency.cumulative.front();
    for (double b : budgets) {
        if (!std::isfinite(b) || b <= 0)
            throw InputError(flag, "budget " + text(b) + " is not a positive number");
        if (b >= cheapest)
            continue;
        // 0.5 meant as half the reference, given without --relative, reads as 0.5 ms.
        const bool looksRelative = !tuning.relative && unit != CostUnit::Relative && b <= 1;
        throw InputError(flag, "budget " + text(b) + (tuning.relative ? " = " + costText(b, unit) : std::string())
                                   + " is below the cheapest exit's cost " + tuning.costText(cheapest) + ": no policy fits"
                                   + (looksRelative ? std::string("; without --relative a budget is in the latency profile's unit (")
                                                          + std::string(costUnitName(unit)) + "): for a fraction of the reference cost, add --relative"
                                                    : std::string()));
    }
}

WarningSink warningsToStderr()
{
    return [](const JobWarning &warning) {
        static std::mutex mutex; // whole lines, whichever worker thread warns
        const std::lock_guard<std::mutex> lock(mutex);
        std::cerr << "exitscope-cli: warning: " << warning.message << "\n";
    };
}

} // namespace exitscope::cli

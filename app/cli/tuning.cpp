#include "tuning.h"

#include "core/common/inputerror.h"
#include "core/io/tracefile.h"

#include <future>
#include <iostream>
#include <mutex>

namespace exitscope::cli {

LatencyProfile profileFromOptions(const CostOptions &o)
{
    LatencyProfile profile = o.latency.empty()
        ? latencyProfileFromCosts(o.costs, *parseCostUnit(o.costUnit), "--costs")
        : readLatencyProfile(o.latency);
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

WarningSink warningsToStderr()
{
    return [](const JobWarning &warning) {
        static std::mutex mutex; // whole lines, whichever worker thread warns
        const std::lock_guard<std::mutex> lock(mutex);
        std::cerr << "exitscope-cli: warning: " << warning.message << "\n";
    };
}

} // namespace exitscope::cli

#include "commands.h"

#include "textreport.h"
#include "tuning.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/data/thresholdconfig.h"
#include "core/io/tracefile.h"

#include <iostream>

namespace exitscope::cli {

namespace {

Measure defaultMeasure(const Trace &trace)
{
    return trace.hasMeasure(Measure::Given) ? Measure::Given : Measure::MaxProb;
}

} // namespace

void runEval(const EvalOptions &o)
{
    checkOutputIsNotInput(o.exportPath, {o.trace, o.test, o.config, o.cost.latency});
    const Trace trace = readTraceFile(o.trace);
    ThresholdConfig config;
    std::string policySource;
    if (!o.config.empty()) {
        config = readThresholdConfig(o.config);
        if (o.cost.reference > 0)
            config.latency.reference = o.cost.reference;
        policySource = o.config;
    } else {
        config.latency = profileFromOptions(o.cost);
        config.policy.measure = o.measure.empty() ? defaultMeasure(trace) : *parseMeasure(o.measure);
        config.policy.direction = trace.direction(config.policy.measure);
        config.policy.thresholds = o.thresholds;
        policySource = "--thresholds";
    }
    config.latency.requireExits(trace.exits(), o.config.empty() ? (o.cost.latency.empty() ? "--costs" : o.cost.latency) : o.config);
    checkPolicy(trace, config.policy, policySource);
    const Evaluation evaluation = evaluate(trace, config.policy, config.latency.cumulative);

    if (!o.exportPath.empty()) {
        config.tool = std::string("exitscope ") + EXITSCOPE_VERSION;
        config.created = currentTimeIso8601();
        if (o.budgetGiven) {
            if (o.budgetRelative && !config.latency.reference)
                throw InputError("--relative", "a relative budget needs the reference cost: give --reference");
            config.budget = Budget{o.budget, o.budgetRelative, BudgetKind::Mean};
        }
        config.val = predictSplit(evaluation, o.trace, trace.samples());
        if (!o.test.empty()) {
            const Trace test = readTraceFile(o.test);
            checkTestTrace(trace, test, o.test);
            checkPolicy(test, config.policy, o.test);
            config.test = predictSplit(evaluate(test, config.policy, config.latency.cumulative), o.test, test.samples());
        }
        writeThresholdConfig(config, o.exportPath);
    }

    if (o.json)
        std::cout << evaluationToJson(evaluation, config.policy, config.latency).dump(2) << "\n";
    else
        printEvaluation(std::cout, evaluation, config.policy, config.latency, trace.agreementIsExact());
    if (!o.exportPath.empty() && !o.json)
        std::cout << "\nwrote " << o.exportPath << "\n";
}

} // namespace exitscope::cli

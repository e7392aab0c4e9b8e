#include "tuning.h"

#include "core/common/inputerror.h"
#include "core/common/numbertext.h"
#include "core/io/sweepcsv.h"
#include "core/io/tracefile.h"

#include <cmath>
#include <future>
#include <iostream>
#include <mutex>
#include <sstream>

namespace exitscope::cli {

namespace {

double parseNumber(const std::string &text, const std::string &what)
{
    const std::optional<double> value = parseDecimal(text);
    if (!value)
        throw InputError("--budgets", "'" + text + "' is not a number (" + what + ")");
    return *value;
}

} // namespace

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

std::vector<double> parseBudgets(const std::string &text, double scale)
{
    std::vector<double> budgets;
    if (text.find(':') != std::string::npos) {
        std::vector<std::string> parts;
        std::stringstream in(text);
        for (std::string part; std::getline(in, part, ':');)
            parts.push_back(part);
        if (parts.size() != 3)
            throw InputError("--budgets", "expected FROM:TO:COUNT, found '" + text + "'");
        const double from = parseNumber(parts[0], "FROM"), to = parseNumber(parts[1], "TO");
        const double count = parseNumber(parts[2], "COUNT");
        if (count < 1 || count != std::floor(count) || count > 100000)
            throw InputError("--budgets", "COUNT must be a whole number from 1 to 100000, found '" + parts[2] + "'");
        if (to < from)
            throw InputError("--budgets", "TO (" + parts[1] + ") is below FROM (" + parts[0] + ")");
        const int n = static_cast<int>(count);
        for (int i = 0; i < n; ++i) {
            // Rounded to the 10 digits the sweep CSV shows, so that the budget shown is the
            // budget solved, and `solve --budget` with it gives the row (EENet's training
            // tells 0.65 from 0.6499999999999999).
            const double budget = n == 1 ? from : from + (to - from) * i / (n - 1);
            budgets.push_back(*parseDecimal(sweepCsvNumber(budget)));
        }
    } else {
        std::stringstream in(text);
        for (std::string part; std::getline(in, part, ',');)
            budgets.push_back(parseNumber(part, "budget"));
    }
    if (budgets.empty())
        throw InputError("--budgets", "no budget given");
    for (double &b : budgets)
        b *= scale;
    return budgets;
}

WarningSink warningsToStderr()
{
    return [](const JobWarning &warning) {
        static std::mutex mutex; // whole lines, whichever worker thread warns
        const std::lock_guard<std::mutex> lock(mutex);
        std::cerr << "exitscope-cli: warning: " << warning.message << "\n";
    };
}

std::vector<PolicyId> parsePolicies(const std::string &text)
{
    std::vector<PolicyId> out;
    std::stringstream in(text);
    for (std::string name; std::getline(in, name, ',');) {
        if (name.empty())
            continue;
        const std::optional<PolicyId> id = parsePolicy(name);
        if (!id) {
            std::string known;
            for (const auto &[policy, spelling] : kPolicyNames)
                known += (known.empty() ? "" : ", ") + std::string(spelling);
            throw InputError("--policies", "unknown policy '" + name + "'; known: " + known);
        }
        out.push_back(*id);
    }
    return out;
}

} // namespace exitscope::cli

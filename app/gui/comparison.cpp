#include "comparison.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace exitscope::gui {

namespace {

// Budgets this close are one budget (a typed 0.5 against a solved 0.5000000000000001).
bool sameBudget(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

// As core's sweepCsv prints a number (%.10g, empty for NaN): rows at a sweep budget read
// the same in both files.
std::string number(double value)
{
    if (std::isnan(value))
        return "";
    char text[40];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

double lerp(double a, double b, double t)
{
    return a + (b - a) * t;
}

} // namespace

std::map<PolicyId, ComparedCurve> comparedCurves(const std::vector<SweepRow> &rows, Split split)
{
    std::map<PolicyId, ComparedCurve> curves;
    for (const SweepRow &row : rows) {
        if (!row.done || !row.error.empty())
            continue;
        if (split == Split::Test && !row.test)
            continue;
        curves[row.policy].push_back({row.budget, split == Split::Val ? row.val : *row.test, false});
    }
    for (auto &[policy, curve] : curves) {
        std::stable_sort(curve.begin(), curve.end(), [](const ComparedPoint &a, const ComparedPoint &b) { return a.budget < b.budget; });
        curve.erase(std::unique(curve.begin(), curve.end(),
                                [](const ComparedPoint &a, const ComparedPoint &b) { return sameBudget(a.budget, b.budget); }),
                    curve.end());
    }
    return curves;
}

std::optional<ComparedPoint> pointAt(const ComparedCurve &curve, double budget)
{
    if (curve.empty() || !std::isfinite(budget))
        return std::nullopt;
    const auto above = std::lower_bound(curve.begin(), curve.end(), budget,
                                        [](const ComparedPoint &p, double b) { return p.budget < b; });
    if (above != curve.end() && sameBudget(above->budget, budget))
        return *above;
    if (above != curve.begin() && sameBudget((above - 1)->budget, budget))
        return *(above - 1);
    if (above == curve.begin() || above == curve.end())
        return std::nullopt; // outside the budgets solved: no guess
    const ComparedPoint &lo = *(above - 1), &hi = *above;
    const double t = (budget - lo.budget) / (hi.budget - lo.budget);
    ComparedPoint p;
    p.budget = budget;
    p.interpolated = true;
    p.numbers.accuracy = lerp(lo.numbers.accuracy, hi.numbers.accuracy, t);
    p.numbers.agreement = lerp(lo.numbers.agreement, hi.numbers.agreement, t);
    p.numbers.meanCost = lerp(lo.numbers.meanCost, hi.numbers.meanCost, t);
    p.numbers.p90Cost = lerp(lo.numbers.p90Cost, hi.numbers.p90Cost, t);
    return p;
}

double objectiveOf(const SplitNumbers &numbers, bool agreement)
{
    return agreement ? numbers.agreement : numbers.accuracy;
}

std::vector<GainAtBudget> gainsAtEqualBudget(const ComparedCurve &curve, const ComparedCurve &baseline, bool agreement)
{
    std::vector<GainAtBudget> gains;
    for (const ComparedPoint &point : curve) {
        const std::optional<ComparedPoint> base = pointAt(baseline, point.budget);
        if (!base || base->interpolated)
            continue; // the baseline did not solve this budget: left out, not guessed
        const double value = objectiveOf(point.numbers, agreement), baseValue = objectiveOf(base->numbers, agreement);
        if (std::isnan(value) || std::isnan(baseValue))
            continue;
        gains.push_back({point.budget, value - baseValue, value, baseValue});
    }
    return gains;
}

std::vector<double> defaultBudgets(const std::vector<SweepRow> &rows, int count)
{
    std::set<double> solved;
    for (const SweepRow &row : rows)
        if (row.done && row.error.empty())
            solved.insert(row.budget);
    std::vector<double> all;
    for (double b : solved)
        if (all.empty() || !sameBudget(all.back(), b))
            all.push_back(b);
    if (static_cast<int>(all.size()) <= count || count < 2)
        return all;
    std::vector<double> picked;
    for (int i = 0; i < count; ++i) {
        const std::size_t index = static_cast<std::size_t>(std::lround(static_cast<double>(i) * (all.size() - 1) / (count - 1)));
        if (picked.empty() || picked.back() != all[index])
            picked.push_back(all[index]);
    }
    return picked;
}

std::string comparisonCsv(const std::vector<SweepRow> &rows, const std::vector<PolicyId> &policies,
                          const std::vector<double> &budgets, bool agreement, double budgetScale)
{
    std::string out = "budget,split,policy,baseline,objective,accuracy,agreement,mean_cost,p90_cost,gain_pp,interpolated,budget_cost\n";
    if (policies.empty())
        return out;
    const std::string baseline(policyName(policies.front()));
    const std::string objective = agreement ? "agreement" : "accuracy";
    for (double budget : budgets) {
        for (Split split : {Split::Val, Split::Test}) {
            const std::map<PolicyId, ComparedCurve> curves = comparedCurves(rows, split);
            const auto curveOf = [&curves](PolicyId p) -> const ComparedCurve * {
                const auto found = curves.find(p);
                return found == curves.end() ? nullptr : &found->second;
            };
            const ComparedCurve *baseCurve = curveOf(policies.front());
            const std::optional<ComparedPoint> base = baseCurve ? pointAt(*baseCurve, budget) : std::nullopt;
            for (PolicyId policy : policies) {
                const ComparedCurve *curve = curveOf(policy);
                const std::optional<ComparedPoint> p = curve ? pointAt(*curve, budget) : std::nullopt;
                if (!p)
                    continue;
                const double gain = base ? 100 * (objectiveOf(p->numbers, agreement) - objectiveOf(base->numbers, agreement))
                                         : std::nan("");
                out += number(p->budget / budgetScale) + "," + (split == Split::Val ? "val," : "test,")
                    + std::string(policyName(policy)) + "," + baseline + "," + objective + "," + number(p->numbers.accuracy)
                    + "," + number(p->numbers.agreement) + "," + number(p->numbers.meanCost) + ","
                    + number(p->numbers.p90Cost) + "," + number(gain) + "," + (p->interpolated ? "1," : "0,")
                    + number(p->budget) + "\n";
            }
        }
    }
    return out;
}

} // namespace exitscope::gui

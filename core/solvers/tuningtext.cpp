#include "core/solvers/tuningtext.h"

#include "core/common/inputerror.h"
#include "core/common/numbertext.h"
#include "core/io/sweepcsv.h"

#include <cmath>
#include <optional>
#include <sstream>

namespace exitscope {

namespace {

double parseNumber(const std::string &text, const std::string &where, const std::string &what)
{
    const std::optional<double> value = parseDecimal(text);
    if (!value)
        throw InputError(where, "'" + text + "' is not a number (" + what + ")");
    return *value;
}

std::vector<std::string> split(const std::string &text, char separator)
{
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, separator);)
        parts.push_back(part);
    return parts;
}

} // namespace

std::vector<double> parseBudgets(const std::string &text, double scale)
{
    std::vector<double> budgets;
    if (text.find(':') != std::string::npos) {
        const std::vector<std::string> parts = split(text, ':');
        if (parts.size() != 3)
            throw InputError("--budgets", "expected FROM:TO:COUNT, found '" + text + "'");
        const double from = parseNumber(parts[0], "--budgets", "FROM"), to = parseNumber(parts[1], "--budgets", "TO");
        const double count = parseNumber(parts[2], "--budgets", "COUNT");
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
        for (const std::string &part : split(text, ','))
            budgets.push_back(parseNumber(part, "--budgets", "budget"));
    }
    if (budgets.empty())
        throw InputError("--budgets", "no budget given");
    for (double &b : budgets)
        b *= scale;
    return budgets;
}

std::vector<PolicyId> parsePolicies(const std::string &text)
{
    std::vector<PolicyId> out;
    for (const std::string &name : split(text, ',')) {
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

std::vector<double> parseNumberList(const std::string &text, const std::string &where)
{
    std::vector<double> out;
    for (const std::string &part : split(text, ','))
        out.push_back(parseNumber(part, where, "item " + std::to_string(out.size() + 1)));
    if (out.empty())
        throw InputError(where, "no number given");
    return out;
}

} // namespace exitscope

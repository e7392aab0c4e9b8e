#pragma once

#include "core/solvers/policyid.h"

#include <string>
#include <vector>

namespace exitscope {

// The typed spellings of a tuning, shared by exitscope-cli and the desktop application's
// command line (both take the same flags, so the messages name the flags).

// FROM:TO:COUNT (both ends included) or b1,b2,...; scaled by `scale` and checked.
// InputError naming "--budgets".
std::vector<double> parseBudgets(const std::string &text, double scale);

// The policies named in a comma-separated list; InputError naming "--policies" for an
// unknown name.
std::vector<PolicyId> parsePolicies(const std::string &text);

// c1,c2,...: finite decimals; InputError naming `where` for anything else or an empty list.
std::vector<double> parseNumberList(const std::string &text, const std::string &where);

} // namespace exitscope

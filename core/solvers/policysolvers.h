#pragma once

// The preparation of each policy behind preparePolicy() (core/solvers/solver.h): each
// returns the policy ready to solve any budget on the trace. Documented in
// docs/policies.md.

#include "core/solvers/preparedpolicy.h"

#include <memory>

namespace exitscope {

using PreparedPolicyPtr = std::unique_ptr<const PreparedPolicy>;
using PreparedTracePtr = std::shared_ptr<const PreparedTrace>;

PreparedPolicyPtr prepareHeuristic(PreparedTracePtr trace);
PreparedPolicyPtr prepareBranchyNet(PreparedTracePtr trace);
PreparedPolicyPtr prepareMsdNet(PreparedTracePtr trace);
PreparedPolicyPtr prepareSelfXit(PreparedTracePtr trace, const JobContext &context);
PreparedPolicyPtr preparePatience(PreparedTracePtr trace, const JobContext &context);
PreparedPolicyPtr prepareOracle(PreparedTracePtr trace);
PreparedPolicyPtr prepareIppp(PreparedTracePtr trace);
PreparedPolicyPtr prepareEenet(PreparedTracePtr trace);
PreparedPolicyPtr prepareBest(PreparedTracePtr trace);

} // namespace exitscope

#pragma once

#include "core/solvers/preparedtrace.h"

#include <memory>
#include <vector>

namespace exitscope {

// A policy made ready for one trace: what does not depend on the budget (the measure, the
// scores and sorted orders, candidate thresholds with their objective and load) is done
// once by its preparePolicy(), so that each budget of a sweep costs only its own search.
// Immutable: a sweep solves budgets from several threads at once.
class PreparedPolicy
{
public:
    explicit PreparedPolicy(std::shared_ptr<const PreparedTrace> trace)
        : m_trace(std::move(trace))
    {
    }
    virtual ~PreparedPolicy() = default;
    PreparedPolicy(const PreparedPolicy &) = delete;
    PreparedPolicy &operator=(const PreparedPolicy &) = delete;

    const PreparedTrace &trace() const { return *m_trace; }

    // The policy's thresholds at `budget` (checked by checkProblem), starting from
    // `warmStarts` where the policy uses them. Fills policy (or, for the oracle,
    // valObjective/valCost), iterations and note. Throws Cancelled when asked to stop.
    virtual SolverResult solve(double budget, const std::vector<ThresholdPolicy> &warmStarts,
                               const JobContext &context) const = 0;

private:
    std::shared_ptr<const PreparedTrace> m_trace;
};

} // namespace exitscope

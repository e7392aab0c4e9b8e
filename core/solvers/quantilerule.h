#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace exitscope {

// MSDNet's quantile rule, the one Exitscope has (MSDNet, BranchyNet and EENet use it):
// exit k < K-1 lets leave, of the samples still running, the most confident ones until the
// share of ALL n samples that has left reaches shares[0] + ... + shares[k], rounded to a
// count; ties at a threshold all leave, so a few more may leave than the share says.
//
// `leave(k, take)` does the leaving at exit k: it lets the `take` most confident samples
// still running leave, ties at the threshold included, and returns {threshold, how many
// left}; with take == 0 it returns the threshold at which nobody leaves (each caller says
// what that is for its scores) and lets nobody leave. Callers differ only in how they find
// the take-th most confident sample (a presorted order, or a selection).
template <typename Leave>
std::vector<double> sequentialQuantiles(const std::vector<double> &shares, int scoredExits, std::int64_t n, Leave leave)
{
    std::vector<double> thresholds;
    double cumulative = 0;
    std::int64_t left = 0;
    for (int k = 0; k < scoredExits; ++k) {
        cumulative += shares[k];
        const auto target = static_cast<std::int64_t>(std::llround(cumulative * static_cast<double>(n)));
        const std::int64_t take = std::clamp<std::int64_t>(target - left, 0, n - left);
        const std::pair<double, std::int64_t> outcome = leave(k, take);
        thresholds.push_back(outcome.first);
        left += outcome.second;
    }
    return thresholds;
}

} // namespace exitscope

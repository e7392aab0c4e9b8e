#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace exitscope {

// The one p90 rule of Exitscope, for every cost quantile it reports or constrains: the
// p-quantile of per-sample cost is the smallest cost c with at least p * N samples costing
// c or less. Here the samples come as `mass` (counts, or shares that sum to 1) at each of
// the ascending `costs`; a cost no sample has is never the quantile.
inline constexpr double kP90 = 0.9;

template <typename Mass>
double costQuantile(const std::vector<double> &costs, const std::vector<Mass> &mass, double total, double p)
{
    const double needed = p * total;
    Mass seen = 0;
    for (std::size_t k = 0; k < costs.size(); ++k) {
        seen += mass[k];
        if (mass[k] > 0 && static_cast<double>(seen) >= needed)
            return costs[k];
    }
    return costs.empty() ? std::nan("") : costs.back();
}

// The same rule as a count: a p-quantile within a budget lets at most this many of n
// samples cost more than the budget.
inline std::int64_t samplesAllowedAbove(std::int64_t n, double p)
{
    return n - static_cast<std::int64_t>(std::ceil(p * static_cast<double>(n)));
}

} // namespace exitscope

#pragma once

#include <cstddef>

namespace exitscope {

// numpy's pairwise summation (np.sum, np.mean of float64), so that code reproducing a
// numpy implementation rounds as it did: plain below 8 values, eight interleaved partial
// sums up to 128, halves (at a multiple of 8) beyond.
inline double pairwiseSum(const double *a, std::ptrdiff_t n)
{
    if (n < 8) {
        double s = -0.0;
        for (std::ptrdiff_t i = 0; i < n; ++i)
            s += a[i];
        return s;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; ++j)
            r[j] = a[j];
        std::ptrdiff_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (int j = 0; j < 8; ++j)
                r[j] += a[i + j];
        double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            s += a[i];
        return s;
    }
    std::ptrdiff_t half = n / 2;
    half -= half % 8;
    return pairwiseSum(a, half) + pairwiseSum(a + half, n - half);
}

} // namespace exitscope

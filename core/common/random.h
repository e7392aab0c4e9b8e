#pragma once

#include <cmath>
#include <cstdint>

namespace exitscope {

// The one seeded random number generator of Exitscope: SplitMix64 (Steele, Lea, Flood
// 2014). Tiny, fast and defined bit for bit, unlike std:: distributions, whose output
// differs between standard libraries, so a seed gives the same synthetic trace, dataset
// split or random input everywhere. Not for cryptography.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, bound) without modulo bias (rejection of the short top range).
    std::uint64_t below(std::uint64_t bound)
    {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (true) {
            const std::uint64_t r = next();
            if (r >= threshold)
                return r % bound;
        }
    }
    // Standard normal (Box-Muller; the second value of each pair is kept for the next call).
    double normal()
    {
        if (m_haveSpare) {
            m_haveSpare = false;
            return m_spare;
        }
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        m_spare = r * std::sin(2.0 * M_PI * u2);
        m_haveSpare = true;
        return r * std::cos(2.0 * M_PI * u2);
    }

    // A seed derived from another (the first value a generator seeded with it draws): for
    // independent streams such as one per restart.
    static std::uint64_t derivedSeed(std::uint64_t seed) { return Random(seed).next(); }

private:
    std::uint64_t m_state;
    double m_spare = 0;
    bool m_haveSpare = false;
};

} // namespace exitscope

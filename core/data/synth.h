#pragma once

#include "core/data/trace.h"

#include <cstdint>
#include <string>

namespace exitscope {

struct SynthOptions
{
    int exits = 5;
    std::int64_t samples = 10000;
    int classes = 10;
    std::uint64_t seed = 1;
};

// A seeded synthetic trace that behaves like a real multi-exit classifier: every sample
// has a difficulty, deeper exits are more accurate, confidence tracks correctness, and a
// wrong answer tends to be the same confusable class at every exit (so agreement with the
// final exit is informative). The same options give the same trace on every machine.
Trace synthesize(const SynthOptions &options);

} // namespace exitscope

#pragma once

#include "core/data/trace.h"

#include <string>

namespace exitscope {

// The AAAI21 (Tan et al.) pair <name>_confidence.npy + <name>_correct.npy: float64 K x N
// scores and 0/1 correctness. Labels are unknown; the score direction is the user's word.
// Scores are divided by `divisor` (the paper divides Alex's entropy in bits by log2(10)).
Trace importAaai21(const std::string &confidencePath, const std::string &correctPath, Direction direction,
                   double divisor = 1.0);

} // namespace exitscope

#pragma once

#include "core/eval/evaluation.h"

namespace exitscope {

// Moves each threshold off the observed scores, to the middle of the gap between the
// trace's nearest score that leaves and its nearest score that stays at that exit (every
// sample's score at the exit, whether it reaches it or not), so that a score computed
// elsewhere with a last-bit difference (NumPy's entropy, say) falls on the same side. The
// policy's exits on `trace` are unchanged. Where no score stays (everybody leaves) or none
// leaves, the threshold goes beyond the extreme score by half the gap to the next one (half
// the score's magnitude, at least 0.5, when every score is equal); where the gap holds no
// double strictly inside it, the threshold stays on the leaving score. The policy must fit
// the trace (checkPolicy).
ThresholdPolicy placeBetweenScores(const Trace &trace, ThresholdPolicy policy);

} // namespace exitscope

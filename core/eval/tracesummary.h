#pragma once

#include "core/data/measure.h"
#include "core/data/trace.h"

#include <cstdint>
#include <vector>

namespace exitscope {

// What a trace holds, at a glance: the values `exitscope-cli info` prints (and writes as
// JSON) and a window shows beside a loaded trace. Computed once; plain data.
struct TraceSummary
{
    struct MeasureRange
    {
        Measure measure;
        double lowest = 0, highest = 0;
    };
    struct Exit
    {
        double accuracy = 0; // NaN when unknown
        double agreement = 0; // with the final exit (a lower bound unless agreementExact)
        std::vector<MeasureRange> scores; // each stored measure's range, in `measures` order
    };

    int exits = 0;
    std::int64_t samples = 0;
    int classes = 0; // 0 when unknown
    bool probabilitiesStored = false; // all C of them
    int topk = 0; // k when only the k largest probabilities are stored
    bool labelsKnown = false;
    bool correctnessKnown = false; // per-exit accuracy can be computed
    bool agreementExact = false; // false: two wrong answers count as disagreeing
    bool entropyUpperBound = false; // top-k with k < C: the rest of the mass spread evenly
    std::vector<Measure> measures; // those stored
    std::vector<Direction> directions; // of `measures`, in order
    std::vector<Exit> perExit;
};

TraceSummary summarizeTrace(const Trace &trace);

} // namespace exitscope

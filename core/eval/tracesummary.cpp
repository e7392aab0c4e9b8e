#include "core/eval/tracesummary.h"

#include <algorithm>
#include <numeric>

namespace exitscope {

TraceSummary summarizeTrace(const Trace &trace)
{
    TraceSummary s;
    s.exits = trace.exits();
    s.samples = trace.samples();
    s.classes = trace.classes();
    s.probabilitiesStored = trace.hasProbabilities();
    s.topk = trace.topk();
    s.labelsKnown = trace.hasLabels();
    s.correctnessKnown = trace.hasCorrectness();
    s.agreementExact = trace.agreementIsExact();
    s.entropyUpperBound = trace.topk() > 0 && trace.topk() < trace.classes();
    s.measures = trace.measures();
    for (Measure m : s.measures)
        s.directions.push_back(trace.direction(m));
    const std::int64_t n = trace.samples();
    for (int k = 0; k < s.exits; ++k) {
        TraceSummary::Exit e;
        e.accuracy = trace.exitAccuracy(k);
        const std::uint8_t *agrees = trace.agreesWithFinal(k);
        e.agreement = static_cast<double>(std::accumulate(agrees, agrees + n, std::int64_t{0})) / static_cast<double>(n);
        for (Measure m : s.measures) {
            const double *scores = trace.scores(m, k);
            const auto [lo, hi] = std::minmax_element(scores, scores + n);
            e.scores.push_back({m, *lo, *hi});
        }
        s.perExit.push_back(std::move(e));
    }
    return s;
}

} // namespace exitscope

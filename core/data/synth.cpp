#include "core/data/synth.h"

#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"
#include "core/common/random.h"

#include <algorithm>
#include <cmath>

namespace exitscope {

Trace synthesize(const SynthOptions &o)
{
    if (o.exits < 1 || o.exits > 255)
        throw InputError("exits", "expected 1..255 exits, found " + std::to_string(o.exits));
    if (o.samples < 1)
        throw InputError("samples", "expected at least one sample, found " + std::to_string(o.samples));
    if (o.classes < 2)
        throw InputError("classes", "expected at least two classes, found " + std::to_string(o.classes));
    const int K = o.exits, C = o.classes;
    const std::int64_t N = o.samples;
    TraceContents c;
    c.exits = K;
    c.samples = N;
    c.classes = C;
    // K x N x C by the checked arithmetic: a product past 64 bits names the setting instead
    // of wrapping around into a small allocation that the loop below writes past.
    const std::int64_t values = checkedElementCount({K, N, C}, "samples");
    c.labels.resize(static_cast<std::size_t>(N));
    c.probabilities.resize(static_cast<std::size_t>(values));

    // The true class's logit sits `lift` above the noise floor of C - 1 standard normals
    // (whose maximum is about sqrt(2 ln C)) when the exit's skill matches the difficulty.
    const double noiseFloor = std::sqrt(2.0 * std::log(static_cast<double>(C)));
    const double sharpness = 1.6; // softmax temperature: makes confidences realistic
    std::vector<double> logits(C);
    for (std::int64_t j = 0; j < N; ++j) {
        // One stream per sample: the trace does not depend on generation order.
        Random random(o.seed * 0x100000001B3ull + static_cast<std::uint64_t>(j));
        const double difficulty = random.uniform();
        const int label = static_cast<int>(random.next() % C);
        int confusable = static_cast<int>(random.next() % (C - 1));
        confusable += confusable >= label;
        c.labels[j] = label;
        for (int k = 0; k < K; ++k) {
            const double skill = K == 1 ? 0.8 : 0.45 + 0.4 * k / (K - 1);
            for (int cls = 0; cls < C; ++cls)
                logits[cls] = random.normal();
            logits[label] += noiseFloor + 8.0 * (skill - difficulty);
            logits[confusable] += 0.6 * noiseFloor * difficulty;
            const double top = *std::max_element(logits.begin(), logits.end());
            double sum = 0;
            for (double &z : logits) {
                z = std::exp(sharpness * (z - top));
                sum += z;
            }
            float *p = c.probabilities.data() + (static_cast<std::size_t>(k) * N + j) * C;
            for (int cls = 0; cls < C; ++cls)
                p[cls] = static_cast<float>(logits[cls] / sum);
        }
    }
    return Trace::build(std::move(c), "synth");
}

} // namespace exitscope

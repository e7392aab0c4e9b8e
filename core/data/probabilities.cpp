#include "core/data/probabilities.h"

#include <algorithm>
#include <cmath>

namespace exitscope {

void softmax(const float *logits, std::int64_t classes, float *out)
{
    const float top = *std::max_element(logits, logits + classes);
    double sum = 0;
    for (std::int64_t c = 0; c < classes; ++c)
        sum += std::exp(static_cast<double>(logits[c] - top));
    for (std::int64_t c = 0; c < classes; ++c)
        out[c] = static_cast<float>(std::exp(static_cast<double>(logits[c] - top)) / sum);
}

ProbabilitySummary summarizeProbabilities(const float *p, int classes)
{
    ProbabilitySummary s;
    double h = 0.0;
    float best = -1.0f, second = -1.0f;
    for (int cls = 0; cls < classes; ++cls) {
        const float v = p[cls];
        s.sum += v;
        if (v > 0.0f)
            h -= v * std::log(static_cast<double>(v));
        if (v > best) {
            second = best;
            best = v;
            s.prediction = cls;
        } else if (v > second) {
            second = v;
        }
    }
    s.maxProb = best;
    s.entropy = h;
    s.margin = classes > 1 ? best - second : best;
    return s;
}

double normalizedEntropy(double nats, int classes)
{
    return classes > 1 ? nats / std::log(static_cast<double>(classes)) : 0.0;
}

} // namespace exitscope

#include "core/io/aaai21import.h"

#include "core/common/inputerror.h"
#include "core/common/shapetext.h"
#include "core/io/npy.h"

#include <cmath>
#include <sstream>

namespace exitscope {

Trace importAaai21(const std::string &confidencePath, const std::string &correctPath, Direction direction, double divisor)
{
    if (!std::isfinite(divisor) || divisor <= 0)
        throw InputError("divide scores by", "expected a positive number, found " + std::to_string(divisor));
    const NpyDoubleArray confidence = readNpyFileAsDoubles(confidencePath);
    if (confidence.shape.size() != 2)
        throw InputError(confidencePath, "expected a 2-D array (K exits, N samples), found shape "
                                             + shapeText(confidence.shape));
    const NpyDoubleArray correct = readNpyFileAsDoubles(correctPath);
    if (correct.shape != confidence.shape)
        throw InputError(correctPath, "shape " + shapeText(correct.shape) + " disagrees with the confidence file's "
                                          + shapeText(confidence.shape) + " (" + confidencePath + ")");
    TraceContents c;
    c.exits = static_cast<int>(confidence.shape[0]);
    c.samples = confidence.shape[1];
    c.givenScores = confidence.values;
    if (divisor != 1.0)
        for (double &s : c.givenScores)
            s /= divisor;
    c.givenDirection = direction;
    c.correct.resize(correct.values.size());
    for (std::size_t i = 0; i < correct.values.size(); ++i) {
        const double v = correct.values[i];
        if (v != 0.0 && v != 1.0) {
            std::ostringstream msg;
            msg << "value " << v << " at exit " << i / c.samples << ", sample " << i % c.samples
                << " is not 0 or 1";
            throw InputError(correctPath, msg.str());
        }
        c.correct[i] = v != 0.0;
    }
    return Trace::build(std::move(c), confidencePath);
}

} // namespace exitscope

#include "core/io/eenetimport.h"

#include "core/common/inputerror.h"
#include "core/common/shapetext.h"
#include "core/io/torchpickle.h"

#include <cmath>

namespace exitscope {

namespace {

Trace splitTrace(FloatTensor &probs, const FloatTensor &targets, const std::string &where, const char *split)
{
    const std::string at = where + " (" + split + ")";
    if (probs.shape.size() != 3)
        throw InputError(at, std::string(split) + " probabilities: expected shape (K, N, C), found "
                                 + shapeText(probs.shape));
    if (targets.shape.size() != 1 || targets.shape[0] != probs.shape[1])
        throw InputError(at, std::string(split) + " targets: expected shape (" + std::to_string(probs.shape[1])
                                 + ",), found " + shapeText(targets.shape));
    TraceContents c;
    c.exits = static_cast<int>(probs.shape[0]);
    c.samples = probs.shape[1];
    c.classes = static_cast<int>(probs.shape[2]);
    c.probabilities = std::move(probs.values);
    c.labels.resize(targets.values.size());
    for (std::size_t j = 0; j < targets.values.size(); ++j) {
        const float v = targets.values[j];
        // Checked before the cast: a float beyond int32 does not convert (undefined behaviour).
        if (!std::isfinite(v) || v != std::floor(v) || v < -2147483648.0f || v >= 2147483648.0f)
            throw InputError(at, std::string(split) + " target of sample " + std::to_string(j) + " is "
                                     + std::to_string(v) + ", expected a class index");
        c.labels[j] = static_cast<std::int32_t>(v);
    }
    return Trace::build(std::move(c), at);
}

} // namespace

EenetImport importEenet(const std::string &logitsPath, const std::string &secondsPath, const std::string &flopsPath)
{
    std::vector<FloatTensor> parts = readTorchTensorSequence(logitsPath);
    if (parts.size() != 4)
        throw InputError(logitsPath, "expected the tuple (val_pred, val_target, test_pred, test_target), found "
                                         + std::to_string(parts.size()) + " tensors");
    Trace val = splitTrace(parts[0], parts[1], logitsPath, "val");
    Trace test = splitTrace(parts[2], parts[3], logitsPath, "test");
    if (val.exits() != test.exits() || val.classes() != test.classes())
        throw InputError(logitsPath, "val has K = " + std::to_string(val.exits()) + ", C = " + std::to_string(val.classes())
                                         + " but test has K = " + std::to_string(test.exits())
                                         + ", C = " + std::to_string(test.classes()));
    EenetImport result{val, test, std::nullopt};
    if (!secondsPath.empty()) {
        result.latency = readSecondsCsv(secondsPath);
    } else if (!flopsPath.empty()) {
        LatencyProfile flops;
        flops.cumulative = readTorchNumberList(flopsPath);
        flops.unit = CostUnit::Flops;
        flops.provenance.source = ProfileSource::File;
        flops.provenance.file = flopsPath;
        flops.validate(flopsPath);
        result.latency = flops;
    }
    if (result.latency)
        result.latency->requireExits(val.exits(), secondsPath.empty() ? flopsPath : secondsPath);
    return result;
}

} // namespace exitscope

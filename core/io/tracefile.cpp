#include "core/io/tracefile.h"

#include "core/common/inputerror.h"
#include "core/common/shapetext.h"
#include "core/io/npzarchive.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace exitscope {

namespace {

constexpr const char *kProbabilities = "exit_probs";
constexpr const char *kTopkIndices = "exit_topk_indices";
constexpr const char *kTopkProbabilities = "exit_topk_probs";
constexpr const char *kPredictions = "exit_predictions";
constexpr const char *kLabels = "labels";
constexpr const char *kCorrect = "exit_correct";
constexpr const char *kScores = "exit_scores";
constexpr const char *kLowerIsConfident = "scores_lower_is_confident";
constexpr const char *kClasses = "num_classes";
constexpr const char *kFormatVersion = "exitscope_trace_version";
constexpr std::int64_t kVersion = 1;

NpyHeader requireRank(NpyHeader header, std::size_t rank, const std::string &expected,
                             const std::string &where)
{
    if (header.shape.size() != rank)
        throw InputError(where, "expected shape " + expected + ", found " + shapeText(header.shape));
    return header;
}

std::vector<std::int32_t> toInt32(const std::vector<std::int64_t> &values, const std::string &where)
{
    std::vector<std::int32_t> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] < std::numeric_limits<std::int32_t>::min() || values[i] > std::numeric_limits<std::int32_t>::max())
            throw InputError(where, "value " + std::to_string(values[i]) + " at index " + std::to_string(i)
                                        + " does not fit a class index");
        out[i] = static_cast<std::int32_t>(values[i]);
    }
    return out;
}

// Shapes must agree across arrays: the first array that fixes K (or N) sets it.
void agree(std::int64_t &known, std::int64_t found, const char *dim, const std::string &where)
{
    if (known >= 0 && known != found) {
        std::ostringstream msg;
        msg << dim << " = " << found << " disagrees with " << dim << " = " << known << " of the other arrays";
        throw InputError(where, msg.str());
    }
    known = found;
}

} // namespace

Trace readTraceFile(const std::string &path)
{
    const NpzReader npz(path);
    if (npz.has(kFormatVersion)) {
        const auto version = npz.integers(kFormatVersion);
        if (version.size() != 1 || version[0] < 1)
            throw InputError(npz.where(kFormatVersion), "expected one positive version number");
        if (version[0] > kVersion)
            throw InputError(npz.where(kFormatVersion), "trace format version " + std::to_string(version[0])
                                                            + " is newer than this Exitscope reads ("
                                                            + std::to_string(kVersion) + ")");
    }
    TraceContents c;
    std::int64_t K = -1, N = -1;
    if (npz.has(kProbabilities)) {
        const std::string at = npz.where(kProbabilities);
        const NpyHeader h = requireRank(npz.header(kProbabilities), 3, "(K, N, C)", at);
        agree(K, h.shape[0], "K", at);
        agree(N, h.shape[1], "N", at);
        c.classes = static_cast<int>(h.shape[2]);
        c.probabilities = npz.floats(kProbabilities);
    }
    if (npz.has(kTopkIndices) || npz.has(kTopkProbabilities)) {
        for (const char *name : {kTopkIndices, kTopkProbabilities})
            if (!npz.has(name))
                throw InputError(path, std::string(name) + " is missing: top-k traces need both " + kTopkIndices
                                           + " and " + kTopkProbabilities);
        std::int64_t k = -1;
        for (const char *name : {kTopkIndices, kTopkProbabilities}) {
            const std::string at = npz.where(name);
            const NpyHeader h = requireRank(npz.header(name), 3, "(K, N, k)", at);
            agree(K, h.shape[0], "K", at);
            agree(N, h.shape[1], "N", at);
            agree(k, h.shape[2], "k", at);
        }
        if (k < 1)
            throw InputError(npz.where(kTopkProbabilities), "k = 0: a top-k trace keeps at least one class");
        if (!npz.has(kClasses))
            throw InputError(path, std::string(kTopkProbabilities) + " needs " + kClasses
                                       + ": the class count C, a 0-d integer array");
        c.topk = static_cast<int>(k);
        c.topkIndices = toInt32(npz.integers(kTopkIndices), npz.where(kTopkIndices));
        c.topkProbabilities = npz.floats(kTopkProbabilities);
    }
    if (npz.has(kPredictions)) {
        const std::string at = npz.where(kPredictions);
        const NpyHeader h = requireRank(npz.header(kPredictions), 2, "(K, N)", at);
        agree(K, h.shape[0], "K", at);
        agree(N, h.shape[1], "N", at);
        c.predictions = toInt32(npz.integers(kPredictions), at);
    }
    if ((c.topk > 0 || !c.predictions.empty()) && npz.has(kClasses)) {
        const auto classes = npz.integers(kClasses);
        if (classes.size() != 1 || classes[0] < 1 || classes[0] > std::numeric_limits<std::int32_t>::max())
            throw InputError(npz.where(kClasses), "expected one positive class count");
        c.classes = static_cast<int>(classes[0]);
    }
    if (npz.has(kScores)) {
        const std::string at = npz.where(kScores);
        const NpyHeader h = requireRank(npz.header(kScores), 2, "(K, N)", at);
        agree(K, h.shape[0], "K", at);
        agree(N, h.shape[1], "N", at);
        c.givenScores = npz.doubles(kScores);
        if (!npz.has(kLowerIsConfident))
            throw InputError(path, std::string(kScores) + " needs " + kLowerIsConfident
                                       + ": a 0-d bool array, numpy.array(True) if lower scores mean more confident");
        const auto lower = npz.integers(kLowerIsConfident);
        if (lower.size() != 1)
            throw InputError(npz.where(kLowerIsConfident), "expected a single bool");
        c.givenDirection = lower[0] ? Direction::LowerIsConfident : Direction::HigherIsConfident;
    }
    if (npz.has(kCorrect)) {
        const std::string at = npz.where(kCorrect);
        const NpyHeader h = requireRank(npz.header(kCorrect), 2, "(K, N)", at);
        agree(K, h.shape[0], "K", at);
        agree(N, h.shape[1], "N", at);
        const auto values = npz.doubles(kCorrect);
        c.correct.resize(values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (values[i] != 0.0 && values[i] != 1.0) {
                std::ostringstream msg;
                msg << "value " << values[i] << " at exit " << i / h.shape[1] << ", sample " << i % h.shape[1]
                    << " is not 0 or 1";
                throw InputError(at, msg.str());
            }
            c.correct[i] = values[i] != 0.0;
        }
    }
    if (npz.has(kLabels)) {
        const std::string at = npz.where(kLabels);
        const NpyHeader h = requireRank(npz.header(kLabels), 1, "(N,)", at);
        agree(N, h.shape[0], "N", at);
        c.labels = toInt32(npz.integers(kLabels), at);
    }
    if (K < 0) {
        std::string found;
        for (const auto &name : npz.names())
            found += (found.empty() ? "" : ", ") + name;
        throw InputError(path, "not an Exitscope trace: expected exit_probs (K, N, C), exit_topk_probs (K, N, k) or "
                                   "exit_scores (K, N); found "
                                   "arrays: " + (found.empty() ? std::string("none") : found));
    }
    c.exits = static_cast<int>(K);
    c.samples = N;
    return Trace::build(std::move(c), path);
}

void writeTraceFile(const Trace &trace, const std::string &path)
{
    const TraceContents &c = trace.contents();
    const std::int64_t K = c.exits, N = c.samples;
    static const std::int64_t version = kVersion;
    static const bool lowerIsConfident[2] = {false, true};
    NpzWriter npz;
    npz.add(kFormatVersion, NpyType::Int64, {}, &version);
    if (!c.probabilities.empty())
        npz.add(kProbabilities, NpyType::Float32, {K, N, c.classes}, c.probabilities.data());
    const std::int64_t classes = c.classes;
    if (c.topk > 0) {
        npz.add(kTopkIndices, NpyType::Int32, {K, N, c.topk}, c.topkIndices.data());
        npz.add(kTopkProbabilities, NpyType::Float32, {K, N, c.topk}, c.topkProbabilities.data());
    }
    if (!c.predictions.empty())
        npz.add(kPredictions, NpyType::Int32, {K, N}, c.predictions.data());
    if ((c.topk > 0 || !c.predictions.empty()) && classes > 0)
        npz.add(kClasses, NpyType::Int64, {}, &classes);
    if (!c.labels.empty())
        npz.add(kLabels, NpyType::Int32, {N}, c.labels.data());
    if (!c.correct.empty())
        npz.add(kCorrect, NpyType::Bool, {K, N}, c.correct.data());
    if (!c.givenScores.empty()) {
        npz.add(kScores, NpyType::Float64, {K, N}, c.givenScores.data());
        npz.add(kLowerIsConfident, NpyType::Bool, {},
                &lowerIsConfident[c.givenDirection == Direction::LowerIsConfident ? 1 : 0]);
    }
    npz.commit(path);
}

} // namespace exitscope

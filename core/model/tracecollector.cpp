#include "core/model/tracecollector.h"

#include "core/common/inputerror.h"
#include "core/data/probabilities.h"
#include "core/jobs/torchthreads.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace exitscope {

namespace {

// One split's accumulating arrays, filled batch by batch: probabilities K x N x C, or with
// top-k only the k largest of each row (K x N x k), so memory does not grow with C.
class SplitRecorder
{
public:
    SplitRecorder(std::int64_t samples, int topk)
        : m_samples(samples)
        , m_topk(topk)
    {
    }

    void add(const std::vector<FloatTensor> &logits, const DatasetBatch &batch, std::int64_t offset,
             const std::string &where)
    {
        const int exits = static_cast<int>(logits.size());
        const std::int64_t rows = static_cast<std::int64_t>(batch.indices.size());
        if (m_exits == 0) { // the first batch fixes K and C
            m_exits = exits;
            m_classes = logits.empty() || logits[0].shape.size() != 2 ? 0 : logits[0].shape[1];
            if (m_exits < 1 || m_classes < 1)
                throw InputError(where, "the model returned no N x C logits");
            if (m_topk >= m_classes)
                m_topk = 0; // all classes: the full probabilities are no bigger
            const std::size_t traceRows = static_cast<std::size_t>(m_exits) * m_samples;
            if (m_topk > 0) {
                m_topkIndices.assign(traceRows * m_topk, 0);
                m_probabilities.assign(traceRows * m_topk, 0.0f);
                m_order.resize(m_classes);
            } else {
                m_probabilities.assign(traceRows * m_classes, 0.0f);
            }
            m_softmax.resize(m_classes);
        }
        if (exits != m_exits)
            throw InputError(where, "the model returned " + std::to_string(exits) + " exits, earlier " + std::to_string(m_exits));
        for (int k = 0; k < exits; ++k) {
            const FloatTensor &z = logits[k];
            if (z.shape.size() != 2 || z.shape[0] != rows || z.shape[1] != m_classes)
                throw InputError(where, "exit " + std::to_string(k) + " returned logits that are not " + std::to_string(rows)
                                            + " x " + std::to_string(m_classes));
            for (std::int64_t r = 0; r < rows; ++r) {
                softmax(z.values.data() + r * m_classes, m_classes, m_softmax.data());
                record(static_cast<std::size_t>(k) * m_samples + offset + r);
            }
        }
        for (std::int64_t label : batch.labels)
            m_labels.push_back(static_cast<std::int32_t>(label));
    }

    Trace build(const std::string &where)
    {
        TraceContents c;
        c.exits = m_exits;
        c.samples = m_samples;
        c.classes = static_cast<int>(m_classes);
        if (m_topk > 0) {
            c.topk = m_topk;
            c.topkIndices = std::move(m_topkIndices);
            c.topkProbabilities = std::move(m_probabilities);
        } else {
            c.probabilities = std::move(m_probabilities);
        }
        c.labels = std::move(m_labels);
        return Trace::build(std::move(c), where);
    }

private:
    // Stores m_softmax as trace row `row`: all of it, or its k largest values with the
    // lower class first on ties, so that index 0 is the argmax a full trace derives.
    void record(std::size_t row)
    {
        if (m_topk == 0) {
            std::copy(m_softmax.begin(), m_softmax.end(), m_probabilities.begin() + row * m_classes);
            return;
        }
        std::iota(m_order.begin(), m_order.end(), 0);
        const auto before = [this](std::int32_t a, std::int32_t b) {
            return m_softmax[a] > m_softmax[b] || (m_softmax[a] == m_softmax[b] && a < b);
        };
        std::partial_sort(m_order.begin(), m_order.begin() + m_topk, m_order.end(), before);
        for (int i = 0; i < m_topk; ++i) {
            m_topkIndices[row * m_topk + i] = m_order[i];
            m_probabilities[row * m_topk + i] = m_softmax[m_order[i]];
        }
    }

    std::int64_t m_samples;
    int m_topk; // 0: full probabilities
    int m_exits = 0;
    std::int64_t m_classes = 0;
    std::vector<float> m_probabilities; // K x N x C, or K x N x k with top-k
    std::vector<std::int32_t> m_topkIndices; // K x N x k
    std::vector<std::int32_t> m_labels;
    std::vector<float> m_softmax; // one row's probabilities
    std::vector<std::int32_t> m_order; // class indices, the k most probable first
};

} // namespace

std::optional<Trace> collectTrace(const MultiExitModel &model, const Dataset &data, const std::vector<std::int64_t> &indices,
                                  const TraceCollectionOptions &options, const JobContext &context)
{
    const TorchThreads threads(options.threads);
    const std::size_t batchSize = static_cast<std::size_t>(std::max(1, options.batchSize));
    SplitRecorder recorder(static_cast<std::int64_t>(indices.size()), std::max(0, options.topk));
    for (std::size_t begin = 0; begin < indices.size(); begin += batchSize) {
        if (context.cancelled())
            return std::nullopt;
        const DatasetBatch batch = data.readBatch(indices, begin, batchSize);
        const std::vector<FloatTensor> logits = model.forwardAll(FloatTensor{batch.shape, batch.inputs});
        recorder.add(logits, batch, static_cast<std::int64_t>(begin), model.path());
        context.progress.report(static_cast<double>(begin + batch.indices.size()) / static_cast<double>(indices.size()), "");
    }
    return recorder.build(model.path() + " on " + data.where());
}

namespace {

std::optional<CollectedTraces> collectBoth(const MultiExitModel &model, const Dataset &valData,
                                           const std::vector<std::int64_t> &valIndices, const Dataset &testData,
                                           const std::vector<std::int64_t> &testIndices, const TraceCollectionOptions &options,
                                           const JobContext &context, const ValTraceReady &valReady)
{
    if (valIndices.empty() || testIndices.empty()) {
        const std::string sizes = "(" + std::to_string(valIndices.size()) + " / " + std::to_string(testIndices.size()) + " samples)";
        if (&valData == &testData)
            throw InputError(valData.where(), "the val/test split leaves a half empty " + sizes + "; change val=");
        throw InputError(valIndices.empty() ? valData.where() : testData.where(), "no samples for the "
                             + std::string(valIndices.empty() ? "val" : "test") + " trace " + sizes);
    }
    const TorchThreads threads(options.threads); // for the whole job, valReady included
    const double valShare = static_cast<double>(valIndices.size()) / static_cast<double>(valIndices.size() + testIndices.size());
    const JobContext valPart = context.part(0, valShare, "val");
    valPart.progress.report(0, "");
    std::optional<Trace> val = collectTrace(model, valData, valIndices, options, valPart);
    if (!val)
        return std::nullopt;
    if (valReady)
        valReady(*val);
    const JobContext testPart = context.part(valShare, 1, "test");
    testPart.progress.report(0, "");
    std::optional<Trace> test = collectTrace(model, testData, testIndices, options, testPart);
    if (!test)
        return std::nullopt;
    return CollectedTraces{std::move(*val), std::move(*test)};
}

} // namespace

std::optional<CollectedTraces> collectTraces(const MultiExitModel &model, const Dataset &data, const DatasetSplit &split,
                                             const TraceCollectionOptions &options, const JobContext &context,
                                             const ValTraceReady &valReady)
{
    return collectBoth(model, data, split.val, data, split.test, options, context, valReady);
}

std::optional<CollectedTraces> collectTraces(const MultiExitModel &model, const DatasetSources &sources,
                                             const TraceCollectionOptions &options, const JobContext &context,
                                             const ValTraceReady &valReady)
{
    return collectBoth(model, *sources.valData, sources.val, *sources.testData, sources.test, options, context, valReady);
}

} // namespace exitscope

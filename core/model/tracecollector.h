#pragma once

#include "core/data/trace.h"
#include "core/jobs/jobcontext.h"
#include "core/model/dataset.h"
#include "core/model/datasetsources.h"
#include "core/model/multiexitmodel.h"

#include <functional>
#include <optional>

namespace exitscope {

struct CollectedTraces
{
    Trace val;
    Trace test;
};

// How a model's outputs are collected.
struct TraceCollectionOptions
{
    int batchSize = 64;
    // Keep only the k largest probabilities of each exit and sample (k >= C, or 0, keeps
    // all of them): memory that does not grow with C.
    int topk = 0;
    int threads = 0; // LibTorch's intra-op threads for this job (TorchThreads); 0: as is
};

// Called with the val trace as soon as it is collected, before the test split runs (a GUI
// starts its curves on it), on the thread that collects.
using ValTraceReady = std::function<void(const Trace &val)>;

// Runs the model over the two halves of a dataset split in batches, val first, and records
// every exit's softmax probabilities (and the labels, when the dataset has them) as
// traces. Memory: one batch of inputs plus the traces themselves. Returns nothing when
// cancelled (between batches; `valReady` may have been called); InputError when the model
// rejects the data or the outputs disagree (exit count, class count, labels out of range).
std::optional<CollectedTraces> collectTraces(const MultiExitModel &model, const Dataset &data, const DatasetSplit &split,
                                             const TraceCollectionOptions &options, const JobContext &context = {},
                                             const ValTraceReady &valReady = {});
// The same with the val and test samples from their own datasets, or one split in two.
std::optional<CollectedTraces> collectTraces(const MultiExitModel &model, const DatasetSources &sources,
                                             const TraceCollectionOptions &options, const JobContext &context = {},
                                             const ValTraceReady &valReady = {});

// One split: the trace of the samples at `indices`, in that order.
std::optional<Trace> collectTrace(const MultiExitModel &model, const Dataset &data, const std::vector<std::int64_t> &indices,
                                  const TraceCollectionOptions &options, const JobContext &context = {});

} // namespace exitscope

#pragma once

#include "core/data/trace.h"
#include "core/jobs/jobcontext.h"
#include "core/model/dataset.h"
#include "core/model/multiexitmodel.h"

#include <optional>

namespace exitscope {

struct CollectedTraces
{
    Trace val;
    Trace test;
};

// Runs the model over the two halves of a dataset split in batches and records every
// exit's softmax probabilities (and the labels, when the dataset has them) as traces.
// With topk > 0 only the k largest probabilities of each exit and sample are kept (k >= C
// keeps all of them, as topk = 0). Memory: one batch of inputs plus the traces themselves.
// Returns nothing when cancelled (between batches); InputError when the model rejects the
// data or the outputs disagree (exit count, class count, labels out of range).
std::optional<CollectedTraces> collectTraces(const MultiExitModel &model, const Dataset &data, const DatasetSplit &split,
                                             int batchSize, int topk = 0, const JobContext &context = {});

// One split: the trace of the samples at `indices`, in that order.
std::optional<Trace> collectTrace(const MultiExitModel &model, const Dataset &data, const std::vector<std::int64_t> &indices,
                                  int batchSize, int topk = 0, const JobContext &context = {});

} // namespace exitscope

#pragma once

#include "core/data/latencyprofile.h"
#include "core/data/trace.h"
#include "core/jobs/jobcontext.h"
#include "core/model/multiexitmodel.h"
#include "core/model/tracecollector.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace exitscope::gui {

// A model and the data to run it on, as the model dialog and `exitscope --model M.pt
// --dataset SPEC` name them (the spellings of `exitscope-cli trace` and `profile`).
struct ModelRequest
{
    QString model; // a multi-exit TorchScript archive
    QString dataset; // the test spec (or the one split in two), docs/datasets.md
    QString valDataset; // empty: val and test split `dataset`
    QString device = QStringLiteral("cpu");
    int threads = 0; // LibTorch's intra-op threads; 0: as is
    int batchSize = 64; // of trace collection
    // The latency is profiled at each of these (exitscope-cli profile --batch-sizes); the
    // first is the one tuning starts with.
    std::vector<int> profileBatchSizes{1};
    // The profiler's stopping rule (exitscope-cli profile --min-seconds/--max-seconds).
    double profileMinSeconds = 1.0, profileMaxSeconds = 10.0;
    int profileWarmup = 10;
};

// What the dialog shows before anything runs: the model's summary and the samples found.
struct ModelProbe
{
    ModelSummary model;
    std::int64_t valSamples = 0, testSamples = 0;
    std::vector<std::int64_t> sampleShape;
    std::int64_t classes = 0; // of the dataset, 0 when it does not say
    bool labels = false;
    bool separate = false; // a val dataset of its own
    std::string valWhere, testWhere, testDescription;
};

// Loads the model and opens the dataset(s) without running anything: a pure function run
// in a worker. InputError naming the file (model) or "dataset spec" / "val dataset spec".
ModelProbe probeModel(const ModelRequest &request, const JobContext &context = {});

// The probe as rich text for the dialog: layout, K, classes, input, parameters per stage,
// and the samples of each split.
QString probeText(const ModelProbe &probe);

// Collects the val and test traces as `exitscope-cli trace` does (same options, same
// split); `valReady` gets the val trace before the test split runs. Nothing when cancelled.
struct CollectedModelTraces
{
    CollectedTraces traces;
    std::vector<std::int64_t> sampleShape; // of one sample: the profile's input
    bool staged = false; // whether per-exit latency can be measured
};
std::optional<CollectedModelTraces> collectModelTraces(const ModelRequest &request, const JobContext &context,
                                                       const ValTraceReady &valReady = {});

// The latency profiles of a staged model, one per batch size of the request, in its order
// (exitscope-cli profile --batch-sizes with the request's device, threads and stopping
// rule) for inputs of `sampleShape`. Nothing when cancelled; InputError for a monolithic model.
std::optional<std::vector<LatencyProfile>> profileModel(const ModelRequest &request, const std::vector<std::int64_t> &sampleShape,
                                           const JobContext &context);

// Writes val.npz, test.npz and latency.json (whichever are given; latency.json holds every
// profile, one per batch size, the first as its main one) into `folder`, all or none
// (core's atomic writers), so that the CLI reads them; returns the paths written.
// InputError naming the file on failure.
QStringList saveCollected(const QString &folder, const Trace *val, const Trace *test,
                          const std::vector<LatencyProfile> &latency);

// "1, 8, 64" -> {1, 8, 64}: batch sizes as the dialog and --profile-batch-sizes take them,
// each >= 1, no repeats. InputError naming `where` otherwise.
std::vector<int> parseBatchSizes(const QString &text, const std::string &where);
QString batchSizeList(const std::vector<int> &sizes); // "1, 8, 64"

} // namespace exitscope::gui

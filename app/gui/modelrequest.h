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
    int batchSize = 64; // of trace collection; the profile is at batch size 1
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

// The batch-size-1 latency profile of a staged model (exitscope-cli profile --batch-sizes
// 1 with the request's device, threads and stopping rule) for inputs of `sampleShape`.
// Nothing when cancelled; InputError for a monolithic model.
std::optional<LatencyProfile> profileModel(const ModelRequest &request, const std::vector<std::int64_t> &sampleShape,
                                           const JobContext &context);

// Writes val.npz, test.npz and latency.json (whichever are given) into `folder`, all or
// none (core's atomic writers), so that the CLI reads them; returns the paths written.
// InputError naming the file on failure.
QStringList saveCollected(const QString &folder, const Trace *val, const Trace *test, const LatencyProfile *latency);

} // namespace exitscope::gui

#pragma once

#include "core/data/latencyprofile.h"
#include "core/data/measure.h"
#include "core/data/thresholdconfig.h"
#include "core/data/trace.h"
#include "core/eval/tracesummary.h"
#include "core/jobs/jobcontext.h"

#include <QString>

#include <optional>

namespace exitscope::gui {

// What to read: any of the inputs, named as the user gave them. Empty means "not asked".
struct InputRequest
{
    QString val, test; // Exitscope .npz traces, or an AAAI21 <name>_confidence.npy (its _correct.npy beside it)
    Direction aaai21Direction = Direction::LowerIsConfident; // the AAAI21 files do not say (the user is asked)
    QString latency; // a latency profile (.json) or EENet's seconds.csv (ms)
    QString costs; // c1,...,cK typed in (instead of a latency file)
    QString costUnit = QStringLiteral("relative");
    std::optional<double> reference; // --reference
    QString config; // a threshold config (.json): its policy, and its latency when none is given
    // EENet's evaluation outputs (as `exitscope-cli import eenet --logits --seconds --flops`):
    // logits_single.pth holds the val and the test split; seconds.csv (ms) or else flops.pth
    // is the latency when no other is given. Excludes val and test.
    QString eenetLogits, eenetSeconds, eenetFlops;
};

// Where a trace came from, for a session to refer to it: the SHA-256 of the file read (and
// of an AAAI21 file's _correct.npy partner, with the direction chosen). A trace without
// one exists only in memory (collected from a model, imported from EENet).
struct TraceOrigin
{
    QString sha256;
    QString aaai21CorrectSha256; // empty unless AAAI21
    Direction aaai21Direction = Direction::LowerIsConfident;
};

// What was read, checked on its own; whether it fits the document's other inputs is the
// document's check (Document::setInputs).
struct LoadedInputs
{
    std::optional<Trace> val, test;
    std::optional<TraceSummary> valSummary;
    QString valPath, testPath;
    std::optional<TraceOrigin> valOrigin, testOrigin;
    std::optional<LatencyProfile> latency;
    QString latencyPath; // the file, or "costs" when typed
    QString latencySha256; // of the file read; empty when typed or imported
    bool latencyFromConfig = false; // only the config named one: used when no latency is open
    std::optional<ThresholdConfig> config;
    QString configPath;
    // A session's inputs: they replace everything (a test trace or latency not given is
    // closed, the thresholds start over) instead of joining what is open.
    bool replaceAll = false;
};

// Reads everything requested: a pure function run in a worker (and directly by
// --screenshot). Throws InputError naming the file and field; Cancelled between files.
LoadedInputs loadInputs(const InputRequest &request, const JobContext &context = {});

// An AAAI21 confidence file's correctness partner (<name>_confidence.npy -> <name>_correct.npy),
// or an empty string when `path` is not one.
QString aaai21CorrectPartner(const QString &path);

} // namespace exitscope::gui

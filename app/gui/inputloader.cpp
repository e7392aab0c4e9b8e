#include "inputloader.h"

#include "core/common/filehash.h"
#include "core/common/inputerror.h"
#include "core/io/aaai21import.h"
#include "core/io/eenetimport.h"
#include "core/io/tracefile.h"
#include "core/jobs/jobcontext.h"
#include "core/solvers/tuningtext.h"

#include <QFileInfo>

namespace exitscope::gui {

namespace {

Trace readTrace(const QString &path, Direction aaai21Direction)
{
    const QString partner = aaai21CorrectPartner(path);
    if (!partner.isEmpty())
        return importAaai21(path.toStdString(), partner.toStdString(), aaai21Direction);
    return readTraceFile(path.toStdString());
}

TraceOrigin originOf(const QString &path, Direction aaai21Direction)
{
    TraceOrigin origin;
    origin.sha256 = QString::fromStdString(sha256OfFile(path.toStdString()));
    const QString partner = aaai21CorrectPartner(path);
    if (!partner.isEmpty()) {
        origin.aaai21CorrectSha256 = QString::fromStdString(sha256OfFile(partner.toStdString()));
        origin.aaai21Direction = aaai21Direction;
    }
    return origin;
}

} // namespace

QString aaai21CorrectPartner(const QString &path)
{
    static const QString suffix = QStringLiteral("_confidence.npy");
    if (!path.endsWith(suffix))
        return {};
    return path.left(path.size() - suffix.size()) + QStringLiteral("_correct.npy");
}

LoadedInputs loadInputs(const InputRequest &request, const JobContext &context)
{
    LoadedInputs loaded;
    const int parts = 4;
    int done = 0;
    const auto step = [&](const char *what) {
        context.throwIfCancelled();
        context.progress.report(static_cast<double>(done++) / parts, what);
    };
    if (!request.eenetLogits.isEmpty()) {
        step("importing EENet's outputs");
        if (!request.val.isEmpty() || !request.test.isEmpty())
            throw InputError(request.eenetLogits.toStdString(), "EENet's logits hold the val and the test split: open no other trace with them");
        // The CLI's importer: the same traces `exitscope-cli import eenet` writes.
        EenetImport imported = importEenet(request.eenetLogits.toStdString(), request.eenetSeconds.toStdString(),
                                           request.eenetFlops.toStdString());
        loaded.val = std::move(imported.val);
        loaded.valSummary = summarizeTrace(*loaded.val);
        loaded.test = std::move(imported.test);
        loaded.valPath = loaded.testPath = request.eenetLogits;
        if (imported.latency && request.latency.isEmpty() && request.costs.isEmpty()) {
            loaded.latency = std::move(imported.latency);
            loaded.latencyPath = !request.eenetSeconds.isEmpty() ? request.eenetSeconds : request.eenetFlops;
        }
    }
    if (!request.val.isEmpty()) {
        step("reading the val trace");
        loaded.val = readTrace(request.val, request.aaai21Direction);
        loaded.valSummary = summarizeTrace(*loaded.val);
        loaded.valPath = request.val;
        loaded.valOrigin = originOf(request.val, request.aaai21Direction);
    }
    if (!request.test.isEmpty()) {
        step("reading the test trace");
        loaded.test = readTrace(request.test, request.aaai21Direction);
        loaded.testPath = request.test;
        loaded.testOrigin = originOf(request.test, request.aaai21Direction);
    }
    if (!request.config.isEmpty()) {
        step("reading the threshold config");
        loaded.config = readThresholdConfig(request.config.toStdString());
        loaded.configPath = request.config;
    }
    step("reading the latency");
    if (loaded.latency) {
        // EENet's, read with its logits
    } else if (!request.latency.isEmpty()) {
        const std::string path = request.latency.toStdString();
        loaded.latency = QFileInfo(request.latency).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0
            ? readSecondsCsv(path)
            : readLatencyProfile(path);
        loaded.latencyPath = request.latency;
        loaded.latencySha256 = QString::fromStdString(sha256OfFile(path));
    } else if (!request.costs.isEmpty()) {
        const std::optional<CostUnit> unit = parseCostUnit(request.costUnit.toStdString());
        if (!unit)
            throw InputError("--cost-unit", "expected ms, s, flops or relative, found '" + request.costUnit.toStdString() + "'");
        loaded.latency = latencyProfileFromCosts(parseNumberList(request.costs.toStdString(), "--costs"), *unit, "--costs");
        loaded.latencyPath = QStringLiteral("costs");
    } else if (loaded.config) {
        loaded.latency = loaded.config->latency; // as `exitscope-cli eval --config` does
        loaded.latencyPath = request.config;
        loaded.latencySha256 = QString::fromStdString(sha256OfFile(request.config.toStdString()));
        loaded.latencyFromConfig = true;
    }
    if (request.reference) {
        if (!loaded.latency)
            throw InputError("--reference", "a reference cost needs --costs or --latency");
        if (!(*request.reference > 0))
            throw InputError("--reference", "expected a positive cost, found " + std::to_string(*request.reference));
        loaded.latency->reference = *request.reference;
    }
    context.progress.report(1, "read");
    return loaded;
}

} // namespace exitscope::gui

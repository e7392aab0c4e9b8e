#include "modelrequest.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/common/shapetext.h"
#include "core/io/tracefile.h"
#include "core/model/datasetsources.h"
#include "core/model/latencyprofiler.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <QDir>
#include <QLocale>

namespace exitscope::gui {

namespace {

// The probe's words, translated in the context "ModelRequest" (ModelText::tr, which lupdate finds).
struct ModelText
{
    Q_DECLARE_TR_FUNCTIONS(ModelRequest)
};

QString number(std::int64_t n)
{
    return QLocale().toString(static_cast<qlonglong>(n));
}

} // namespace

ModelProbe probeModel(const ModelRequest &request, const JobContext &context)
{
    if (request.model.isEmpty())
        throw InputError("model", "no model file chosen");
    if (request.dataset.isEmpty())
        throw InputError("dataset spec", "no dataset chosen");
    ModelProbe probe;
    context.progress.report(0, "opening the dataset");
    // The dataset first: its errors are the cheaper ones to find.
    const DatasetSources sources = openDatasetSources(request.dataset.toStdString(), request.valDataset.toStdString());
    context.throwIfCancelled();
    context.progress.report(0.5, "loading the model");
    probe.model = summarizeModel(MultiExitModel::load(request.model.toStdString(), request.device.toStdString()));
    probe.valSamples = static_cast<std::int64_t>(sources.val.size());
    probe.testSamples = static_cast<std::int64_t>(sources.test.size());
    probe.sampleShape = sources.testData->sampleShape();
    probe.classes = sources.testData->numClasses();
    probe.labels = sources.testData->hasLabels();
    probe.separate = sources.separate();
    probe.valWhere = sources.valData->where();
    probe.testWhere = sources.testData->where();
    probe.testDescription = sources.testDescription();
    context.progress.report(1, "done");
    return probe;
}

QString probeText(const ModelProbe &p)
{
    const ModelSummary &m = p.model;
    QString html = QStringLiteral("<table cellspacing=2>");
    const auto row = [&html](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(name, value);
    };
    row(ModelText::tr("Layout"), m.layout == ModelLayout::Staged ? ModelText::tr("staged (per-exit latency can be measured)")
                                                      : ModelText::tr("monolithic (forward only: no per-exit latency)"));
    row(ModelText::tr("Exits (K)"), m.exits > 0 ? number(m.exits) : ModelText::tr("known after a first run"));
    row(ModelText::tr("Classes"), m.classes > 0 ? number(m.classes) : ModelText::tr("known after a first run"));
    row(ModelText::tr("Model input"), m.input.empty() ? ModelText::tr("not told by the file") : QString::fromStdString(m.input).toHtmlEscaped());
    row(ModelText::tr("Parameters"), number(m.parameters));
    row(ModelText::tr("Samples"), ModelText::tr("%1 of shape %2")
                           .arg(number(p.valSamples + p.testSamples), QString::fromStdString(shapeText(p.sampleShape)).toHtmlEscaped()));
    row(ModelText::tr("Val"), ModelText::tr("%Ln samples of %1", nullptr, static_cast<int>(p.valSamples)).arg(QString::fromStdString(p.valWhere).toHtmlEscaped()));
    row(ModelText::tr("Test"), ModelText::tr("%Ln samples: %1", nullptr, static_cast<int>(p.testSamples)).arg(QString::fromStdString(p.testDescription).toHtmlEscaped()));
    row(ModelText::tr("Labels"), p.labels ? (p.classes > 0 ? ModelText::tr("yes, %Ln classes", nullptr, static_cast<int>(p.classes)) : ModelText::tr("yes")) : ModelText::tr("none (label-free)"));
    html += QStringLiteral("</table>");
    if (!m.stageParameters.empty()) {
        html += QStringLiteral("<table cellspacing=0 cellpadding=2><tr><th align=left>%1&nbsp;</th><th align=right>%2&nbsp;</th>"
                               "<th align=right>%3&nbsp;</th><th align=right>%4</th></tr>")
                    .arg(ModelText::tr("exit"), ModelText::tr("stage"), ModelText::tr("head"), ModelText::tr("cumulative"));
        std::int64_t cumulative = 0;
        for (std::size_t k = 0; k < m.stageParameters.size(); ++k) {
            cumulative += m.stageParameters[k] + m.exitParameters[k];
            html += QStringLiteral("<tr><td>%1</td><td align=right>%2&nbsp;</td><td align=right>%3&nbsp;</td><td align=right>%4</td></tr>")
                        .arg(k)
                        .arg(number(m.stageParameters[k]), number(m.exitParameters[k]), number(cumulative));
        }
        html += QStringLiteral("</table>");
    }
    if (m.classes > 0 && p.classes > 0 && m.classes != p.classes)
        html += ModelText::tr("<p><font color=#c0392b>The model's heads have %1 classes, the dataset %2.</font></p>").arg(m.classes).arg(p.classes);
    return html;
}

std::optional<CollectedModelTraces> collectModelTraces(const ModelRequest &request, const JobContext &context,
                                                       const ValTraceReady &valReady)
{
    context.progress.report(0, "opening the dataset and the model");
    const DatasetSources sources = openDatasetSources(request.dataset.toStdString(), request.valDataset.toStdString());
    const MultiExitModel model = MultiExitModel::load(request.model.toStdString(), request.device.toStdString());
    context.throwIfCancelled();
    std::optional<CollectedTraces> traces
        = collectTraces(model, sources, TraceCollectionOptions{request.batchSize, 0, request.threads}, context, valReady);
    if (!traces)
        return std::nullopt;
    return CollectedModelTraces{std::move(*traces), sources.testData->sampleShape(), model.layout() == ModelLayout::Staged};
}

std::optional<std::vector<LatencyProfile>> profileModel(const ModelRequest &request, const std::vector<std::int64_t> &sampleShape,
                                           const JobContext &context)
{
    const MultiExitModel model = MultiExitModel::load(request.model.toStdString(), request.device.toStdString());
    ProfilerOptions options;
    options.inputShape = sampleShape;
    options.batchSizes = request.profileBatchSizes.empty() ? std::vector<int>{1} : request.profileBatchSizes;
    options.warmupRuns = request.profileWarmup;
    options.minSeconds = request.profileMinSeconds;
    options.maxSeconds = std::max(request.profileMaxSeconds, request.profileMinSeconds);
    options.threads = request.threads;
    if (request.profileMinSeconds <= 0) // a quick profile (tests): no warm-up time either
        options.warmupSeconds = 0;
    return profileLatency(model, options, context);
}

QStringList saveCollected(const QString &folder, const Trace *val, const Trace *test,
                          const std::vector<LatencyProfile> &latency)
{
    const QDir dir(QString::fromStdString(createFolder(folder.toStdString())));
    QStringList paths;
    if (val)
        paths << dir.filePath(QStringLiteral("val.npz"));
    if (test)
        paths << dir.filePath(QStringLiteral("test.npz"));
    if (!latency.empty())
        paths << dir.filePath(QStringLiteral("latency.json"));
    std::vector<std::string> targets;
    for (const QString &p : paths)
        targets.push_back(p.toStdString());
    AtomicFileSet files(targets); // all or none
    std::size_t i = 0;
    if (val)
        writeTraceFile(*val, files[i++].temporaryPath());
    if (test)
        writeTraceFile(*test, files[i++].temporaryPath());
    if (!latency.empty())
        writeLatencyProfiles(latency, files[i++].temporaryPath());
    files.commit();
    return paths;
}

std::vector<int> parseBatchSizes(const QString &text, const std::string &where)
{
    std::vector<int> sizes;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int size = part.trimmed().toInt(&ok);
        if (!ok || size < 1)
            throw InputError(where, "\"" + part.trimmed().toStdString() + "\" is not a batch size (a whole number >= 1)");
        if (std::find(sizes.begin(), sizes.end(), size) != sizes.end())
            throw InputError(where, "batch size " + std::to_string(size) + " is named twice");
        sizes.push_back(size);
    }
    if (sizes.empty())
        throw InputError(where, "no batch size given, e.g. 1,8,64");
    return sizes;
}

QString batchSizeList(const std::vector<int> &sizes)
{
    QStringList parts;
    for (int size : sizes)
        parts << QString::number(size);
    return parts.join(QStringLiteral(", "));
}

} // namespace exitscope::gui

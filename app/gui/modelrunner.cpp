#include "modelrunner.h"

#include "document.h"
#include "modeldialog.h"

#include "core/common/inputerror.h"
#include "core/eval/tracesummary.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QScopedValueRollback>
#include <QSettings>
#include <QWidget>

namespace exitscope::gui {

const QString ModelRunner::kTracesSlot = QStringLiteral("modelTraces");
const QString ModelRunner::kProfileSlot = QStringLiteral("modelProfile");

struct ModelRunner::Previous
{
    LoadedInputs inputs;
};

ModelRunner::ModelRunner(Document *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{
    // The trace job sets the document's inputs itself (val, then test): the new
    // generation that starts must not cancel it.
    m_document->jobs().keepAcrossGenerations(kTracesSlot);
    m_document->jobs().keepAcrossGenerations(kProfileSlot);
    connect(&m_document->jobs(), &JobRunner::jobFinished, this, &ModelRunner::stopped);
    connect(m_document, &Document::inputsChanged, this, [this]() {
        if (m_applying)
            return;
        m_collected = false; // the document's inputs are no longer (all) the model's
        if (!running())
            return;
        // Other files were opened meanwhile: they win; the run stops and restores nothing.
        m_previous.reset();
        m_document->jobs().cancel(kProfileSlot);
        m_document->jobs().cancel(kTracesSlot);
        emit message(tr("model run stopped: other files were opened"));
    });
}

bool ModelRunner::running() const
{
    return m_document->jobs().isRunning(kTracesSlot) || m_document->jobs().isRunning(kProfileSlot);
}

QString ModelRunner::label(const QString &what) const
{
    // What the data panel and the title show in place of a file name.
    return tr("%1 ▸ %2").arg(m_request ? m_request->model : QString(), what);
}

void ModelRunner::start(const ModelRequest &request)
{
    JobRunner &jobs = m_document->jobs();
    jobs.cancel(kProfileSlot);
    jobs.cancel(kTracesSlot); // restores what was there before it, if it had changed anything
    m_request = request;
    m_valDelivered = false;
    m_collected = false;
    m_staged = false;
    m_previous = std::make_shared<Previous>();
    LoadedInputs &before = m_previous->inputs;
    if (const Trace *val = m_document->val()) {
        before.val = *val;
        if (const TraceSummary *summary = m_document->valSummary())
            before.valSummary = *summary;
        else
            before.valSummary = summarizeTrace(*val);
        before.valPath = m_document->valPath();
        before.valOrigin = m_document->valOrigin();
    }
    if (const Trace *test = m_document->test()) {
        before.test = *test;
        before.testPath = m_document->testPath();
        before.testOrigin = m_document->testOrigin();
    }
    if (const LatencyProfile *latency = m_document->latency()) {
        before.latency = *latency;
        before.latencyPath = m_document->latencyPath();
        before.latencySha256 = m_document->latencySha256();
        before.latencyProfiles = m_document->latencyProfiles();
    }
    emit message(tr("collecting traces: %1 on %2").arg(request.model, request.dataset));

    JobRunner *runner = &jobs;
    jobs.startStreaming<CollectedModelTraces>(
        kTracesSlot, tr("Collecting traces"), this,
        [request, runner, self = QPointer<ModelRunner>(this)](const JobContext &context, JobRunner::Token token) {
            // Val first: it goes to the window while the test split runs, copied and
            // summarized here, so that the GUI thread only takes it over.
            const auto valReady = [runner, token, self](const Trace &val) {
                auto in = std::make_shared<LoadedInputs>();
                in->val = val;
                in->valSummary = summarizeTrace(val);
                runner->postIfCurrent(token, [self, in]() {
                    if (self)
                        self->onValReady(std::move(*in));
                });
            };
            std::optional<CollectedModelTraces> collected = collectModelTraces(request, context, valReady);
            if (!collected)
                throw Cancelled{};
            return std::move(*collected);
        },
        [this](std::shared_ptr<CollectedModelTraces> collected) { onTraces(*collected); },
        [this](const QString &error) { emit this->error(tr("Cannot collect traces"), error); });
}

void ModelRunner::onValReady(LoadedInputs in)
{
    const int samples = in.val->samples(), exits = in.val->exits();
    in.valPath = label(tr("val"));
    if (!apply(std::move(in), tr("Cannot collect traces"))) {
        m_document->jobs().cancel(kTracesSlot);
        return;
    }
    m_valDelivered = true;
    emit message(tr("val trace collected: %Ln samples, %1 exits; collecting the test split", nullptr, static_cast<int>(samples)).arg(exits));
}

bool ModelRunner::apply(LoadedInputs in, const QString &title)
{
    const QScopedValueRollback<bool> applying(m_applying, true);
    try {
        m_document->setInputs(std::move(in));
        return true;
    } catch (const InputError &e) {
        emit error(title, QString::fromStdString(e.what()));
        return false;
    }
}

void ModelRunner::onTraces(CollectedModelTraces &collected)
{
    CollectedTraces &traces = collected.traces;
    LoadedInputs in;
    const std::int64_t testSamples = traces.test.samples();
    in.test = std::move(traces.test); // the job's own copy: taken over, not copied
    in.testPath = label(tr("test"));
    if (!m_valDelivered) { // the val trace's queued call was dropped: set both
        in.val = traces.val;
        in.valSummary = summarizeTrace(traces.val);
        in.valPath = label(tr("val"));
    }
    if (!apply(std::move(in), tr("Cannot collect traces"))) {
        restorePrevious();
        return;
    }
    m_valDelivered = true;
    emit message(tr("test trace collected: %Ln samples", nullptr, static_cast<int>(testSamples)));
    m_staged = collected.staged;
    const ModelRequest request = *m_request;
    // Per-exit latency needs the staged layout; a monolithic model's latency is opened or typed.
    if (!collected.staged) {
        m_collected = true;
        emit message(tr("%1 is monolithic: its per-exit latency cannot be measured; open a latency profile or type the costs")
                         .arg(request.model));
        emit finished();
        return;
    }
    m_document->jobs().start<std::vector<LatencyProfile>>(
        kProfileSlot, tr("Profiling latency"), this,
        [request, sampleShape = collected.sampleShape](const JobContext &context) {
            std::optional<std::vector<LatencyProfile>> profiles = profileModel(request, sampleShape, context);
            if (!profiles)
                throw Cancelled{};
            return std::move(*profiles);
        },
        [this](std::shared_ptr<std::vector<LatencyProfile>> profiles) { onProfile(*profiles); },
        [this](const QString &error) { emit this->error(tr("Cannot profile the latency"), error); });
}

void ModelRunner::onProfile(const std::vector<LatencyProfile> &profiles)
{
    // Tuning starts with the first batch size asked for; the others are in the latency view.
    const LatencyProfile &profile = profiles.front();
    LoadedInputs in;
    in.latency = profile;
    in.latencyProfiles = profiles;
    in.latencyPath = label(tr("profile"));
    if (!apply(std::move(in), tr("Cannot profile the latency"))) {
        restorePrevious();
        return;
    }
    m_collected = true;
    for (const LatencyProfile &p : profiles)
        emit message(tr("latency profiled on %1: %2 ms to the last exit (batch %3, %Ln timed runs)", nullptr, static_cast<int>(p.provenance.runs))
                         .arg(QString::fromStdString(p.provenance.device), QLocale().toString(p.cumulative.back(), 'g', 3))
                         .arg(QLocale().toString(p.provenance.batchSize)));
    emit finished();
}

void ModelRunner::stopped(const QString &slot, bool succeeded)
{
    if (succeeded || (slot != kTracesSlot && slot != kProfileSlot) || !m_previous)
        return;
    // Cancelled or failed half-way: back to what was open before the run.
    emit message(slot == kTracesSlot ? tr("trace collection stopped") : tr("latency profiling stopped"));
    restorePrevious();
}

void ModelRunner::restorePrevious()
{
    const std::shared_ptr<Previous> previous = std::move(m_previous);
    if (!previous || !m_valDelivered)
        return; // nothing had changed
    m_valDelivered = false;
    if (!previous->inputs.val) {
        emit message(tr("the collected val trace stays: nothing was open before"));
        return;
    }
    apply(previous->inputs, tr("Cannot restore"));
}

void ModelRunner::openDialog()
{
    auto *dialog = new ModelDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_request)
        dialog->setRequest(*m_request);
    connect(dialog, &ModelDialog::accepted, this, [this, dialog]() { start(dialog->request()); });
    dialog->open();
}

QStringList ModelRunner::saveTo(const QString &folder)
{
    if (!m_document->val())
        throw InputError(folder.toStdString(), "no traces to save: collect or open them first");
    // Big traces take seconds to write: a job the call waits for (the window keeps painting).
    // The worker owns what it writes (Trace copies share their data) and its result.
    const Trace val = *m_document->val();
    std::optional<Trace> test;
    if (const Trace *t = m_document->test())
        test = *t;
    auto paths = std::make_shared<QStringList>();
    m_document->jobs().runWaiting(
        QStringLiteral("saveTraces"), tr("Saving traces"), [folder, val, test, latency = m_document->latencyProfilesToSave(), paths](const JobContext &) {
            *paths = saveCollected(folder, &val, test ? &*test : nullptr, latency);
        });
    return *paths;
}

void ModelRunner::saveInteractively()
{
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Save traces and latency into"),
                                                             settings.value(QStringLiteral("lastFolder")).toString());
    if (folder.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastFolder"), folder);
    try {
        for (const QString &path : saveTo(folder))
            emit message(tr("wrote %1").arg(path));
    } catch (const InputError &e) {
        emit error(tr("Save traces"), QString::fromStdString(e.what()));
    }
}

} // namespace exitscope::gui

#include "runview.h"

#include "document.h"
#include "modelrunner.h"

#include "core/common/inputerror.h"
#include "core/jobs/cancelhandle.h"
#include "core/model/datasetsources.h"
#include "core/model/operatingpointrun.h"
#include "widgets/plots/hitsplot.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace exitscope::gui {

const QString RunView::kSlot = QStringLiteral("realRun");

namespace {

// The real run in a worker: the test split of the request's dataset (the indices the
// window's test trace was collected for, in the same order), the model, and core's
// runOperatingPoint against that trace.
RunReport runForReal(const ModelRequest &r, const Trace &test, const ThresholdPolicy &policy, const LatencyProfile &profile,
                     int batchSize, const JobContext &context)
{
    context.progress.report(0, "opening the dataset and the model");
    const DatasetSources sources = openDatasetSources(r.dataset.toStdString(), r.valDataset.toStdString(), SourcesNeeded::TestOnly);
    const MultiExitModel model = MultiExitModel::load(r.model.toStdString(), r.device.toStdString());
    context.throwIfCancelled();
    std::optional<OperatingPointRun> checked
        = runOperatingPoint(model, *sources.testData, sources.test, policy, "operating point", profile,
                            OperatingPointRunOptions{batchSize, 10, r.threads, r.batchSize}, context, &test);
    if (!checked)
        throw Cancelled{};
    return std::move(checked->report);
}

QString number(double value, int digits = 4)
{
    return std::isfinite(value) ? QLocale().toString(value, 'g', digits) : RunView::tr("n/a");
}

QString percent(double fraction)
{
    return std::isfinite(fraction) ? QLocale().toString(fraction * 100, 'f', 2) + QLocale().percent() : RunView::tr("n/a");
}

// (measured - predicted) / predicted, signed: + is slower than predicted.
QString difference(double measured, double predicted)
{
    if (!(predicted > 0))
        return RunView::tr("n/a");
    const double d = (measured - predicted) / predicted * 100;
    return (d >= 0 ? QStringLiteral("+") : QString()) + QLocale().toString(d, 'f', 1) + QLocale().percent();
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget *table(const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(parent);
    t->setObjectName(name);
    t->verticalHeader()->setVisible(true);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    return t;
}

bool samePolicy(const ThresholdPolicy &a, const ThresholdPolicy &b)
{
    return a.measure == b.measure && a.direction == b.direction && a.thresholds == b.thresholds && a.scorer == b.scorer;
}

} // namespace

RunView::RunView(Document *document, ModelRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_runner(runner)
{
    m_action = new QAction(tr("Run operating point for &real"), this);
    m_action->setObjectName(QStringLiteral("runForReal"));
    connect(m_action, &QAction::triggered, this, &RunView::start);
    m_document->cancelWithJobs(kSlot); // Cancel stops the run

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_button = new QPushButton(tr("Run operating point for real"), this);
    m_button->setObjectName(QStringLiteral("runButton"));
    connect(m_button, &QPushButton::clicked, this, &RunView::start);
    top->addWidget(m_button);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("runReason"));
    m_reason->setWordWrap(true);
    m_reason->setEnabled(false); // greyed, as the button it explains
    top->addWidget(m_reason, 1);
    layout->addLayout(top);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("runState"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    auto *body = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    left->addWidget(m_summary);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("runWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_warnings->setStyleSheet(QStringLiteral("QLabel { background: #fdebd0; color: #7e5109; border: 1px solid #e67e22; padding: 4px; }"));
    left->addWidget(m_warnings);
    left->addStretch(1);
    body->addLayout(left, 3);
    auto *right = new QVBoxLayout;
    auto *latencyTitle = new QLabel(tr("<b>Latency per sample</b>"), this);
    right->addWidget(latencyTitle);
    m_latency = table(QStringLiteral("runLatency"), this);
    right->addWidget(m_latency);
    right->addWidget(new QLabel(tr("<b>Exits taken</b>: the run beside the trace-based evaluation"), this));
    m_hits = table(QStringLiteral("runHits"), this);
    right->addWidget(m_hits);
    m_hitsPlot = new HitsPlot(this);
    m_hitsPlot->setObjectName(QStringLiteral("runHitsPlot"));
    m_hitsPlot->setMinimumHeight(180);
    right->addWidget(m_hitsPlot, 1);
    body->addLayout(right, 4);
    layout->addLayout(body, 1);

    connect(m_document, &Document::inputsChanged, this, &RunView::clearReport);
    for (auto signal : {&Document::policyChanged, &Document::latencyChanged, &Document::opened})
        connect(m_document, signal, this, [this]() {
            updateAction();
            showReport();
        });
    // Every drag move: only whether the report is still the operating point's.
    connect(m_document, &Document::evaluationChanged, this, [this]() {
        updateAction();
        showState();
    });
    connect(&m_document->jobs(), &JobRunner::jobStarted, this, &RunView::updateAction);
    connect(&m_document->jobs(), &JobRunner::jobFinished, this, &RunView::updateAction);
    connect(m_runner, &ModelRunner::finished, this, &RunView::updateAction);
    updateAction();
    showReport();
}

bool RunView::running() const
{
    return m_document->jobs().isRunning(kSlot);
}

QString RunView::disabledReason() const
{
    if (running())
        return tr("A run is in progress (Cancel in the status bar stops it).");
    if (!m_runner->hasCollected() || !m_runner->lastRequest())
        return tr("Needs traces collected from a model in this window (File > Open model and dataset): the run checks "
                  "them sample by sample.");
    if (m_runner->running())
        return tr("Traces or latency are still being collected.");
    if (!m_runner->staged())
        return tr("The model is monolithic (forward only): it cannot stop at an early exit, so there is nothing to run.");
    if (!m_document->test())
        return tr("No test trace: the run covers the test split and is checked against its trace.");
    if (!m_document->latency())
        return tr("No latency profile: the prediction needs one.");
    if (!m_document->ready())
        return tr("Evaluating…");
    return {};
}

void RunView::startWhenReady(bool afterSweep)
{
    m_startWhenReady = true;
    m_startAfterSweep = afterSweep;
    updateAction();
}

bool RunView::readyToStart() const
{
    // Idle, and a sweep of the command line done (it has loaded its operating point).
    return m_startWhenReady && disabledReason().isEmpty() && m_document->jobs().isIdle()
        && (!m_startAfterSweep || m_document->sweepResult());
}

void RunView::updateAction()
{
    const QString reason = disabledReason();
    if (m_startWhenReady && m_runner->hasCollected() && !m_runner->running() && !m_runner->staged()) {
        m_startWhenReady = false;
        emit error(tr("Cannot run the operating point"), reason);
    } else if (readyToStart()) {
        // Once this turn's changes are done (a sweep's result loads its policy in steps).
        QTimer::singleShot(0, this, [this]() {
            if (!readyToStart())
                return;
            m_startWhenReady = false;
            start();
        });
    }
    m_action->setEnabled(reason.isEmpty());
    m_button->setEnabled(reason.isEmpty());
    m_reason->setText(reason);
    m_action->setToolTip(reason.isEmpty() ? tr("Runs the model with these thresholds on the test split and compares with the "
                                               "prediction")
                                          : reason);
}

void RunView::start()
{
    if (!disabledReason().isEmpty())
        return;
    const ModelRequest request = *m_runner->lastRequest();
    const Trace test = *m_document->test();
    const ThresholdPolicy policy = m_document->policyState().policy;
    const LatencyProfile profile = *m_document->latency();
    // At the batch size the prediction is for, so that the two are comparable.
    const int batchSize = std::max(1, profile.provenance.batchSize);
    emit message(tr("real run of the operating point: %1 on the test split, batch size %2").arg(request.model).arg(batchSize));
    if (m_document->jobs().status().running) // a sweep shares the CPU with the timed run
        emit message(tr("note: other jobs are running; the real run's measured latency includes their load"));
    m_document->jobs().start<RunReport>(
        kSlot, tr("Running the operating point"), this,
        [=](const JobContext &context) { return runForReal(request, test, policy, profile, batchSize, context); },
        [this, policy, costs = profile.cumulative](std::shared_ptr<RunReport> report) {
            m_report = std::move(*report);
            m_reportPolicy = policy;
            m_reportCosts = costs;
            const RunReport &r = *m_report;
            emit message(tr("real run: %1 of %2 exits and %3 of %2 predictions as the trace said; measured mean %4 ms")
                             .arg(r.check.samples - r.check.exitMismatches)
                             .arg(r.check.samples)
                             .arg(r.check.samples - r.check.predictionMismatches)
                             .arg(number(r.check.measuredMean)));
            showReport();
            emit finished();
        },
        [this](const QString &error) { emit this->error(tr("Cannot run the operating point"), error); });
    updateAction();
}

bool RunView::reportIsStale() const
{
    if (!m_report)
        return false;
    const LatencyProfile *latency = m_document->latency();
    return !samePolicy(m_document->policyState().policy, m_reportPolicy) || !latency || latency->cumulative != m_reportCosts;
}

void RunView::clearReport()
{
    // New traces or a new latency file: the report described other inputs.
    if (m_report)
        emit message(tr("the real run's report was dropped: the inputs changed"));
    m_report.reset();
    updateAction();
    showReport();
}

void RunView::showState()
{
    if (!m_report)
        return;
    QString thresholds;
    for (double t : m_reportPolicy.thresholds)
        thresholds += (thresholds.isEmpty() ? QString() : QStringLiteral(", ")) + number(t);
    m_state->setText(reportIsStale()
                         ? tr("<b><font color=#c0392b>For the previous operating point</font></b> (thresholds %1): the "
                              "thresholds or the latency moved since; run again to check the new one.")
                               .arg(thresholds.toHtmlEscaped())
                         : tr("<b>For the current operating point</b> (thresholds %1).").arg(thresholds.toHtmlEscaped()));
}

void RunView::showReport()
{
    if (!m_report) {
        m_state->setText(tr("<i>No real run yet.</i> It runs the model the traces came from with the operating point's "
                            "thresholds on the test split, times every sample and checks its exit and prediction against "
                            "the trace-based evaluation."));
        m_summary->clear();
        m_warnings->hide();
        m_latency->clear();
        m_latency->setRowCount(0);
        m_latency->setColumnCount(0);
        m_hits->clear();
        m_hits->setRowCount(0);
        m_hits->setColumnCount(0);
        m_hitsPlot->setHits({}, {});
        return;
    }
    const RunReport &r = *m_report;
    const EarlyExitCheck &c = r.check;
    const QLocale locale;
    showState();

    QString html = QStringLiteral("<table cellspacing=3>");
    const auto row = [&html](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(name, value);
    };
    const bool agrees = r.agrees();
    row(tr("Agreement"), (agrees ? tr("<font color=#1e8449>%1 of %2 exits and %3 of %2 predictions as the trace-based "
                                      "evaluation said</font>")
                                 : tr("<font color=#c0392b>%1 of %2 exits and %3 of %2 predictions as the trace-based "
                                      "evaluation said</font>"))
                             .arg(locale.toString(static_cast<qlonglong>(c.samples - c.exitMismatches)),
                                  locale.toString(static_cast<qlonglong>(c.samples)),
                                  locale.toString(static_cast<qlonglong>(c.samples - c.predictionMismatches))));
    for (const std::string &example : c.examples)
        row(QString(), QString::fromStdString(example).toHtmlEscaped());
    row(tr("Accuracy"), tr("%1 (trace-based evaluation: %2)").arg(percent(r.accuracy), percent(r.evaluatedAccuracy)));
    row(tr("Throughput"), tr("%1 samples/s").arg(locale.toString(r.throughput, 'f', 1)));
    row(tr("Ran on"), tr("%1, %2 thread(s), batch size %3").arg(QString::fromStdString(r.device).toHtmlEscaped()).arg(r.threads).arg(r.batchSize));
    if (r.referenceNow && r.referenceProfiled)
        row(tr("Full model"), tr("%1 ms when profiled, %2 ms right after the run%3")
                                  .arg(number(*r.referenceProfiled), number(*r.referenceNow),
                                       r.machineSpeedChanged ? tr(": the machine's speed changed") : QString()));
    html += QStringLiteral("</table>");
    m_summary->setText(html);

    QStringList warnings;
    for (const JobWarning &w : r.warnings)
        warnings << QString::fromStdString(w.message).toHtmlEscaped();
    m_warnings->setText(warnings.join(QStringLiteral("<br>")));
    m_warnings->setVisible(!warnings.isEmpty());

    // Measured beside predicted (a column per statistic, so that the table stays narrow);
    // with drift also the prediction at the machine's speed of now.
    const bool drift = r.machineSpeedChanged && r.driftCorrectedMean && r.driftCorrectedP90;
    QStringList rows{tr("measured (ms)"), tr("predicted (ms)"), tr("measured vs predicted")};
    if (drift)
        rows << tr("predicted, drift-corrected (ms)") << tr("measured vs corrected");
    m_latency->clear();
    m_latency->setColumnCount(2);
    m_latency->setHorizontalHeaderLabels({tr("mean"), tr("p90")});
    m_latency->setRowCount(static_cast<int>(rows.size()));
    m_latency->setVerticalHeaderLabels(rows);
    const auto latencyColumn = [&](int column, double measured, const std::optional<double> &predicted,
                                   const std::optional<double> &corrected) {
        m_latency->setItem(0, column, cell(number(measured)));
        m_latency->setItem(1, column, cell(predicted ? number(*predicted) : tr("n/a (not a time)")));
        m_latency->setItem(2, column, cell(predicted ? difference(measured, *predicted) : tr("n/a")));
        if (drift) {
            m_latency->setItem(3, column, cell(number(*corrected)));
            m_latency->setItem(4, column, cell(difference(measured, *corrected)));
        }
    };
    latencyColumn(0, c.measuredMean, r.predictedMean, r.driftCorrectedMean);
    latencyColumn(1, c.measuredP90, r.predictedP90, r.driftCorrectedP90);

    m_hits->clear();
    m_hits->setColumnCount(3);
    m_hits->setHorizontalHeaderLabels({tr("hits (run)"), tr("hits (predicted)"), tr("difference")});
    m_hits->setRowCount(static_cast<int>(r.runHits.size()));
    QStringList exits;
    for (std::size_t k = 0; k < r.runHits.size(); ++k) {
        exits << tr("exit %1").arg(k);
        const int row = static_cast<int>(k);
        const qlonglong run = r.runHits[k], predicted = k < r.evaluatedHits.size() ? r.evaluatedHits[k] : 0;
        m_hits->setItem(row, 0, cell(locale.toString(run)));
        m_hits->setItem(row, 1, cell(locale.toString(predicted)));
        m_hits->setItem(row, 2, cell(locale.toString(run - predicted)));
    }
    m_hits->setVerticalHeaderLabels(exits);
    m_hitsPlot->setHits(r.runHits, r.evaluatedHits);
}

QString RunView::summaryText() const
{
    QTextDocument doc;
    doc.setHtml(m_state->text() + QStringLiteral("<br>") + m_summary->text() + QStringLiteral("<br>")
                + (m_warnings->isHidden() ? QString() : m_warnings->text()));
    return doc.toPlainText();
}

} // namespace exitscope::gui

// The latency view and the real run in the window: profiles at two batch sizes (choosing
// one re-evaluates, one undo step; Save traces writes both), the view's plot data,
// provenance and settle warning, a real early-exit run whose exits and predictions match
// the trace on every sample with the predicted-vs-measured panel showing its numbers,
// cancel mid-run, and the action greyed with its reason.

#include "testsupport.h"
#include "windowsupport.h"

#include "commandline.h"
#include "document.h"
#include "latencyview.h"
#include "modelrunner.h"
#include "mainwindow.h"
#include "runview.h"

#include "core/data/latencyprofile.h"
#include "core/eval/evaluation.h"
#include "widgets/plots/hitsplot.h"
#include "widgets/plots/latencyplot.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace exitscope;
using namespace exitscope::gui;
using namespace exitscope::test;

namespace {

QCPStatisticalBox *boxesOf(LatencyPlot *plot)
{
    for (int i = 0; i < plot->customPlot()->plottableCount(); ++i)
        if (auto *boxes = qobject_cast<QCPStatisticalBox *>(plot->customPlot()->plottable(i)))
            return boxes;
    return nullptr;
}

// Where the test's screenshots go: $EXITSCOPE_TEST_SHOTS (as tst_guimodel), else the temporary folder.
QString screenshotPath(const QString &name)
{
    const QString dir = qEnvironmentVariableIsSet("EXITSCOPE_TEST_SHOTS") ? qEnvironmentVariable("EXITSCOPE_TEST_SHOTS")
                                                                           : QDir::tempPath();
    return QDir(dir).filePath(name);
}

} // namespace

class TestGuiRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MlpModels m_mlp;
    QString m_bigSpec;

private slots:
    void initTestCase()
    {
        useTestSettings();
        QVERIFY(m_dir.isValid());
        SET_UP_MLP_MODELS(m_mlp);
        // Big enough that the real run at batch size 1 takes seconds: cancelled long before its end.
        m_bigSpec = m_mlp.bigDataset + QStringLiteral("?val=100&seed=1");
    }

    // Profiles at batch sizes 1 and 8: the document holds both and tunes with the first;
    // choosing the other in the latency view re-evaluates with its costs (one undo step);
    // the view shows the chosen one; Save traces writes both.
    void profilesAtTwoBatchSizes()
    {
        auto window = shownWindow();
        QVERIFY(window);
        Document *d = window->document();
        ModelRequest r = m_mlp.request(m_mlp.spec);
        r.profileBatchSizes = {1, 8};
        QSignalSpy succeeded(&d->jobs(), &JobRunner::jobSucceeded);
        const qint64 ms = collectFromModel(window.get(), r);
        QVERIFY(ms >= 0);
        // Each job's duration is reported; the log names the slow ones.
        QStringList titles;
        for (const QList<QVariant> &job : std::as_const(succeeded)) {
            titles << job.at(0).toString();
            const qint64 took = job.at(1).toLongLong();
            QVERIFY(took >= 0 && took <= ms);
            if (took >= 500)
                QVERIFY2(window->messages().contains(job.at(0).toString() + QStringLiteral(": done in ")), qPrintable(window->messages()));
        }
        QVERIFY2(titles.contains(QStringLiteral("Collecting traces")) && titles.contains(QStringLiteral("Profiling latency")),
                 qPrintable(titles.join(QLatin1Char('|'))));
        qInfo("traces (300 samples) and profiles at batch sizes 1 and 8: %lld ms", static_cast<long long>(ms));
        QCOMPARE(d->latencyProfiles().size(), std::size_t(2));
        QCOMPARE(d->latencyProfiles()[0].provenance.batchSize, 1);
        QCOMPARE(d->latencyProfiles()[1].provenance.batchSize, 8);
        QCOMPARE(d->latency()->provenance.batchSize, 1);
        QCOMPARE(d->latencyBatchIndex(), 0);
        const LatencyProfile batch8 = d->latencyProfiles()[1];
        QVERIFY(batch8.cumulative != d->latency()->cumulative);

        window->showLatency();
        LatencyView *view = window->latencyView();
        QCOMPARE(view->batchBox()->count(), 2);
        QCOMPARE(view->batchBox()->itemText(1), QStringLiteral("8"));
        QVERIFY(view->batchBox()->isEnabled());
        const int undoBefore = d->undoStack().count();
        emit view->batchBox()->activated(1); // as a user's choice
        QCOMPARE(d->latency()->provenance.batchSize, 8);
        QCOMPARE(d->latency()->cumulative, batch8.cumulative);
        QCOMPARE(d->undoStack().count(), undoBefore + 1);
        QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
        // The evaluation follows the chosen batch's costs.
        const Evaluation expected = evaluate(*d->val(), d->policyState().policy, batch8.cumulative);
        QCOMPARE(d->valEvaluator()->evaluation().meanCost, expected.meanCost);

        // The view shows batch 8: plot data, boxes and provenance in words.
        QCOMPARE(view->batchBox()->currentIndex(), 1);
        QCOMPARE(view->plot()->data().cumulative, batch8.cumulative);
        QCPStatisticalBox *boxes = boxesOf(view->plot());
        QVERIFY(boxes && boxes->visible());
        QCOMPARE(boxes->data()->size(), batch8.exits());
        for (int k = 0; k < batch8.exits(); ++k)
            QCOMPARE(boxes->data()->at(k)->median, batch8.median[static_cast<std::size_t>(k)]);
        const QString provenance = view->provenanceText();
        QVERIFY2(provenance.contains(QStringLiteral("Measured on cpu")), qPrintable(provenance));
        QVERIFY2(provenance.contains(QStringLiteral("batch size 8")), qPrintable(provenance));
        QVERIFY2(provenance.contains(QStringLiteral("LibTorch")), qPrintable(provenance));
        QVERIFY2(provenance.contains(QString::fromStdString(batch8.provenance.date)), qPrintable(provenance));

        const QString png = screenshotPath(QStringLiteral("exitscope-latency-view.png"));
        window->refreshNow();
        QTest::qWait(200);
        QVERIFY(window->grab().save(png));
        qInfo("latency view: %s", qPrintable(png));

        // Save traces writes every batch size, the chosen one as it is.
        const QString folder = m_dir.filePath(QStringLiteral("saved"));
        window->modelRunner()->saveTo(folder);
        const std::vector<LatencyProfile> saved = readLatencyProfiles(str(folder + QStringLiteral("/latency.json")));
        QCOMPARE(saved.size(), std::size_t(2));
        QCOMPARE(saved[1].cumulative, batch8.cumulative);
        // Opening it holds both again.
        InputRequest reopen;
        reopen.latency = folder + QStringLiteral("/latency.json");
        d->open(reopen);
        QVERIFY(QTest::qWaitFor([&] { return d->jobs().isIdle() && d->latencyPath() == reopen.latency; }, 60000));
        QCOMPARE(d->latencyProfiles().size(), std::size_t(2));

        // Undo goes back to batch 1.
        d->undoStack().undo();
        d->undoStack().undo();
        QCOMPARE(d->latency()->provenance.batchSize, 1);
        QCOMPARE(view->batchBox()->currentIndex(), 0);
    }

    // A measured profile whose spread did not settle: the warning shows the value; a typed
    // profile: bars only, and the view says so.
    void settleWarningAndTypedProfiles()
    {
        auto window = shownWindow();
        QVERIFY(window);
        window->showLatency();
        LatencyView *view = window->latencyView();
        LatencyProfile loose;
        loose.cumulative = {1, 2, 3, 4};
        loose.unit = CostUnit::Milliseconds;
        loose.median = {1, 2, 3, 4};
        loose.iqr = {0.1, 0.2, 0.36, 0.2}; // 12 % at exit 2
        loose.p90 = {1.2, 2.2, 3.3, 4.2};
        loose.p99 = {1.5, 2.5, 3.6, 4.5};
        loose.reference = 3.8;
        loose.provenance.source = ProfileSource::Measured;
        loose.provenance.device = "cpu";
        loose.provenance.batchSize = 1;
        loose.provenance.runs = 60;
        LoadedInputs in;
        in.latency = loose;
        in.latencyPath = QStringLiteral("loose.json");
        window->document()->setInputs(in);
        QVERIFY2(view->warningText().contains(QStringLiteral("12.0%")), qPrintable(view->warningText()));
        QVERIFY2(view->warningText().contains(QStringLiteral("5%")), qPrintable(view->warningText()));
        QVERIFY(boxesOf(view->plot())->visible());
        QCOMPARE(view->plot()->data().reference, std::optional<double>(3.8));
        const QString png = screenshotPath(QStringLiteral("exitscope-latency-unsettled.png"));
        QTest::qWait(200);
        QVERIFY(window->grab().save(png));
        qInfo("unsettled profile: %s", qPrintable(png));

        LoadedInputs typed;
        typed.latency = latencyProfileFromCosts({0.25, 0.5, 0.75, 1.0}, CostUnit::Relative, "costs");
        typed.latencyPath = QStringLiteral("costs");
        window->document()->setInputs(typed);
        QVERIFY(view->warningText().isEmpty());
        QVERIFY(!boxesOf(view->plot())->visible());
        QCOMPARE(view->plot()->data().cumulative, (std::vector<double>{0.25, 0.5, 0.75, 1.0}));
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("latencyNote"))->text().contains(QStringLiteral("no spread")));
        QVERIFY2(view->provenanceText().contains(QStringLiteral("Typed in")), qPrintable(view->provenanceText()));
        QVERIFY(!view->batchBox()->isEnabled());
    }

    // The real run: every sample's exit and prediction as the trace said; the panel shows
    // the report's numbers; moving a threshold marks it as the previous operating point's.
    void realRunMatchesTheTrace()
    {
        auto window = shownWindow();
        QVERIFY(window);
        Document *d = window->document();
        QVERIFY(collectFromModel(window.get(), m_mlp.request(m_mlp.spec)) >= 0);
        RunView *view = window->runView();
        QAction *run = window->action(QStringLiteral("runForReal"));
        QVERIFY2(run->isEnabled(), qPrintable(view->disabledReason()));
        QSignalSpy finished(view, &RunView::finished);
        QElapsedTimer timer;
        timer.start();
        run->trigger();
        QVERIFY(view->running());
        QVERIFY(!run->isEnabled());
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000));
        qInfo("real run of 180 test samples at batch size 1 (with the reference timing): %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY(window->lastError().isEmpty());
        QVERIFY(view->report());
        const RunReport &r = *view->report();
        QCOMPARE(r.check.samples, std::int64_t(180));
        QCOMPARE(r.check.exitMismatches, std::int64_t(0));
        QCOMPARE(r.check.predictionMismatches, std::int64_t(0));
        QVERIFY(r.agrees());
        QCOMPARE(r.batchSize, 1);
        // The same exits as the window's test evaluation.
        const Evaluation &test = d->testEvaluator()->evaluation();
        QCOMPARE(r.evaluatedHits.size(), test.exits.size());
        for (std::size_t k = 0; k < test.exits.size(); ++k) {
            QCOMPARE(r.evaluatedHits[k], test.exits[k].hits);
            QCOMPARE(r.runHits[k], test.exits[k].hits);
        }
        QVERIFY(r.predictedMean);
        QCOMPARE(*r.predictedMean, test.meanCost);

        // The panel: the tab shown, the numbers in it.
        QCOMPARE(window->findChild<QTabWidget *>(QStringLiteral("centre"))->currentWidget(), view);
        const QString text = view->summaryText();
        QVERIFY2(text.contains(QStringLiteral("180 of 180 exits and 180 of 180 predictions")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("For the current operating point")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("samples/s")), qPrintable(text));
        const QLocale locale;
        QCOMPARE(view->latencyTable()->item(0, 0)->text(), locale.toString(r.check.measuredMean, 'g', 4));
        QCOMPARE(view->latencyTable()->item(1, 0)->text(), locale.toString(*r.predictedMean, 'g', 4));
        QCOMPARE(view->latencyTable()->item(0, 1)->text(), locale.toString(r.check.measuredP90, 'g', 4));
        QCOMPARE(view->latencyTable()->item(1, 1)->text(), locale.toString(*r.predictedP90, 'g', 4));
        if (r.machineSpeedChanged) // the drift-corrected prediction beside it
            QCOMPARE(view->latencyTable()->item(3, 0)->text(), locale.toString(*r.driftCorrectedMean, 'g', 4));
        QCOMPARE(view->hitsTable()->rowCount(), 4);
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(view->hitsTable()->item(k, 0)->text(), locale.toString(static_cast<qlonglong>(r.runHits[static_cast<std::size_t>(k)])));
            QCOMPARE(view->hitsTable()->item(k, 1)->text(), locale.toString(static_cast<qlonglong>(r.evaluatedHits[static_cast<std::size_t>(k)])));
        }
        QCOMPARE(view->hitsPlot()->runHits(), r.runHits);
        QCOMPARE(view->hitsPlot()->predictedHits(), r.evaluatedHits);
        const QString png = screenshotPath(QStringLiteral("exitscope-real-run.png"));
        QTest::qWait(200);
        QVERIFY(window->grab().save(png));
        qInfo("predicted vs measured: %s", qPrintable(png));

        // File ▸ Export plot offers the tab's plots, the shown one first, and writes them; a
        // plot whose tab was never shown comes forward to be drawn.
        QStringList offered;
        for (const auto &entry : window->plots())
            offered << entry.first;
        QVERIFY2(offered.contains(QStringLiteral("Latency profile")), qPrintable(offered.join(QLatin1Char('|'))));
        QCOMPARE(window->shownPlot(), QStringLiteral("Real run: exit hits"));
        const QString hitsSvg = m_dir.filePath(QStringLiteral("hits.svg"));
        QVERIFY2(window->exportPlotTo(QStringLiteral("Real run: exit hits"), hitsSvg), qPrintable(window->lastError()));
        QFile svg(hitsSvg);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        const QString latencyPng = screenshotPath(QStringLiteral("exitscope-export-latency.png"));
        QVERIFY2(window->exportPlotTo(QStringLiteral("Latency profile"), latencyPng), qPrintable(window->lastError()));
        QCOMPARE(window->shownPlot(), QStringLiteral("Latency profile"));
        QImage latency(latencyPng);
        QVERIFY(!latency.isNull());
        QVERIFY(latency.width() >= 400);

        // A threshold moved: the report stays, for the previous operating point.
        d->setThreshold(0, d->policyState().policy.thresholds[0] * 0.5 + 0.01);
        QVERIFY(view->reportIsStale());
        QVERIFY2(view->summaryText().contains(QStringLiteral("For the previous operating point")), qPrintable(view->summaryText()));
        d->undoStack().undo();
        QVERIFY(!view->reportIsStale());
    }

    // Cancelled mid-run: stops at once, the window stays responsive, no report.
    void cancelMidRun()
    {
        auto window = shownWindow();
        QVERIFY(window);
        Document *d = window->document();
        const qint64 ms = collectFromModel(window.get(), m_mlp.request(m_bigSpec));
        QVERIFY(ms >= 0);
        qInfo("traces (60,000 samples) and the batch-1 profile: %lld ms", static_cast<long long>(ms));
        RunView *view = window->runView();
        QVERIFY2(view->runAction()->isEnabled(), qPrintable(view->disabledReason()));
        view->runAction()->trigger();
        QVERIFY(view->running());
        // Into the run itself (past opening the dataset and the model).
        QVERIFY(QTest::qWaitFor([&] { return d->jobs().status().fraction > 0.02; }, 60000));
        QVERIFY2(view->running(), "the run finished before the cancel: make the dataset bigger");
        QElapsedTimer timer;
        timer.start();
        window->action(QStringLiteral("cancel"))->trigger();
        QVERIFY(!view->running());
        QVERIFY(QTest::qWaitFor([&] { return d->jobs().isIdle(); }, 10000));
        bool fired = false;
        QTimer::singleShot(0, window.get(), [&] { fired = true; });
        QVERIFY(QTest::qWaitFor([&] { return fired; }, 1000));
        qInfo("real run cancelled: idle and responsive after %lld ms", static_cast<long long>(timer.elapsed()));
        QTest::qWait(300); // a late result would have arrived by now
        QVERIFY(!view->report());
        QVERIFY(window->lastError().isEmpty());
        QVERIFY(view->runAction()->isEnabled());
    }

    // Greyed with the reason: nothing from a model, traces opened from files, a monolithic model.
    void greyedWithTheReason()
    {
        auto window = shownWindow();
        QVERIFY(window);
        QAction *run = window->action(QStringLiteral("runForReal"));
        QVERIFY(!run->isEnabled());
        QVERIFY2(window->runView()->disabledReason().contains(QStringLiteral("Open model and dataset")),
                 qPrintable(window->runView()->disabledReason()));
        QVERIFY(collectFromModel(window.get(), m_mlp.request(m_mlp.spec, m_mlp.monolithic)) >= 0);
        QVERIFY(!run->isEnabled());
        QVERIFY2(window->runView()->disabledReason().contains(QStringLiteral("monolithic")),
                 qPrintable(window->runView()->disabledReason()));
        QVERIFY2(run->toolTip().contains(QStringLiteral("monolithic")), qPrintable(run->toolTip()));

        // Traces from a staged model, then other traces opened from files: greyed again.
        QVERIFY(collectFromModel(window.get(), m_mlp.request(m_mlp.spec)) >= 0);
        QVERIFY(run->isEnabled());
        const QString folder = m_dir.filePath(QStringLiteral("files"));
        window->modelRunner()->saveTo(folder);
        InputRequest files;
        files.val = folder + QStringLiteral("/val.npz");
        files.test = folder + QStringLiteral("/test.npz");
        window->document()->open(files);
        QVERIFY(QTest::qWaitFor([&] { return window->document()->valPath() == files.val && window->document()->jobs().isIdle(); }, 60000));
        QVERIFY(!run->isEnabled());
        QVERIFY(window->runView()->disabledReason().contains(QStringLiteral("Open model and dataset")));
    }

    // --profile-batch-sizes and --run-for-real: parsed, checked, and with --screenshot the
    // window renders once the real run is done (its tab shown), the run being of the
    // operating point the sweep loaded.
    void commandLine()
    {
        const CommandLine cl = parseCommandLine({QStringLiteral("exitscope"), QStringLiteral("--model"), m_mlp.staged, QStringLiteral("--dataset"),
                                                 m_mlp.spec, QStringLiteral("--profile-batch-sizes"), QStringLiteral("1, 8"),
                                                 QStringLiteral("--run-for-real")});
        QVERIFY(cl.model);
        QCOMPARE(cl.model->profileBatchSizes, (std::vector<int>{1, 8}));
        QVERIFY(cl.runForReal);
        EXPECT_INPUT_ERROR(parseCommandLine({QStringLiteral("exitscope"), QStringLiteral("--model"), m_mlp.staged, QStringLiteral("--dataset"),
                                             m_mlp.spec, QStringLiteral("--profile-batch-sizes"), QStringLiteral("1,x")}),
                           "--profile-batch-sizes: \"x\" is not a batch size");
        QVERIFY_THROWS_EXCEPTION(UsageError, parseCommandLine({QStringLiteral("exitscope"), QStringLiteral("--run-for-real")}));

        const QString png = screenshotPath(QStringLiteral("exitscope-run-for-real.png"));
        QFile::remove(png);
        QProcess gui;
        QElapsedTimer timer;
        timer.start();
        gui.start(QStringLiteral(EXITSCOPE_GUI_BIN), {QStringLiteral("--model"), m_mlp.staged, QStringLiteral("--dataset"), m_mlp.spec,
                                                     // Budgets from the full model's cost up: above the
                                                     // cheapest exit whatever a loaded machine measures.
                                                     QStringLiteral("--policies"), QStringLiteral("msdnet,oracle"),
                                                     QStringLiteral("--budgets"), QStringLiteral("1:2:3"), QStringLiteral("--relative"),
                                                     QStringLiteral("--run-for-real"), QStringLiteral("--screenshot"), png});
        QVERIFY(gui.waitForFinished(180000));
        QVERIFY2(gui.exitCode() == 0, gui.readAllStandardError().constData());
        QVERIFY(QFileInfo::exists(png));
        qInfo("exitscope --model --dataset --run-for-real --screenshot (full profile, real run): %lld ms, %s",
              static_cast<long long>(timer.elapsed()), qPrintable(png));
        // A monolithic model cannot run for real: status 3, the reason on stderr.
        QProcess monolithic;
        monolithic.start(QStringLiteral(EXITSCOPE_GUI_BIN), {QStringLiteral("--model"), m_mlp.monolithic, QStringLiteral("--dataset"), m_mlp.spec,
                                                            QStringLiteral("--run-for-real"), QStringLiteral("--screenshot"),
                                                            m_dir.filePath(QStringLiteral("no.png"))});
        QVERIFY(monolithic.waitForFinished(180000));
        QCOMPARE(monolithic.exitCode(), 3);
        QVERIFY2(monolithic.readAllStandardError().contains("monolithic"), "the reason names the monolithic model");
    }
};

QTEST_MAIN(TestGuiRun)
#include "tst_guirun.moc"

// From a model and a dataset in the window: the model dialog's summary, trace collection
// and latency profiling as jobs (val first), the same traces `exitscope-cli trace` writes,
// cancel half-way (the previous inputs come back, nothing is written), bad inputs named,
// Save traces, and --model/--dataset on the command line and with --screenshot.

#include "testsupport.h"
#include "windowsupport.h"

#include "commandline.h"
#include "document.h"
#include "jobrunner.h"
#include "modeldialog.h"
#include "modelrunner.h"
#include "mainwindow.h"

#include "core/data/latencyprofile.h"
#include "core/io/npy.h"
#include "core/io/tracefile.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

using namespace exitscope;
using namespace exitscope::gui;
using namespace exitscope::test;

namespace {

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestGuiModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MlpModels m_mlp;
    QString m_bigSpec, m_bigValSpec;
    std::optional<Trace> m_cliVal, m_cliTest;

private slots:
    void initTestCase()
    {
        useTestSettings();
        QVERIFY(m_dir.isValid());
        SET_UP_MLP_MODELS(m_mlp);
        m_bigSpec = m_mlp.bigDataset + QStringLiteral("?val=100&seed=1");
        m_bigValSpec = m_mlp.bigDataset + QStringLiteral("?val=0.5&seed=1");

        // What the CLI writes for the same model and spec: the reference.
        const QString out = m_dir.filePath(QStringLiteral("cli"));
        QProcess cli;
        cli.start(QStringLiteral(EXITSCOPE_CLI),
                  {QStringLiteral("trace"), QStringLiteral("--model"), m_mlp.staged, QStringLiteral("--dataset"), m_mlp.spec,
                   QStringLiteral("--out-dir"), out});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        m_cliVal = readTraceFile(str(out + QStringLiteral("/val.npz")));
        m_cliTest = readTraceFile(str(out + QStringLiteral("/test.npz")));
    }

    // The dialog shows what it found (K, classes, input shape, parameters per stage) and
    // its option fields edit the spec.
    void dialogShowsWhatItFound()
    {
        ModelDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy probed(&dialog, &ModelDialog::probeFinished);
        ModelRequest r = m_mlp.request(m_mlp.spec);
        dialog.setRequest(r);
        QVERIFY(QTest::qWaitFor([&] { return !probed.isEmpty(); }, 60000));
        QCOMPARE(probed.takeFirst().at(0).toBool(), true);
        QVERIFY2(dialog.probed(), qPrintable(dialog.summaryText()));
        const QString text = dialog.summaryText();
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Exits \\(K\\)\\s+4"))), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Classes\\s+10"))), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("32 features")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(32,)")), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Val\\s+120 samples"))), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Test\\s+180 samples"))), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("cumulative")), qPrintable(text)); // the per-stage table
        // The option fields follow the spec, and edit it.
        QCOMPARE(dialog.field(QStringLiteral("val"))->text(), QStringLiteral("120"));
        QLineEdit *mean = dialog.field(QStringLiteral("mean"));
        mean->setFocus();
        QTest::keyClicks(mean, QStringLiteral("0.5"));
        QVERIFY(dialog.field(QStringLiteral("dataset"))->text().endsWith(QStringLiteral("?val=120&seed=3&classes=10&mean=0.5")));
        QCOMPARE(ModelDialog::withOption(QStringLiteral("npy:a,b?val=3&seed=1"), QStringLiteral("val"), QString()),
                 QStringLiteral("npy:a,b?seed=1"));
        QCOMPARE(ModelDialog::withOption(QStringLiteral("npz:a"), QStringLiteral("seed"), QStringLiteral("4")), QStringLiteral("npz:a?seed=4"));
        QCOMPARE(ModelDialog::optionOf(QStringLiteral("folder:a?resize=32x32&val=0.2"), QStringLiteral("val")), QStringLiteral("0.2"));
        // Mean without std is the spec's error, named.
        QVERIFY(QTest::qWaitFor([&] { return !probed.isEmpty(); }, 60000));
        QCOMPARE(probed.takeFirst().at(0).toBool(), false);
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("dataset spec")), qPrintable(dialog.summaryText()));
        QVERIFY(!dialog.probed());
        // CUDA is offered only when this LibTorch has it: greyed out with the reason otherwise.
        QComboBox *device = dialog.deviceBox();
        QCOMPARE(device->itemData(1).toString(), QStringLiteral("cuda"));
        QCOMPARE(dialog.request().device, QStringLiteral("cpu"));
        if (qEnvironmentVariableIsSet("EXITSCOPE_TEST_SHOTS")) {
            mean->clear();
            emit mean->textEdited(QString());
            QVERIFY(QTest::qWaitFor([&] { return !probed.isEmpty(); }, 60000));
            dialog.grab().save(qEnvironmentVariable("EXITSCOPE_TEST_SHOTS") + QStringLiteral("/model-dialog.png"));
        }
    }

    // A missing model or a bad spec: the dialog says which file and field.
    void dialogNamesBadInput_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("named");
        QTest::newRow("missing model") << QStringLiteral("/nonexistent/m.pt") << QStringLiteral("@") << QStringLiteral("/nonexistent/m.pt");
        QTest::newRow("not a model") << QStringLiteral("@y") << QStringLiteral("@") << QStringLiteral("y.npy");
        QTest::newRow("unknown kind") << QString() << QStringLiteral("tiff:/x") << QStringLiteral("dataset spec");
        QTest::newRow("missing data") << QString() << QStringLiteral("npy:/nonexistent/x.npy") << QStringLiteral("/nonexistent/x.npy");
    }
    void dialogNamesBadInput()
    {
        QFETCH(QString, model);
        QFETCH(QString, spec);
        QFETCH(QString, named);
        const QString y = m_mlp.spec.section(QLatin1Char(','), 1).section(QLatin1Char('?'), 0, 0);
        ModelRequest r = m_mlp.request(spec == QLatin1String("@") ? m_mlp.spec : spec);
        if (model == QLatin1String("@y"))
            r.model = y;
        else if (!model.isEmpty())
            r.model = model;
        ModelDialog dialog;
        QSignalSpy probed(&dialog, &ModelDialog::probeFinished);
        dialog.setRequest(r);
        QVERIFY(QTest::qWaitFor([&] { return !probed.isEmpty(); }, 60000));
        QCOMPARE(probed.first().at(0).toBool(), false);
        QVERIFY2(dialog.summaryText().contains(named), qPrintable(dialog.summaryText()));
    }

    // File > Open model and dataset: the dialog, then the jobs; the window ends with the
    // traces the CLI writes, the val trace first, and a measured profile at batch size 1.
    void collectsWhatTheCliWrites()
    {
        auto window = shownWindow();
        QVERIFY(window);
        Document *d = window->document();
        // The val trace arrives while the test split is still to come.
        bool valAlone = false;
        connect(d, &Document::inputsChanged, window.get(), [&] {
            if (d->val() && !d->test())
                valAlone = true;
        });
        ModelRunner *runner = window->modelRunner();
        QSignalSpy finished(runner, &ModelRunner::finished);
        window->action(QStringLiteral("openModel"))->trigger();
        ModelDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = window->findChild<ModelDialog *>()) && dialog->isVisible(); }, 10000));
        QSignalSpy probed(dialog, &ModelDialog::probeFinished);
        // Typed as a user would: the model path, then the spec.
        QTest::keyClicks(dialog->field(QStringLiteral("model")), m_mlp.staged);
        dialog->field(QStringLiteral("dataset"))->setText(m_mlp.spec);
        QVERIFY(QTest::qWaitFor([&] { return dialog->probed(); }, 60000));
        const ModelRequest asked = dialog->request();
        QCOMPARE(asked.model, m_mlp.staged);
        QCOMPARE(asked.dataset, m_mlp.spec);
        QCOMPARE(asked.batchSize, 64);
        QVERIFY(!runner->running());
        // The GUI thread's longest gap while the jobs run: a 10 ms timer's.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        QElapsedTimer timer;
        QStringList events; // gaps over 60 ms among the runner's messages, for a look when it fails
        connect(&ticker, &QTimer::timeout, &ticker, [&] {
            const qint64 gap = sinceTick.restart();
            if (gap > 60)
                events << QStringLiteral("%1 ms: a gap of %2 ms").arg(timer.elapsed()).arg(gap);
            longestGap = std::max(longestGap, gap);
        });
        connect(runner, &ModelRunner::message, &ticker,
                [&](const QString &m) { events << QStringLiteral("%1 ms: %2").arg(timer.elapsed()).arg(m.left(50)); });
        timer.start();
        sinceTick.start();
        ticker.start();
        dialog->accept(); // the real profile: at least a second of timed runs
        QVERIFY(runner->running());
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() && d->ready() && d->jobs().isIdle(); }, 120000));
        ticker.stop();
        qInfo("%s", qPrintable(events.join(QLatin1Char('\n'))));
        qInfo("traces, profile and evaluators: %lld ms; longest gap of a 10 ms timer meanwhile: %lld ms",
              static_cast<long long>(timer.elapsed()), static_cast<long long>(longestGap));
        // Loose: a loaded 2-core machine can hold any thread back; a blocking call would show as seconds.
        QVERIFY2(longestGap < 1000, qPrintable(QString::number(longestGap)));
        QVERIFY(valAlone);
        QVERIFY(d->val() && d->test() && d->latency());
        compareTraceContents(*d->val(), *m_cliVal);
        compareTraceContents(*d->test(), *m_cliTest);
        const LatencyProfile *latency = d->latency();
        QCOMPARE(latency->exits(), 4);
        QCOMPARE(latency->unit, CostUnit::Milliseconds);
        QCOMPARE(latency->provenance.batchSize, 1);
        QCOMPARE(latency->provenance.source, ProfileSource::Measured);
        QCOMPARE(latency->provenance.inputShape, std::string("1x32"));
        QVERIFY(latency->reference && *latency->reference > 0);
        QVERIFY(d->valPath().contains(QStringLiteral("mlp4_staged.pt")));
        QVERIFY(d->testEvaluator());
        QVERIFY(runner->hasCollected());

        // Save traces: what the CLI reads, all three.
        const QString out = m_dir.filePath(QStringLiteral("saved"));
        const QStringList written = runner->saveTo(out);
        QCOMPARE(written.size(), 3);
        QCOMPARE(filesIn(out), (QStringList{QStringLiteral("latency.json"), QStringLiteral("test.npz"), QStringLiteral("val.npz")}));
        compareTraceContents(readTraceFile(str(out + QStringLiteral("/val.npz"))), *m_cliVal);
        compareTraceContents(readTraceFile(str(out + QStringLiteral("/test.npz"))), *m_cliTest);
        QCOMPARE(readLatencyProfile(str(out + QStringLiteral("/latency.json"))).cumulative, latency->cumulative);
    }

    // Cancelled during the val split, and again during the test split after the val trace
    // came: the job stops at once, the window stays responsive, and the document goes back
    // to the traces it had; nothing is written.
    void cancelRestoresThePreviousInputs()
    {
        auto window = shownWindow();
        QVERIFY(window);
        Document *d = window->document();
        // Before: the small dataset split otherwise (150 / 150), told apart from every run below.
        QVERIFY(collectFromModel(window.get(), m_mlp.request(m_mlp.spec.section(QLatin1Char('?'), 0, 0) + QStringLiteral("?val=150&seed=4"))) >= 0);
        QCOMPARE(d->val()->samples(), 150);
        const Trace before = *d->val();
        const Trace beforeTest = *d->test();
        const std::vector<double> beforeLatency = d->latency()->cumulative;
        const QStringList filesBefore = filesIn(m_dir.path());

        for (const bool afterVal : {false, true}) {
            ModelRequest big = m_mlp.request(afterVal ? m_bigSpec : m_bigValSpec);
            big.batchSize = 1;
            ModelRunner *runner = window->modelRunner();
            runner->start(big);
            QVERIFY(runner->running());
            if (afterVal) // the 100 val samples are in; the test split has far to go
                QVERIFY(QTest::qWaitFor([&] { return d->val() && d->val()->samples() == 100; }, 60000));
            else
                QTest::qWait(100);
            QVERIFY2(!afterVal || runner->running(), "the test split finished before the cancel: make the dataset bigger");
            QElapsedTimer timer;
            timer.start();
            window->action(QStringLiteral("cancel"))->trigger();
            QVERIFY(!runner->running());
            QVERIFY(d->jobs().isIdle() || QTest::qWaitFor([&] { return d->jobs().isIdle(); }, 10000));
            // Responsive: a zero timer fires at once.
            bool fired = false;
            QTimer::singleShot(0, window.get(), [&] { fired = true; });
            QVERIFY(QTest::qWaitFor([&] { return fired; }, 1000));
            qInfo("cancel %s: idle and responsive after %lld ms", afterVal ? "after val" : "during val",
                  static_cast<long long>(timer.elapsed()));
            QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
            compareTraceContents(*d->val(), before);
            compareTraceContents(*d->test(), beforeTest);
            QCOMPARE(d->latency()->cumulative, beforeLatency);
            QVERIFY2(window->messages().contains(QStringLiteral("trace collection stopped")), qPrintable(window->messages()));
            QCOMPARE(filesIn(m_dir.path()), filesBefore);
        }
        // Cancelled while profiling: the new traces go, the previous inputs come back.
        ModelRequest slow = m_mlp.request(m_mlp.spec);
        slow.profileMinSeconds = 30; // far longer than the test waits
        slow.profileMaxSeconds = 30;
        window->modelRunner()->start(slow);
        QVERIFY(QTest::qWaitFor([&] { return d->jobs().isRunning(ModelRunner::kProfileSlot); }, 60000));
        QCOMPARE(d->test()->samples(), 180); // the model's test trace is in
        window->action(QStringLiteral("cancel"))->trigger();
        QVERIFY(!window->modelRunner()->running());
        QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
        compareTraceContents(*d->val(), before);
        compareTraceContents(*d->test(), beforeTest);
        QCOMPARE(d->latency()->cumulative, beforeLatency);
        QVERIFY2(window->messages().contains(QStringLiteral("latency profiling stopped")), qPrintable(window->messages()));
        QVERIFY(window->lastError().isEmpty());
    }

    // Files opened while the model runs win: the run stops, and what was opened stays.
    void openingFilesStopsTheRun()
    {
        auto window = shownWindow();
        QVERIFY(window);
        Document *d = window->document();
        ModelRequest big = m_mlp.request(m_bigValSpec);
        big.batchSize = 1;
        window->modelRunner()->start(big);
        QVERIFY(window->modelRunner()->running());
        InputRequest files;
        files.val = m_dir.filePath(QStringLiteral("cli/val.npz"));
        files.test = m_dir.filePath(QStringLiteral("cli/test.npz"));
        files.costs = QStringLiteral("1,2,3,4");
        d->open(files);
        QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
        QVERIFY(!window->modelRunner()->running());
        QCOMPARE(d->valPath(), files.val);
        compareTraceContents(*d->val(), *m_cliVal);
        QVERIFY2(window->messages().contains(QStringLiteral("other files were opened")), qPrintable(window->messages()));
    }

    // A bad model or dataset: an error naming it; the window keeps what it had.
    void badInputIsNamedAndTheWindowGoesOn()
    {
        auto window = shownWindow();
        QVERIFY(window);
        QString error;
        window->setErrorHandler([&error](const QString &message) { error = message; });
        Document *d = window->document();
        QVERIFY(collectFromModel(window.get(), m_mlp.request(m_mlp.spec)) >= 0);
        const Trace before = *d->val();

        ModelRequest bad = m_mlp.request(m_mlp.spec);
        bad.model = m_dir.filePath(QStringLiteral("missing.pt"));
        window->modelRunner()->start(bad);
        QVERIFY(QTest::qWaitFor([&] { return !error.isEmpty() && d->jobs().isIdle(); }, 60000));
        QVERIFY2(error.contains(bad.model), qPrintable(error));
        compareTraceContents(*d->val(), before);

        error.clear();
        bad = m_mlp.request(QStringLiteral("npy:") + m_dir.filePath(QStringLiteral("nothing.npy")));
        window->modelRunner()->start(bad);
        QVERIFY(QTest::qWaitFor([&] { return !error.isEmpty() && d->jobs().isIdle(); }, 60000));
        QVERIFY2(error.contains(QStringLiteral("nothing.npy")), qPrintable(error));
        compareTraceContents(*d->val(), before);

        // A monolithic model: traces, and a note that its latency cannot be measured.
        error.clear();
        bad = m_mlp.request(m_mlp.spec);
        bad.model = m_mlp.monolithic;
        QSignalSpy finished(window->modelRunner(), &ModelRunner::finished);
        window->modelRunner()->start(bad);
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() && d->jobs().isIdle(); }, 60000));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(d->val()->samples(), 120);
        QCOMPARE(d->test()->samples(), 180);
        QVERIFY(window->messages().contains(QStringLiteral("monolithic")));
    }

    // The trace job's slot survives the new generation its own results start; a plain
    // slot's job is cancelled and its result dropped. Document::cancelJobs stops both.
    void independentSlotsSurviveANewGeneration()
    {
        JobRunner runner;
        runner.keepAcrossGenerations(QStringLiteral("kept"));
        std::atomic<bool> release{false};
        QObject receiver;
        int delivered = 0;
        bool droppedDelivered = false;
        const auto work = [&release](const JobContext &context) {
            while (!release)
                QThread::msleep(2);
            context.throwIfCancelled();
            return 1;
        };
        runner.start<int>(QStringLiteral("kept"), QStringLiteral("kept"), &receiver, work, [&](std::shared_ptr<int>) { ++delivered; });
        runner.start<int>(QStringLiteral("plain"), QStringLiteral("plain"), &receiver, work,
                          [&](std::shared_ptr<int>) { droppedDelivered = true; });
        runner.newGeneration();
        QVERIFY(runner.isRunning(QStringLiteral("kept")));
        QVERIFY(!runner.isRunning(QStringLiteral("plain")));
        release = true;
        QVERIFY(runner.waitForIdle(30000));
        QCOMPARE(delivered, 1);
        QVERIFY(!droppedDelivered);
        QCOMPARE(runner.independentSlots(), QSet<QString>{QStringLiteral("kept")});
    }

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error"); // empty: parses
        QTest::newRow("model") << QStringList{"--model", "m.pt", "--dataset", "npy:x.npy", "--threads", "2", "--batch-size", "8",
                                              "--device", "cuda", "--val-dataset", "npz:v.npz"}
                               << QString();
        QTest::newRow("model and sweep") << QStringList{"--model", "m.pt", "--dataset", "npy:x.npy", "--policies", "msdnet",
                                                        "--budgets", "0.1:0.2:5", "--screenshot", "s.png"}
                                         << QString();
        QTest::newRow("no dataset") << QStringList{"--model", "m.pt"} << QStringLiteral("--model and --dataset go together");
        QTest::newRow("with val") << QStringList{"--model", "m.pt", "--dataset", "npy:x.npy", "--val", "v.npz"}
                                  << QStringLiteral("--model excludes --val");
        QTest::newRow("threads alone") << QStringList{"--threads", "2"} << QStringLiteral("--threads needs --model");
        QTest::newRow("bad batch") << QStringList{"--model", "m.pt", "--dataset", "npy:x.npy", "--batch-size", "0"}
                                   << QStringLiteral("--batch-size");
    }
    void commandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        arguments.prepend(QStringLiteral("exitscope"));
        try {
            const CommandLine cl = parseCommandLine(arguments);
            QVERIFY2(error.isEmpty(), "parsed what should not");
            QVERIFY(cl.model);
            QCOMPARE(cl.model->model, QStringLiteral("m.pt"));
            QCOMPARE(cl.model->dataset, QStringLiteral("npy:x.npy"));
            if (arguments.contains(QStringLiteral("--threads"))) {
                QCOMPARE(cl.model->threads, 2);
                QCOMPARE(cl.model->batchSize, 8);
                QCOMPARE(cl.model->device, QStringLiteral("cuda"));
                QCOMPARE(cl.model->valDataset, QStringLiteral("npz:v.npz"));
            } else {
                QVERIFY(cl.sweep);
            }
        } catch (const std::exception &e) {
            QVERIFY2(!error.isEmpty() && QString::fromStdString(e.what()).contains(error), e.what());
        }
    }

    // exitscope --model --dataset --policies --budgets --screenshot: renders once the
    // traces, the profile and the sweep are done.
    void screenshotRunsEverything()
    {
        // Relative budgets from the reference up: the measured costs of this tiny model vary
        // with the machine's load, and a budget below exit 0's cost is an error.
        const QString png = m_dir.filePath(QStringLiteral("model-window.png"));
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(EXITSCOPE_GUI_BIN),
                  {QStringLiteral("--model"), m_mlp.staged, QStringLiteral("--dataset"), m_mlp.spec, QStringLiteral("--threads"), QStringLiteral("1"),
                   QStringLiteral("--policies"), QStringLiteral("msdnet,branchynet,oracle"), QStringLiteral("--budgets"),
                   QStringLiteral("1:2:6"), QStringLiteral("--relative"), QStringLiteral("--screenshot"), png});
        QVERIFY(gui.waitForFinished(180000));
        QVERIFY2(gui.exitCode() == 0, gui.readAllStandardError().constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 1000));
        if (qEnvironmentVariableIsSet("EXITSCOPE_TEST_SHOTS"))
            image.save(qEnvironmentVariable("EXITSCOPE_TEST_SHOTS") + QStringLiteral("/model-window.png"));
        // A bad model: exit status 3, the file named.
        gui.start(QStringLiteral(EXITSCOPE_GUI_BIN), {QStringLiteral("--model"), QStringLiteral("/nonexistent/m.pt"), QStringLiteral("--dataset"),
                                                      m_mlp.spec, QStringLiteral("--screenshot"), png});
        QVERIFY(gui.waitForFinished(60000));
        QCOMPARE(gui.exitCode(), 3);
        QVERIFY(QString::fromLocal8Bit(gui.readAllStandardError()).contains(QStringLiteral("/nonexistent/m.pt")));
    }
};

QTEST_MAIN(TestGuiModel)
#include "tst_guimodel.moc"

// EENet's evaluation outputs in the window: File > Import EENet outputs, a dropped .pth and
// --eenet-logits open the val and test splits and the latency exactly as
// `exitscope-cli import eenet` writes them.

#include "testsupport.h"
#include "windowsupport.h"

#include "commandline.h"
#include "document.h"
#include "eenetimportdialog.h"
#include "fileactions.h"
#include "mainwindow.h"

#include "core/data/latencyprofile.h"
#include "core/io/tracefile.h"

#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace exitscope;
using namespace exitscope::gui;
using exitscope::test::compareTraceContents;

class TestGuiEenet : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_logits, m_seconds, m_flops;
    std::optional<Trace> m_val, m_test;
    std::optional<LatencyProfile> m_latency;

    EenetImportDialog *waitForDialog(MainWindow *window)
    {
        EenetImportDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor([&] { return (dialog = window->findChild<EenetImportDialog *>()) && dialog->isVisible(); }, 10000);
        return shown ? dialog : nullptr;
    }

    // The window shows what the CLI wrote: the val and test traces, the latency.
    void checkAgainstCli(MainWindow *window, bool latency)
    {
        Document *d = window->document();
        QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
        QVERIFY(d->val() && d->test());
        compareTraceContents(*d->val(), *m_val);
        compareTraceContents(*d->test(), *m_test);
        QCOMPARE(d->valPath(), m_logits);
        if (latency) {
            QVERIFY(d->latency());
            QCOMPARE(d->latency()->cumulative, m_latency->cumulative);
            QCOMPARE(d->latency()->unit, m_latency->unit);
            QCOMPARE(d->latencyPath(), m_seconds);
        }
        // The operating point is evaluated on both splits.
        QVERIFY(d->testEvaluator());
    }

private slots:
    void initTestCase()
    {
        useTestSettings();
        QVERIFY(m_dir.isValid());
        SHARED_DATA(logits, "eenet-format/logits_single.pth");
        m_logits = logits;
        m_seconds = exitscope::test::sharedDataPath(QStringLiteral("eenet-format/seconds.csv"));
        m_flops = exitscope::test::sharedDataPath(QStringLiteral("eenet-format/flops.pth"));
        // What the CLI writes from the same files: the reference.
        const QString out = m_dir.filePath(QStringLiteral("cli"));
        QProcess cli;
        cli.start(QStringLiteral(EXITSCOPE_CLI), {QStringLiteral("import"), QStringLiteral("eenet"), QStringLiteral("--logits"), m_logits,
                                                  QStringLiteral("--seconds"), m_seconds, QStringLiteral("--flops"), m_flops,
                                                  QStringLiteral("--out-dir"), out});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        m_val = readTraceFile((out + QStringLiteral("/val.npz")).toStdString());
        m_test = readTraceFile((out + QStringLiteral("/test.npz")).toStdString());
        m_latency = readLatencyProfile((out + QStringLiteral("/latency.json")).toStdString());
    }

    // File > Import EENet outputs: the dialog, its fields filled from the logits' folder,
    // Import opens what the CLI writes.
    void menuDialogOpensWhatTheCliWrites()
    {
        auto window = shownWindow();
        QVERIFY(window);
        QAction *import = window->action(QStringLiteral("importEenet"));
        QVERIFY(import);
        import->trigger();
        EenetImportDialog *dialog = waitForDialog(window.get());
        QVERIFY(dialog);
        QLineEdit *logits = dialog->field(QStringLiteral("logits"));
        QVERIFY(logits);
        QTest::keyClicks(logits, m_logits);
        emit logits->editingFinished(); // as when the field loses focus: the files beside it are filled in
        QCOMPARE(dialog->field(QStringLiteral("seconds"))->text(), m_seconds);
        QCOMPARE(dialog->field(QStringLiteral("flops"))->text(), m_flops);
        if (qEnvironmentVariableIsSet("EXITSCOPE_TEST_SHOTS")) // to look at it
            dialog->grab().save(qEnvironmentVariable("EXITSCOPE_TEST_SHOTS") + QStringLiteral("/eenet-dialog.png"));
        dialog->accept();
        checkAgainstCli(window.get(), true);
        QVERIFY(window->fileActions()->recentFiles().contains(QStringLiteral("eenet|") + QFileInfo(m_logits).absoluteFilePath()));
    }

    // A .pth dropped with its seconds.csv: the dialog, filled with both.
    void droppedPthAsksAndOpens()
    {
        auto window = shownWindow();
        QVERIFY(window);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_logits), QUrl::fromLocalFile(m_seconds)});
        QDragEnterEvent enter(QPoint(700, 450), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(700, 450), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(window.get(), &drop);
        EenetImportDialog *dialog = waitForDialog(window.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->request().eenetLogits, m_logits);
        QCOMPARE(dialog->request().eenetSeconds, m_seconds);
        QVERIFY(window->document()->latencyPath().isEmpty()); // the csv went to the dialog, not the latency
        dialog->accept();
        checkAgainstCli(window.get(), true);
    }

    // Without seconds.csv, flops.pth is the latency (as the CLI's --flops).
    void flopsWhenNoSeconds()
    {
        auto window = shownWindow();
        QVERIFY(window);
        InputRequest request;
        request.eenetLogits = m_logits;
        request.eenetFlops = m_flops;
        window->document()->open(request);
        Document *d = window->document();
        QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
        QVERIFY(d->latency());
        QCOMPARE(d->latency()->unit, CostUnit::Flops);
        QCOMPARE(d->latencyPath(), m_flops);
        compareTraceContents(*d->val(), *m_val);
    }

    // Bad files: a message naming the file, the window keeps what was open.
    void badFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("badSeconds");
        QTest::newRow("not a torch file") << QByteArray("hello, not a zip") << false;
        QTest::newRow("seconds.csv with a word") << QByteArray("1.5\nfast\n3.5\n4.5") << true;
    }
    void badFilesAreNamed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, badSeconds);
        auto window = shownWindow();
        QVERIFY(window);
        Document *d = window->document();
        InputRequest good;
        good.eenetLogits = m_logits;
        good.eenetSeconds = m_seconds;
        d->open(good);
        QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
        QString errors;
        window->setErrorHandler([&errors](const QString &message) { errors += message; });
        const QString bad = exitscope::test::writeFile(m_dir, badSeconds ? QStringLiteral("bad-seconds.csv") : QStringLiteral("bad.pth"), bytes);
        InputRequest request;
        request.eenetLogits = badSeconds ? m_logits : bad;
        request.eenetSeconds = badSeconds ? bad : QString();
        d->open(request);
        QVERIFY(QTest::qWaitFor([&] { return !errors.isEmpty() && d->jobs().isIdle(); }, 60000));
        QVERIFY2(errors.contains(bad), qPrintable(errors));
        QCOMPARE(d->valPath(), m_logits); // what was open stays
        QCOMPARE(d->latencyPath(), m_seconds);
        compareTraceContents(*d->val(), *m_val);
    }

    void commandLine()
    {
        const QString program = QStringLiteral("exitscope");
        const CommandLine cl = parseCommandLine({program, QStringLiteral("--eenet-logits"), m_logits, QStringLiteral("--eenet-seconds"),
                                                 m_seconds, QStringLiteral("--policies"), QStringLiteral("msdnet"),
                                                 QStringLiteral("--budgets"), QStringLiteral("0.5:0.9:3")});
        QCOMPARE(cl.inputs.eenetLogits, m_logits);
        QCOMPARE(cl.inputs.eenetSeconds, m_seconds);
        QVERIFY(cl.sweep);
        QVERIFY_THROWS_EXCEPTION(UsageError, parseCommandLine({program, QStringLiteral("--eenet-logits"), m_logits,
                                                               QStringLiteral("--val"), m_logits}));
        QVERIFY_THROWS_EXCEPTION(UsageError, parseCommandLine({program, QStringLiteral("--eenet-seconds"), m_seconds}));

        // The binary: a screenshot of the imported outputs, swept.
        const QString png = m_dir.filePath(QStringLiteral("eenet.png"));
        QProcess gui;
        gui.start(QStringLiteral(EXITSCOPE_GUI_BIN), {QStringLiteral("--eenet-logits"), m_logits, QStringLiteral("--eenet-seconds"), m_seconds,
                                                  QStringLiteral("--policies"), QStringLiteral("heuristic,msdnet"),
                                                  QStringLiteral("--budgets"), QString::fromStdString(
                                                      std::to_string(m_latency->cumulative.front()) + ":"
                                                      + std::to_string(m_latency->cumulative.back()) + ":4"),
                                                  QStringLiteral("--screenshot"), png});
        QVERIFY(gui.waitForFinished(120000));
        QVERIFY2(gui.exitCode() == 0, gui.readAllStandardError().constData());
        QVERIFY(!QImage(png).isNull());
    }
};

QTEST_MAIN(TestGuiEenet)
#include "tst_guieenet.moc"

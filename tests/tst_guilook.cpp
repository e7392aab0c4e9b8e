// How the window reads: a dark palette (--palette dark, the plots following it), a device
// pixel ratio of 2, many exits (17, as AAAI21's Speech) in a window of ordinary size, and
// histogram texts that fit narrow plots.

#include "testsupport.h"

#include "datapanel.h"
#include "document.h"
#include "explorerview.h"
#include "mainwindow.h"
#include "palettechoice.h"

#include "widgets/elidedlabel.h"
#include "widgets/plots/exithistogramplot.h"

#include "core/data/synth.h"
#include "core/eval/evaluator.h"
#include "core/io/tracefile.h"

#include <QFontMetrics>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <qcustomplot.h>

using namespace exitscope;
using namespace exitscope::gui;

namespace {

double lightness(const QImage &image, QRect area)
{
    double sum = 0;
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); y += 3)
        for (int x = area.left(); x <= area.right(); x += 3, ++n)
            sum += QColor(image.pixel(x, y)).lightnessF();
    return sum / std::max(n, 1);
}

} // namespace

class TestGuiLook : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_val, m_val17, m_costs17;

    // Runs the binary; returns its exit status, stderr in *error.
    int runGui(const QStringList &arguments, const QProcessEnvironment &environment, QString *error = nullptr)
    {
        QProcess gui;
        gui.setProcessEnvironment(environment);
        gui.start(QStringLiteral(EXITSCOPE_GUI_BIN), arguments);
        if (!gui.waitForFinished(180000))
            return -1;
        if (error)
            *error = QString::fromUtf8(gui.readAllStandardError());
        return gui.exitCode();
    }

    static QProcessEnvironment environment(const QString &scale = QStringLiteral("1"))
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        e.insert(QStringLiteral("QT_SCALE_FACTOR"), scale);
        return e;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_val = m_dir.filePath(QStringLiteral("val.npz"));
        writeTraceFile(synthesize({5, 3000, 10, 1}), m_val.toStdString());
        m_val17 = m_dir.filePath(QStringLiteral("val17.npz"));
        writeTraceFile(synthesize({17, 2000, 10, 2}), m_val17.toStdString());
        QStringList costs;
        for (int k = 1; k <= 17; ++k)
            costs << QString::number(k);
        m_costs17 = costs.join(QLatin1Char(','));
    }

    // --palette dark: the window and its plots are drawn dark, the text light; light: the
    // reverse. A bad name is bad input (status 3, the flag named).
    void darkPalette()
    {
        const QString dark = m_dir.filePath(QStringLiteral("dark.png")), light = m_dir.filePath(QStringLiteral("light.png"));
        const QStringList common{QStringLiteral("--val"), m_val, QStringLiteral("--costs"), QStringLiteral("1,2,3,4,5"),
                                 QStringLiteral("--policies"), QStringLiteral("heuristic,msdnet"), QStringLiteral("--budgets"),
                                 QStringLiteral("1.5:4.5:4")};
        QString error;
        QCOMPARE(runGui(common + QStringList{QStringLiteral("--palette"), QStringLiteral("dark"), QStringLiteral("--screenshot"), dark},
                        environment(), &error),
                 0);
        QCOMPARE(runGui(common + QStringList{QStringLiteral("--palette"), QStringLiteral("light"), QStringLiteral("--screenshot"), light},
                        environment()),
                 0);
        const QImage darkImage(dark), lightImage(light);
        QCOMPARE(darkImage.size(), QSize(1600, 1000));
        // The whole window, and the trade-off plot's middle (centre column, upper half).
        const QRect all = darkImage.rect(), plot(500, 150, 500, 300);
        QVERIFY2(lightness(darkImage, all) < 0.35, qPrintable(QString::number(lightness(darkImage, all))));
        QVERIFY2(lightness(darkImage, plot) < 0.35, qPrintable(QString::number(lightness(darkImage, plot))));
        QVERIFY2(lightness(lightImage, all) > 0.7, qPrintable(QString::number(lightness(lightImage, all))));
        QVERIFY(exitscope::gui::darkPalette().color(QPalette::WindowText).lightness() > 200);

        QCOMPARE(runGui(common + QStringList{QStringLiteral("--palette"), QStringLiteral("sepia"), QStringLiteral("--screenshot"),
                                             m_dir.filePath(QStringLiteral("none.png"))},
                        environment(), &error),
                 3);
        QVERIFY2(error.contains(QLatin1String("--palette")), qPrintable(error));
    }

    // At a device pixel ratio of 2 the window renders at twice the pixels, same layout.
    void highDpi()
    {
        const QString png = m_dir.filePath(QStringLiteral("dpr2.png"));
        QCOMPARE(runGui({QStringLiteral("--val"), m_val, QStringLiteral("--costs"), QStringLiteral("1,2,3,4,5"), QStringLiteral("--screenshot"),
                         png},
                        environment(QStringLiteral("2"))),
                 0);
        QCOMPARE(QImage(png).size(), QSize(3200, 2000));
    }

    // 17 exits: 16 histograms at their smallest readable width scroll sideways instead of
    // widening the window past its size.
    void manyExitsKeepTheWindowSize()
    {
        const QString png = m_dir.filePath(QStringLiteral("k17.png"));
        QCOMPARE(runGui({QStringLiteral("--val"), m_val17, QStringLiteral("--costs"), m_costs17, QStringLiteral("--screenshot"), png},
                        environment()),
                 0);
        QCOMPARE(QImage(png).size(), QSize(1600, 1000));
    }

    // The window as --screenshot draws it: every histogram's y tick labels span its y range
    // (the range was set after the replot had computed its ticks: the labels were left
    // bunched at the bottom of a taller range).
    void windowHistogramTicksFollowTheRange()
    {
        SHARED_DATA(confidence, "aaai21/Scan_val_confidence.npy");
        // As --screenshot does it: the inputs set at once, the sweep run, one pass of the
        // event loop before the window is drawn.
        InputRequest request;
        request.val = confidence;
        request.costs = QStringLiteral("0.32,0.53,0.76,1.0,1.07");
        request.reference = 1.0;
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        Document *d = window.document();
        d->setInputs(loadInputs(request));
        SweepSettings settings = d->settings();
        settings.policies = {PolicyId::Heuristic, PolicyId::MsdNet};
        settings.count = 5;
        d->setSettings(settings);
        d->startSweep();
        while (!d->jobs().isIdle())
            d->jobs().waitForIdle(600000);
        window.refreshNow();
        QCoreApplication::processEvents();
        (void)window.grab();
        for (ExitHistogramPlot *plot : window.explorer()->histogramPlots()) {
            QCPAxis *axis = plot->customPlot()->yAxis;
            const QVector<double> ticks = axis->tickVector();
            QVERIFY(!ticks.isEmpty());
            QVERIFY2(ticks.last() >= axis->range().upper / 3 && ticks.last() <= axis->range().upper,
                     qPrintable(QStringLiteral("exit %1: last y tick %2 of a range to %3")
                                    .arg(plot->view().exit).arg(ticks.last()).arg(axis->range().upper)));
        }
    }

    // A long file name in the Data dock is elided in the middle to the label's width (the
    // extension stays), whole in its tooltip; the dock keeps its width.
    void longFileNamesElide()
    {
        const QString longName = m_dir.filePath(QStringLiteral("a_rather_long_trace_name_from_an_experiment_with_many_settings_val.npz"));
        QVERIFY(QFile::copy(m_val, longName));
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InputRequest request;
        request.val = longName;
        request.costs = QStringLiteral("1,2,3,4,5");
        window.document()->open(request);
        Document *d = window.document();
        QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
        QTest::qWait(50);
        ElidedLabel *label = nullptr;
        for (ElidedLabel *candidate : window.dataPanel()->findChildren<ElidedLabel *>())
            if (candidate->fullText() == QFileInfo(longName).fileName())
                label = candidate;
        QVERIFY(label);
        QVERIFY2(label->text().contains(QChar(0x2026)) && label->text().endsWith(QLatin1String(".npz")), qPrintable(label->text()));
        QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width());
        QCOMPARE(label->toolTip(), longName);
        QVERIFY(window.dataPanel()->width() < 400);
    }

    // The histogram's text takes as many lines as its width needs: no line wider than the
    // plot, from a wide plot down to the narrowest the window makes (120 px).
    void histogramTextFitsItsWidth_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("lines");
        QTest::newRow("wide") << 600 << 2;
        QTest::newRow("row of many") << 200 << 3;
        QTest::newRow("narrow") << 125 << 4;
    }
    void histogramTextFitsItsWidth()
    {
        QFETCH(int, width);
        QFETCH(int, lines);
        const Trace trace = synthesize({4, 2000, 10, 3});
        Evaluator evaluator(trace, {1, 2, 3, 4});
        evaluator.setPolicy({Measure::MaxProb, Direction::HigherIsConfident, {0.9, 0.8, 0.7}, nullptr}, "test");
        ExitHistogramPlot plot;
        plot.resize(width, 260);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setView(makeHistogramView(evaluator, 1));
        QCustomPlot *custom = plot.customPlot();
        custom->replot();
        QCoreApplication::processEvents(); // what the replot queued (a legend or y range moved by its layout)
        auto *title = qobject_cast<QCPTextElement *>(custom->plotLayout()->element(0, 0));
        QVERIFY(title);
        const QStringList text = title->text().split(QLatin1Char('\n'));
        QCOMPARE(text.size(), lines);
        const QFontMetrics metrics(title->font());
        for (const QString &line : text)
            QVERIFY2(metrics.horizontalAdvance(line) <= custom->width(), qPrintable(line));
        QVERIFY(title->text().contains(QStringLiteral("accuracy")));
        // The legend never wider than half the bars' area (it is left out instead).
        if (custom->legend->visible())
            QVERIFY(custom->legend->outerRect().width() <= custom->axisRect()->width() / 2 + 8);
        // Score ticks that do not run into each other.
        QVERIFY(custom->xAxis->ticker()->tickCount() <= std::max(2, custom->width() / 40));
        // And tick labels where the y range is (not left from an earlier range: bunched).
        const QVector<double> ticks = custom->yAxis->tickVector();
        QVERIFY(!ticks.isEmpty());
        QVERIFY2(ticks.last() >= custom->yAxis->range().upper / 3,
                 qPrintable(QStringLiteral("last y tick %1 of a range to %2").arg(ticks.last()).arg(custom->yAxis->range().upper)));
    }
};

QTEST_MAIN(TestGuiLook)
#include "tst_guilook.moc"

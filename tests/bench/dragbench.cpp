// exitscope-bench drag: the real window while a threshold line is dragged. Built into
// exitscope-bench when the GUI is (it links exitscope_gui); see bench.cpp for the usage.

#include "dragbench.h"

#include "document.h"
#include "explorerview.h"
#include "mainwindow.h"

#include "widgets/plots/exithistogramplot.h"
#include "widgets/plots/tradeoffplot.h"

#include "core/data/synth.h"
#include "core/io/tracefile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace exitscope::bench {

namespace {

using namespace exitscope::gui;

long option(int argc, char **argv, const char *name, long fallback)
{
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return std::atol(argv[i + 1]);
    return fallback;
}

// Counts every event the application delivers: a pass of the event loop that delivers
// none means nothing was pending (posted events, zero timers, paint requests).
class EventCounter : public QObject
{
public:
    long delivered = 0;

protected:
    bool eventFilter(QObject *, QEvent *) override
    {
        ++delivered;
        return false;
    }
};

bool samePoint(QPointF a, QPointF b)
{
    return a == b || (std::isnan(a.x()) && std::isnan(b.x()));
}

// The operating point the window should draw: the document's.
QPointF documentPoint(const Document &d)
{
    return {d.operatingCost(*d.valEvaluator()), d.objectiveOf(d.valEvaluator()->evaluation())};
}

// Runs the event loop until a pass delivers nothing and the trade-off plot draws the
// document's operating point; false after `limitMs`.
bool settle(EventCounter &counter, const Document &d, const TradeoffPlot &plot, int limitMs)
{
    QElapsedTimer limit;
    limit.start();
    while (limit.elapsed() < limitMs) {
        const long before = counter.delivered;
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (counter.delivered == before && samePoint(plot.operatingPoint(), documentPoint(d)))
            return true;
    }
    return false;
}

void sendMouse(QWidget *widget, QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(at), QPointF(widget->mapToGlobal(at)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

} // namespace

int benchDrag(int argc, char **argv)
{
    const long samples = option(argc, argv, "--samples", 50000);
    const int exits = static_cast<int>(option(argc, argv, "--exits", 5));
    const int moves = static_cast<int>(option(argc, argv, "--moves", 200));
    if (exits < 3 || samples < 100 || moves < 1) {
        std::fprintf(stderr, "drag: needs --exits 3 or more (exit 1's line is dragged), --samples 100 or more, --moves 1 or more\n");
        return 2;
    }
    // No display needed; a caller's choice of platform stands.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings away from the user's
    QCoreApplication::setOrganizationName(QStringLiteral("ExitscopeBench"));
    QSettings().clear(); // every run starts from the same window state

    QTemporaryDir dir;
    const QString val = dir.filePath(QStringLiteral("val.npz"));
    writeTraceFile(synthesize({exits, samples, 10, 3}), val.toStdString());
    QString costs;
    for (int k = 0; k < exits; ++k)
        costs += QString::number(static_cast<double>(k + 1) / exits) + (k + 1 < exits ? QStringLiteral(",") : QString());

    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        std::fprintf(stderr, "drag: the window was not shown\n");
        return 1;
    }
    Document *d = window->document();
    InputRequest request;
    request.val = val;
    request.costs = costs;
    d->open(request);
    if (!QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 120000)) {
        std::fprintf(stderr, "drag: the trace did not open\n");
        return 1;
    }
    window->refreshNow();
    // The histograms are laid out over a few passes of the event loop: a press aimed before
    // they settle misses the line (as tst_gui's openWindow).
    ExitHistogramPlot *histogram = window->explorer()->histogramPlots()[1];
    QCustomPlot *custom = histogram->customPlot();
    QSize last;
    for (int tries = 0; tries < 100 && custom->size() != last; ++tries) {
        last = custom->size();
        QTest::qWait(50);
    }
    window->refreshNow();
    custom->replot();

    EventCounter counter;
    app.installEventFilter(&counter);
    TradeoffPlot *tradeoff = window->explorer()->tradeoffPlot();
    settle(counter, *d, *tradeoff, 5000);
    const double start = d->policyState().policy.thresholds[1];
    const QPoint from(qRound(custom->xAxis->coordToPixel(start)), custom->axisRect()->rect().center().y());
    sendMouse(custom, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);

    std::vector<double> ms;
    int moved = 0, unsettled = 0;
    QPoint at = from;
    for (int i = 1; i <= moves; ++i) {
        // Back and forth over 20 px around where the line was taken: every move a new
        // threshold, samples crossing it each time.
        const int phase = i % 40;
        at = from + QPoint(phase < 20 ? phase - 10 : 30 - phase, 0);
        const QPointF shown = tradeoff->operatingPoint();
        QElapsedTimer timer;
        timer.start();
        sendMouse(custom, QEvent::MouseMove, at, Qt::NoButton, Qt::LeftButton);
        if (!settle(counter, *d, *tradeoff, 10000))
            ++unsettled;
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        moved += !samePoint(tradeoff->operatingPoint(), shown);
    }
    sendMouse(custom, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
    settle(counter, *d, *tradeoff, 5000);
    app.removeEventFilter(&counter);

    const double threshold = d->policyState().policy.thresholds[1];
    std::sort(ms.begin(), ms.end());
    const auto quantile = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    std::printf("drag: N = %ld, K = %d, %d moves of exit 1's threshold line (the operating point moved at %d, "
                "threshold %.4g -> %.4g, one undo step: %s)\n",
                samples, exits, moves, moved, start, threshold, d->undoStack().count() == 1 ? "yes" : "no");
    std::printf("drag: median %.2f ms, p99 %.2f ms (min %.2f, p90 %.2f, max %.2f ms)\n", quantile(0.5), quantile(0.99), ms.front(), quantile(0.9),
                ms.back());
    if (unsettled > 0) {
        std::fprintf(stderr, "drag: %d moves did not settle within 10 s\n", unsettled);
        return 1;
    }
    if (moved < moves / 2) {
        // The presses missed the line, or the window did not follow: the figures mean nothing.
        std::fprintf(stderr, "drag: the operating point moved at only %d of %d mouse moves\n", moved, moves);
        return 1;
    }
    return 0;
}

} // namespace exitscope::bench

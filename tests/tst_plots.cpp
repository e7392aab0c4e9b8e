// The plots (widgets/plots) on the offscreen platform: the budget cursor and threshold lines
// dragged with mouse events, curve clicks, legend toggles, hover, exports, palettes, and the
// cost of the calls a drag makes. Screenshots of both plots with a real sweep's data go to
// /tmp/plots-*.png (to look at).

#include "core/data/synth.h"
#include "core/eval/evaluation.h"
#include "core/eval/evaluator.h"
#include "core/solvers/sweep.h"
#include "widgets/plots/exithistogramplot.h"
#include "widgets/plots/policystyle.h"
#include "widgets/plots/tradeoffplot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

using namespace exitscope;
using namespace exitscope::gui;

namespace {

const std::vector<double> kCosts = {1.0, 1.9, 2.7, 3.6, 4.4}; // cumulative, ms

QString label(PolicyId id)
{
    switch (id) {
    case PolicyId::Heuristic: return QStringLiteral("Heuristic");
    case PolicyId::BranchyNet: return QStringLiteral("BranchyNet");
    case PolicyId::MsdNet: return QStringLiteral("MSDNet");
    case PolicyId::SelfXit: return QStringLiteral("SelfXit");
    case PolicyId::Patience: return QStringLiteral("Patience");
    default: return QString::fromStdString(std::string(policyName(id)));
    }
}

// What the window would show after a sweep: curves, front, oracle bound, the full model and
// the exits alone, all from core on a synth val/test pair.
struct PlotData
{
    Trace val;
    std::vector<Curve> curves;
    std::vector<CurvePoint> front, oracle, exits;
    CurvePoint full;
    ThresholdPolicy middle; // BranchyNet's thresholds at a middle budget
};

// A policy that sends every sample out at exit `exit` (K-1: none leaves early).
ThresholdPolicy exitAlone(int exits, int exit)
{
    ThresholdPolicy policy;
    policy.thresholds.assign(static_cast<std::size_t>(exits - 1), 2.0); // max prob never reaches 2
    if (exit < exits - 1)
        policy.thresholds[static_cast<std::size_t>(exit)] = -1.0;
    return policy;
}

const PlotData &plotData()
{
    static const PlotData data = [] {
        PlotData d{synthesize({5, 6000, 10, 21}), {}, {}, {}, {}, {}, {}};
        const Trace test = synthesize({5, 6000, 10, 22});
        SweepRequest request{d.val, test, kCosts, {}, BudgetKind::Mean,
                             {PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet, PolicyId::SelfXit,
                              PolicyId::Patience, PolicyId::Oracle},
                             {}, 2, {}};
        for (int i = 0; i < 24; ++i)
            request.budgets.push_back(1.0 + 3.4 * i / 23.0);
        const auto sweep = runSweep(request);
        for (PolicyId id : request.policies) {
            Curve val{QString::fromStdString(std::string(policyName(id))), label(id), false, {}};
            Curve testCurve = val;
            testCurve.test = true;
            for (const SweepRow &row : sweep->rows) {
                if (row.policy != id || !row.done || !row.error.empty())
                    continue;
                val.points.push_back({row.budget, row.val.meanCost, row.val.accuracy});
                if (row.test)
                    testCurve.points.push_back({row.budget, row.test->meanCost, row.test->accuracy});
                if (row.pareto)
                    d.front.push_back({row.budget, row.val.meanCost, row.val.accuracy});
                if (id == PolicyId::BranchyNet && std::abs(row.budget - 2.6) < 0.08)
                    d.middle = row.result.policy;
            }
            if (id == PolicyId::Oracle) {
                d.oracle = val.points;
                continue;
            }
            d.curves.push_back(std::move(val));
            d.curves.push_back(std::move(testCurve));
        }
        std::sort(d.front.begin(), d.front.end(),
                  [](const CurvePoint &a, const CurvePoint &b) { return a.cost < b.cost; });
        const int k = d.val.exits();
        for (int exit = 0; exit < k - 1; ++exit) {
            const Evaluation e = evaluate(d.val, exitAlone(k, exit), kCosts);
            d.exits.push_back({kCosts[exit], e.meanCost, e.accuracy});
        }
        const Evaluation full = evaluate(d.val, exitAlone(k, k - 1), kCosts);
        d.full = {kCosts.back(), full.meanCost, full.accuracy};
        if (d.middle.thresholds.empty())
            qFatal("no BranchyNet row near budget 2.6");
        return d;
    }();
    return data;
}

void fill(TradeoffPlot &plot)
{
    const PlotData &d = plotData();
    plot.setAxisTitles(QStringLiteral("mean cost (ms)"), QStringLiteral("accuracy"));
    plot.setCurves(d.curves);
    plot.setParetoFront(d.front);
    plot.setOracleBound(d.oracle);
    plot.setFullModel(d.full.cost, d.full.accuracy);
    plot.setExitPoints(d.exits);
    plot.setBudget(2.6);
}

[[nodiscard]] bool showAndPlot(QWidget &widget, QCustomPlot *plot, QSize size)
{
    widget.resize(size);
    widget.show();
    const bool exposed = QTest::qWaitForWindowExposed(&widget);
    plot->replot(); // coordToPixel needs the laid-out axis rect
    return exposed;
}

// A trade-off plot with the sweep's data, shown and laid out.
struct ShownTradeoff
{
    TradeoffPlot plot;
    QCustomPlot *cp = plot.customPlot();
    bool exposed = false;
    ShownTradeoff()
    {
        fill(plot);
        exposed = showAndPlot(plot, cp, {900, 560});
    }
};

// The graphs drawn for a policy's curves: those named by its label in its colour.
QList<QCPGraph *> graphsOf(QCustomPlot *plot, const QString &policy, const QString &name)
{
    QList<QCPGraph *> graphs;
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == name && plot->graph(i)->pen().color() == policyColor(policy))
            graphs << plot->graph(i);
    return graphs;
}

QPoint pixelOf(QCustomPlot *plot, double x, double y)
{
    return QPointF(plot->xAxis->coordToPixel(x), plot->yAxis->coordToPixel(y)).toPoint();
}

struct Timing
{
    double median = 0, p99 = 0;
};

template<typename F>
Timing timeIt(int iterations, F &&step)
{
    std::vector<double> ms;
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        timer.start();
        step(i);
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, static_cast<std::size_t>(std::ceil(0.99 * ms.size())) - 1)]};
}

QImage renderSvg(const QString &path, QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    QSvgRenderer(path).render(&painter);
    return image;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    return p;
}

} // namespace

class TestPlots : public QObject
{
    Q_OBJECT

private slots:
    void policyColors()
    {
        const QStringList ids = {"heuristic", "branchynet", "msdnet", "ippp", "eenet",
                                 "selfxit", "patience", "best", "oracle"};
        QSet<QRgb> seen;
        for (const QString &id : ids)
            seen.insert(policyColor(id).rgb());
        QCOMPARE(seen.size(), ids.size()); // one colour each
        QCOMPARE(policyColor(QStringLiteral(" BranchyNet")), policyColor(QStringLiteral("branchynet")));
        QCOMPARE(policyColor(QStringLiteral("mine")), policyColor(QStringLiteral("mine"))); // stable
    }

    void budgetCursorDrag()
    {
        ShownTradeoff shown;
        QVERIFY(shown.exposed);
        TradeoffPlot &plot = shown.plot;
        QCustomPlot *cp = shown.cp;
        QSignalSpy dragged(&plot, &TradeoffPlot::budgetDragged);
        QSignalSpy finished(&plot, &TradeoffPlot::budgetDragFinished);
        const QCPRange before = cp->xAxis->range();

        const int y = cp->axisRect()->center().y();
        const QPoint start(qRound(cp->xAxis->coordToPixel(2.6)), y);
        const QPoint end = start + QPoint(120, 30);
        QTest::mousePress(cp, Qt::LeftButton, {}, start);
        QTest::mouseMove(cp, start + QPoint(60, 10));
        QTest::mouseMove(cp, end);
        QTest::mouseRelease(cp, Qt::LeftButton, {}, end);

        const double expected = cp->xAxis->pixelToCoord(end.x());
        QVERIFY(dragged.size() >= 2);
        QCOMPARE(dragged.last().at(0).toDouble(), expected);
        QCOMPARE(dragged.first().at(0).toDouble(), cp->xAxis->pixelToCoord(start.x() + 60));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toDouble(), expected);
        QCOMPARE(plot.budget(), expected);
        // The drag went to the cursor, not to panning.
        QCOMPARE(cp->xAxis->range().lower, before.lower);
        QCOMPARE(cp->xAxis->range().upper, before.upper);

        // Away from the cursor a drag pans and moves no budget.
        const QPoint away(start.x() - 200, y);
        QTest::mousePress(cp, Qt::LeftButton, {}, away);
        QTest::mouseMove(cp, away + QPoint(40, 0));
        QTest::mouseRelease(cp, Qt::LeftButton, {}, away + QPoint(40, 0));
        QCOMPARE(finished.size(), 1);
        QVERIFY(cp->xAxis->range().lower < before.lower);
        QCOMPARE(plot.budget(), expected);
        // A double click fits everything again.
        QTest::mouseDClick(cp, Qt::LeftButton, {}, away);
        QCOMPARE(cp->xAxis->range().lower, before.lower);
    }

    void wheelZoomsAxis()
    {
        ShownTradeoff shown;
        QVERIFY(shown.exposed);
        TradeoffPlot &plot = shown.plot;
        QCustomPlot *cp = shown.cp;
        auto wheel = [&](QPoint at) {
            QWheelEvent event(at, cp->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(cp, &event);
        };
        const QCPRange x = cp->xAxis->range(), y = cp->yAxis->range();
        // On the x axis's tick labels: x zooms in, y stays.
        wheel(QPoint(cp->axisRect()->center().x(), cp->axisRect()->bottom() + 12));
        QVERIFY(cp->xAxis->range().size() < x.size());
        QCOMPARE(cp->yAxis->range().size(), y.size());
        // Inside the axis rect: both.
        wheel(cp->axisRect()->center());
        QVERIFY(cp->yAxis->range().size() < y.size());
        // New data no longer refits what the user chose; rescale() does.
        const QCPRange zoomed = cp->xAxis->range();
        plot.setFullModel(plotData().full.cost, plotData().full.accuracy);
        QCOMPARE(cp->xAxis->range().lower, zoomed.lower);
        plot.rescale();
        QCOMPARE(cp->xAxis->range().lower, x.lower);
    }

    void curvePointClick()
    {
        ShownTradeoff shown;
        QVERIFY(shown.exposed);
        TradeoffPlot &plot = shown.plot;
        QCustomPlot *cp = shown.cp;
        QSignalSpy clicked(&plot, &TradeoffPlot::curvePointClicked);
        const Curve &msdnet = plotData().curves[4]; // heuristic val, test, branchynet val, test, msdnet val
        QCOMPARE(msdnet.policy, QStringLiteral("msdnet"));
        QVERIFY(!msdnet.test);
        const CurvePoint &point = msdnet.points[msdnet.points.size() / 3];
        // A pixel off the point: the nearest point within a few pixels is the one clicked.
        QTest::mouseClick(cp, Qt::LeftButton, {}, pixelOf(cp, point.cost, point.accuracy) + QPoint(2, -1));
        QCOMPARE(clicked.size(), 1);
        // Another curve may pass as near (points coincide where policies agree): the point
        // reported is one at that pixel, with its own policy and budget.
        const QString policy = clicked.at(0).at(0).toString();
        const double budget = clicked.at(0).at(1).toDouble();
        bool found = false;
        for (const Curve &curve : plotData().curves)
            for (const CurvePoint &p : curve.points)
                if (curve.policy == policy && p.budget == budget
                    && (pixelOf(cp, p.cost, p.accuracy) - pixelOf(cp, point.cost, point.accuracy)).manhattanLength() <= 4)
                    found = true;
        QVERIFY2(found, qPrintable(QStringLiteral("%1 at %2").arg(policy).arg(budget)));

        // Empty space is no click; a click on the cursor is none either.
        const QPoint empty(cp->axisRect()->left() + 5, cp->axisRect()->top() + 5);
        QTest::mouseClick(cp, Qt::LeftButton, {}, empty);
        QCOMPARE(clicked.size(), 1);
    }

    void hoverShowsPoint()
    {
        ShownTradeoff shown;
        QVERIFY(shown.exposed);
        QCustomPlot *cp = shown.cp;
        const CurvePoint &exit1 = plotData().exits[1];
        QTest::mouseMove(cp, pixelOf(cp, exit1.cost, exit1.accuracy));
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("exit 1 alone")), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(QString::number(exit1.accuracy, 'g', 5)));
        QVERIFY(QToolTip::text().contains(QStringLiteral("mean cost (ms)")));
    }

    void legendTogglesPolicy()
    {
        ShownTradeoff shown;
        QVERIFY(shown.exposed);
        TradeoffPlot &plot = shown.plot;
        QCustomPlot *cp = shown.cp;
        const QList<QCPGraph *> branchy = graphsOf(cp, QStringLiteral("branchynet"), QStringLiteral("BranchyNet"));
        QCOMPARE(branchy.size(), 2); // val and test
        QSignalSpy toggled(&plot, &TradeoffPlot::policyVisibilityChanged);
        QCPPlottableLegendItem *item = nullptr;
        for (QCPGraph *graph : branchy)
            if (!item)
                item = cp->legend->itemWithPlottable(graph);
        QVERIFY(item); // one item for both
        QCOMPARE(cp->legend->itemWithPlottable(branchy[0]) && cp->legend->itemWithPlottable(branchy[1]), false);

        QTest::mouseClick(cp, Qt::LeftButton, {}, item->outerRect().center());
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.at(0).at(0).toString(), QStringLiteral("branchynet"));
        QCOMPARE(toggled.at(0).at(1).toBool(), false);
        QVERIFY(!plot.isPolicyVisible(QStringLiteral("branchynet")));
        QVERIFY(!branchy[0]->visible() && !branchy[1]->visible());
        QVERIFY(graphsOf(cp, QStringLiteral("msdnet"), QStringLiteral("MSDNet")).first()->visible());

        // A hidden curve is not clicked.
        QSignalSpy clicked(&plot, &TradeoffPlot::curvePointClicked);
        const Curve &branchyVal = plotData().curves[2];
        const CurvePoint &p = branchyVal.points.back();
        QTest::mouseClick(cp, Qt::LeftButton, {}, pixelOf(cp, p.cost, p.accuracy));
        for (const QList<QVariant> &args : clicked)
            QVERIFY(args.at(0).toString() != QStringLiteral("branchynet"));

        // New curves keep the user's toggle.
        plot.setCurves(plotData().curves);
        const QList<QCPGraph *> again = graphsOf(cp, QStringLiteral("branchynet"), QStringLiteral("BranchyNet"));
        QCOMPARE(again.size(), 2);
        QVERIFY(!again[0]->visible() && !again[1]->visible());
        cp->replot();
        QCPPlottableLegendItem *newItem = cp->legend->itemWithPlottable(again[0]);
        if (!newItem)
            newItem = cp->legend->itemWithPlottable(again[1]);
        QTest::mouseClick(cp, Qt::LeftButton, {}, newItem->outerRect().center());
        QVERIFY(again[0]->visible() && again[1]->visible());
        QVERIFY(plot.isPolicyVisible(QStringLiteral("BranchyNet")));
    }

    void streamingCurves()
    {
        TradeoffPlot plot;
        const std::vector<Curve> &curves = plotData().curves;
        plot.addCurve(curves[0]);
        plot.addCurve(curves[2]);
        plot.addCurve(curves[2]); // the same policy and split again: replaced, not doubled
        QCOMPARE(plot.curves().size(), std::size_t(2));
        plot.addCurve(curves[3]);
        QCOMPARE(plot.curves().size(), std::size_t(3));
        QCOMPARE(graphsOf(plot.customPlot(), QStringLiteral("branchynet"), QStringLiteral("BranchyNet")).size(), 2);
    }

    void operatingPointIsLive()
    {
        ShownTradeoff shown;
        QVERIFY(shown.exposed);
        TradeoffPlot &plot = shown.plot;
        QCustomPlot *cp = shown.cp;
        QCPLayer *live = cp->layer(QStringLiteral("live"));
        QVERIFY(live);
        QCOMPARE(live->mode(), QCPLayer::lmBuffered);
        plot.setOperatingPoint(2.5, 0.8);
        QCPGraph *operating = nullptr;
        for (QCPLayerable *child : live->children())
            if (auto *graph = qobject_cast<QCPGraph *>(child))
                operating = graph;
        QVERIFY(operating);
        QCOMPARE(operating->data()->size(), 1);
        QCOMPARE(operating->data()->begin()->key, 2.5);
        QCOMPARE(operating->data()->begin()->value, 0.8);
        plot.setOperatingPoint(NAN, NAN);
        QCOMPARE(operating->data()->size(), 0);
    }

    void histogramView()
    {
        const PlotData &d = plotData();
        Evaluator evaluator(d.val, kCosts);
        evaluator.setPolicy(d.middle, "test");
        ExitHistogramPlot plot;
        QCustomPlot *cp = plot.customPlot();
        const HistogramView view = makeHistogramView(evaluator, 1);
        const ExitOutcome &outcome = evaluator.evaluation().exits[1];
        QCOMPARE(view.exit, 1);
        QCOMPARE(view.threshold, d.middle.thresholds[1]);
        QCOMPARE(view.higherIsConfident, d.middle.direction == Direction::HigherIsConfident);
        QVERIFY(!view.agreement);
        QCOMPARE(view.hits, outcome.hits);
        QCOMPARE(view.hitRate, outcome.hitRate);
        QCOMPARE(view.accuracy, outcome.accuracy);
        QCOMPARE(view.histogram.counts, evaluator.histograms()[1].counts);
        QCOMPARE(view.scoreTitle, QString::fromStdString(std::string(measureName(d.middle.measure))));
        plot.setView(view);
        QCOMPARE(plot.view().exit, 1);
        // The bars are the histogram's counts, the positive ones stacked on the negative.
        QList<QCPBars *> bars;
        for (int i = 0; i < cp->plottableCount(); ++i)
            if (auto *b = qobject_cast<QCPBars *>(cp->plottable(i)))
                bars << b;
        QCOMPARE(bars.size(), 2);
        QCPBars *negative = bars[0]->barAbove() ? bars[0] : bars[1];
        QCPBars *positive = negative == bars[0] ? bars[1] : bars[0];
        QCOMPARE(positive->barBelow(), negative);
        QCOMPARE(negative->data()->size(), view.histogram.bins());
        std::int64_t total = 0;
        for (int b = 0; b < view.histogram.bins(); ++b) {
            QCOMPARE(negative->data()->at(b)->value, double(view.histogram.negative(b)));
            QCOMPARE(positive->data()->at(b)->value, double(view.histogram.positive(b)));
            total += view.histogram.negative(b) + view.histogram.positive(b);
        }
        QCOMPARE(total, evaluator.evaluation().exits[1].reached);
        QCOMPARE(negative->name(), QStringLiteral("wrong"));

        // Exit 0 moves: exit 1's population changes and its bars follow, in place.
        const auto *firstBar = &*negative->data()->begin();
        evaluator.setThreshold(0, evaluator.policy().thresholds[0] + 0.05);
        const HistogramView after = makeHistogramView(evaluator, 1);
        plot.setView(after);
        QCOMPARE(&*negative->data()->begin(), firstBar);
        for (int b = 0; b < after.histogram.bins(); ++b)
            QCOMPARE(positive->data()->at(b)->value, double(after.histogram.positive(b)));
    }

    // Label-free: the bars split by agreement with the final exit, and the text says so.
    void histogramLabelFree()
    {
        const PlotData &d = plotData();
        Evaluator evaluator(d.val, kCosts, {true, 32});
        evaluator.setPolicy(d.middle, "test");
        ExitHistogramPlot plot;
        HistogramView view = makeHistogramView(evaluator, 0);
        QVERIFY(view.agreement);
        view.accuracy = 0.5; // whatever it holds: the text gives the agreement of the bars
        plot.setView(view);
        QCustomPlot *cp = plot.customPlot();
        QStringList names;
        for (int i = 0; i < cp->plottableCount(); ++i)
            names << cp->plottable(i)->name();
        QCOMPARE(names, QStringList({QStringLiteral("disagree"), QStringLiteral("agree")}));
        auto *title = qobject_cast<QCPTextElement *>(cp->plotLayout()->element(0, 0));
        QVERIFY(title);
        const ExitHistogram &h = view.histogram;
        const QString agreement = QStringLiteral("agreement %1%").arg(100.0 * h.leavePositive / h.leave, 0, 'f', 2);
        QVERIFY2(title->text().contains(agreement), qPrintable(title->text() + " / " + agreement));
        QVERIFY(title->text().contains(QStringLiteral("exit 0")));
        QVERIFY(title->text().contains(QLocale().toString(qlonglong(view.hits))));
    }

    void thresholdDrag()
    {
        const PlotData &d = plotData();
        Evaluator evaluator(d.val, kCosts);
        evaluator.setPolicy(d.middle, "test");
        ExitHistogramPlot plot;
        QCustomPlot *cp = plot.customPlot();
        const HistogramView view = makeHistogramView(evaluator, 0);
        plot.setView(view);
        QVERIFY(showAndPlot(plot, cp, {420, 260}));
        QSignalSpy dragged(&plot, &ExitHistogramPlot::thresholdDragged);
        QSignalSpy finished(&plot, &ExitHistogramPlot::thresholdDragFinished);
        // The owner answers each move with a new view, as the window does.
        connect(&plot, &ExitHistogramPlot::thresholdDragged, &plot, [&](int exit, double t) {
            evaluator.setThreshold(exit, t);
            plot.setView(makeHistogramView(evaluator, exit));
        });

        // Towards the side that leaves: more samples leave at exit 0.
        const int towards = view.higherIsConfident ? -1 : 1;
        const int y = cp->axisRect()->center().y();
        const QPoint start(qRound(cp->xAxis->coordToPixel(view.threshold)), y);
        const QPoint middle = start + QPoint(towards * 20, 0);
        const QPoint end = start + QPoint(towards * 40, 0);
        QVERIFY(cp->axisRect()->rect().contains(end)); // no clamping at the axis's end
        QTest::mousePress(cp, Qt::LeftButton, {}, start + QPoint(3, 0)); // within the line's tolerance
        QTest::mouseMove(cp, middle);
        QTest::mouseMove(cp, end);
        QTest::mouseRelease(cp, Qt::LeftButton, {}, end);

        const double to = cp->xAxis->pixelToCoord(end.x());
        QCOMPARE(dragged.size(), 2);
        QCOMPARE(dragged.at(0).at(0).toInt(), 0);
        QCOMPARE(dragged.at(0).at(1).toDouble(), cp->xAxis->pixelToCoord(middle.x()));
        QCOMPARE(dragged.at(1).at(1).toDouble(), to);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QCOMPARE(finished.at(0).at(1).toDouble(), view.threshold);
        QCOMPARE(finished.at(0).at(2).toDouble(), to);
        QCOMPARE(plot.view().threshold, to);
        // More samples leave; the view shows the evaluator's numbers.
        QVERIFY(plot.view().hits > view.hits);
        QCOMPARE(plot.view().hits, evaluator.evaluation().exits[0].hits);

        // A click on the line without moving is no edit.
        const QPoint at(qRound(cp->xAxis->coordToPixel(to)), y);
        QTest::mouseClick(cp, Qt::LeftButton, {}, at);
        QCOMPARE(finished.size(), 1);
    }

    void exports_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("histogram");
        for (const char *suffix : {"png", "svg", "pdf"}) {
            QTest::addRow("tradeoff %s", suffix) << QString::fromLatin1(suffix) << false;
            QTest::addRow("histogram %s", suffix) << QString::fromLatin1(suffix) << true;
        }
    }

    void exports()
    {
        QFETCH(QString, suffix);
        QFETCH(bool, histogram);
        TradeoffPlot tradeoff;
        ExitHistogramPlot exitPlot;
        PlotWidget *widget = &tradeoff;
        if (histogram) {
            Evaluator evaluator(plotData().val, kCosts);
            evaluator.setPolicy(plotData().middle, "test");
            exitPlot.setView(makeHistogramView(evaluator, 0));
            widget = &exitPlot;
        } else {
            fill(tradeoff);
        }
        const QSize size = histogram ? QSize(400, 250) : QSize(800, 500);
        widget->resize(size);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plot.") + suffix);
        QFile::remove(path);
        { // an earlier file is replaced whole
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old contents");
        }
        QString error;
        QVERIFY2(widget->exportImage(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() > 1000);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left
        if (suffix == QLatin1String("png")) {
            const QImage image(path);
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), size * widget->devicePixelRatioF());
        } else if (suffix == QLatin1String("svg")) {
            QVERIFY(bytes.contains("<svg"));
            QSvgRenderer renderer(path);
            QVERIFY(renderer.isValid());
            QCOMPARE(renderer.viewBoxF(), QRectF(QPointF(0, 0), QSizeF(size)));
            // Vector output: the text is text, not pixels.
            QVERIFY(bytes.contains(histogram ? "samples" : "accuracy"));
        } else {
            QVERIFY(bytes.startsWith("%PDF-"));
            QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        }
    }

    // Qt 6.4's SVG output has no clipping: a zoomed plot's curves and shading must still end
    // at the axis rect.
    void zoomedSvgStaysInside()
    {
        ShownTradeoff shown;
        QVERIFY(shown.exposed);
        QCustomPlot *cp = shown.cp;
        cp->xAxis->setRange(2.0, 3.0);
        cp->yAxis->setRange(0.75, 0.85);
        cp->replot();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("zoomed.svg"));
        QString error;
        QVERIFY2(shown.plot.exportImage(path, &error), qPrintable(error));
        const QImage image = renderSvg(path, shown.plot.size());
        image.save(QStringLiteral("/tmp/plots-tradeoff-zoomed-svg.png"));
        const QColor background = shown.plot.palette().color(QPalette::Window);
        const QRect rect = cp->axisRect()->rect();
        // Right of the axis rect and above it (where curves and the oracle's shading pass).
        for (const QPoint at : {QPoint(rect.right() + 6, rect.center().y()), QPoint(rect.center().x(), rect.top() - 6),
                                QPoint(rect.right() + 6, rect.top() + 20)})
            QCOMPARE(image.pixelColor(at).rgb(), background.rgb());
        // The export left the plot as it was: the live layer still redraws alone.
        QVERIFY(cp->layer(QStringLiteral("live")));
        QVERIFY(!cp->layer(QStringLiteral("export margin mask")));
    }

    void exportErrors()
    {
        TradeoffPlot plot;
        fill(plot);
        plot.resize(600, 400);
        QTemporaryDir dir;
        QString error;
        const QString unknown = dir.filePath(QStringLiteral("plot.bmp"));
        QVERIFY(!plot.exportImage(unknown, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(unknown)) && error.contains(QStringLiteral("bmp")), qPrintable(error));
        QVERIFY(!QFile::exists(unknown));
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/plot.png"));
        QVERIFY(!plot.exportImage(missing, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(missing)), qPrintable(error));
    }

    void paletteFollowed()
    {
        TradeoffPlot plot;
        fill(plot);
        QCustomPlot *cp = plot.customPlot();
        const QPalette dark = darkPalette();
        plot.setPalette(dark);
        QCOMPARE(cp->axisRect()->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(cp->xAxis->tickLabelColor(), dark.color(QPalette::WindowText));
        QCOMPARE(cp->legend->textColor(), dark.color(QPalette::WindowText));
        ExitHistogramPlot histogram;
        histogram.setPalette(dark);
        QCOMPARE(histogram.customPlot()->yAxis->labelColor(), dark.color(QPalette::WindowText));
    }

    // Screenshots with a real sweep's data, light and dark, for a person to look at.
    void screenshots()
    {
        const PlotData &d = plotData();
        for (const bool dark : {false, true}) {
            const QString suffix = dark ? QStringLiteral("-dark") : QString();
            TradeoffPlot plot;
            if (dark)
                plot.setPalette(darkPalette());
            fill(plot);
            Evaluator evaluator(d.val, kCosts);
            evaluator.setPolicy(d.middle, "test");
            plot.setOperatingPoint(evaluator.evaluation().meanCost, evaluator.evaluation().accuracy);
            QVERIFY(showAndPlot(plot, plot.customPlot(), {900, 560}));
            QVERIFY(plot.grab().save(QStringLiteral("/tmp/plots-tradeoff%1.png").arg(suffix)));
            // The SVG export drawn back through QSvgRenderer: what a vector file shows.
            QString error;
            const QString svg = QStringLiteral("/tmp/plots-tradeoff%1.svg").arg(suffix);
            QVERIFY2(plot.exportImage(svg, &error), qPrintable(error));
            QVERIFY(renderSvg(svg, plot.size()).save(QStringLiteral("/tmp/plots-tradeoff%1-svg.png").arg(suffix)));

            for (int exit = 0; exit < 2; ++exit) {
                ExitHistogramPlot histogram;
                if (dark)
                    histogram.setPalette(darkPalette());
                histogram.setView(makeHistogramView(evaluator, exit));
                QVERIFY(showAndPlot(histogram, histogram.customPlot(), {380, 250}));
                QVERIFY(histogram.grab().save(QStringLiteral("/tmp/plots-histogram%1-exit%2.png").arg(suffix).arg(exit)));
            }
            // As narrow as in a row of four in the window.
            ExitHistogramPlot narrow;
            if (dark)
                narrow.setPalette(darkPalette());
            narrow.setView(makeHistogramView(evaluator, 2));
            QVERIFY(showAndPlot(narrow, narrow.customPlot(), {190, 210}));
            QVERIFY(narrow.grab().save(QStringLiteral("/tmp/plots-histogram%1-narrow.png").arg(suffix)));
        }
    }

    // What a drag costs the plots (the window's whole path is exitscope-bench drag): one
    // histogram's setView + replot (64 bins), the trade-off plot's setOperatingPoint + the
    // live layer's redraw + repaint.
    void interactiveCost()
    {
        const PlotData &d = plotData();
        Evaluator evaluator(d.val, kCosts, {false, 64});
        evaluator.setPolicy(d.middle, "test");
        ExitHistogramPlot histogram;
        histogram.setView(makeHistogramView(evaluator, 1));
        QVERIFY(showAndPlot(histogram, histogram.customPlot(), {380, 250}));
        const double t0 = evaluator.policy().thresholds[0];
        const Timing bars = timeIt(500, [&](int i) {
            evaluator.setThreshold(0, t0 + 0.002 * (i % 50));
            histogram.setView(makeHistogramView(evaluator, 1));
            histogram.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
        });

        ShownTradeoff shown;
        QVERIFY(shown.exposed);
        TradeoffPlot &plot = shown.plot;
        QCPLayer *live = plot.customPlot()->layer(QStringLiteral("live"));
        const Timing point = timeIt(500, [&](int i) {
            plot.setOperatingPoint(2.0 + 0.01 * (i % 100), 0.8);
            live->replot();
            plot.customPlot()->repaint();
        });
        const Timing full = timeIt(100, [&](int) { plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh); });
        qInfo("histogram setView + replot (64 bins): median %.2f ms, p99 %.2f ms", bars.median, bars.p99);
        qInfo("trade-off setOperatingPoint + live layer: median %.2f ms, p99 %.2f ms", point.median, point.p99);
        qInfo("trade-off full replot: median %.2f ms, p99 %.2f ms", full.median, full.p99);
        // The window's budget is 16 ms for everything; the plots must be a fraction of it.
        QVERIFY2(bars.median < 8, qPrintable(QString::number(bars.median)));
        QVERIFY2(point.median < 8, qPrintable(QString::number(point.median)));
        QVERIFY2(point.median < full.median, "the live layer should cost less than a full replot");
    }
};

QTEST_MAIN(TestPlots)
#include "tst_plots.moc"

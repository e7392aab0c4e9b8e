#include "widgets/plots/tradeoffplot.h"

#include "widgets/plots/draggableline.h"
#include "widgets/plots/plottheme.h"
#include "widgets/plots/policystyle.h"

#include <QHash>
#include <QLocale>
#include <QSet>
#include <QToolTip>

#include <qcustomplot.h>

#include <cmath>
#include <limits>
#include <optional>

namespace exitscope::gui {

namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();
constexpr double kHitPixels = 8; // how near a point the mouse must be to hover or click it

// Legend order: the policies in the order the CLI lists them, unknown ones after.
int policyRank(const QString &key)
{
    static const QStringList order = {QStringLiteral("heuristic"), QStringLiteral("branchynet"),
                                      QStringLiteral("msdnet"),    QStringLiteral("ippp"),
                                      QStringLiteral("eenet"),     QStringLiteral("selfxit"),
                                      QStringLiteral("patience"),  QStringLiteral("best"),
                                      QStringLiteral("oracle")};
    const int rank = static_cast<int>(order.indexOf(key));
    return rank < 0 ? static_cast<int>(order.size()) : rank;
}

bool finite(double cost, double accuracy)
{
    return std::isfinite(cost) && std::isfinite(accuracy);
}

QString number(double value)
{
    return QLocale().toString(value, 'g', 5);
}

// Toggle keys of the elements that are not policies' curves (a policy id never starts with '#').
const QString kParetoKey = QStringLiteral("#pareto");
const QString kFullModelKey = QStringLiteral("#full");
const QString kExitsKey = QStringLiteral("#exits");
const QString kOracleKey = QStringLiteral("oracle"); // the bound toggles with the oracle policy

} // namespace

class TradeoffPlot::Private
{
public:
    struct Entry
    {
        Curve curve;
        QString key; // policyKey(curve.policy)
        QCPGraph *graph = nullptr;
    };
    // A point under the mouse.
    struct Hit
    {
        QString policy; // empty for the exits and the full model
        QString title; // what the tooltip calls it
        CurvePoint point;
        bool hasBudget = false;
    };

    Private(TradeoffPlot *owner, QCustomPlot *plot);

    QCPGraph *addGraph(QCPLayer *layer);
    void restyleCurve(Entry &entry);
    void rebuildLegend();
    void applyVisibility();
    void refit(); // fits the axes unless the user zoomed or panned
    void fitAxes();
    void replot() { plot->replot(QCustomPlot::rpQueuedReplot); }
    void replotLive();
    std::optional<Hit> hitAt(const QPointF &pos, bool curvesOnly) const;
    QString toolTip(const Hit &hit) const;
    void hover(QMouseEvent *event);
    void press(QMouseEvent *event);
    void release(QMouseEvent *event);
    void legendClicked(QCPAbstractLegendItem *item);
    void updateLegendColumns();

    TradeoffPlot *q;
    QCustomPlot *plot;
    QCPLayer *markers = nullptr; // full model, exits: above the curves
    QCPLayer *live = nullptr; // buffered: cursor and operating point
    std::vector<Entry> curves;
    std::vector<Curve> curveList; // what curves() returns, in arrival order
    QCPGraph *oracle = nullptr;
    QCPGraph *pareto = nullptr;
    QCPGraph *fullModel = nullptr;
    QCPGraph *exits = nullptr;
    QCPGraph *operating = nullptr;
    QCPGraph *valKey = nullptr; // legend entries that say what solid and dashed mean
    QCPGraph *testKey = nullptr;
    std::vector<QCPItemText *> exitLabels;
    std::vector<CurvePoint> exitPoints, paretoPoints, oraclePoints;
    double fullCost = kNoValue, fullAccuracy = kNoValue;
    DraggableLine *cursor = nullptr;
    QCPItemText *cursorLabel = nullptr;
    QSet<QString> hidden; // toggle keys the user hid: kept across setCurves
    QString costTitle, accuracyTitle;
    bool userView = false; // the user zoomed or panned: new data leaves the axes alone
    bool livePending = false;
    QPointF pressPos;
    int legendColumns = 0;
};

TradeoffPlot::Private::Private(TradeoffPlot *owner, QCustomPlot *customPlot)
    : q(owner)
    , plot(customPlot)
{
    plot->addLayer(QStringLiteral("markers"), plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    markers = plot->layer(QStringLiteral("markers"));
    plot->addLayer(QStringLiteral("live"), markers, QCustomPlot::limAbove);
    live = plot->layer(QStringLiteral("live"));
    live->setMode(QCPLayer::lmBuffered);

    // The bound and the front go under the curves (grid layer), the markers above them.
    QCPLayer *under = plot->layer(QStringLiteral("grid"));
    oracle = addGraph(under);
    pareto = addGraph(under);
    fullModel = addGraph(markers);
    exits = addGraph(markers);
    operating = addGraph(live);
    valKey = addGraph(markers);
    testKey = addGraph(markers);
    oracle->setName(TradeoffPlot::tr("oracle bound"));
    pareto->setName(TradeoffPlot::tr("Pareto front"));
    fullModel->setName(TradeoffPlot::tr("full model"));
    exits->setName(TradeoffPlot::tr("exits alone"));
    operating->setName(TradeoffPlot::tr("operating point"));
    valKey->setName(TradeoffPlot::tr("val"));
    testKey->setName(TradeoffPlot::tr("test"));
    for (QCPGraph *graph : {fullModel, exits, operating})
        graph->setLineStyle(QCPGraph::lsNone);

    plot->setCurrentLayer(live);
    cursor = new DraggableLine(plot);
    cursorLabel = new QCPItemText(plot);
    plot->setCurrentLayer(QStringLiteral("main"));
    cursorLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    cursorLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    cursorLabel->position->setCoords(0, 1);
    cursorLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    cursorLabel->setPadding(QMargins(4, 0, 0, 2));
    cursorLabel->setSelectable(false);

    // The legend goes under the axis rect, several columns wide, so that nine policies do
    // not cover the curves.
    owner->placeLegendBelow();

    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setMouseTracking(true);
}

QCPGraph *TradeoffPlot::Private::addGraph(QCPLayer *layer)
{
    QCPGraph *graph = plot->addGraph();
    graph->setLayer(layer);
    graph->removeFromLegend();
    return graph;
}

void TradeoffPlot::Private::restyleCurve(Entry &entry)
{
    QPen pen(policyColor(entry.key), entry.curve.test ? 1.8 : 2.2);
    pen.setStyle(entry.curve.test ? Qt::DashLine : Qt::SolidLine);
    entry.graph->setPen(pen);
    entry.graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, policyColor(entry.key), 4));
    entry.graph->setName(entry.curve.label.isEmpty() ? entry.curve.policy : entry.curve.label);
}

void TradeoffPlot::Private::rebuildLegend()
{
    QCPLegend *legend = plot->legend;
    legend->clearItems();
    // One item per policy (its val curve's, or its test curve's when it has no val curve):
    // a click toggles both.
    std::vector<const Entry *> items;
    bool anyTest = false, anyVal = false;
    for (const Entry &entry : curves) {
        anyTest = anyTest || entry.curve.test;
        anyVal = anyVal || !entry.curve.test;
        auto same = std::find_if(items.begin(), items.end(), [&](const Entry *e) { return e->key == entry.key; });
        if (same == items.end())
            items.push_back(&entry);
        else if ((*same)->curve.test && !entry.curve.test)
            *same = &entry;
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Entry *a, const Entry *b) { return policyRank(a->key) < policyRank(b->key); });
    for (const Entry *entry : items)
        entry->graph->addToLegend(legend);
    if (!oraclePoints.empty())
        oracle->addToLegend(legend);
    if (!paretoPoints.empty())
        pareto->addToLegend(legend);
    if (std::isfinite(fullCost))
        fullModel->addToLegend(legend);
    if (!exitPoints.empty())
        exits->addToLegend(legend);
    if (!operating->data()->isEmpty())
        operating->addToLegend(legend);
    if (anyTest && anyVal) { // solid and dashed need saying only when both are there
        valKey->addToLegend(legend);
        testKey->addToLegend(legend);
    }
    updateLegendColumns();
    applyVisibility();
}

void TradeoffPlot::Private::updateLegendColumns()
{
    // As many columns as fit the width; QCPLegend does not wrap by itself.
    const int columns = std::max(1, (q->width() - 20) / 150);
    if (columns != legendColumns || plot->legend->columnCount() > columns) {
        legendColumns = columns;
        plot->legend->setWrap(columns);
        plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
}

void TradeoffPlot::Private::applyVisibility()
{
    const QColor text = q->palette().color(QPalette::WindowText);
    QColor faded = text;
    faded.setAlpha(90);
    auto show = [&](QCPGraph *graph, const QString &key) {
        const bool visible = !hidden.contains(key);
        graph->setVisible(visible);
        if (QCPPlottableLegendItem *item = plot->legend->itemWithPlottable(graph)) {
            item->setTextColor(visible ? text : faded);
            QFont font = item->font();
            font.setStrikeOut(!visible);
            item->setFont(font);
        }
    };
    for (Entry &entry : curves)
        show(entry.graph, entry.key);
    show(oracle, kOracleKey);
    show(pareto, kParetoKey);
    show(fullModel, kFullModelKey);
    show(exits, kExitsKey);
    for (QCPItemText *label : exitLabels)
        label->setVisible(!hidden.contains(kExitsKey));
}

void TradeoffPlot::Private::fitAxes()
{
    double left = std::numeric_limits<double>::infinity(), right = -left, bottom = left, top = -left;
    auto take = [&](double cost, double accuracy) {
        if (!finite(cost, accuracy))
            return;
        left = std::min(left, cost);
        right = std::max(right, cost);
        bottom = std::min(bottom, accuracy);
        top = std::max(top, accuracy);
    };
    auto takeAll = [&](const std::vector<CurvePoint> &points) {
        for (const CurvePoint &point : points)
            take(point.cost, point.accuracy);
    };
    for (const Entry &entry : curves)
        if (!hidden.contains(entry.key))
            takeAll(entry.curve.points);
    if (!hidden.contains(kOracleKey))
        takeAll(oraclePoints);
    takeAll(paretoPoints);
    takeAll(exitPoints);
    take(fullCost, fullAccuracy);
    if (!(left <= right)) { // nothing to show yet
        left = bottom = 0;
        right = top = 1;
    }
    const double width = right > left ? right - left : std::max(std::abs(left), 1.0);
    const double height = top > bottom ? top - bottom : 0.1;
    plot->xAxis->setRange(left - 0.04 * width, right + 0.04 * width);
    plot->yAxis->setRange(bottom - 0.06 * height, top + 0.06 * height);
}

void TradeoffPlot::Private::refit()
{
    if (!userView)
        fitAxes();
    replot();
}

void TradeoffPlot::Private::replotLive()
{
    // Several moves before the next frame make one redraw of the live layer.
    if (livePending)
        return;
    livePending = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            livePending = false;
            live->replot(); // the whole plot instead when its buffers are stale
        },
        Qt::QueuedConnection);
}

std::optional<TradeoffPlot::Private::Hit> TradeoffPlot::Private::hitAt(const QPointF &pos, bool curvesOnly) const
{
    if (!plot->axisRect()->rect().contains(pos.toPoint()))
        return std::nullopt;
    std::optional<Hit> best;
    double bestDistance = kHitPixels * kHitPixels;
    auto consider = [&](const CurvePoint &point, auto &&makeHit) {
        if (!finite(point.cost, point.accuracy))
            return;
        const double dx = plot->xAxis->coordToPixel(point.cost) - pos.x();
        const double dy = plot->yAxis->coordToPixel(point.accuracy) - pos.y();
        const double distance = dx * dx + dy * dy;
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = makeHit();
        }
    };
    for (const Entry &entry : curves) {
        if (!entry.graph->visible())
            continue;
        for (const CurvePoint &point : entry.curve.points)
            consider(point, [&] {
                return Hit{entry.curve.policy,
                           TradeoffPlot::tr("%1 (%2)").arg(entry.graph->name(),
                                                           entry.curve.test ? TradeoffPlot::tr("test")
                                                                            : TradeoffPlot::tr("val")),
                           point, true};
            });
    }
    if (curvesOnly)
        return best;
    if (exits->visible())
        for (std::size_t k = 0; k < exitPoints.size(); ++k)
            consider(exitPoints[k], [&] {
                return Hit{QString(), TradeoffPlot::tr("exit %1 alone").arg(k), exitPoints[k], false};
            });
    if (fullModel->visible())
        consider(CurvePoint{kNoValue, fullCost, fullAccuracy},
                 [&] { return Hit{QString(), TradeoffPlot::tr("full model"), {kNoValue, fullCost, fullAccuracy}, false}; });
    return best;
}

QString TradeoffPlot::Private::toolTip(const Hit &hit) const
{
    QString text = QStringLiteral("<b>%1</b>").arg(hit.title.toHtmlEscaped());
    if (hit.hasBudget)
        text += QStringLiteral("<br>") + TradeoffPlot::tr("budget: %1").arg(number(hit.point.budget));
    text += QStringLiteral("<br>") + TradeoffPlot::tr("%1: %2").arg(accuracyTitle.toHtmlEscaped(), number(hit.point.accuracy));
    text += QStringLiteral("<br>") + TradeoffPlot::tr("%1: %2").arg(costTitle.toHtmlEscaped(), number(hit.point.cost));
    return text;
}

void TradeoffPlot::Private::hover(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton) {
        if (!cursor->isDragging() && (event->position() - pressPos).manhattanLength() > 3)
            userView = true; // panning
        return;
    }
    const double cursorPixel = plot->xAxis->coordToPixel(cursor->x());
    const bool onCursor = std::abs(event->position().x() - cursorPixel) <= plot->selectionTolerance()
                          && plot->axisRect()->rect().contains(event->position().toPoint());
    if (onCursor)
        plot->setCursor(Qt::SizeHorCursor);
    else
        plot->unsetCursor();
    if (const std::optional<Hit> hit = hitAt(event->position(), false))
        QToolTip::showText(plot->mapToGlobal(event->position().toPoint()), toolTip(*hit), plot);
    else
        QToolTip::hideText();
}

void TradeoffPlot::Private::press(QMouseEvent *event)
{
    pressPos = event->position();
    QToolTip::hideText();
}

void TradeoffPlot::Private::release(QMouseEvent *event)
{
    // Emitted before the cursor hears of the release: a press that went to it is a drag.
    if (cursor->isDragging() || event->button() != Qt::LeftButton
        || (event->position() - pressPos).manhattanLength() > 3)
        return;
    if (const std::optional<Hit> hit = hitAt(event->position(), true))
        emit q->curvePointClicked(hit->policy, hit->point.budget);
}

void TradeoffPlot::Private::legendClicked(QCPAbstractLegendItem *item)
{
    auto *plottableItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plottableItem)
        return;
    QString key;
    const QCPAbstractPlottable *graph = plottableItem->plottable();
    if (graph == oracle)
        key = kOracleKey;
    else if (graph == pareto)
        key = kParetoKey;
    else if (graph == fullModel)
        key = kFullModelKey;
    else if (graph == exits)
        key = kExitsKey;
    for (const Entry &entry : curves)
        if (entry.graph == graph)
            key = entry.key;
    if (key.isEmpty())
        return; // the operating point and the val/test key stay
    q->setPolicyVisible(key, hidden.contains(key));
    emit q->policyVisibilityChanged(key, !hidden.contains(key));
}

TradeoffPlot::TradeoffPlot(QWidget *parent)
    : PlotWidget(parent)
    , d(std::make_unique<Private>(this, customPlot()))
{
    QCustomPlot *plot = customPlot();
    connect(d->cursor, &DraggableLine::dragged, this, [this](double x) {
        d->cursorLabel->position->setCoords(x, 1);
        d->cursorLabel->setText(tr("budget %1").arg(number(x)));
        d->replotLive();
        emit budgetDragged(x);
    });
    connect(d->cursor, &DraggableLine::dragFinished, this, [this](double, double to) { emit budgetDragFinished(to); });
    connect(plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) { d->press(event); });
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) { d->hover(event); });
    connect(plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) { d->release(event); });
    connect(plot, &QCustomPlot::mouseWheel, this, [this] { d->userView = true; });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this] { rescale(); });
    connect(plot, &QCustomPlot::legendClick, this,
            [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) { d->legendClicked(item); });
    setAxisTitles(tr("mean cost"), tr("accuracy"));
    setBudget(kNoValue);
    applyColors();
    d->fitAxes();
}

TradeoffPlot::~TradeoffPlot() = default;

void TradeoffPlot::applyColors()
{
    PlotWidget::applyColors();
    const QPalette colors = palette();
    const QColor text = colors.color(QPalette::WindowText);
    const QColor base = colors.color(QPalette::Base);
    for (Private::Entry &entry : d->curves)
        d->restyleCurve(entry);

    const bool dark = isDarkPalette(colors);
    QColor oracle = policyColor(kOracleKey);
    if (dark)
        oracle = oracle.lighter(150);
    d->oracle->setPen(QPen(oracle, 1.2));
    oracle.setAlpha(dark ? 45 : 30); // light: every curve lies under it
    d->oracle->setBrush(oracle);

    // The front's points ringed and joined by a dotted line (a wide translucent pen would
    // read better but costs a raster replot ~10 ms more).
    QColor front = text;
    front.setAlpha(170);
    d->pareto->setPen(QPen(front, 1, Qt::DotLine));
    d->pareto->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(front, 1.3), Qt::NoBrush, 11));

    d->fullModel->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(base, 1), text, 12));
    d->fullModel->setPen(QPen(text)); // the legend icon's colour
    d->exits->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(text, 1.5), base, 9));
    d->exits->setPen(QPen(text));
    d->operating->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlusCircle, QPen(text, 2.2), Qt::NoBrush, 16));
    d->operating->setPen(QPen(text));
    d->valKey->setPen(QPen(text, 2));
    d->testKey->setPen(QPen(text, 2, Qt::DashLine));
    for (QCPItemText *label : d->exitLabels)
        label->setColor(text);

    QColor highlight = colors.color(QPalette::Highlight);
    d->cursor->setPen(QPen(highlight, 2));
    d->cursorLabel->setColor(highlight);
    d->applyVisibility();
}

void TradeoffPlot::resizeEvent(QResizeEvent *event)
{
    PlotWidget::resizeEvent(event);
    d->updateLegendColumns();
}

void TradeoffPlot::setAxisTitles(const QString &cost, const QString &accuracy)
{
    d->costTitle = cost;
    d->accuracyTitle = accuracy;
    customPlot()->xAxis->setLabel(cost);
    customPlot()->yAxis->setLabel(accuracy);
    d->replot();
}

void TradeoffPlot::setCurves(std::vector<Curve> curves)
{
    for (Private::Entry &entry : d->curves)
        customPlot()->removeGraph(entry.graph);
    d->curves.clear();
    d->curveList.clear();
    for (Curve &curve : curves) {
        Private::Entry entry{std::move(curve), QString(), nullptr};
        entry.key = policyKey(entry.curve.policy);
        d->curves.push_back(std::move(entry));
    }
    for (Private::Entry &entry : d->curves) {
        entry.graph = d->addGraph(customPlot()->layer(QStringLiteral("main")));
        QVector<double> costs, accuracies;
        for (const CurvePoint &point : entry.curve.points) {
            if (!finite(point.cost, point.accuracy))
                continue;
            costs.push_back(point.cost);
            accuracies.push_back(point.accuracy);
        }
        entry.graph->setData(costs, accuracies); // sorted by cost, the x axis
        d->restyleCurve(entry);
        d->curveList.push_back(entry.curve);
    }
    d->rebuildLegend();
    d->refit();
}

void TradeoffPlot::addCurve(Curve curve)
{
    std::vector<Curve> all = d->curveList;
    const QString key = policyKey(curve.policy);
    auto same = std::find_if(all.begin(), all.end(),
                             [&](const Curve &c) { return policyKey(c.policy) == key && c.test == curve.test; });
    if (same != all.end())
        *same = std::move(curve);
    else
        all.push_back(std::move(curve));
    setCurves(std::move(all));
}

const std::vector<Curve> &TradeoffPlot::curves() const
{
    return d->curveList;
}

namespace {
void setPoints(QCPGraph *graph, const std::vector<CurvePoint> &points)
{
    QVector<double> costs, accuracies;
    for (const CurvePoint &point : points) {
        if (!finite(point.cost, point.accuracy))
            continue;
        costs.push_back(point.cost);
        accuracies.push_back(point.accuracy);
    }
    graph->setData(costs, accuracies);
}
} // namespace

void TradeoffPlot::setParetoFront(std::vector<CurvePoint> front)
{
    d->paretoPoints = std::move(front);
    setPoints(d->pareto, d->paretoPoints);
    d->rebuildLegend();
    d->refit();
}

void TradeoffPlot::setOracleBound(std::vector<CurvePoint> bound)
{
    d->oraclePoints = std::move(bound);
    setPoints(d->oracle, d->oraclePoints);
    // The oracle reaches its best accuracy below the largest budgets; the bound holds at
    // every larger cost, so the shading goes on to the right (far past any axis range).
    if (!d->oracle->data()->isEmpty()) {
        const QCPGraphData last = *(d->oracle->data()->constEnd() - 1);
        const double span = std::max(1.0, std::abs(last.key - d->oracle->data()->constBegin()->key));
        d->oracle->addData(last.key + 1e3 * span, last.value);
    }
    d->rebuildLegend();
    d->refit();
}

void TradeoffPlot::setFullModel(double cost, double accuracy)
{
    d->fullCost = cost;
    d->fullAccuracy = accuracy;
    if (finite(cost, accuracy))
        d->fullModel->setData({cost}, {accuracy});
    else
        d->fullModel->data()->clear();
    d->rebuildLegend();
    d->refit();
}

void TradeoffPlot::setExitPoints(std::vector<CurvePoint> exitPoints)
{
    d->exitPoints = std::move(exitPoints);
    setPoints(d->exits, d->exitPoints);
    for (QCPItemText *label : d->exitLabels)
        customPlot()->removeItem(label);
    d->exitLabels.clear();
    customPlot()->setCurrentLayer(d->markers);
    const QColor text = palette().color(QPalette::WindowText);
    for (std::size_t k = 0; k < d->exitPoints.size(); ++k) {
        const CurvePoint &point = d->exitPoints[k];
        if (!finite(point.cost, point.accuracy))
            continue;
        auto *label = new QCPItemText(customPlot());
        label->position->setCoords(point.cost, point.accuracy);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(7, 5, 0, 0)); // beside the marker, not on it
        label->setText(QString::number(k));
        label->setColor(text);
        label->setSelectable(false);
        d->exitLabels.push_back(label);
    }
    customPlot()->setCurrentLayer(QStringLiteral("main"));
    d->rebuildLegend();
    d->refit();
}

void TradeoffPlot::setOperatingPoint(double cost, double accuracy)
{
    const bool had = !d->operating->data()->isEmpty();
    if (finite(cost, accuracy))
        d->operating->setData({cost}, {accuracy}, true);
    else
        d->operating->data()->clear();
    if (had != !d->operating->data()->isEmpty()) {
        d->rebuildLegend(); // the legend shows it only when there is one
        d->replot();
    } else {
        d->replotLive();
    }
}

QPointF TradeoffPlot::operatingPoint() const
{
    if (d->operating->data()->isEmpty())
        return {std::nan(""), std::nan("")};
    const QCPGraphData &point = *d->operating->data()->constBegin();
    return {point.key, point.value};
}

void TradeoffPlot::setBudget(double budget)
{
    d->cursor->setX(budget);
    d->cursor->setVisible(std::isfinite(budget));
    d->cursorLabel->setVisible(std::isfinite(budget));
    d->cursorLabel->position->setCoords(budget, 1);
    d->cursorLabel->setText(tr("budget %1").arg(number(budget)));
    d->replotLive();
}

double TradeoffPlot::budget() const
{
    return d->cursor->x();
}

void TradeoffPlot::setPolicyVisible(const QString &policy, bool visible)
{
    const QString key = policy.startsWith(QLatin1Char('#')) ? policy : policyKey(policy);
    if (visible)
        d->hidden.remove(key);
    else
        d->hidden.insert(key);
    d->applyVisibility();
    d->replot();
}

bool TradeoffPlot::isPolicyVisible(const QString &policy) const
{
    return !d->hidden.contains(policy.startsWith(QLatin1Char('#')) ? policy : policyKey(policy));
}

void TradeoffPlot::rescale()
{
    d->userView = false;
    d->fitAxes();
    d->replot();
}

} // namespace exitscope::gui

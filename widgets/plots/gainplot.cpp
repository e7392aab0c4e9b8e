#include "widgets/plots/gainplot.h"

#include "widgets/plots/policystyle.h"

#include <QLocale>
#include <QToolTip>

#include <qcustomplot.h>

#include <cmath>
#include <limits>
#include <optional>

namespace exitscope::gui {

namespace {

constexpr double kHitPixels = 8;

QString number(double value)
{
    return QLocale().toString(value, 'g', 5);
}

} // namespace

class GainPlot::Private
{
public:
    explicit Private(QCustomPlot *p)
        : plot(p)
    {
    }

    void fitAxes();
    void hover(QMouseEvent *event);

    QCustomPlot *plot;
    std::vector<GainCurve> curves;
    std::vector<QCPGraph *> graphs;
    QCPItemStraightLine *zero = nullptr;
    QCPItemText *zeroLabel = nullptr;
    QString budgetTitle, gainTitle, baseline;
    bool userView = false;
};

void GainPlot::Private::fitAxes()
{
    double left = std::numeric_limits<double>::infinity(), right = -left;
    double bottom = 0, top = 0; // the zero line is always in view
    for (const GainCurve &curve : curves)
        for (const GainPoint &p : curve.points) {
            if (!std::isfinite(p.budget) || !std::isfinite(p.gain))
                continue;
            left = std::min(left, p.budget);
            right = std::max(right, p.budget);
            bottom = std::min(bottom, p.gain);
            top = std::max(top, p.gain);
        }
    if (!(left <= right)) {
        left = 0;
        right = 1;
    }
    const double width = right > left ? right - left : std::max(std::abs(left), 1.0) * 0.1;
    const double height = top > bottom ? top - bottom : 1.0;
    plot->xAxis->setRange(left - 0.04 * width, right + 0.04 * width);
    plot->yAxis->setRange(bottom - 0.08 * height, top + 0.12 * height); // room for the zero line's label
}

void GainPlot::Private::hover(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton) {
        userView = true; // panning
        return;
    }
    const QPointF pos = event->position();
    const GainCurve *bestCurve = nullptr;
    const GainPoint *best = nullptr;
    double bestDistance = kHitPixels * kHitPixels;
    for (std::size_t i = 0; i < curves.size(); ++i)
        for (const GainPoint &p : curves[i].points) {
            const double dx = plot->xAxis->coordToPixel(p.budget) - pos.x();
            const double dy = plot->yAxis->coordToPixel(p.gain) - pos.y();
            if (dx * dx + dy * dy <= bestDistance) {
                bestDistance = dx * dx + dy * dy;
                bestCurve = &curves[i];
                best = &p;
            }
        }
    if (!best) {
        QToolTip::hideText();
        return;
    }
    const QString name = bestCurve->label.isEmpty() ? bestCurve->policy : bestCurve->label;
    const QString text = GainPlot::tr("<b>%1</b> vs %2<br>budget: %3<br>%4 vs %5<br>gain: %6%7 pp")
                             .arg(name.toHtmlEscaped(), baseline.toHtmlEscaped(), number(best->budget))
                             .arg(QLocale().toString(100 * best->value, 'f', 2) + QLatin1Char('%'),
                                  QLocale().toString(100 * best->baselineValue, 'f', 2) + QLatin1Char('%'),
                                  best->gain > 0 ? QStringLiteral("+") : QString(), QLocale().toString(best->gain, 'f', 2));
    QToolTip::showText(plot->mapToGlobal(pos.toPoint()), text, plot);
}

GainPlot::GainPlot(QWidget *parent)
    : PlotWidget(parent)
    , d(std::make_unique<Private>(customPlot()))
{
    QCustomPlot *plot = customPlot();
    plot->setCurrentLayer(QStringLiteral("grid"));
    d->zero = new QCPItemStraightLine(plot);
    d->zero->point1->setCoords(0, 0);
    d->zero->point2->setCoords(1, 0);
    d->zero->setSelectable(false);
    plot->setCurrentLayer(QStringLiteral("main"));
    d->zeroLabel = new QCPItemText(plot);
    // At the right end of the zero line, whatever the zoom: x in axis-rect ratio, y in data.
    d->zeroLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    d->zeroLabel->position->setCoords(0.99, 0);
    d->zeroLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    d->zeroLabel->setPadding(QMargins(3, 1, 3, 1));
    d->zeroLabel->setSelectable(false);

    // The legend under the axis rect, as the trade-off plot's.
    placeLegendBelow(4);

    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setMouseTracking(true);
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) { d->hover(event); });
    connect(plot, &QCustomPlot::mouseWheel, this, [this] { d->userView = true; });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this] { rescale(); });
    applyColors();
    d->fitAxes();
}

GainPlot::~GainPlot() = default;

void GainPlot::applyColors()
{
    PlotWidget::applyColors();
    const QColor text = palette().color(QPalette::WindowText);
    d->zero->setPen(QPen(text, 1.4, Qt::DashLine));
    d->zeroLabel->setColor(text);
    QColor behind = palette().color(QPalette::Base);
    behind.setAlpha(210); // readable where a curve runs along the zero line
    d->zeroLabel->setBrush(behind);
    for (std::size_t i = 0; i < d->graphs.size(); ++i) {
        const QColor color = policyColor(d->curves[i].policy);
        d->graphs[i]->setPen(QPen(color, 2.2));
        d->graphs[i]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 5));
    }
}

void GainPlot::setAxisTitles(const QString &budget, const QString &gain, const QString &baseline)
{
    d->budgetTitle = budget;
    d->gainTitle = gain;
    d->baseline = baseline;
    customPlot()->xAxis->setLabel(budget);
    customPlot()->yAxis->setLabel(gain);
    d->zeroLabel->setText(baseline.isEmpty() ? QString() : tr("%1 (baseline)").arg(baseline));
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

void GainPlot::setCurves(std::vector<GainCurve> curves)
{
    QCustomPlot *plot = customPlot();
    for (QCPGraph *graph : d->graphs)
        plot->removeGraph(graph);
    d->graphs.clear();
    d->curves = std::move(curves);
    for (const GainCurve &curve : d->curves) {
        QCPGraph *graph = plot->addGraph();
        QVector<double> budgets, gains;
        for (const GainPoint &p : curve.points) {
            budgets.push_back(p.budget);
            gains.push_back(p.gain);
        }
        graph->setData(budgets, gains, true);
        graph->setName(curve.label.isEmpty() ? curve.policy : curve.label);
        d->graphs.push_back(graph);
    }
    plot->legend->setVisible(!d->graphs.empty());
    applyColors();
    if (!d->userView)
        d->fitAxes();
    plot->replot(QCustomPlot::rpQueuedReplot);
}

const std::vector<GainCurve> &GainPlot::curves() const
{
    return d->curves;
}

void GainPlot::rescale()
{
    d->userView = false;
    d->fitAxes();
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace exitscope::gui

#include "widgets/plots/latencyplot.h"

#include "widgets/plots/plottheme.h"

#include <qcustomplot.h>

#include <algorithm>

namespace exitscope::gui {

namespace {

// Where each exit's elements sit around its key k: the cumulative bar and its box on the
// left, the stage-and-head bar on the right.
constexpr double kBarOffset = -0.12, kBarWidth = 0.5;
constexpr double kPartOffset = 0.3, kPartWidth = 0.16;

QVector<double> keys(std::size_t n, double offset)
{
    QVector<double> k;
    for (std::size_t i = 0; i < n; ++i)
        k.push_back(static_cast<double>(i) + offset);
    return k;
}

QVector<double> values(const std::vector<double> &v)
{
    return QVector<double>(v.begin(), v.end());
}

} // namespace

class LatencyPlot::Private
{
public:
    QCPBars *bars = nullptr, *stages = nullptr, *heads = nullptr;
    QCPStatisticalBox *boxes = nullptr;
    QCPGraph *p90 = nullptr;
    QCPItemStraightLine *reference = nullptr;
    QCPItemText *referenceLabel = nullptr;
    LatencyPlotData data;
};

LatencyPlot::LatencyPlot(QWidget *parent)
    : PlotWidget(parent)
    , d(std::make_unique<Private>())
{
    QCustomPlot *plot = customPlot();
    d->bars = new QCPBars(plot->xAxis, plot->yAxis);
    d->bars->setName(tr("mean cumulative latency"));
    d->bars->setWidthType(QCPBars::wtPlotCoords);
    d->bars->setWidth(kBarWidth);
    d->boxes = new QCPStatisticalBox(plot->xAxis, plot->yAxis);
    d->boxes->setName(tr("median, IQR, p99 whisker"));
    d->boxes->setWidth(kBarWidth * 0.55);
    d->boxes->setWhiskerWidth(kBarWidth * 0.3);
    d->p90 = plot->addGraph();
    d->p90->setName(tr("p90"));
    d->p90->setLineStyle(QCPGraph::lsNone);
    d->stages = new QCPBars(plot->xAxis, plot->yAxis);
    d->stages->setName(tr("this exit's stage"));
    d->heads = new QCPBars(plot->xAxis, plot->yAxis);
    d->heads->setName(tr("this exit's head"));
    for (QCPBars *b : {d->stages, d->heads}) {
        b->setWidthType(QCPBars::wtPlotCoords);
        b->setWidth(kPartWidth);
    }
    d->heads->moveAbove(d->stages);
    d->reference = new QCPItemStraightLine(plot);
    d->reference->setSelectable(false);
    d->referenceLabel = new QCPItemText(plot);
    d->referenceLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    d->referenceLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    d->referenceLabel->setPadding(QMargins(3, 1, 3, 1));
    d->referenceLabel->setSelectable(false);

    useExitAxis(plot->xAxis, tr("exit"));

    // The legend under the axis rect, as the other plots'.
    placeLegendBelow(5);
    applyColors();
    setData({});
}

LatencyPlot::~LatencyPlot() = default;

void LatencyPlot::applyColors()
{
    PlotWidget::applyColors();
    const bool dark = isDarkPalette(palette());
    const QColor text = palette().color(QPalette::WindowText);
    const QColor bar = dark ? QColor(0x4a, 0x6f, 0x9c) : QColor(0xa9, 0xc6, 0xe8);
    d->bars->setPen(QPen(bar.darker(130), 1));
    d->bars->setBrush(bar);
    d->boxes->setPen(QPen(text, 1.3));
    d->boxes->setBrush(QColor(255, 255, 255, dark ? 40 : 150));
    d->boxes->setMedianPen(QPen(QColor(0xc0, 0x39, 0x2b), 2.5));
    d->boxes->setWhiskerPen(QPen(text, 1.3, Qt::SolidLine));
    d->boxes->setWhiskerBarPen(QPen(text, 1.3));
    d->p90->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, text, 9));
    d->p90->setPen(QPen(text, 1.6));
    const QColor stage(0x27, 0xae, 0x60), head(0xe6, 0x7e, 0x22);
    d->stages->setPen(QPen(stage.darker(130), 1));
    d->stages->setBrush(stage);
    d->heads->setPen(QPen(head.darker(130), 1));
    d->heads->setBrush(head);
    d->reference->setPen(QPen(text, 1.4, Qt::DashLine));
    d->referenceLabel->setColor(text);
    QColor behind = palette().color(QPalette::Base);
    behind.setAlpha(210);
    d->referenceLabel->setBrush(behind);
}

void LatencyPlot::setData(LatencyPlotData data)
{
    d->data = std::move(data);
    const LatencyPlotData &p = d->data;
    QCustomPlot *plot = customPlot();
    const std::size_t n = p.cumulative.size();
    d->bars->setData(keys(n, kBarOffset), values(p.cumulative), true);

    // The spread: the box's quartiles are the median +- IQR / 2 (a profile keeps the IQR's
    // width, not its ends); the whisker runs from the box to p99.
    const bool spread = p.median.size() == n && p.iqr.size() == n && p.p99.size() == n && n > 0;
    d->boxes->data()->clear();
    d->p90->data()->clear();
    // The axis fits the bars, boxes and p90; a p99 far above them (a noisy machine) would
    // flatten everything, so its whisker runs off the top (the view says so).
    double top = 0, p99Top = 0;
    for (std::size_t k = 0; k < n; ++k) {
        top = std::max(top, p.cumulative[k]);
        if (!spread)
            continue;
        const double key = static_cast<double>(k) + kBarOffset;
        const double low = std::max(0.0, p.median[k] - p.iqr[k] / 2), high = p.median[k] + p.iqr[k] / 2;
        d->boxes->addData(key, low, low, p.median[k], high, std::max(high, p.p99[k]));
        top = std::max(top, high);
        p99Top = std::max(p99Top, p.p99[k]);
        if (p.p90.size() == n) {
            d->p90->addData(key, p.p90[k]);
            top = std::max(top, p.p90[k]);
        }
    }
    d->boxes->setVisible(spread);
    d->boxes->removeFromLegend();
    if (spread)
        d->boxes->addToLegend();
    d->p90->setVisible(spread && p.p90.size() == n);
    d->p90->removeFromLegend();
    if (d->p90->visible())
        d->p90->addToLegend();

    const bool parts = p.stage.size() == n && p.head.size() == n && n > 0;
    d->stages->setData(keys(parts ? n : 0, kPartOffset), values(parts ? p.stage : std::vector<double>{}), true);
    d->heads->setData(keys(parts ? n : 0, kPartOffset), values(parts ? p.head : std::vector<double>{}), true);
    for (QCPBars *b : {d->stages, d->heads}) {
        b->setVisible(parts);
        b->removeFromLegend();
        if (parts)
            b->addToLegend();
    }

    d->reference->setVisible(p.reference.has_value());
    d->referenceLabel->setVisible(p.reference.has_value());
    if (p.reference) {
        d->reference->point1->setCoords(0, *p.reference);
        d->reference->point2->setCoords(1, *p.reference);
        d->referenceLabel->position->setCoords(0.01, *p.reference);
        d->referenceLabel->setText(tr("full model (reference): %1 %2").arg(QLocale().toString(*p.reference, 'g', 4), p.unit));
        top = std::max(top, *p.reference);
    }
    plot->yAxis->setLabel(p.unit.isEmpty() ? tr("cumulative latency") : tr("cumulative latency (%1)").arg(p.unit));
    plot->xAxis->setRange(-0.7, std::max<double>(static_cast<double>(n) - 0.4, 0.6));
    const double fitted = top > 0 ? top * 1.3 : 1;
    plot->yAxis->setRange(0, p99Top > fitted && p99Top < fitted * 1.5 ? p99Top * 1.05 : fitted);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LatencyPlot::whiskersCut() const
{
    return !d->data.p99.empty() && d->boxes->visible() && customPlot()->yAxis->range().upper < *std::max_element(d->data.p99.begin(), d->data.p99.end());
}

const LatencyPlotData &LatencyPlot::data() const
{
    return d->data;
}

} // namespace exitscope::gui

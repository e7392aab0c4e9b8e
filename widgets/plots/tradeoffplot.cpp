#include "widgets/plots/tradeoffplot.h"

#include "widgets/plots/draggableline.h"
#include "widgets/plots/plotexport.h"
#include "widgets/plots/plottheme.h"
#include "widgets/plots/policystyle.h"

#include <QEvent>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace exitscope::gui {

class TradeoffPlot::Private
{
public:
    QCustomPlot *plot = nullptr;
    DraggableLine *cursor = nullptr;
    QCPGraph *operatingPoint = nullptr;
    std::vector<Curve> curves;
    std::vector<QCPGraph *> curveGraphs;
};

TradeoffPlot::TradeoffPlot(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->plot = new QCustomPlot(this);
    layout->addWidget(d->plot);
    d->cursor = new DraggableLine(d->plot);
    d->operatingPoint = d->plot->addGraph();
    d->operatingPoint->setLineStyle(QCPGraph::lsNone);
    d->operatingPoint->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCrossSquare, 12));
    connect(d->cursor, &DraggableLine::dragged, this, [this](double x) {
        d->plot->replot(QCustomPlot::rpQueuedReplot);
        emit budgetDragged(x);
    });
    connect(d->cursor, &DraggableLine::dragFinished, this, [this](double, double to) { emit budgetDragFinished(to); });
    setAxisTitles(tr("mean cost"), tr("accuracy"));
    applyPlotPalette(d->plot, palette());
}

TradeoffPlot::~TradeoffPlot() = default;

void TradeoffPlot::setAxisTitles(const QString &cost, const QString &accuracy)
{
    d->plot->xAxis->setLabel(cost);
    d->plot->yAxis->setLabel(accuracy);
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void TradeoffPlot::setCurves(std::vector<Curve> curves)
{
    for (QCPGraph *graph : d->curveGraphs)
        d->plot->removeGraph(graph);
    d->curveGraphs.clear();
    d->curves.clear();
    for (Curve &curve : curves)
        addCurve(std::move(curve));
}

void TradeoffPlot::addCurve(Curve curve)
{
    QCPGraph *graph = d->plot->addGraph();
    QPen pen(policyColor(curve.policy), 2);
    if (curve.test)
        pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    graph->setName(curve.label);
    for (const CurvePoint &point : curve.points)
        graph->addData(point.cost, point.accuracy);
    d->curveGraphs.push_back(graph);
    d->curves.push_back(std::move(curve));
    d->plot->rescaleAxes();
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void TradeoffPlot::setParetoFront(std::vector<CurvePoint>) {}
void TradeoffPlot::setOracleBound(std::vector<CurvePoint>) {}
void TradeoffPlot::setFullModel(double, double) {}
void TradeoffPlot::setExitPoints(std::vector<CurvePoint>) {}

void TradeoffPlot::setOperatingPoint(double cost, double accuracy)
{
    d->operatingPoint->setData({cost}, {accuracy});
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void TradeoffPlot::setBudget(double budget)
{
    d->cursor->setX(budget);
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

double TradeoffPlot::budget() const
{
    return d->cursor->x();
}

void TradeoffPlot::setPolicyVisible(const QString &, bool) {}
bool TradeoffPlot::isPolicyVisible(const QString &) const { return true; }

void TradeoffPlot::rescale()
{
    d->plot->rescaleAxes();
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

bool TradeoffPlot::exportImage(const QString &path, QString *error)
{
    return exportPlot(d->plot, path, error);
}

QCustomPlot *TradeoffPlot::customPlot() const
{
    return d->plot;
}

bool TradeoffPlot::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPlotPalette(d->plot, palette());
    return QWidget::event(event);
}

} // namespace exitscope::gui

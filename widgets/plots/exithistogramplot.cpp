#include "widgets/plots/exithistogramplot.h"

#include "widgets/plots/draggableline.h"
#include "widgets/plots/plotexport.h"
#include "widgets/plots/plottheme.h"

#include <QEvent>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace exitscope::gui {

class ExitHistogramPlot::Private
{
public:
    QCustomPlot *plot = nullptr;
    QCPBars *negative = nullptr;
    QCPBars *positive = nullptr;
    DraggableLine *line = nullptr;
    HistogramView view;
};

ExitHistogramPlot::ExitHistogramPlot(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->plot = new QCustomPlot(this);
    layout->addWidget(d->plot);
    d->negative = new QCPBars(d->plot->xAxis, d->plot->yAxis);
    d->positive = new QCPBars(d->plot->xAxis, d->plot->yAxis);
    d->positive->moveAbove(d->negative);
    d->line = new DraggableLine(d->plot);
    connect(d->line, &DraggableLine::dragged, this, [this](double x) {
        d->view.threshold = x;
        d->plot->replot(QCustomPlot::rpQueuedReplot);
        emit thresholdDragged(d->view.exit, x);
    });
    connect(d->line, &DraggableLine::dragFinished, this,
            [this](double from, double to) { emit thresholdDragFinished(d->view.exit, from, to); });
    applyPlotPalette(d->plot, palette());
}

ExitHistogramPlot::~ExitHistogramPlot() = default;

void ExitHistogramPlot::setView(const HistogramView &view)
{
    d->view = view;
    const ExitHistogram &h = view.histogram;
    const int bins = h.bins();
    const double width = bins > 0 && h.highest > h.lowest ? (h.highest - h.lowest) / bins : 1;
    QVector<double> keys(bins), negative(bins), positive(bins);
    double top = 1;
    for (int b = 0; b < bins; ++b) {
        keys[b] = h.lowest + (b + 0.5) * width;
        negative[b] = static_cast<double>(h.negative(b));
        positive[b] = static_cast<double>(h.positive(b));
        top = std::max(top, negative[b] + positive[b]);
    }
    d->negative->setWidth(width);
    d->positive->setWidth(width);
    d->negative->setData(keys, negative, true);
    d->positive->setData(keys, positive, true);
    d->plot->xAxis->setRange(h.lowest, h.highest > h.lowest ? h.highest : h.lowest + 1);
    d->plot->yAxis->setRange(0, top * 1.1);
    d->line->setX(view.threshold);
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

const HistogramView &ExitHistogramPlot::view() const
{
    return d->view;
}

bool ExitHistogramPlot::exportImage(const QString &path, QString *error)
{
    return exportPlot(d->plot, path, error);
}

QCustomPlot *ExitHistogramPlot::customPlot() const
{
    return d->plot;
}

bool ExitHistogramPlot::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPlotPalette(d->plot, palette());
    return QWidget::event(event);
}

} // namespace exitscope::gui

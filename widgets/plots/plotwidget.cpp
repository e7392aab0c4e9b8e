#include "widgets/plots/plotwidget.h"

#include "widgets/plots/plotexport.h"
#include "widgets/plots/plottheme.h"

#include <QEvent>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace exitscope::gui {

PlotWidget::PlotWidget(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->installEventFilter(this);
}

PlotWidget::~PlotWidget() = default;

bool PlotWidget::exportImage(const QString &path, QString *error)
{
    return exportPlot(m_plot, path, error);
}

void PlotWidget::placeLegendBelow(int wrap)
{
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, false);
    if (wrap > 0)
        m_plot->legend->setWrap(wrap);
    m_plot->legend->setMargins(QMargins(4, 2, 4, 2));
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(10);
    m_plot->legend->setIconSize(24, 10);
}

void PlotWidget::applyColors()
{
    applyPlotPalette(m_plot, palette());
}

void PlotWidget::followPixelRatio()
{
    // QCustomPlot sizes its paint buffers once; a window dragged to a screen with another
    // scale would otherwise draw blurred (or too small) until recreated.
    const double ratio = m_plot->devicePixelRatioF();
    if (!qFuzzyCompare(m_plot->bufferDevicePixelRatio(), ratio)) {
        m_plot->setBufferDevicePixelRatio(ratio);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

bool PlotWidget::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        applyColors();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        break;
    case QEvent::ScreenChangeInternal:
    case QEvent::Show:
        followPixelRatio();
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

bool PlotWidget::eventFilter(QObject *watched, QEvent *event)
{
    // The plot itself hears of a new screen too (the wrapper may not, depending on the path).
    if (watched == m_plot && (event->type() == QEvent::ScreenChangeInternal || event->type() == QEvent::Show))
        followPixelRatio();
    return QWidget::eventFilter(watched, event);
}

} // namespace exitscope::gui

#include "widgets/plots/plottheme.h"

#include <qcustomplot.h>

namespace exitscope::gui {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor plotBackground(const QPalette &palette)
{
    return palette.color(QPalette::Window);
}

void applyPlotPalette(QCustomPlot *plot, const QPalette &palette)
{
    const QColor background = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    QColor subGrid = text;
    subGrid.setAlpha(18);

    plot->setBackground(plotBackground(palette));
    const QList<QCPAxisRect *> rects = plot->axisRects();
    for (QCPAxisRect *rect : rects) {
        rect->setBackground(background);
        const QList<QCPAxis *> axes = rect->axes();
        for (QCPAxis *axis : axes) {
            axis->setBasePen(QPen(text));
            axis->setTickPen(QPen(text));
            axis->setSubTickPen(QPen(text));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
            axis->grid()->setSubGridPen(QPen(subGrid, 0, Qt::DotLine));
            axis->grid()->setZeroLinePen(Qt::NoPen);
        }
    }
    if (plot->legend) {
        QColor legendBackground = background;
        legendBackground.setAlpha(220);
        plot->legend->setBrush(legendBackground);
        plot->legend->setBorderPen(QPen(grid));
        plot->legend->setTextColor(text);
        plot->legend->setSelectedTextColor(text);
    }
}

void useExitAxis(QCPAxis *axis, const QString &label)
{
    axis->setLabel(label);
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    axis->setTicker(ticker);
    axis->grid()->setVisible(false);
}

} // namespace exitscope::gui

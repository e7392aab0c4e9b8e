#include "widgets/plots/hitsplot.h"

#include "widgets/plots/plottheme.h"

#include <qcustomplot.h>

#include <algorithm>

namespace exitscope::gui {

class HitsPlot::Private
{
public:
    QCPBars *run = nullptr, *predicted = nullptr;
    QCPBarsGroup *group = nullptr;
    std::vector<std::int64_t> runHits, predictedHits;
};

HitsPlot::HitsPlot(QWidget *parent)
    : PlotWidget(parent)
    , d(std::make_unique<Private>())
{
    QCustomPlot *plot = customPlot();
    d->group = new QCPBarsGroup(plot);
    d->group->setSpacing(2);
    d->predicted = new QCPBars(plot->xAxis, plot->yAxis);
    d->predicted->setName(tr("predicted (trace)"));
    d->run = new QCPBars(plot->xAxis, plot->yAxis);
    d->run->setName(tr("real run"));
    for (QCPBars *b : {d->predicted, d->run}) {
        b->setWidth(0.36);
        b->setBarsGroup(d->group);
    }
    useExitAxis(plot->xAxis, tr("exit"));
    plot->yAxis->setLabel(tr("samples"));
    placeLegendBelow();
    applyColors();
    setHits({}, {});
}

HitsPlot::~HitsPlot() = default;

void HitsPlot::applyColors()
{
    PlotWidget::applyColors();
    const QColor predicted(0x95, 0xa5, 0xa6), run(0x29, 0x80, 0xb9);
    d->predicted->setPen(QPen(predicted.darker(130), 1));
    d->predicted->setBrush(predicted);
    d->run->setPen(QPen(run.darker(130), 1));
    d->run->setBrush(run);
}

void HitsPlot::setHits(const std::vector<std::int64_t> &run, const std::vector<std::int64_t> &predicted)
{
    d->runHits = run;
    d->predictedHits = predicted;
    QVector<double> keys, runValues, predictedValues;
    double top = 0;
    for (std::size_t k = 0; k < run.size(); ++k) {
        keys.push_back(static_cast<double>(k));
        runValues.push_back(static_cast<double>(run[k]));
        predictedValues.push_back(k < predicted.size() ? static_cast<double>(predicted[k]) : 0.0);
        top = std::max({top, runValues.back(), predictedValues.back()});
    }
    d->run->setData(keys, runValues, true);
    d->predicted->setData(keys, predictedValues, true);
    QCustomPlot *plot = customPlot();
    plot->xAxis->setRange(-0.6, std::max(static_cast<double>(run.size()) - 0.4, 0.6));
    plot->yAxis->setRange(0, top > 0 ? top * 1.05 : 1);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

const std::vector<std::int64_t> &HitsPlot::runHits() const
{
    return d->runHits;
}

const std::vector<std::int64_t> &HitsPlot::predictedHits() const
{
    return d->predictedHits;
}

} // namespace exitscope::gui

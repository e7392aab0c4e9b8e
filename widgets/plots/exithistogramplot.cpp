#include "widgets/plots/exithistogramplot.h"

#include "widgets/plots/draggableline.h"
#include "widgets/plots/plottheme.h"

#include <QFontMetrics>
#include <QLocale>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace exitscope::gui {

namespace {

// Ticks at whole counts only: a histogram of 3 samples has no tick at 0.5.
class CountTicker : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange &range) override { return std::max(1.0, QCPAxisTicker::getTickStep(range)); }
};

QString percent(double fraction, int decimals)
{
    return std::isfinite(fraction) ? QStringLiteral("%1%").arg(QLocale().toString(100 * fraction, 'f', decimals))
                                   : ExitHistogramPlot::tr("n/a");
}

} // namespace

HistogramView makeHistogramView(const Evaluator &evaluator, int exit)
{
    const auto k = static_cast<std::size_t>(exit);
    HistogramView view;
    view.exit = exit;
    view.histogram = evaluator.histograms().at(k);
    view.threshold = evaluator.policy().thresholds.at(k);
    view.higherIsConfident = evaluator.policy().direction == Direction::HigherIsConfident;
    view.agreement = evaluator.split() == HistogramSplit::Agreement;
    const ExitOutcome &outcome = evaluator.evaluation().exits.at(k);
    view.hits = outcome.hits;
    view.hitRate = outcome.hitRate;
    view.accuracy = outcome.accuracy;
    view.scoreTitle = QString::fromStdString(std::string(measureName(evaluator.policy().measure)));
    return view;
}

class ExitHistogramPlot::Private
{
public:
    explicit Private(QCustomPlot *plot);

    void updateBars();
    // The legend's corner and visibility, and the y range, for the axis rect of the last
    // layout; true when something changed.
    bool placeLegend();
    void updateThreshold(); // the line, the shaded side, the text
    double drawnThreshold() const; // the threshold, kept inside the x range

    QCustomPlot *plot;
    QCPTextElement *title = nullptr;
    QCPBars *negative = nullptr; // wrong (or disagreeing): the bottom of each stack
    QCPBars *positive = nullptr;
    QCPItemRect *leaving = nullptr; // the side of the line whose samples leave here
    DraggableLine *line = nullptr;
    HistogramView view;
    double dragFrom = 0;
    int titleLayout = 0; // which of the text's layouts is shown (0: the widest)
    // What the bars were built for: the same range and bin count update values in place.
    int builtBins = -1;
    double builtLowest = 0, builtHighest = 0;
};

ExitHistogramPlot::Private::Private(QCustomPlot *customPlot)
    : plot(customPlot)
{
    plot->plotLayout()->insertRow(0);
    title = new QCPTextElement(plot, QString(), QFont(plot->font().family(), 9));
    plot->plotLayout()->addElement(0, 0, title);
    title->setLayer(QStringLiteral("axes")); // above what an SVG export masks (plotexport.cpp)

    negative = new QCPBars(plot->xAxis, plot->yAxis);
    positive = new QCPBars(plot->xAxis, plot->yAxis);
    positive->moveAbove(negative);
    for (QCPBars *bars : {negative, positive}) {
        bars->setWidthType(QCPBars::wtPlotCoords);
        bars->setPen(Qt::NoPen);
        bars->setAntialiased(false); // axis-aligned: crisp edges, no seams between stacked bars
    }
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new CountTicker));
    plot->yAxis->setLabel(ExitHistogramPlot::tr("samples"));

    // Under the bars: the grid layer is drawn before the main one.
    plot->setCurrentLayer(QStringLiteral("grid"));
    leaving = new QCPItemRect(plot);
    plot->setCurrentLayer(QStringLiteral("main"));
    leaving->setSelectable(false);
    leaving->setPen(Qt::NoPen);
    leaving->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    leaving->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);

    line = new DraggableLine(plot);

    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->legend->setIconSize(10, 10);
    plot->legend->setRowSpacing(0);
    plot->legend->setMargins(QMargins(4, 2, 4, 2));
}

double ExitHistogramPlot::Private::drawnThreshold() const
{
    // A threshold past every score (nobody leaves, or everybody) is drawn at the edge, where
    // it can still be grabbed.
    const QCPRange range = plot->xAxis->range();
    return std::isnan(view.threshold) ? range.lower : std::clamp(view.threshold, range.lower, range.upper);
}

void ExitHistogramPlot::Private::updateBars()
{
    const ExitHistogram &h = view.histogram;
    const int bins = h.bins();
    const bool spread = h.highest > h.lowest;
    const double lowest = h.lowest, highest = spread ? h.highest : h.lowest + 1;
    const double width = (highest - lowest) / std::max(bins, 1);
    if (bins == builtBins && lowest == builtLowest && highest == builtHighest) {
        // The common case during a drag: same bins, new counts.
        auto negativeBar = negative->data()->begin();
        auto positiveBar = positive->data()->begin();
        for (int b = 0; b < bins; ++b, ++negativeBar, ++positiveBar) {
            negativeBar->value = static_cast<double>(h.negative(b));
            positiveBar->value = static_cast<double>(h.positive(b));
        }
    } else {
        QVector<double> keys(bins), negatives(bins), positives(bins);
        for (int b = 0; b < bins; ++b) {
            keys[b] = lowest + (b + 0.5) * width;
            negatives[b] = static_cast<double>(h.negative(b));
            positives[b] = static_cast<double>(h.positive(b));
        }
        negative->setWidth(width);
        positive->setWidth(width);
        negative->setData(keys, negatives, true);
        positive->setData(keys, positives, true);
        // A little room past both ends, so that a threshold beyond every score can be set.
        const double pad = 0.02 * (highest - lowest);
        plot->xAxis->setRange(lowest - pad, highest + pad);
        builtBins = bins;
        builtLowest = lowest;
        builtHighest = highest;
    }

    negative->setName(view.agreement ? ExitHistogramPlot::tr("disagree") : ExitHistogramPlot::tr("wrong"));
    positive->setName(view.agreement ? ExitHistogramPlot::tr("agree") : ExitHistogramPlot::tr("correct"));
    plot->xAxis->setLabel(view.scoreTitle.isEmpty() ? ExitHistogramPlot::tr("score") : view.scoreTitle);
}

bool ExitHistogramPlot::Private::placeLegend()
{
    // Runs after each layout, when the axis rect's and the legend's sizes are known: the
    // legend goes to the top corner whose bars are lower, and the y range leaves it room
    // above them, so bars never hide under it. When that room would squash the bars (a narrow
    // plot), the legend is left out.
    const ExitHistogram &h = view.histogram;
    const int bins = h.bins();
    auto stack = [&](int b) { return static_cast<double>(h.negative(b) + h.positive(b)); };
    double top = 0;
    for (int b = 0; b < bins; ++b)
        top = std::max(top, stack(b));
    const QRect rect = plot->axisRect()->rect();
    const QSize legend = plot->legend->minimumOuterSizeHint();
    const int under = rect.width() > 0 ? std::clamp(static_cast<int>(std::ceil((legend.width() + 8.0) / rect.width() * bins)), 1, std::max(bins, 1))
                                       : std::max(1, bins / 3);
    double left = 0, right = 0;
    for (int b = 0; b < std::min(under, bins); ++b) {
        left = std::max(left, stack(b));
        right = std::max(right, stack(bins - 1 - b));
    }
    const double natural = std::max(top * 1.08, 1.0);
    const double free = rect.height() > 0 ? 1 - (legend.height() + 14.0) / rect.height() : 0.7;
    const double needed = free > 0.2 ? std::min(left, right) / free : std::numeric_limits<double>::infinity();
    // Nor when it is wider than half the axis rect (it would hide the bars, or be clipped).
    const bool show = needed <= 1.5 * natural && legend.width() <= rect.width() / 2 + 8;
    const Qt::Alignment corner = Qt::AlignTop | (left <= right ? Qt::AlignLeft : Qt::AlignRight);
    QCPLayoutInset *inset = plot->axisRect()->insetLayout();
    bool changed = false;
    if (show != plot->legend->visible() || corner != inset->insetAlignment(0)) {
        plot->legend->setVisible(show);
        inset->setInsetAlignment(0, corner);
        inset->update(QCPLayoutElement::upLayout); // the layout may already have run for this replot
        changed = true;
    }
    const QCPRange range(0, show ? std::max(natural, needed) : natural);
    if (range != plot->yAxis->range()) {
        plot->yAxis->setRange(range);
        changed = true;
    }
    return changed;
}

void ExitHistogramPlot::Private::updateThreshold()
{
    const double x = drawnThreshold();
    line->setX(x);
    if (view.higherIsConfident) {
        leaving->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        leaving->topLeft->setCoords(x, 0);
        leaving->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
        leaving->bottomRight->setCoords(1, 1);
    } else {
        leaving->topLeft->setTypeX(QCPItemPosition::ptAxisRectRatio);
        leaving->topLeft->setCoords(0, 0);
        leaving->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        leaving->bottomRight->setCoords(x, 1);
    }

    const ExitHistogram &h = view.histogram;
    // With agree/disagree bars the text gives the leavers' agreement, from the same counts as
    // the bars (whatever `accuracy` holds); otherwise their accuracy.
    const bool useAgreement = view.agreement;
    const double quality = useAgreement ? (h.leave > 0 ? static_cast<double>(h.leavePositive) / h.leave : NAN)
                                        : view.accuracy;
    const QString side = view.higherIsConfident ? QStringLiteral("≥") : QStringLiteral("≤");
    const QLocale locale;
    const QString threshold = QLocale().toString(view.threshold, 'g', 4);
    const QString hits = locale.toString(static_cast<qlonglong>(view.hits));
    const QString quantity = useAgreement ? ExitHistogramPlot::tr("agreement") : ExitHistogramPlot::tr("accuracy");
    // The widest text that fits the plot's width: two lines, three shorter ones (a row of
    // histograms in the window), or four short ones (many exits, or a large font).
    const QStringList variants{
        ExitHistogramPlot::tr("exit %1 · leaves at score %2 %3\nhits %4 · hit rate %5 · %6 %7")
            .arg(view.exit).arg(side, threshold, hits, percent(view.hitRate, 1), quantity, percent(quality, 2)),
        ExitHistogramPlot::tr("exit %1 · score %2 %3\nhits %4 · hit rate %5\n%6 %7")
            .arg(view.exit).arg(side, threshold, hits, percent(view.hitRate, 1), quantity, percent(quality, 2)),
        ExitHistogramPlot::tr("exit %1: %2 %3\nhits %4\nhit rate %5\n%6 %7")
            .arg(view.exit).arg(side, threshold, hits, percent(view.hitRate, 1), quantity, percent(quality, 2)),
    };
    const QFontMetrics metrics(title->font());
    const int room = plot->width() - 6;
    int chosen = static_cast<int>(variants.size()) - 1;
    for (int v = 0; v < chosen; ++v) {
        int widest = 0;
        for (const QString &line : variants[v].split(QLatin1Char('\n')))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        // A wider layout than the one shown needs some slack: while a line is dragged the
        // numbers change width, and the text should not jump between layouts.
        if (widest <= room - (v < titleLayout ? 16 : 0)) {
            chosen = v;
            break;
        }
    }
    titleLayout = chosen;
    title->setText(variants[chosen]);
}

ExitHistogramPlot::ExitHistogramPlot(QWidget *parent)
    : PlotWidget(parent)
    , d(std::make_unique<Private>(customPlot()))
{
    connect(d->line, &DraggableLine::pressed, this, [this] { d->dragFrom = d->view.threshold; });
    connect(d->line, &DraggableLine::dragged, this, [this](double x) {
        // The line and the shading follow at once; the counts come with the owner's setView.
        d->view.threshold = x;
        d->updateThreshold();
        customPlot()->replot(QCustomPlot::rpQueuedReplot);
        emit thresholdDragged(d->view.exit, x);
    });
    connect(d->line, &DraggableLine::dragFinished, this,
            [this](double, double to) { emit thresholdDragFinished(d->view.exit, d->dragFrom, to); });
    connect(customPlot(), &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (event->buttons() != Qt::NoButton)
            return;
        const double linePixel = customPlot()->xAxis->coordToPixel(d->line->x());
        if (std::abs(event->position().x() - linePixel) <= customPlot()->selectionTolerance())
            customPlot()->setCursor(Qt::SizeHorCursor);
        else
            customPlot()->unsetCursor();
    });
    // A new layout (a resize, the first show) can move the legend and the y range after this
    // replot computed its ticks: one more replot then, or the tick labels are stale (bunched
    // at the bottom of a taller range).
    connect(customPlot(), &QCustomPlot::afterLayout, this, [this] {
        if (d->placeLegend())
            customPlot()->replot(QCustomPlot::rpQueuedReplot);
    });
    customPlot()->setMouseTracking(true);
    applyColors();
    setView(HistogramView{});
}

ExitHistogramPlot::~ExitHistogramPlot() = default;

void ExitHistogramPlot::applyColors()
{
    PlotWidget::applyColors();
    const QPalette colors = palette();
    const bool dark = isDarkPalette(colors);
    // Okabe-Ito blue and vermillion (colour-blind-safe), lighter on a dark background.
    const QColor positive = dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    const QColor negative = dark ? QColor(0xF0, 0x8A, 0x4B) : QColor(0xD5, 0x5E, 0x00);
    d->positive->setBrush(positive);
    d->negative->setBrush(negative);
    // Neutral, so that the shaded side is not read as a third kind of bar.
    QColor shade = colors.color(QPalette::WindowText);
    shade.setAlpha(dark ? 40 : 28);
    d->leaving->setBrush(shade);
    d->line->setPen(QPen(colors.color(QPalette::WindowText), 2));
    d->title->setTextColor(colors.color(QPalette::WindowText));
}

void ExitHistogramPlot::setView(const HistogramView &view)
{
    d->view = view;
    d->updateBars();
    d->updateThreshold();
    d->placeLegend(); // the y range for the new counts before the replot computes its ticks
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

void ExitHistogramPlot::resizeEvent(QResizeEvent *event)
{
    PlotWidget::resizeEvent(event);
    // Fewer score ticks on a narrow plot: five labels like "-0.75" run into each other
    // under ~200 px (a row of 16 histograms).
    const int labelWidth = QFontMetrics(customPlot()->xAxis->tickLabelFont()).horizontalAdvance(QStringLiteral("-0.75")) + 16;
    customPlot()->xAxis->ticker()->setTickCount(std::clamp(customPlot()->width() / labelWidth, 2, 5));
    d->updateThreshold(); // the text's lines follow the width
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

const HistogramView &ExitHistogramPlot::view() const
{
    return d->view;
}

} // namespace exitscope::gui

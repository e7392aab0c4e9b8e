#pragma once

#include "core/eval/evaluator.h"
#include "widgets/plots/plotwidget.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace exitscope::gui {

// What one exit's histogram shows (from Evaluator::histograms() and evaluation()).
struct HistogramView
{
    int exit = 0;
    exitscope::ExitHistogram histogram;
    double threshold = 0;
    bool higherIsConfident = true; // which side of the line leaves here (shaded)
    bool agreement = false; // bars are agree/disagree (label-free) instead of correct/wrong
    // Of the samples that leave here (accuracy NaN when unknown). With `agreement` the text
    // shows the leavers' agreement, counted from the histogram, instead of `accuracy`.
    std::int64_t hits = 0;
    double hitRate = 0;
    double accuracy = 0;
    QString scoreTitle; // the x axis's title (e.g. "max probability"); "score" when empty
};

// What exit `exit` (0..K-2) shows under the evaluator's current policy: its histogram, its
// threshold and direction, the split, the hits, hit rate and accuracy of the samples that
// leave there, and the measure's name as the x axis's title.
HistogramView makeHistogramView(const exitscope::Evaluator &evaluator, int exit);

// One exit's score histogram of the samples that reach it, stacked correct/wrong (or
// agree/disagree), with the exit's threshold as a line the user drags, the side that
// leaves shaded, and the exit's threshold, hits, hit rate and accuracy written above.
// The bins span the histogram's fixed range, so the bars stay put while thresholds move.
class ExitHistogramPlot : public PlotWidget
{
    Q_OBJECT
public:
    explicit ExitHistogramPlot(QWidget *parent = nullptr);
    ~ExitHistogramPlot() override;

    // Cheap: called on every mouse move of a drag (bar data updated in place, one queued
    // replot for any number of calls before the next frame).
    void setView(const HistogramView &view);
    const HistogramView &view() const;

signals:
    void thresholdDragged(int exit, double threshold); // during the drag
    void thresholdDragFinished(int exit, double from, double to); // on release: one undo step

protected:
    void applyColors() override;
    void resizeEvent(QResizeEvent *event) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace exitscope::gui

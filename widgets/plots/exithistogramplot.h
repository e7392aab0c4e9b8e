#pragma once

#include "core/eval/evaluator.h"

#include <QWidget>

#include <cstdint>
#include <memory>

class QCustomPlot;

namespace exitscope::gui {

// What one exit's histogram shows (built from Evaluator::histograms() and evaluation()).
struct HistogramView
{
    int exit = 0;
    exitscope::ExitHistogram histogram;
    double threshold = 0;
    bool higherIsConfident = true; // which side of the line leaves here (shaded)
    bool agreement = false; // bars are agree/disagree (label-free) instead of correct/wrong
    // Of the samples that leave here (accuracy NaN when unknown).
    std::int64_t hits = 0;
    double hitRate = 0;
    double accuracy = 0;
};

// One exit's score histogram of the samples that reach it, stacked correct/wrong, with the
// exit's threshold as a line the user drags.
class ExitHistogramPlot : public QWidget
{
    Q_OBJECT
public:
    explicit ExitHistogramPlot(QWidget *parent = nullptr);
    ~ExitHistogramPlot() override;

    // Cheap: called on every mouse move of a drag (data updated in place, one queued replot).
    void setView(const HistogramView &view);
    const HistogramView &view() const;

    // .png, .svg or .pdf by suffix; atomic. On failure false and *error names the file.
    bool exportImage(const QString &path, QString *error);

    // For tests and the window's benchmark: the plot drawn.
    QCustomPlot *customPlot() const;

signals:
    void thresholdDragged(int exit, double threshold); // during the drag
    void thresholdDragFinished(int exit, double from, double to); // on release: one undo step

protected:
    bool event(QEvent *event) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace exitscope::gui

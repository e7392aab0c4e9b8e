#pragma once

#include "widgets/plots/plotwidget.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace exitscope::gui {

// One latency profile as the latency view draws it (core LatencyProfile's fields, in the
// unit shown).
struct LatencyPlotData
{
    std::vector<double> cumulative; // per exit: the bars
    std::vector<double> median, iqr, p90, p99; // per exit; empty when no spread is known
    std::vector<double> stage, head; // per exit, the stage's and the head's own median; empty when unknown
    std::optional<double> reference; // the full model without exits
    QString unit; // "ms", "FLOPs"...
};

// Per-exit cumulative latency: a bar per exit (the mean cost to take it), over it a box of
// the spread (median line, IQR box centred on the median, whisker to p99, a cross at p90)
// when the profile has one, beside it a narrow stacked bar of what that exit adds (its
// stage, then its head), and the full model's reference as a dashed line.
class LatencyPlot : public PlotWidget
{
    Q_OBJECT
public:
    explicit LatencyPlot(QWidget *parent = nullptr);
    ~LatencyPlot() override;

    void setData(LatencyPlotData data);
    const LatencyPlotData &data() const;
    // Whether a p99 whisker runs off the top of the plot (the axis fits bars, boxes and p90).
    bool whiskersCut() const;

protected:
    void applyColors() override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace exitscope::gui

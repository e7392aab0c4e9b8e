#pragma once

#include "widgets/plots/plotwidget.h"

#include <QString>

#include <memory>
#include <vector>

namespace exitscope::gui {

// One point of a policy's gain over the baseline.
struct GainPoint
{
    double budget = 0; // the x axis
    double gain = 0; // in percentage points
    double value = 0, baselineValue = 0; // the two accuracies (fractions), for the tooltip
};

// One policy's gain curve.
struct GainCurve
{
    QString policy; // policy id: its colour (policyColor)
    QString label; // legend text; the id when empty
    std::vector<GainPoint> points; // by budget
};

// The difference plot of the comparison: each policy's accuracy (or agreement) minus the
// baseline's at equal budget, in percentage points, against the budget; the baseline is the
// zero line. Policies keep their trade-off colours. Wheel and drag zoom and pan, a double
// click fits; hovering a point tells policy, budget, both accuracies and the gain.
class GainPlot : public PlotWidget
{
    Q_OBJECT
public:
    explicit GainPlot(QWidget *parent = nullptr);
    ~GainPlot() override;

    // e.g. "mean budget (ms)", "gain over msdnet (pp of accuracy)"; `baseline` labels the zero line.
    void setAxisTitles(const QString &budget, const QString &gain, const QString &baseline);
    void setCurves(std::vector<GainCurve> curves);
    const std::vector<GainCurve> &curves() const;
    // Fits the axes to the curves (and the zero line), undoing the user's zoom and pan.
    void rescale();

protected:
    void applyColors() override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace exitscope::gui

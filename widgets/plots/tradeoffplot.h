#pragma once

#include "widgets/plots/plotwidget.h"

#include <QString>

#include <memory>
#include <vector>

class QMouseEvent;

namespace exitscope::gui {

// One point of a policy's accuracy-vs-budget curve.
struct CurvePoint
{
    double budget = 0; // the budget the policy was solved for
    double cost = 0; // the cost it reached (the x axis)
    double accuracy = 0; // accuracy, or agreement with the final exit when label-free
};

// One policy's curve on one split.
struct Curve
{
    QString policy; // policy id ("branchynet"): its colour and its legend toggle
    QString label; // legend text ("BranchyNet"); the id when empty
    bool test = false; // test split: dashed
    std::vector<CurvePoint> points;
};

// The trade-off plot: every policy's accuracy against cost (val solid, test dashed), the
// Pareto front, the oracle bound (shaded under it), the full model, each exit alone, the
// operating point being edited and a budget cursor the user drags. Wheel and drag zoom and
// pan (on an axis: that axis only), a double click fits everything again; a click on a
// legend item hides or shows that policy (val and test), a click on a curve point asks for
// that policy at that budget; hovering a point tells its policy, budget, accuracy and cost.
//
// The cursor and the operating point live on their own buffered layer: moving them redraws
// that layer only, so they follow a drag at a fraction of a full replot's cost.
class TradeoffPlot : public PlotWidget
{
    Q_OBJECT
public:
    explicit TradeoffPlot(QWidget *parent = nullptr);
    ~TradeoffPlot() override;

    // e.g. "mean cost (ms)", "accuracy" / "agreement with the final exit".
    void setAxisTitles(const QString &cost, const QString &accuracy);
    // Replaces every curve; the user's legend toggles (per policy) are kept.
    void setCurves(std::vector<Curve> curves);
    // Streaming: one policy's curve as it finishes (replaces the curve of the same policy
    // and split, if any).
    void addCurve(Curve curve);
    const std::vector<Curve> &curves() const;
    void setParetoFront(std::vector<CurvePoint> front); // marked; empty: none
    void setOracleBound(std::vector<CurvePoint> bound); // shaded under it; empty: none
    void setFullModel(double cost, double accuracy); // NaN: none
    void setExitPoints(std::vector<CurvePoint> exits); // exit k alone is exits[k]
    // The thresholds being edited (NaN: none); cheap, called on every move of a drag.
    void setOperatingPoint(double cost, double accuracy);
    QPointF operatingPoint() const; // (cost, accuracy) as drawn; NaNs when there is none
    // The budget cursor, in the x axis's unit; cheap.
    void setBudget(double budget);
    double budget() const;
    // Whether the curves of `policy` (val and test) are shown; the legend toggles this.
    void setPolicyVisible(const QString &policy, bool visible);
    bool isPolicyVisible(const QString &policy) const;
    // Fits the axes to everything drawn, undoing the user's zoom and pan; until the user
    // zooms or pans again, new data refits them.
    void rescale();

signals:
    void budgetDragged(double budget); // while the cursor is dragged
    void budgetDragFinished(double budget); // on release
    void curvePointClicked(const QString &policy, double budget);
    void policyVisibilityChanged(const QString &policy, bool visible); // a legend click

protected:
    void applyColors() override;
    void resizeEvent(QResizeEvent *event) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace exitscope::gui

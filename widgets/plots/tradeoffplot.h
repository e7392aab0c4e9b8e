#pragma once

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;

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
    QString label; // legend text ("BranchyNet")
    bool test = false; // test split: dashed
    std::vector<CurvePoint> points;
};

// The trade-off plot: every policy's accuracy against cost, the Pareto front, the oracle
// bound, the full model, the exits alone, the operating point being edited and a draggable
// budget cursor. Wraps a QCustomPlot (the only place that knows it).
class TradeoffPlot : public QWidget
{
    Q_OBJECT
public:
    explicit TradeoffPlot(QWidget *parent = nullptr);
    ~TradeoffPlot() override;

    void setAxisTitles(const QString &cost, const QString &accuracy);
    // Replaces every curve; the user's legend toggles (per policy) are kept.
    void setCurves(std::vector<Curve> curves);
    // Streaming: one policy's curve as it finishes (replaces a curve of the same policy and split).
    void addCurve(Curve curve);
    void setParetoFront(std::vector<CurvePoint> front);
    void setOracleBound(std::vector<CurvePoint> bound);
    void setFullModel(double cost, double accuracy);
    void setExitPoints(std::vector<CurvePoint> exits);
    // The thresholds being edited; cheap (buffered layer), called on every drag move.
    void setOperatingPoint(double cost, double accuracy);
    void setBudget(double budget);
    double budget() const;
    // Whether the curves of `policy` (val and test) are shown; the legend toggles this.
    void setPolicyVisible(const QString &policy, bool visible);
    bool isPolicyVisible(const QString &policy) const;
    // Fits the axes to everything drawn (undoes the user's zoom and pan).
    void rescale();

    // .png, .svg or .pdf by suffix; written to a temporary file then renamed. On failure
    // returns false and sets *error to a message naming the file.
    bool exportImage(const QString &path, QString *error);

    // For tests and the window's benchmark: the plot drawn.
    QCustomPlot *customPlot() const;

signals:
    void budgetDragged(double budget); // while the cursor is dragged
    void budgetDragFinished(double budget); // on release
    void curvePointClicked(const QString &policy, double budget);

protected:
    bool event(QEvent *event) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace exitscope::gui

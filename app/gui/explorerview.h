#pragma once

#include <QWidget>

#include <vector>

class QHBoxLayout;
class QTableView;

namespace exitscope::gui {

class Document;
class ExitHistogramPlot;
class ThresholdTableModel;
class TradeoffPlot;

// The centre of the window: the trade-off plot (curves, Pareto front, oracle bound, full
// model, exits, operating point, budget cursor) above a row of per-exit histograms (exits
// 0..K-2, each with its draggable threshold) and the thresholds table. It shows the
// document and turns the plots' drags and clicks into document calls; refreshEvaluation()
// and refreshCurves() are called by the window's coalescing refresh (one per event-loop turn).
class ExplorerView : public QWidget
{
    Q_OBJECT
public:
    explicit ExplorerView(Document *document, QWidget *parent = nullptr);

    TradeoffPlot *tradeoffPlot() const { return m_tradeoff; }
    const std::vector<ExitHistogramPlot *> &histogramPlots() const { return m_histograms; }
    ThresholdTableModel *thresholdModel() const { return m_thresholdModel; }
    QTableView *thresholdView() const { return m_thresholdView; }

    // Histograms of exits firstExit..K-2, the operating point and the thresholds table.
    void refreshEvaluation(int firstExit);
    // The curves, front, bound, exits, full model, axis titles and budget cursor.
    void refreshCurves();

private:
    void ensureHistograms(int count);
    void fitThresholdView();

    Document *m_document;
    TradeoffPlot *m_tradeoff;
    QHBoxLayout *m_histogramRow;
    std::vector<ExitHistogramPlot *> m_histograms;
    ThresholdTableModel *m_thresholdModel;
    QTableView *m_thresholdView;
};

} // namespace exitscope::gui

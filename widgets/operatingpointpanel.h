#pragma once

#include "core/eval/evaluation.h"

#include <QWidget>

#include <array>
#include <vector>

class QLabel;
class QTableView;

namespace exitscope::gui {

class ExitOutcomeModel;
class ExitShareBars;

// The summary of the operating point (the thresholds being edited), val and test side by
// side: accuracy, agreement, mean/p90/p99 cost, speed-up over the full model, the exit
// distribution as bars and a per-exit table per split. Plain data in: reusable wherever an
// Evaluation is shown.
class OperatingPointPanel : public QWidget
{
    Q_OBJECT
public:
    struct Units
    {
        std::vector<double> costs; // cumulative per exit, in display units (the last: the full model)
        QString unit; // "ms", "× reference"
        bool agreement = false; // the objective is agreement (label-free): per-exit tables say so
    };

    explicit OperatingPointPanel(QWidget *parent = nullptr);

    void setTitle(const QString &title); // "msdnet at mean budget 0.5"
    // nullptr: the split is not there (its column shows `problem`, or a dash). Costs in the
    // evaluations are in the profile's unit; they are divided by `scale` for display.
    void setFigures(const Evaluation *val, const Evaluation *test, const QString &testProblem, const Units &units,
                    double scale);

    // For tests: the text of a figure ("accuracy", "agreement", "mean", "p90", "p99",
    // "speed-up") in split 0 (val) or 1 (test).
    QString figureText(const QString &figure, int split) const;
    ExitOutcomeModel *exitModel(int split) const { return m_exitModels[static_cast<std::size_t>(split)]; }
    ExitShareBars *shareBars(int split) const { return m_bars[static_cast<std::size_t>(split)]; }

private:
    enum Figure { Accuracy, Agreement, MeanCost, P90Cost, P99Cost, SpeedUp, Figures };

    void showSplit(int split, const Evaluation *evaluation, const QString &problem, const Units &units, double scale);

    QLabel *m_title = nullptr;
    std::array<QLabel *, Figures> m_names{};
    std::array<std::array<QLabel *, Figures>, 2> m_values{};
    std::array<ExitShareBars *, 2> m_bars{};
    std::array<ExitOutcomeModel *, 2> m_exitModels{};
    std::array<QTableView *, 2> m_tables{};
    std::array<QLabel *, 2> m_tableTitles{};
};

} // namespace exitscope::gui

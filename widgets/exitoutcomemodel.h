#pragma once

#include "core/eval/evaluation.h"

#include <QAbstractTableModel>

#include <vector>

namespace exitscope::gui {

// One split's per-exit table of the operating point: the exit's cumulative cost, how many
// samples reach it, leave there (hits), the hit rate, and the accuracy (or agreement with
// the final exit, label-free) of those that leave. Read-only.
class ExitOutcomeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Cost, Reached, Hits, HitRate, Objective, Columns };

    explicit ExitOutcomeModel(QObject *parent = nullptr);

    // `costs` in display units; `agreement`: the last column shows agreement instead of accuracy.
    void setOutcomes(const std::vector<ExitOutcome> &exits, const std::vector<double> &costs, bool agreement);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ExitOutcome> m_exits;
    std::vector<double> m_costs;
    bool m_agreement = false;
};

} // namespace exitscope::gui

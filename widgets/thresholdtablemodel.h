#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace exitscope::gui {

// The thresholds being edited, one column per exit that can be left early (0..K-2), so
// that each sits under its exit's histogram: the threshold (typed in; keyboard editing)
// and the hit rate (the share of the samples reaching the exit that leave there). Like the latency
// table, an edit emits thresholdEdited() and the owner (the document, one undo step) sets
// the thresholds back.
class ThresholdTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Row { Threshold, HitRate, Rows };

    explicit ThresholdTableModel(QObject *parent = nullptr);

    // `measure` names the scores ("max-prob"), `direction` says which side leaves (">=").
    void setThresholds(const std::vector<double> &thresholds, const std::vector<double> &hitRates, const QString &measure,
                       const QString &comparison);
    const std::vector<double> &thresholds() const { return m_thresholds; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void thresholdEdited(int exit, double threshold);
    void editRefused(const QString &message);

private:
    std::vector<double> m_thresholds, m_hitRates;
    QString m_measure, m_comparison;
};

} // namespace exitscope::gui

#pragma once

#include "core/data/latencyprofile.h"

#include <QAbstractTableModel>

#include <optional>

namespace exitscope::gui {

// The latency profile as a table: one row per exit with its cumulative cost (editable) and,
// for a measured profile, the median, the spread (IQR), p90 and p99 of the timings, each
// column only when the profile has it (typed costs: the cost alone). An edit does not
// change the table: it emits profileEdited() with the profile it asks for, so the owner
// decides (the document makes it one undo step and calls setProfile() back, or refuses it).
class LatencyTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // What a column shows; Cost is always column 0, the others follow in this order when
    // the profile has them.
    enum Column { Cost, Median, Spread, P90, P99 };

    explicit LatencyTableModel(QObject *parent = nullptr);

    void setProfile(const std::optional<LatencyProfile> &profile);
    const std::optional<LatencyProfile> &profile() const { return m_profile; }
    // The column that shows `kind`, or -1 when the profile does not have it.
    int column(Column kind) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void profileEdited(const exitscope::LatencyProfile &profile, const QString &what);
    void editRefused(const QString &message); // not a number

private:
    const std::vector<double> *values(Column kind) const;

    std::optional<LatencyProfile> m_profile;
    std::vector<Column> m_columns{Cost}; // shown, in order
};

} // namespace exitscope::gui

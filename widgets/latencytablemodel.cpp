#include "latencytablemodel.h"

#include "core/common/numbertext.h"
#include "typednumber.h"

#include <QLocale>

#include <algorithm>

namespace exitscope::gui {

LatencyTableModel::LatencyTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LatencyTableModel::setProfile(const std::optional<LatencyProfile> &profile)
{
    beginResetModel();
    m_profile = profile;
    m_columns = {Cost};
    for (Column kind : {Median, Spread, P90, P99})
        if (m_profile && values(kind)->size() == m_profile->cumulative.size())
            m_columns.push_back(kind);
    endResetModel();
}

const std::vector<double> *LatencyTableModel::values(Column kind) const
{
    switch (kind) {
    case Median:
        return &m_profile->median;
    case Spread:
        return &m_profile->iqr;
    case P90:
        return &m_profile->p90;
    case P99:
        return &m_profile->p99;
    default:
        return &m_profile->cumulative;
    }
}

int LatencyTableModel::column(Column kind) const
{
    const auto at = std::find(m_columns.begin(), m_columns.end(), kind);
    return at == m_columns.end() ? -1 : static_cast<int>(at - m_columns.begin());
}

int LatencyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_profile ? 0 : m_profile->exits();
}

int LatencyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant LatencyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_profile)
        return {};
    const int row = index.row();
    const Column kind = m_columns[static_cast<std::size_t>(index.column())];
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (kind) {
        case Cost:
            return tr("What a sample pays to reach and take exit %1 (every stage and exit head on the way); "
                      "edit it to re-evaluate everything")
                .arg(row);
        case Median:
            return tr("Median of the timed runs to exit %1").arg(row);
        case Spread:
            return tr("Interquartile range (p75 - p25) of the timed runs to exit %1").arg(row);
        case P90:
            return tr("90th percentile of the timed runs to exit %1").arg(row);
        case P99:
            return tr("99th percentile of the timed runs to exit %1").arg(row);
        }
    }
    if (role == Qt::DisplayRole) // 4 digits read (five columns share a narrow dock); editing shows a cost whole
        return QLocale().toString((*values(kind))[static_cast<std::size_t>(row)], 'g', 4);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    return (*values(kind))[static_cast<std::size_t>(row)];
}

QVariant LatencyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? tr("exit %1").arg(section) : QVariant();
    const QString unit = m_profile ? QString::fromStdString(std::string(costUnitName(m_profile->unit))) : QString();
    if (role == Qt::ToolTipRole)
        return unit.isEmpty() ? QVariant() : tr("In %1").arg(unit);
    if (section < 0 || section >= static_cast<int>(m_columns.size()))
        return {};
    switch (m_columns[static_cast<std::size_t>(section)]) {
    case Cost:
        // With the spread columns the dock has no room for the unit: it is the unit row's
        // (below the table) and the tooltip's.
        return m_columns.size() > 1 ? tr("cost") : tr("cost (%1)").arg(unit);
    case Median:
        return tr("median");
    case Spread:
        return tr("IQR");
    case P90:
        return tr("p90");
    case P99:
        return tr("p99");
    }
    return {};
}

Qt::ItemFlags LatencyTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Cost)
        f |= Qt::ItemIsEditable;
    return f;
}

bool LatencyTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole || index.column() != Cost || !m_profile)
        return false;
    const std::optional<double> cost = parseTypedNumber(value.toString()); // C or the locale's form
    if (!cost) {
        emit editRefused(tr("cost of exit %1: '%2' is not a number").arg(index.row()).arg(value.toString()));
        return false;
    }
    if (*cost == m_profile->cumulative[static_cast<std::size_t>(index.row())])
        return true;
    LatencyProfile edited = *m_profile;
    edited.cumulative[static_cast<std::size_t>(index.row())] = *cost;
    // Typed costs replace the measured ones: their spread no longer describes them.
    edited.median.clear();
    edited.iqr.clear();
    edited.p90.clear();
    edited.p99.clear();
    edited.provenance.source = ProfileSource::Costs;
    emit profileEdited(edited, tr("cost of exit %1: %2").arg(index.row()).arg(*cost));
    return true;
}

} // namespace exitscope::gui

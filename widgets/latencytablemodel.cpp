#include "latencytablemodel.h"

#include "core/common/numbertext.h"

namespace exitscope::gui {

namespace {

QVariant spreadValue(const std::vector<double> &values, int row)
{
    if (row >= static_cast<int>(values.size()))
        return QString(QChar(0x2013)); // unknown: typed or read costs have no spread
    return values[static_cast<std::size_t>(row)];
}

} // namespace

LatencyTableModel::LatencyTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LatencyTableModel::setProfile(const std::optional<LatencyProfile> &profile)
{
    beginResetModel();
    m_profile = profile;
    endResetModel();
}

int LatencyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_profile ? 0 : m_profile->exits();
}

int LatencyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant LatencyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_profile)
        return {};
    const int row = index.row();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Cost)
        return tr("What a sample pays to reach and take exit %1 (every stage and exit head on the way); "
                  "edit it to re-evaluate everything")
            .arg(row);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Cost:
        return m_profile->cumulative[static_cast<std::size_t>(row)];
    case Median:
        return spreadValue(m_profile->median, row);
    case Spread:
        return spreadValue(m_profile->iqr, row);
    default:
        return {};
    }
}

QVariant LatencyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return tr("exit %1").arg(section);
    const QString unit = m_profile ? QString::fromStdString(std::string(costUnitName(m_profile->unit))) : QString();
    switch (section) {
    case Cost:
        return tr("cost (%1)").arg(unit);
    case Median:
        return tr("median");
    case Spread:
        return tr("IQR");
    default:
        return {};
    }
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
    const std::optional<double> cost = parseDecimal(value.toString().trimmed().toStdString());
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

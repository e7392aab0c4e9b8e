#include "thresholdtablemodel.h"

#include "core/common/numbertext.h"

#include <cmath>

namespace exitscope::gui {

ThresholdTableModel::ThresholdTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ThresholdTableModel::setThresholds(const std::vector<double> &thresholds, const std::vector<double> &hitRates,
                                        const QString &measure, const QString &comparison)
{
    const bool sameShape = thresholds.size() == m_thresholds.size();
    const bool headerChanged = measure != m_measure || comparison != m_comparison;
    if (!sameShape)
        beginResetModel();
    m_thresholds = thresholds;
    m_hitRates = hitRates;
    m_hitRates.resize(m_thresholds.size(), std::nan(""));
    m_measure = measure;
    m_comparison = comparison;
    if (!sameShape) {
        endResetModel();
        return;
    }
    // Same rows: a plain data change keeps the view's current cell and editor (keyboard editing).
    if (!m_thresholds.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, Columns - 1));
    if (headerChanged)
        emit headerDataChanged(Qt::Horizontal, 0, Columns - 1);
}

int ThresholdTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_thresholds.size());
}

int ThresholdTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant ThresholdTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Threshold)
        return tr("A sample leaves at exit %1 when its %2 is %3 this; type a number (Enter) to move it")
            .arg(index.row())
            .arg(m_measure, m_comparison);
    if (index.column() == Threshold && (role == Qt::DisplayRole || role == Qt::EditRole))
        return role == Qt::EditRole ? QString::number(m_thresholds[row], 'g', 17) : QString::number(m_thresholds[row], 'g', 6);
    if (index.column() == HitRate && role == Qt::DisplayRole)
        return std::isnan(m_hitRates[row]) ? QString(QChar(0x2013)) : QString::number(100 * m_hitRates[row], 'f', 1) + QLatin1Char('%');
    return {};
}

QVariant ThresholdTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return tr("exit %1").arg(section);
    if (section == Threshold)
        return m_measure.isEmpty() ? tr("threshold") : tr("%1 %2").arg(m_measure, m_comparison);
    if (section == HitRate)
        return tr("leave here");
    return {};
}

Qt::ItemFlags ThresholdTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Threshold)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ThresholdTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole || index.column() != Threshold)
        return false;
    const std::optional<double> threshold = parseDecimal(value.toString().trimmed().toStdString());
    if (!threshold) {
        emit editRefused(tr("threshold of exit %1: '%2' is not a number").arg(index.row()).arg(value.toString()));
        return false;
    }
    emit thresholdEdited(index.row(), *threshold);
    return true;
}

} // namespace exitscope::gui

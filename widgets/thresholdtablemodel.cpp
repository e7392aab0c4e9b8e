#include "thresholdtablemodel.h"

#include "core/common/numbertext.h"
#include "typednumber.h"

#include <QLocale>

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
        emit dataChanged(index(0, 0), index(Rows - 1, columnCount() - 1));
    if (headerChanged)
        emit headerDataChanged(Qt::Vertical, 0, Rows - 1);
}

int ThresholdTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_thresholds.empty() ? 0 : Rows;
}

int ThresholdTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_thresholds.size());
}

QVariant ThresholdTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto exit = static_cast<std::size_t>(index.column());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignCenter);
    if (role == Qt::ToolTipRole && index.row() == Threshold)
        return tr("A sample leaves at exit %1 when its %2 is %3 this; type a number (Enter) to move it")
            .arg(index.column())
            .arg(m_measure, m_comparison);
    if (index.row() == Threshold && (role == Qt::DisplayRole || role == Qt::EditRole))
        return role == Qt::EditRole ? QString::number(m_thresholds[exit], 'g', 17) : QLocale().toString(m_thresholds[exit], 'g', 6);
    if (index.row() == HitRate && role == Qt::DisplayRole)
        return std::isnan(m_hitRates[exit]) ? QString(QChar(0x2013))
                                             : QLocale().toString(100 * m_hitRates[exit], 'f', 1) + QLatin1Char('%');
    return {};
}

QVariant ThresholdTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return tr("exit %1").arg(section);
    if (section == Threshold)
        return m_measure.isEmpty() ? tr("threshold") : tr("threshold: %1 %2").arg(m_measure, m_comparison);
    if (section == HitRate)
        return tr("hit rate");
    return {};
}

Qt::ItemFlags ThresholdTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.row() == Threshold)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ThresholdTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole || index.row() != Threshold)
        return false;
    const std::optional<double> threshold = parseTypedNumber(value.toString()); // C or the locale's form
    if (!threshold) {
        emit editRefused(tr("threshold of exit %1: '%2' is not a number").arg(index.column()).arg(value.toString()));
        return false;
    }
    emit thresholdEdited(index.column(), *threshold);
    return true;
}

} // namespace exitscope::gui

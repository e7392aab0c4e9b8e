#include "exitoutcomemodel.h"

#include <QLocale>

#include <cmath>

namespace exitscope::gui {

namespace {

QString percent(double value)
{
    return std::isnan(value) ? QString(QChar(0x2013)) : QLocale().toString(100 * value, 'f', 1) + QLatin1Char('%');
}

} // namespace

ExitOutcomeModel::ExitOutcomeModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ExitOutcomeModel::setOutcomes(const std::vector<ExitOutcome> &exits, const std::vector<double> &costs, bool agreement)
{
    const bool sameShape = exits.size() == m_exits.size() && agreement == m_agreement;
    if (!sameShape)
        beginResetModel();
    m_exits = exits;
    m_costs = costs;
    m_costs.resize(m_exits.size(), std::nan(""));
    m_agreement = agreement;
    if (!sameShape)
        endResetModel();
    else if (!m_exits.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, Columns - 1), {Qt::DisplayRole});
}

void ExitOutcomeModel::clear()
{
    setOutcomes({}, {}, m_agreement);
}

int ExitOutcomeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_exits.size());
}

int ExitOutcomeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant ExitOutcomeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const ExitOutcome &e = m_exits[row];
    switch (index.column()) {
    case Cost:
        return QLocale().toString(m_costs[row], 'g', 4);
    case Reached:
        return QLocale().toString(static_cast<qlonglong>(e.reached));
    case Hits:
        return QLocale().toString(static_cast<qlonglong>(e.hits));
    case HitRate:
        return percent(e.reached ? e.hitRate : std::nan(""));
    case Objective:
        return percent(m_agreement ? e.agreement : e.accuracy);
    default:
        return {};
    }
}

QVariant ExitOutcomeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return QString::number(section); // the exit; narrow, the dock is
    switch (section) {
    case Cost:
        return tr("cost");
    case Reached:
        return tr("reached");
    case Hits:
        return tr("hits");
    case HitRate:
        return tr("hit rate");
    case Objective:
        return m_agreement ? tr("agreement") : tr("accuracy");
    default:
        return {};
    }
}

} // namespace exitscope::gui

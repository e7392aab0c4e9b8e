#include "comparisontablemodel.h"

#include <QFont>
#include <QLocale>

#include <cmath>

namespace exitscope::gui {

namespace {

QString dash()
{
    return QString(QChar(0x2013));
}

} // namespace

ComparisonTableModel::ComparisonTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonTableModel::setTable(ComparisonTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

// Columns: budget | baseline value, cost | for each other policy: value, cost, gain.
ComparisonTableModel::Kind ComparisonTableModel::kindOf(int column) const
{
    if (column <= 0)
        return Kind::Budget;
    if (column <= 2)
        return column == 1 ? Kind::Value : Kind::Cost;
    switch ((column - 3) % 3) {
    case 0:
        return Kind::Value;
    case 1:
        return Kind::Cost;
    default:
        return Kind::Gain;
    }
}

int ComparisonTableModel::policyOf(int column) const
{
    if (column <= 0)
        return -1;
    return column <= 2 ? 0 : 1 + (column - 3) / 3;
}

int ComparisonTableModel::columnOf(int policy, Kind kind) const
{
    if (kind == Kind::Budget)
        return 0;
    if (policy == 0)
        return kind == Kind::Value ? 1 : kind == Kind::Cost ? 2 : -1;
    return 3 + 3 * (policy - 1) + (kind == Kind::Value ? 0 : kind == Kind::Cost ? 1 : 2);
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_table.policies.isEmpty() ? 0 : static_cast<int>(m_table.budgets.size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_table.policies.isEmpty())
        return 0;
    return 3 + 3 * (static_cast<int>(m_table.policies.size()) - 1);
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const Kind kind = kindOf(index.column());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    const double budget = m_table.budgets[row];
    if (kind == Kind::Budget) {
        if (role == Qt::DisplayRole)
            return QLocale().toString(budget, 'g', 5);
        if (role == Qt::UserRole)
            return budget;
        return {};
    }
    const int policy = policyOf(index.column());
    const ComparisonTable::Cell &cell = m_table.cells[row][static_cast<std::size_t>(policy)];
    const double number = kind == Kind::Value ? cell.value : kind == Kind::Cost ? cell.cost : cell.gain;
    switch (role) {
    case Qt::UserRole:
        return number;
    case Qt::DisplayRole:
        if (std::isnan(number))
            return dash();
        if (kind == Kind::Value)
            return QLocale().toString(100 * number, 'f', 2) + QLatin1Char('%');
        if (kind == Kind::Cost)
            return QLocale().toString(number, 'g', 5);
        return tr("%1%2 pp").arg(number > 0 ? QStringLiteral("+") : QString()).arg(QLocale().toString(100 * number, 'f', 2));
    case Qt::FontRole:
        if (cell.interpolated) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole: {
        const QString &name = m_table.policies[policy];
        if (std::isnan(number))
            return tr("%1 has no numbers at budget %2: outside the budgets the sweep solved").arg(name).arg(QLocale().toString(budget, 'g', 5));
        QString tip = kind == Kind::Gain
            ? tr("%1's %2 minus %3's at budget %4, in percentage points").arg(name, m_table.objective, m_table.policies.front()).arg(QLocale().toString(budget, 'g', 5))
            : tr("%1 at budget %2").arg(name).arg(QLocale().toString(budget, 'g', 5));
        if (cell.interpolated)
            tip += tr(" (interpolated linearly between the two budgets the sweep solved around it)");
        return tip;
    }
    default:
        return {};
    }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || section < 0 || section >= columnCount())
        return {};
    const Kind kind = kindOf(section);
    const int policy = policyOf(section);
    if (role == Qt::ToolTipRole) {
        switch (kind) {
        case Kind::Budget:
            return tr("The budget (%1)").arg(m_table.unit);
        case Kind::Value:
            return tr("%1's %2").arg(m_table.policies[policy], m_table.objective);
        case Kind::Cost:
            return tr("%1's %2 (%3)").arg(m_table.policies[policy], m_table.cost, m_table.unit);
        case Kind::Gain:
            return tr("%1's gain over the baseline (%2) at equal budget, in percentage points of %3")
                .arg(m_table.policies[policy], m_table.policies.front(), m_table.objective);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    // Two short lines, so that a baseline and two policies fit the tab's width.
    if (kind == Kind::Budget)
        return m_table.unit.isEmpty() ? tr("budget") : tr("budget\n(%1)").arg(m_table.unit);
    const QString name = policy == 0 && kind == Kind::Value ? tr("%1 (baseline)").arg(m_table.policies.front())
                                                            : m_table.policies[policy];
    const QString what = kind == Kind::Value ? m_table.objective
                       : kind == Kind::Cost  ? m_table.cost
                                             : tr("gain (pp)");
    return QStringLiteral("%1\n%2").arg(name, what);
}

} // namespace exitscope::gui

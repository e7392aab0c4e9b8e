#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <limits>
#include <vector>

namespace exitscope::gui {

// What the comparison table shows: plain numbers in display units, filled by the owner.
struct ComparisonTable
{
    struct Cell
    {
        double value = std::numeric_limits<double>::quiet_NaN(); // accuracy or agreement; NaN: none
        double cost = std::numeric_limits<double>::quiet_NaN();
        double gain = std::numeric_limits<double>::quiet_NaN(); // over the baseline, a fraction
        bool interpolated = false;
    };
    QStringList policies; // column groups; the first is the baseline
    QString objective; // "accuracy", or "agreement" when label-free
    QString cost; // "mean cost"
    QString unit; // of the budgets and costs: "ms", "× reference"
    std::vector<double> budgets; // one row each
    std::vector<std::vector<Cell>> cells; // [budget][policy]
};

// The comparison at chosen budgets: one row per budget; the budget, then for each policy
// its accuracy (agreement) and cost, and for every policy but the baseline its gain over
// the baseline in percentage points. Interpolated cells are in italics and say so. Display
// text is formatted as the operating-point panel formats it; Qt::UserRole holds the number.
class ComparisonTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { Budget, Value, Cost, Gain };

    explicit ComparisonTableModel(QObject *parent = nullptr);

    void setTable(ComparisonTable table);
    const ComparisonTable &table() const { return m_table; }
    // What a column shows, and of which policy (-1 for the budget column).
    Kind kindOf(int column) const;
    int policyOf(int column) const;
    // The column of `kind` for policy `policy` (-1 when there is none: the baseline's gain).
    int columnOf(int policy, Kind kind) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ComparisonTable m_table;
};

} // namespace exitscope::gui

#pragma once

#include "comparison.h"

#include <QWidget>

#include <optional>
#include <set>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;

namespace exitscope::gui {

class ComparisonTableModel;
class Document;
class GainPlot;
class TradeoffPlot;

// The Compare tab: chosen policies of the last sweep side by side, with no new solving. A
// baseline and the policies compared with it, the split (val or test) and the budgets of
// the table are chosen on the left; the overlay of their accuracy-vs-cost curves, the
// difference plot (gain over the baseline at equal budget, in percentage points) and the
// table at the chosen budgets follow the sweep as its rows arrive, and empty when the inputs
// change. The table's numbers export as CSV (comparisonCsv). refresh() is called by the
// window's coalescing refresh.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    explicit CompareView(Document *document, QWidget *parent = nullptr);

    TradeoffPlot *overlayPlot() const { return m_overlay; }
    GainPlot *gainPlot() const { return m_gain; }
    ComparisonTableModel *tableModel() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    QComboBox *baselineBox() const { return m_baselineBox; }
    QListWidget *policyList() const { return m_policyList; }
    QComboBox *splitBox() const { return m_splitBox; }
    QLineEdit *budgetEdit() const { return m_budgetEdit; }
    QAction *exportAction() const { return m_exportAction; }
    QString note() const; // what the view says above its controls (tests)

    // The baseline first, then the policies compared with it; kept while the sweep lacks
    // them and applied once it has them (the command line's --compare, before its sweep).
    void setPolicies(const std::vector<PolicyId> &policies);
    // As shown: the baseline first, then the checked policies the sweep has.
    std::vector<PolicyId> policies() const;
    void setSplit(Split split);
    Split split() const { return m_split; }
    // The table's budgets in display units, comma-separated; empty: a handful of the
    // sweep's. False (and the field named in the note) for text that is not a number list.
    bool setBudgetText(const QString &text);
    // The table's budgets (display units), as shown.
    std::vector<double> budgets() const;
    // Whether label-free (agreement) numbers are compared.
    bool agreement() const;

    // Re-reads the document's sweep rows and settings.
    void refresh();
    // refresh() now when the tab is shown, else once it is (the window's refresh calls this:
    // a hidden tab costs the GUI thread nothing while a sweep streams in).
    void refreshWhenShown();
    // Writes the comparison CSV; InputError (naming the file) on failure.
    void exportCsv(const QString &path) const;
    void exportCsvDialog();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fitColumns();
    std::vector<PolicyId> available() const; // the sweep's policies with finished rows, in its order
    void fillControls(const std::vector<PolicyId> &available);
    std::vector<double> rawBudgets() const;
    void baselineChosen();
    void listEdited();

    Document *m_document;
    TradeoffPlot *m_overlay;
    GainPlot *m_gain;
    ComparisonTableModel *m_model;
    QTableView *m_table;
    QComboBox *m_baselineBox, *m_splitBox;
    QListWidget *m_policyList;
    QLineEdit *m_budgetEdit;
    QLabel *m_note;
    QAction *m_exportAction;

    std::optional<PolicyId> m_baseline; // chosen; unset: the sweep's first policy
    std::optional<std::set<PolicyId>> m_chosen; // chosen; unset: every other policy but the oracle
    Split m_split = Split::Val;
    std::vector<double> m_typedBudgets; // display units; empty: the default ones
    QString m_budgetError;
    bool m_stale = false; // the document changed while the tab was hidden
    std::vector<PolicyId> m_listed, m_listedShown; // what the controls show: refilled only when it changes
};

} // namespace exitscope::gui

#pragma once

#include "core/solvers/policyid.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace exitscope::gui {

class Document;

// The POLICIES dock: the nine policies in a checkable list (the current row is the policy
// the budget cursor loads), the budget range (from, to, count), its kind (mean, p90),
// the relative and label-free switches, the budget cursor typed in, and Sweep / Cancel.
class PolicyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PolicyPanel(Document *document, QWidget *parent = nullptr);

    QListWidget *policyList() const { return m_policies; }
    QDoubleSpinBox *budgetBox() const { return m_budget; }
    QPushButton *sweepButton() const { return m_sweep; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void showSettings();
    void applySettings(); // widgets -> document
    void showJobs();

    Document *m_document;
    QListWidget *m_policies;
    QDoubleSpinBox *m_from, *m_to, *m_budget;
    QSpinBox *m_count;
    QComboBox *m_kind;
    QCheckBox *m_relative, *m_labelFree;
    QPushButton *m_sweep, *m_cancel;
    bool m_showing = false; // settings being shown: the widgets' signals are not edits
};

} // namespace exitscope::gui

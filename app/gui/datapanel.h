#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace exitscope::gui {

class Document;
class ElidedLabel;
class LatencyTableModel;

// The DATA dock: which val and test traces and which latency are open (with buttons to
// open others), what the val trace holds, and the latency table (cost per exit, unit,
// reference; editable: every edit is one undo step and re-evaluates everything).
class DataPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DataPanel(Document *document, QWidget *parent = nullptr);

    LatencyTableModel *latencyModel() const { return m_latencyModel; }
    QTableView *latencyView() const { return m_latencyView; }

signals:
    void openValRequested();
    void openTestRequested();
    void openLatencyRequested();

private:
    void showInputs();
    void showLatency();
    void typeCosts(); // a profile typed in, as --costs (the unit kept)
    void unitChosen(int index);
    void referenceEdited();

    Document *m_document;
    ElidedLabel *m_val, *m_test, *m_latency;
    QLabel *m_summary;
    LatencyTableModel *m_latencyModel;
    QTableView *m_latencyView;
    QComboBox *m_unit;
    QLineEdit *m_reference;
};

} // namespace exitscope::gui

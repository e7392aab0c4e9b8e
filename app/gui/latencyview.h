#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace exitscope::gui {

class Document;
class LatencyPlot;

// The Latency tab: the document's latency profile as bars with its spread (median, IQR,
// p90, p99), what each exit's stage and head add, the full model's reference, a chooser of
// the profiles measured at other batch sizes (tuning follows the one chosen), where the
// numbers came from in words, and a warning when a measured spread did not settle.
// Profiles typed in or imported show what they have and say what they lack.
class LatencyView : public QWidget
{
    Q_OBJECT
public:
    explicit LatencyView(Document *document, QWidget *parent = nullptr);

    LatencyPlot *plot() const { return m_plot; }
    QComboBox *batchBox() const { return m_batch; }
    QString provenanceText() const; // plain text, for tests
    QString warningText() const; // empty when there is no warning

    void refresh();

private:
    Document *m_document;
    QComboBox *m_batch;
    QLabel *m_provenance, *m_warning, *m_note;
    LatencyPlot *m_plot;
};

} // namespace exitscope::gui

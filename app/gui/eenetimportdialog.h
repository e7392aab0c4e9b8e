#pragma once

#include "inputloader.h"

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLineEdit;

namespace exitscope::gui {

// Asks what `exitscope-cli import eenet` asks: EENet's logits_single.pth (its val and test
// splits), and optionally seconds.csv (cumulative ms per exit) or flops.pth for the
// latency. Files found beside the logits are filled in; OK needs the logits.
class EenetImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EenetImportDialog(QWidget *parent = nullptr);

    // Fills the logits and, when the fields are empty, seconds.csv and flops.pth found
    // in the same folder.
    void setLogits(const QString &path);
    void setSeconds(const QString &path);
    void setFlops(const QString &path);
    // What to open: InputRequest's eenet fields.
    InputRequest request() const;

    // Fields by object name for tests: "logits", "seconds", "flops".
    QLineEdit *field(const QString &name) const;

private:
    QLineEdit *addFileRow(const QString &name, const QString &label, const QString &filter);
    void updateOk();

    QLineEdit *m_logits = nullptr, *m_seconds = nullptr, *m_flops = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace exitscope::gui

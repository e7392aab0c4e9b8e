#pragma once

#include "jobrunner.h"
#include "modelrequest.h"

#include <QDialog>
#include <QTimer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace exitscope::gui {

// File > Open model and dataset: what `exitscope-cli trace` and `profile` take (model,
// dataset spec with its split and normalization options, a separate val dataset, device,
// threads, batch size). Before anything runs it shows what it found, loaded in a worker a
// moment after the last edit: the model's layout, K, classes, input and parameters per
// stage, and the samples of each split; or the error, naming the file and field. OK needs
// a probe that succeeded.
class ModelDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ModelDialog(QWidget *parent = nullptr);

    void setRequest(const ModelRequest &request);
    ModelRequest request() const;

    // For tests: whether the last probe succeeded (OK enabled), and what it showed.
    bool probed() const { return m_probed; }
    QString summaryText() const; // plain text of the summary (or the error)
    // Fields by object name: "model", "dataset", "valDataset", "val", "seed", "mean", "std",
    // "profileBatchSizes".
    QLineEdit *field(const QString &name) const;
    QComboBox *deviceBox() const { return m_device; }

    // `spec` with ?key=value set (an empty value removes the key): the option fields edit
    // the spec's query this way.
    static QString withOption(const QString &spec, const QString &key, const QString &value);
    static QString optionOf(const QString &spec, const QString &key);

signals:
    void probeFinished(bool succeeded);

private:
    QLineEdit *lineEdit(const QString &name, const QString &placeholder);
    void browseModel();
    void browseDataset(QLineEdit *target);
    void optionEdited(const QString &key, const QString &value);
    void specEdited();
    void scheduleProbe();
    void probe();
    void updateOk();

    QLineEdit *m_model, *m_dataset, *m_valDataset, *m_val, *m_mean, *m_std, *m_profileBatches;
    QLabel *m_batchesError;
    QSpinBox *m_seed, *m_threads, *m_batch;
    QComboBox *m_kind, *m_device;
    QLabel *m_summary, *m_state;
    QDialogButtonBox *m_buttons;
    JobRunner m_jobs; // the probe (its own: the window's runner is busy with other things)
    QTimer m_probeTimer;
    bool m_probed = false;
    bool m_syncing = false; // option fields being filled from the spec
};

} // namespace exitscope::gui

#pragma once

#include "inputloader.h"
#include "modelrequest.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QWidget;

namespace exitscope::gui {

class Document;

// From a model and a dataset to the document's inputs, as jobs of the document's runner:
// trace collection (the val trace goes into the document as soon as it is there, so the
// window shows it while the test split runs), then the latency profile at batch size 1.
// Afterwards the document holds val/test traces and a latency profile exactly as if the
// files `exitscope-cli trace` and `profile` write had been opened. Cancelled or failed,
// the document goes back to the inputs it had before (when it had none, the val trace
// stays if it came); files opened meanwhile stop it and stay. Offers the collected traces and profile for saving.
class ModelRunner : public QObject
{
    Q_OBJECT
public:
    ModelRunner(Document *document, QWidget *window);

    // Cancels a run in progress and starts this one.
    void start(const ModelRequest &request);
    bool running() const;
    // The last request started (the dialog opens with it).
    const std::optional<ModelRequest> &lastRequest() const { return m_request; }
    // Whether the document's inputs are still the ones the last run collected.
    bool hasCollected() const { return m_collected; }
    // A reopened session's traces came from this request (they were saved beside it).
    void setCollected(const ModelRequest &request)
    {
        m_request = request;
        m_collected = true;
    }

    // File > Open model and dataset: the dialog, then start().
    void openDialog();
    // File > Save traces: a folder, then saveTo(). Errors are shown.
    void saveInteractively();
    // Writes the document's val, test and latency into `folder` (all or none); the paths
    // written. InputError naming the file on failure.
    QStringList saveTo(const QString &folder);

    static const QString kTracesSlot, kProfileSlot;

signals:
    void finished(); // traces and (for a staged model) the profile are in the document
    void error(const QString &title, const QString &message);
    void message(const QString &text);

private:
    struct Previous; // the inputs before a run, restored when it stops half-way
    void onValReady(LoadedInputs in); // the val trace, summarized

    void onTraces(CollectedModelTraces &collected);
    void onProfile(const LatencyProfile &profile);
    void stopped(const QString &slot, bool succeeded);
    void restorePrevious();
    // setInputs, or the error shown under `title` (false).
    bool apply(LoadedInputs in, const QString &title);
    QString label(const QString &what) const;

    Document *m_document;
    QPointer<QWidget> m_window;
    std::optional<ModelRequest> m_request;
    std::shared_ptr<Previous> m_previous;
    bool m_valDelivered = false;
    bool m_collected = false;
    bool m_applying = false; // the runner's own setInputs: not "other files opened"
};

} // namespace exitscope::gui

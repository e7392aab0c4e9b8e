#pragma once

#include "session.h"

#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <memory>

class QMenu;
class QWidget;

namespace exitscope::gui {

class Document;
class ModelRunner;

// The window's session (docs/session-format.md): Save / Save As / Open of .exitscope
// files, recent sessions (QSettings), whether the window has changes a session would
// save, and the autosave to a recovery file that a later start offers after a crash.
// Capturing and restoring go through the document's public calls; opening reads and
// hashes the sources in a job of the document's runner.
class SessionController : public QObject
{
    Q_OBJECT
public:
    SessionController(Document *document, ModelRunner *runner, QWidget *window, QMenu *recentMenu);
    ~SessionController() override;

    QString path() const { return m_path; } // empty: no session saved or opened
    // Changes since the session was saved or opened: the undo stack off its clean state,
    // or inputs, settings, sweep results or the current policy changed. Without a session,
    // the undo stack alone (an export marks it clean), as before sessions.
    bool isModified() const;
    // Whether closing loses something: modified, or unsaved work without a session.
    bool needsSaving() const;

    // The window's state as a session saved at `sessionPath` refers to it. Traces that
    // exist only in memory get their side path (sessionSideFolder) and no hash yet, nor does
    // the model: saveTo() writes and hashes them in its job.
    Session capture(const QString &sessionPath) const;
    // Saves to `path` (side files and the session together, all or none) and makes it the
    // window's session. The writing is a job the call waits for, with the window painting
    // and user input held back. InputError naming the file on failure; nothing is changed then.
    void saveTo(const QString &path);
    // Reads `path` and restores it (a job: the sources are read and hashed again). A bad
    // file is reported by error() and the window goes on; a source that changed is reported
    // by sourcesChanged() and the session opens with the files as they are now, without the
    // sweep's rows (they were computed on the old data). Emits opened() once restored.
    void open(const QString &path);
    bool opening() const;

    // The interactive commands: Save asks for a path when the window has no session yet.
    // Return whether it was saved.
    bool save();
    bool saveAs();
    void openInteractively();
    QStringList recentSessions() const;

    // --- autosave and recovery
    QString recoveryPath() const { return m_recoveryPath; }
    // Seconds between autosaves, 0: off. A window starts with the setting
    // session/autosaveSeconds (60 when unset); this changes only this window's timer.
    void setAutosaveInterval(int seconds);
    int autosaveInterval() const;
    // Writes the recovery file now when there is something unsaved (the timer's call).
    // Returns whether it wrote.
    bool autosaveNow();
    // The window closes normally: its recovery file goes.
    void removeRecovery();
    // Recovery files of windows that did not close normally (no running exitscope holds
    // their lock), most recent first.
    static QStringList orphanedRecoveryFiles();
    // Restores a recovery file: the session it autosaved (if any) becomes the window's, with
    // its changes unsaved; the recovery file is removed once restored.
    void restoreRecovery(const QString &recoveryFile);
    // At start: offers the most recent orphaned recovery file (a question), or does nothing.
    void offerRecovery();
    // Removes a recovery file and its side folder.
    static void discardRecovery(const QString &recoveryFile);

signals:
    void stateChanged(); // the path or the modified state changed: the title follows
    void opened(const QString &path);
    void saved(const QString &path);
    void error(const QString &title, const QString &message);
    void sourcesChanged(const QString &message);
    void message(const QString &text);

private:
    struct Reopened;
    bool saving() const; // a save is being written (its job runs): autosave skips, a second save is refused
    void markDirty();
    void setPath(const QString &path);
    void markSaved();
    bool saveReporting(const QString &path); // saveTo(), its error shown
    void apply(const Session &session, const QString &path, Reopened &reopened, bool recovery);
    void openFile(const QString &path, bool recovery);
    void remember(const QString &path);
    void fillRecentMenu();
    bool writeRecovery();

    Document *m_document;
    ModelRunner *m_runner;
    QPointer<QWidget> m_window;
    QMenu *m_recentMenu;
    QString m_path;
    bool m_dirty = false; // changes outside the undo stack since saved/opened
    int m_changes = 0; // markDirty calls: what changed while a save was written stays unsaved
    bool m_restoring = false;
    QTimer m_autosave;
    int m_autosaveSeconds = 0;
    QString m_recoveryPath;
    std::unique_ptr<QLockFile> m_recoveryLock; // while held, no other start offers our file
};

} // namespace exitscope::gui

#pragma once

#include "inputloader.h"

#include <QObject>
#include <QStringList>

#include <functional>

class QMenu;
class QWidget;

namespace exitscope::gui {

class Document;

// The window's file handling: the Open and Export dialogs (last folders remembered),
// recent files (QSettings), and files dropped on the window, sorted into val/test traces,
// latency and config by their names and contents. Opening goes through Document::open (a
// job); what cannot be opened is reported by the document's inputError().
class FileActions : public QObject
{
    Q_OBJECT
public:
    FileActions(Document *document, QWidget *window, QMenu *recentMenu);

    void openTraces(); // one file: val; two: the one named *test* is the test trace
    void openTestTrace();
    void openLatency();
    void openConfig();
    // File > Import EENet outputs, or a dropped .pth: the EENet dialog (not modal), filled
    // with what is known; its OK opens the val and test splits and the latency.
    void importEenet(const QString &logits = {}, const QString &seconds = {}, const QString &flops = {});
    void exportConfig();
    void exportCurves();

    // Dropped or given files: sorted by kind, opened together; an .exitscope session goes
    // to the session opener.
    void openPaths(const QStringList &paths);
    void setSessionOpener(std::function<void(const QString &)> opener) { m_openSession = std::move(opener); }
    // What each path is: "val", "test", "latency", "config", "eenet" (logits_single.pth),
    // "eenet-flops" (flops.pth), "session" (.exitscope), or empty when unknown.
    static QString kindOf(const QString &path, bool valTaken);

    // The recent files, most recent first, as "kind|path".
    QStringList recentFiles() const;

private:
    void open(InputRequest request);
    void openOne(QString InputRequest::*field, const QString &title, const QString &filter);
    void exportTo(const QString &title, const QString &filter, const QString &suffix,
                  const std::function<void(const QString &)> &write);
    void remember(const QString &kind, const QString &path);
    void fillRecentMenu();
    QString askOpen(const QString &title, const QString &filter);
    QString askSave(const QString &title, const QString &filter, const QString &suffix);
    bool askAaai21Direction(const QString &path, Direction *direction);

    Document *m_document;
    QWidget *m_window;
    QMenu *m_recentMenu;
    std::function<void(const QString &)> m_openSession;
};

} // namespace exitscope::gui

#pragma once

#include "commandline.h"

#include <QMainWindow>
#include <QTimer>

#include <climits>
#include <utility>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace exitscope::gui {

class CompareView;
class DataPanel;
class Document;
class ExplorerView;
class FileActions;
class LatencyView;
class ModelRunner;
class OperatingPointPanel;
class PlotWidget;
class PolicyPanel;
class SessionController;
class RunView;

// The exitscope window (../shared/GUI.md's sketch): DATA and POLICIES docks on the left,
// the trade-off plot over the per-exit histograms and the thresholds table in the centre,
// the OPERATING POINT summary on the right, messages at the bottom and a status bar with
// the running job's progress, ETA and a cancel button. It owns the document; every view
// refreshes from it once per event-loop turn however many changes arrived (one queued
// replot per drag move).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    ExplorerView *explorer() const { return m_explorer; }
    CompareView *compareView() const { return m_compare; }
    // The Compare tab, comparing `policies` (baseline first; none: keep the choice).
    void showComparison(const std::vector<PolicyId> &policies = {});
    DataPanel *dataPanel() const { return m_dataPanel; }
    PolicyPanel *policyPanel() const { return m_policyPanel; }
    OperatingPointPanel *summary() const { return m_summary; }
    FileActions *fileActions() const { return m_files; }
    ModelRunner *modelRunner() const { return m_modelRunner; }
    SessionController *sessionController() const { return m_session; }
    // Closing with unsaved changes asks Save / Discard / Cancel (the application's window;
    // off for tests and --screenshot, which close without asking).
    void setAskOnClose(bool ask) { m_askOnClose = ask; }
    LatencyView *latencyView() const { return m_latencyView; }
    RunView *runView() const { return m_runView; }
    void showLatency(); // the Latency tab
    void showRealRun(); // the Real run tab
    QAction *action(const QString &name) const; // by object name: "undo", "sweep"...

    // Opens what the command line names (a job) and, once open, runs its sweep.
    void openCommandLine(const CommandLine &commandLine);
    // Errors go to this handler instead of message boxes (--screenshot: stderr, exit 3).
    void setErrorHandler(std::function<void(const QString &)> handler) { m_errorHandler = std::move(handler); }
    // The message log's text (tests), and the last error shown.
    QString messages() const;
    QString lastError() const { return m_lastError; }
    // Runs the pending refresh now (tests and --screenshot, before grabbing).
    void refreshNow();

    // File ▸ Export plot: every plot the window has, by the name the user knows it by, and
    // the one the shown tab has first ("" for none). exportPlotTo writes the named plot
    // (.png, .svg or .pdf) after bringing its tab forward; a failure is shown and logged.
    std::vector<std::pair<QString, PlotWidget *>> plots() const;
    QString shownPlot() const;
    bool exportPlotTo(const QString &name, const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createLanguageMenu();
    void createDocks();
    void createStatusBar();
    void scheduleRefresh(int firstExit);
    void scheduleCurves();
    void refresh();
    void refreshSummary();
    void showProgress();
    void showError(const QString &title, const QString &message);
    void log(const QString &text);
    void exportPlot();
    void about();
    void updateTitle();

    Document *m_document;
    FileActions *m_files = nullptr;
    ModelRunner *m_modelRunner = nullptr; // traces and latency from a model and a dataset
    SessionController *m_session = nullptr; // .exitscope files, autosave
    bool m_askOnClose = false;
    ExplorerView *m_explorer;
    CompareView *m_compare = nullptr;
    LatencyView *m_latencyView = nullptr;
    RunView *m_runView = nullptr;
    QTabWidget *m_centre = nullptr; // Explorer, Compare, Latency and Real run
    DataPanel *m_dataPanel = nullptr;
    PolicyPanel *m_policyPanel = nullptr;
    OperatingPointPanel *m_summary = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_status = nullptr, *m_eta = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QMenu *m_viewMenu = nullptr;

    QTimer m_refreshTimer; // zero-delay, single shot: coalesces the changes of one turn
    QTimer m_curvesTimer; // rows streaming in: curves at most every 150 ms
    int m_pendingExit = INT_MAX; // lowest exit whose histogram changed; INT_MAX: none
    bool m_curvesPending = false;
    std::function<void(const QString &)> m_errorHandler;
    QString m_lastError;
};

} // namespace exitscope::gui

#pragma once

#include "core/data/thresholdconfig.h"
#include "core/model/runreport.h"

#include <QWidget>

#include <optional>
#include <vector>

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;

namespace exitscope::gui {

class Document;
class HitsPlot;
class ModelRunner;

// The Real run tab: "Run operating point for real" (a job of the document's runner) runs
// the model the window's traces came from with the operating point's thresholds on the
// test split, as `exitscope-cli run` does (core runOperatingPoint, against the window's
// test trace, at the chosen latency profile's batch size), and shows its report: measured
// mean and p90 latency beside the prediction (and the drift-corrected one when the
// machine's speed changed), per-exit hits of the run beside the trace evaluation's, the
// agreement of every sample, accuracy, throughput and the report's warnings. The report
// stays until the inputs change; once the thresholds or the latency move it is marked as
// the previous operating point's.
class RunView : public QWidget
{
    Q_OBJECT
public:
    RunView(Document *document, ModelRunner *runner, QWidget *parent = nullptr);

    // Model > Run operating point for real (the button does the same).
    QAction *runAction() const { return m_action; }
    // Why the action is disabled; empty when it is enabled.
    QString disabledReason() const;
    void start();
    // Starts once the action is enabled (the traces and profile of a model run in, the
    // evaluators ready), no other job runs and, `afterSweep`, a sweep's result is in (it
    // loads the operating point at the budget cursor): --run-for-real. An error when the
    // model turns out monolithic.
    void startWhenReady(bool afterSweep);
    bool running() const;

    // The last report and the operating point it is for; none before a run (or after the
    // inputs changed).
    const std::optional<RunReport> &report() const { return m_report; }
    const ThresholdPolicy &reportPolicy() const { return m_reportPolicy; }
    bool reportIsStale() const; // the operating point or the latency moved since

    // For tests: what the panel shows, as plain text.
    QString summaryText() const;
    QTableWidget *latencyTable() const { return m_latency; }
    QTableWidget *hitsTable() const { return m_hits; }
    HitsPlot *hitsPlot() const { return m_hitsPlot; }

    static const QString kSlot;

signals:
    void finished(); // a report arrived
    void error(const QString &title, const QString &message);
    void message(const QString &text);

private:
    void updateAction();
    bool readyToStart() const; // startWhenReady()'s moment
    void showReport();
    void showState(); // whether the report is the current operating point's
    void clearReport();

    Document *m_document;
    ModelRunner *m_runner;
    QAction *m_action;
    QPushButton *m_button;
    QLabel *m_reason, *m_state, *m_summary, *m_warnings;
    QTableWidget *m_latency, *m_hits;
    HitsPlot *m_hitsPlot;
    std::optional<RunReport> m_report;
    ThresholdPolicy m_reportPolicy;
    std::vector<double> m_reportCosts;
    bool m_startWhenReady = false, m_startAfterSweep = false;
};

} // namespace exitscope::gui

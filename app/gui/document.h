#pragma once

#include "inputloader.h"
#include "jobrunner.h"

#include "core/data/budget.h"
#include "core/eval/evaluator.h"
#include "core/solvers/sweep.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace exitscope::gui {

// How the next sweep runs: the POLICIES panel's settings. Budgets are in display units
// (fractions of the reference cost when relative, else the latency profile's unit).
struct SweepSettings
{
    std::vector<PolicyId> policies{PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet, PolicyId::Ippp,
                                   PolicyId::Eenet,     PolicyId::SelfXit,    PolicyId::Patience, PolicyId::Best,
                                   PolicyId::Oracle};
    double from = 0, to = 0; // to <= from: not chosen yet (set from the exits' costs once known)
    int count = 20;
    BudgetKind kind = BudgetKind::Mean;
    bool relative = false;
    bool labelFree = false;

    bool operator==(const SweepSettings &o) const
    {
        return policies == o.policies && from == o.from && to == o.to && count == o.count && kind == o.kind
            && relative == o.relative && labelFree == o.labelFree;
    }
    bool operator!=(const SweepSettings &o) const { return !(*this == o); }
};

// The thresholds being edited and where they came from: what an export writes and what a
// policy load or its undo restores.
struct PolicyState
{
    ThresholdPolicy policy;
    QString name = QStringLiteral("manual"); // the solver that chose the thresholds, "manual" once edited
    std::optional<Budget> budget; // the budget they were chosen for (display units)
};

// The window's model, on the GUI thread: the traces, the latency profile, the thresholds
// being edited (with an interactive core Evaluator per split), the sweep's results and the
// undo stack. Everything slow runs through its JobRunner; changing an input (a trace, the
// latency) starts a new generation: running jobs are cancelled, their results and the
// sweep's rows dropped, and the evaluators rebuilt in a worker. Views read the state
// through the accessors and follow the signals; they change it only through the public
// calls, which keep the undo stack.
class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    JobRunner &jobs() { return m_jobs; }
    QUndoStack &undoStack() { return m_undo; }

    // --- inputs
    // Reads the files in a worker, then setInputs(); a bad file is reported by inputError().
    void open(const InputRequest &request);
    // Takes what was read, after checking that it fits what stays (same exit count, a
    // policy that fits the traces): throws InputError and changes nothing when it does not.
    void setInputs(LoadedInputs inputs);
    bool hasVal() const { return m_val.has_value(); }
    const Trace *val() const { return m_val ? &*m_val : nullptr; }
    const Trace *test() const { return m_test ? &*m_test : nullptr; }
    const TraceSummary *valSummary() const { return m_valSummary ? &*m_valSummary : nullptr; }
    QString valPath() const { return m_valPath; }
    QString testPath() const { return m_testPath; }
    bool hasLatency() const { return m_latency.has_value(); }
    const LatencyProfile *latency() const { return m_latency ? &*m_latency : nullptr; }
    QString latencyPath() const { return m_latencyPath; }
    // The files the traces and the latency were read from, as sessions refer to them; none
    // (empty) for what exists only in memory.
    std::optional<TraceOrigin> valOrigin() const { return m_valOrigin; }
    std::optional<TraceOrigin> testOrigin() const { return m_testOrigin; }
    QString latencySha256() const { return m_latencySha256; }
    int exits() const { return m_val ? m_val->exits() : 0; }

    // An edit of the latency table: one undo step; re-evaluates everything.
    void editLatency(const LatencyProfile &profile, const QString &what);

    // --- settings and units
    const SweepSettings &settings() const { return m_settings; }
    void setSettings(const SweepSettings &settings);
    // Display budgets and costs are divided by this (the reference when relative, else 1).
    double budgetScale() const;
    // "ms", "fraction of the reference"...: what the cost axis and summary say.
    QString costUnitText() const;
    QString objectiveName() const; // "accuracy", or "agreement" when label-free

    // --- the operating point
    bool ready() const { return m_valEvaluator != nullptr && m_valEvaluator->hasPolicy(); }
    const Evaluator *valEvaluator() const { return m_valEvaluator.get(); }
    const Evaluator *testEvaluator() const
    {
        return m_testEvaluator && m_testProblem.isEmpty() && m_testEvaluator->hasPolicy() ? m_testEvaluator.get() : nullptr;
    }
    QString testProblem() const { return m_testProblem; } // why the test split shows no numbers
    const PolicyState &policyState() const { return m_state; }
    // The operating point's cost by the budget kind, in display units, and its objective.
    double operatingCost(const Evaluator &evaluator) const;
    double objectiveOf(const Evaluation &evaluation) const;

    // While a threshold line is dragged: moves it, without an undo step.
    void previewThreshold(int exit, double threshold);
    // The drag ended: one undo step from `from` to `to`.
    void commitThreshold(int exit, double from, double to);
    // A typed threshold: one undo step.
    void setThreshold(int exit, double threshold);
    // Loads thresholds (from a sweep, a solve or a config): one undo step.
    void loadPolicy(const PolicyState &state, const QString &what);

    // --- sweeps and the budget cursor
    void startSweep();
    void cancelJobs();
    bool sweepRunning() const { return m_jobs.isRunning(QStringLiteral("sweep")); }
    const std::vector<SweepRow> &sweepRows() const { return m_rows; } // as they arrived, or the final result's
    std::shared_ptr<const SweepResult> sweepResult() const { return m_sweep; } // once complete
    const SweepSettings &sweepSettings() const { return m_sweepSettings; } // of the rows shown
    double sweepScale() const { return m_sweepScale; }

    double cursorBudget() const { return m_cursorBudget; } // display units
    // The policy the budget cursor loads (the last one clicked or chosen).
    PolicyId currentPolicy() const { return m_currentPolicy; }
    void setCurrentPolicy(PolicyId policy);
    // The budget cursor moved (display units): the current policy's thresholds at that
    // budget, from the sweep's nearest row, or solved at once for the cheap policies.
    // `final`: the drag ended (one undo step for the whole drag).
    void moveBudget(double budget, bool final);
    // A curve point clicked: that policy at that budget.
    void loadCurvePoint(PolicyId policy, double budget);

    // --- sessions: the state put back as it was saved, without undo steps
    void restoreSweep(std::vector<SweepRow> rows, const SweepSettings &settings, double scale, bool complete);
    void restoreCursor(double budget);

    // --- exports (atomic; InputError on failure)
    ThresholdConfig operatingPointConfig() const;
    void exportConfig(const QString &path);
    void exportCurves(const QString &path) const;

    // --- used by the undo commands only
    void applyThreshold(int exit, double threshold, const PolicyState &origin);
    void applyPolicyState(const PolicyState &state);
    void applyLatency(const LatencyProfile &profile);

signals:
    void inputsChanged(); // traces or their paths
    void opened(); // setInputs() finished: what was read is in place
    void latencyChanged();
    void settingsChanged();
    void policyChanged(); // measure, direction, name or budget of the operating point
    // Thresholds moved or the evaluators changed: histograms of exits firstExit.. and
    // everything that shows the operating point need refreshing.
    void evaluationChanged(int firstExit);
    void sweepChanged(); // rows arrived, cleared, or the sweep completed
    void currentPolicyChanged(PolicyId policy);
    void inputError(const QString &title, const QString &message); // a bad file or setting
    void message(const QString &text); // warnings and notes for the message log

private:
    struct Evaluators
    {
        std::unique_ptr<Evaluator> val, test;
        QString testProblem;
    };

    void invalidate(); // a new generation: cancel jobs, drop the sweep, rebuild the evaluators
    void rebuildEvaluators();
    void installPolicy(); // the evaluators follow m_state.policy
    void lendEvaluators(); // setPolicy of a learned scorer runs in a worker (it computes scores)
    bool scorerPrepared(const ThresholdPolicy &policy) const;
    ThresholdPolicy defaultPolicy() const;
    std::optional<PolicyState> stateFromSweep(PolicyId policy, double budget) const;
    void solveAt(PolicyId policy, double budget, bool final);
    void acceptBudgetState(const PolicyState &state, bool final);
    void onSweepRow(const SweepRow &row);

    JobRunner m_jobs;
    QUndoStack m_undo;

    std::optional<Trace> m_val, m_test;
    std::optional<TraceSummary> m_valSummary;
    QString m_valPath, m_testPath;
    std::optional<TraceOrigin> m_valOrigin, m_testOrigin;
    std::optional<LatencyProfile> m_latency;
    QString m_latencyPath, m_latencySha256;
    SweepSettings m_settings;

    PolicyState m_state;
    std::unique_ptr<Evaluator> m_valEvaluator, m_testEvaluator;
    QString m_testProblem;
    bool m_lent = false; // the evaluators are in a worker (lendEvaluators)
    std::deque<std::shared_ptr<const LearnedScorer>> m_prepared; // scorers the evaluators hold ready
    std::optional<PolicyState> m_dragOrigin; // the state when a drag (threshold or budget) began

    std::vector<SweepRow> m_rows;
    std::shared_ptr<const SweepResult> m_sweep;
    SweepSettings m_sweepSettings;
    double m_sweepScale = 1;
    PolicyId m_currentPolicy = PolicyId::MsdNet;
    double m_cursorBudget = 0; // display units
};

} // namespace exitscope::gui

// Sessions (.exitscope): the window's state saved and reopened in a new window field for
// field, traces that exist only in memory written beside the session, changed and missing
// sources reported, bad session files refused with a readable message, autosave and its
// recovery, and `exitscope SESSION.exitscope` (docs/session-format.md).

#include "testsupport.h"
#include "windowsupport.h"

#include "commandline.h"
#include "datapanel.h"
#include "document.h"
#include "explorerview.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "modelrunner.h"
#include "session.h"
#include "sessioncontroller.h"

#include "core/data/synth.h"
#include "core/eval/tracesummary.h"
#include "core/io/tracefile.h"

#include "widgets/latencytablemodel.h"
#include "widgets/thresholdtablemodel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace exitscope;
using namespace exitscope::gui;
using namespace exitscope::test;

namespace {

// Doubles equal, NaN equal to NaN (an accuracy without labels).
bool same(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool same(const SplitNumbers &a, const SplitNumbers &b)
{
    return same(a.accuracy, b.accuracy) && same(a.agreement, b.agreement) && same(a.meanCost, b.meanCost)
        && same(a.p90Cost, b.p90Cost);
}

// A sweep row equal field for field (a learned scorer by its JSON).
QString rowDifference(const SweepRow &a, const SweepRow &b)
{
    const SolverResult &x = a.result, &y = b.result;
    if (a.policy != b.policy || a.budget != b.budget || a.done != b.done || a.error != b.error || a.pareto != b.pareto)
        return QStringLiteral("policy, budget, done, error or pareto");
    if (x.policyId != y.policyId || x.isPolicy != y.isPolicy || x.policy.measure != y.policy.measure
        || x.policy.direction != y.policy.direction || x.policy.thresholds != y.policy.thresholds)
        return QStringLiteral("result's policy");
    if (!same(x.valObjective, y.valObjective) || !same(x.valCost, y.valCost) || !same(x.val, y.val) || x.feasible != y.feasible
        || x.iterations != y.iterations || !same(x.milliseconds, y.milliseconds) || x.note != y.note)
        return QStringLiteral("result's numbers");
    if (!same(a.val, b.val) || a.test.has_value() != b.test.has_value() || (a.test && !same(*a.test, *b.test)))
        return QStringLiteral("val or test numbers");
    return {};
}

bool waitOpened(MainWindow *window)
{
    return QTest::qWaitFor(
        [&] {
            return !window->sessionController()->opening() && window->document()->jobs().isIdle() && window->document()->ready();
        },
        60000);
}

// A new window with the session at `path` opened; null when it does not get there.
// `changes` receives the sourcesChanged warnings it gave.
std::unique_ptr<MainWindow> reopen(const QString &path, QStringList *changes = nullptr)
{
    auto window = shownWindow();
    if (!window)
        return nullptr;
    if (changes)
        QObject::connect(window->sessionController(), &SessionController::sourcesChanged, window.get(),
                         [changes](const QString &text) { changes->append(text); });
    window->sessionController()->open(path);
    return waitOpened(window.get()) ? std::move(window) : nullptr;
}

// The same trace: shape, measures, and every score of every exit.
bool sameTrace(const Trace &a, const Trace &b)
{
    if (a.exits() != b.exits() || a.samples() != b.samples() || a.measures() != b.measures() || a.hasCorrectness() != b.hasCorrectness())
        return false;
    for (Measure m : a.measures())
        for (int k = 0; k < a.exits(); ++k) {
            const double *x = a.scores(m, k), *y = b.scores(m, k);
            if ((x == nullptr) != (y == nullptr))
                return false;
            for (std::int64_t i = 0; x && i < a.samples(); ++i)
                if (!same(x[i], y[i]))
                    return false;
        }
    return true;
}

// A window holding traces made in memory (as a model's or EENet's are: no file to refer
// to) and relative costs, once its evaluators are ready; null if they never were.
std::unique_ptr<MainWindow> windowWithMemoryTraces(Trace val, std::optional<Trace> test, const std::vector<double> &costs)
{
    LoadedInputs in;
    in.valSummary = summarizeTrace(val);
    in.val = std::move(val);
    in.valPath = QStringLiteral("model.pt ▸ val");
    if (test) {
        in.test = std::move(test);
        in.testPath = QStringLiteral("model.pt ▸ test");
    }
    in.latency = latencyProfileFromCosts(costs, CostUnit::Relative, "costs");
    in.latencyPath = QStringLiteral("costs");
    auto window = shownWindow();
    if (!window)
        return nullptr;
    window->document()->setInputs(std::move(in));
    if (!QTest::qWaitFor([&] { return window->document()->ready() && window->document()->jobs().isIdle(); }, 60000))
        return nullptr;
    return window;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_val, m_test; // copies of the AAAI21 Alex traces (with their _correct.npy)

    // The AAAI21 Alex traces (copied: one test changes a byte) with the paper's measured
    // costs typed in, as the window opens them.
    InputRequest alexRequest(const QString &folder)
    {
        InputRequest request;
        request.val = QDir(folder).filePath(QStringLiteral("Alex_val_confidence.npy"));
        request.test = QDir(folder).filePath(QStringLiteral("Alex_test_confidence.npy"));
        request.aaai21Direction = Direction::LowerIsConfident;
        request.costs = QStringLiteral("1.5824947834014893,2.2942611694335936,3.047058033943176");
        request.costUnit = QStringLiteral("ms");
        request.reference = 2.4395286321640015;
        return request;
    }

    QString copyAlex(const QString &name)
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        for (const char *file : {"Alex_val_confidence.npy", "Alex_val_correct.npy", "Alex_test_confidence.npy", "Alex_test_correct.npy"}) {
            const QString from = sharedDataPath(QStringLiteral("aaai21/") + QLatin1String(file));
            if (!QFileInfo::exists(from))
                return {};
            QFile::copy(from, QDir(folder).filePath(QLatin1String(file)));
        }
        return folder;
    }

    static void sweep(MainWindow *window, std::vector<PolicyId> policies, int count)
    {
        sweepInWindow(window, std::move(policies), count);
    }

    // Everything a session restores, the same in both windows.
    static void compareWindows(MainWindow *a, MainWindow *b)
    {
        const Document *x = a->document(), *y = b->document();
        QCOMPARE(y->valPath(), x->valPath());
        QCOMPARE(y->testPath(), x->testPath());
        QVERIFY(sameTrace(*y->val(), *x->val()));
        QVERIFY(sameTrace(*y->test(), *x->test()));
        QCOMPARE(y->latencyPath(), x->latencyPath());
        QCOMPARE(y->latency()->cumulative, x->latency()->cumulative);
        QCOMPARE(y->latency()->reference, x->latency()->reference);
        QCOMPARE(y->latency()->unit, x->latency()->unit);
        QVERIFY(y->settings() == x->settings());
        QVERIFY(y->sweepSettings() == x->sweepSettings());
        QCOMPARE(y->sweepScale(), x->sweepScale());
        QCOMPARE(y->sweepResult() != nullptr, x->sweepResult() != nullptr);
        QCOMPARE(y->sweepRows().size(), x->sweepRows().size());
        for (std::size_t i = 0; i < x->sweepRows().size(); ++i)
            QVERIFY2(rowDifference(y->sweepRows()[i], x->sweepRows()[i]).isEmpty(),
                     qPrintable(QStringLiteral("row %1: %2").arg(i).arg(rowDifference(y->sweepRows()[i], x->sweepRows()[i]))));
        const PolicyState &p = x->policyState(), &q = y->policyState();
        QCOMPARE(q.name, p.name);
        QCOMPARE(q.policy.measure, p.policy.measure);
        QCOMPARE(q.policy.direction, p.policy.direction);
        QCOMPARE(q.policy.thresholds, p.policy.thresholds);
        QCOMPARE(q.budget.has_value(), p.budget.has_value());
        if (p.budget) {
            QCOMPARE(q.budget->value, p.budget->value);
            QCOMPARE(q.budget->relative, p.budget->relative);
            QCOMPARE(q.budget->kind, p.budget->kind);
        }
        QCOMPARE(y->currentPolicy(), x->currentPolicy());
        QCOMPARE(y->cursorBudget(), x->cursorBudget());
        // The numbers shown are the evaluation of those thresholds.
        QCOMPARE(y->valEvaluator()->evaluation().accuracy, x->valEvaluator()->evaluation().accuracy);
        QCOMPARE(y->valEvaluator()->evaluation().meanCost, x->valEvaluator()->evaluation().meanCost);
    }

private slots:
    void initTestCase()
    {
        useTestSettings();
        QVERIFY(m_dir.isValid());
        // Recovery files of earlier runs are not this run's.
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void roundTripIsEqualFieldForField()
    {
        const QString folder = copyAlex(QStringLiteral("alex"));
        if (folder.isEmpty())
            QSKIP("the shared AAAI21 traces are not here");
        auto window = openWindow(alexRequest(folder));
        QVERIFY(window);
        Document *d = window->document();
        // A latency cell typed in: the session keeps the latency as edited.
        LatencyTableModel *latency = window->dataPanel()->latencyModel();
        QVERIFY(latency->setData(latency->index(1, 0), QStringLiteral("2.25")));
        QTRY_COMPARE(d->latency()->cumulative[1], 2.25);
        QVERIFY(QTest::qWaitFor([&] { return d->ready() && d->jobs().isIdle(); }, 60000));
        sweep(window.get(), {PolicyId::Heuristic, PolicyId::MsdNet, PolicyId::BranchyNet, PolicyId::Oracle}, 5);
        QCOMPARE(d->sweepRows().size(), std::size_t(20));
        d->setCurrentPolicy(PolicyId::BranchyNet);
        d->loadCurvePoint(PolicyId::BranchyNet, d->sweepRows()[12].budget / d->sweepScale());
        // A typed threshold: the operating point as edited.
        QVERIFY(window->explorer()->thresholdModel()->setData(
            window->explorer()->thresholdModel()->index(ThresholdTableModel::Threshold, 0), QStringLiteral("0.3125")));
        QTRY_COMPARE(d->policyState().policy.thresholds[0], 0.3125);
        QVERIFY(window->isWindowModified());

        const QString path = m_dir.filePath(QStringLiteral("alex.exitscope"));
        QElapsedTimer clock;
        clock.start();
        window->sessionController()->saveTo(path);
        const qint64 saving = clock.elapsed();
        QVERIFY(!window->isWindowModified());
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("alex.exitscope")));
        QVERIFY(!QFileInfo::exists(sessionSideFolder(path))); // the traces are files: nothing written beside
        QCOMPARE(window->sessionController()->recentSessions().front(), QFileInfo(path).absoluteFilePath());

        auto reopened = shownWindow();
        QVERIFY(reopened);
        QSignalSpy opened(reopened->sessionController(), &SessionController::opened);
        clock.restart();
        reopened->sessionController()->open(path);
        QVERIFY(waitOpened(reopened.get()));
        QCOMPARE(opened.count(), 1);
        qInfo("2 x 10,000 samples, 20 sweep rows: saved in %lld ms, reopened (read, hashed, evaluated) in %lld ms", saving,
              clock.elapsed());
        compareWindows(window.get(), reopened.get());
        QCOMPARE(reopened->document()->undoStack().count(), 0);
        QVERIFY(!reopened->isWindowModified());
        QCOMPARE(reopened->windowTitle(), QStringLiteral("alex.exitscope[*] — exitscope"));
        reopened->refreshNow();
        reopened->grab().save(m_dir.filePath(QStringLiteral("reopened.png")));
        if (qEnvironmentVariableIsSet("EXITSCOPE_SESSION_SHOTS")) { // for people to look at
            const QString shots = qEnvironmentVariable("EXITSCOPE_SESSION_SHOTS");
            reopened->grab().save(shots + QStringLiteral("/reopened.png"));
            QMenu *file = reopened->menuBar()->actions().front()->menu();
            file->adjustSize();
            file->grab().save(shots + QStringLiteral("/file-menu.png"));
            QFile::remove(shots + QStringLiteral("/alex.exitscope"));
            QFile::copy(path, shots + QStringLiteral("/alex.exitscope"));
            QProcess::execute(QStringLiteral(EXITSCOPE_GUI_BIN), {path, QStringLiteral("--screenshot"), shots + QStringLiteral("/session-window.png")});
            QProcess::execute(QStringLiteral(EXITSCOPE_GUI_BIN), {path, QStringLiteral("--compare"), QStringLiteral("heuristic,msdnet,branchynet"),
                                                                  QStringLiteral("--screenshot"), shots + QStringLiteral("/session-compare.png")});
        }

        // A change after reopening marks it modified again; saving the same session again
        // gives the same content but the time.
        reopened->document()->setThreshold(1, 0.5);
        QVERIFY(reopened->isWindowModified());
    }

    void inMemoryTracesAreWrittenBeside()
    {
        auto window = windowWithMemoryTraces(synthesize({4, 600, 10, 7}), synthesize({4, 500, 10, 8}), {0.25, 0.5, 0.75, 1});
        QVERIFY(window);
        window->document()->setThreshold(2, 0.75);

        const QString path = m_dir.filePath(QStringLiteral("memory.exitscope"));
        window->sessionController()->saveTo(path);
        const QString side = sessionSideFolder(path);
        QVERIFY(QFileInfo::exists(QDir(side).filePath(QStringLiteral("val.npz"))));
        QVERIFY(QFileInfo::exists(QDir(side).filePath(QStringLiteral("test.npz"))));
        const Session saved = readSession(path);
        QCOMPARE(saved.val->file.path, QStringLiteral("memory.exitscope.d/val.npz")); // relative: the pair moves together
        QVERIFY(sameTrace(readTraceFile(QDir(side).filePath(QStringLiteral("val.npz")).toStdString()), *window->document()->val()));

        auto reopened = reopen(path);
        QVERIFY(reopened);
        Document *d = reopened->document();
        QCOMPARE(d->valPath(), QDir(side).filePath(QStringLiteral("val.npz")));
        QVERIFY(sameTrace(*d->val(), *window->document()->val()));
        QVERIFY(sameTrace(*d->test(), *window->document()->test()));
        QCOMPARE(d->policyState().policy.thresholds, window->document()->policyState().policy.thresholds);
        QCOMPARE(d->latencyPath(), QStringLiteral("costs"));

        // Save As elsewhere: the traces go beside the new session too (no session depends on
        // another's files).
        const QString other = m_dir.filePath(QStringLiteral("other.exitscope"));
        reopened->sessionController()->saveTo(other);
        QCOMPARE(readSession(other).val->file.path, QStringLiteral("other.exitscope.d/val.npz"));
        // ...and saving the same session again refers to what is already beside it.
        reopened->sessionController()->saveTo(other);
        QCOMPARE(readSession(other).val->file.path, QStringLiteral("other.exitscope.d/val.npz"));

        // A session replaces everything open: a test trace it does not have is closed.
        auto third = windowWithMemoryTraces(synthesize({4, 400, 10, 9}), std::nullopt, {0.2, 0.4, 0.6, 1});
        QVERIFY(third);
        const QString valOnly = m_dir.filePath(QStringLiteral("valonly.exitscope"));
        third->sessionController()->saveTo(valOnly);
        QVERIFY(reopened->document()->test());
        reopened->sessionController()->open(valOnly);
        QVERIFY(waitOpened(reopened.get()));
        QVERIFY(!reopened->document()->test());
        QCOMPARE(reopened->document()->latency()->cumulative, third->document()->latency()->cumulative);
        QCOMPARE(reopened->document()->policyState().policy.thresholds, third->document()->policyState().policy.thresholds);
        QCOMPARE(reopened->sessionController()->path(), valOnly);
    }

    // Writing big in-memory traces is a job the save waits for: the window keeps painting
    // and its status bar shows the save while it runs; the files are whole afterwards.
    void bigSaveKeepsTheWindowPainting()
    {
        auto window = windowWithMemoryTraces(synthesize({4, 20000, 100, 5}), std::nullopt, {0.25, 0.5, 0.75, 1}); // 32 MB of probabilities
        QVERIFY(window);

        QStringList seen; // what the status showed at each tick during the save
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, [&] {
            longestGap = std::max(longestGap, sinceTick.restart());
            seen << window->document()->jobs().status().title;
        });
        const QString path = m_dir.filePath(QStringLiteral("big.exitscope"));
        QElapsedTimer saving;
        saving.start();
        sinceTick.start();
        tick.start(5);
        window->sessionController()->saveTo(path);
        tick.stop();
        qInfo("saved 32 MB of in-memory trace in %lld ms; the GUI thread's longest gap between 5 ms ticks: %lld ms",
              static_cast<long long>(saving.elapsed()), static_cast<long long>(longestGap));
        QVERIFY2(seen.contains(QStringLiteral("Saving the session")), qPrintable(seen.join(QLatin1Char('|'))));
        QVERIFY(!window->isWindowModified());
        QVERIFY(sameTrace(readTraceFile(QDir(sessionSideFolder(path)).filePath(QStringLiteral("val.npz")).toStdString()),
                          *window->document()->val()));
        QCOMPARE(readSession(path).val->file.path, QStringLiteral("big.exitscope.d/val.npz"));
    }

    void eenetImportWithALearnedScorer()
    {
        // EENet's outputs exist only in memory once imported; its policy is a learned scorer.
        SHARED_DATA(logits, "eenet-format/logits_single.pth");
        SHARED_DATA(seconds, "eenet-format/seconds.csv");
        InputRequest request;
        request.eenetLogits = logits;
        request.eenetSeconds = seconds;
        auto window = openWindow(request);
        QVERIFY(window);
        Document *d = window->document();
        sweep(window.get(), {PolicyId::Eenet, PolicyId::MsdNet}, 3);
        d->setCurrentPolicy(PolicyId::Eenet);
        const SweepRow *eenet = nullptr;
        for (const SweepRow &row : d->sweepRows())
            if (row.policy == PolicyId::Eenet && row.done && row.error.empty())
                eenet = &row;
        QVERIFY(eenet);
        d->loadCurvePoint(PolicyId::Eenet, eenet->budget / d->sweepScale());
        QVERIFY(QTest::qWaitFor([&] { return d->policyState().policy.measure == Measure::Learned && d->jobs().isIdle(); }, 60000));
        const QString path = m_dir.filePath(QStringLiteral("eenet.exitscope"));
        window->sessionController()->saveTo(path);
        QVERIFY(QFileInfo::exists(QDir(sessionSideFolder(path)).filePath(QStringLiteral("test.npz"))));

        auto reopened = reopen(path);
        QVERIFY(reopened);
        const Document *e = reopened->document();
        QCOMPARE(e->policyState().policy.measure, Measure::Learned);
        QVERIFY(e->policyState().policy.scorer);
        QCOMPARE(e->policyState().policy.thresholds, d->policyState().policy.thresholds);
        QCOMPARE(e->latency()->cumulative, d->latency()->cumulative);
        QCOMPARE(e->latencyPath(), d->latencyPath());
        QCOMPARE(e->sweepRows().size(), d->sweepRows().size());
        for (std::size_t i = 0; i < d->sweepRows().size(); ++i)
            QVERIFY2(rowDifference(e->sweepRows()[i], d->sweepRows()[i]).isEmpty(), qPrintable(rowDifference(e->sweepRows()[i], d->sweepRows()[i])));
        // The learned scorer gives the same evaluation: the same numbers in both windows.
        QCOMPARE(e->valEvaluator()->evaluation().accuracy, d->valEvaluator()->evaluation().accuracy);
        QCOMPARE(e->valEvaluator()->evaluation().meanCost, d->valEvaluator()->evaluation().meanCost);
        QCOMPARE(e->testEvaluator()->evaluation().accuracy, d->testEvaluator()->evaluation().accuracy);
    }

    void modelTracesRoundTrip()
    {
        // Traces collected from a model and its measured profile: the traces beside the
        // session, the request recorded; reopening runs nothing.
        SHARED_DATA(shared, "torchscript/mlp4_staged.pt");
        const QString model = m_dir.filePath(QStringLiteral("mlp4_staged.pt"));
        QFile::remove(model);
        QVERIFY(QFile::copy(shared, model));
        QTemporaryDir data;
        ModelRequest request;
        request.model = model;
        request.dataset = writeMlpDataset(data, 300, QStringLiteral("val=120&seed=3&classes=10"));
        request.profileMinSeconds = 0; // a quick profile: its structure, not trustworthy numbers
        request.profileMaxSeconds = 0.3;
        request.profileWarmup = 2;
        auto window = shownWindow();
        QVERIFY(window);
        QSignalSpy finished(window->modelRunner(), &ModelRunner::finished);
        window->modelRunner()->start(request);
        Document *d = window->document();
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() && d->ready() && d->jobs().isIdle(); }, 120000));
        QVERIFY(window->modelRunner()->hasCollected());
        const QString path = m_dir.filePath(QStringLiteral("model.exitscope"));
        window->sessionController()->saveTo(path);
        const Session saved = readSession(path);
        QVERIFY(saved.model);
        QCOMPARE(saved.model->request.dataset, request.dataset);
        QCOMPARE(saved.val->file.path, QStringLiteral("model.exitscope.d/val.npz"));

        // The model changes afterwards: told, and the traces saved with the session are used.
        QFile file(model);
        QVERIFY(file.open(QIODevice::Append));
        file.write("x");
        file.close();
        QStringList changed;
        auto reopened = reopen(path, &changed);
        QVERIFY(reopened);
        QCOMPARE(changed.size(), 0); // the traces did not change
        QVERIFY2(reopened->messages().contains(model), qPrintable(reopened->messages()));
        const Document *e = reopened->document();
        QVERIFY(sameTrace(*e->val(), *d->val()));
        QVERIFY(sameTrace(*e->test(), *d->test()));
        QCOMPARE(e->latency()->cumulative, d->latency()->cumulative);
        QCOMPARE(e->latency()->median, d->latency()->median);
        QCOMPARE(e->latency()->provenance.device, d->latency()->provenance.device);
        QCOMPARE(e->latencyPath(), d->latencyPath());
        QCOMPARE(e->policyState().policy.thresholds, d->policyState().policy.thresholds);
        // The model dialog opens with the request; the traces count as the model's.
        QVERIFY(reopened->modelRunner()->hasCollected());
        const ModelRequest &again = *reopened->modelRunner()->lastRequest();
        QCOMPARE(again.model, model);
        QCOMPARE(again.dataset, request.dataset);
        QCOMPARE(again.profileMaxSeconds, request.profileMaxSeconds);
        QCOMPARE(again.profileWarmup, request.profileWarmup);
    }

    void formatRoundTripsAModelRequest()
    {
        // The format alone (no window): what the model runner asked for comes back.
        Session s;
        s.val = SessionTrace{{QStringLiteral("/data/a_confidence.npy"), QStringLiteral("aa")}, SessionFile{QStringLiteral("/data/a_correct.npy"), QStringLiteral("bb")},
                             Direction::HigherIsConfident};
        s.model = SessionModel{ModelRequest{QStringLiteral("/m/mlp4.pt"), QStringLiteral("mnist:/d?val=500&seed=3"), QString(),
                                            QStringLiteral("cuda:0"), 3, 32, {1, 8}, 0.5, 4.0, 7},
                               QStringLiteral("cc")};
        s.settings.kind = BudgetKind::P90;
        s.settings.policies = {PolicyId::Ippp, PolicyId::Best};
        s.currentPolicy = PolicyId::Ippp;
        s.cursorBudget = 0.625;
        const Session t = sessionFromJson(sessionToJson(s), "s.exitscope");
        QCOMPARE(t.val->file, s.val->file);
        QCOMPARE(*t.val->aaai21Correct, *s.val->aaai21Correct);
        QCOMPARE(t.val->aaai21Direction, Direction::HigherIsConfident);
        const ModelRequest &a = s.model->request, &b = t.model->request;
        QCOMPARE(b.model, a.model);
        QCOMPARE(b.dataset, a.dataset);
        QCOMPARE(b.valDataset, a.valDataset);
        QCOMPARE(b.device, a.device);
        QCOMPARE(b.threads, a.threads);
        QCOMPARE(b.batchSize, a.batchSize);
        QCOMPARE(b.profileBatchSizes, a.profileBatchSizes);
        QCOMPARE(b.profileMinSeconds, a.profileMinSeconds);
        QCOMPARE(b.profileMaxSeconds, a.profileMaxSeconds);
        QCOMPARE(b.profileWarmup, a.profileWarmup);
        QCOMPARE(t.model->sha256, s.model->sha256);
        QVERIFY(t.settings == s.settings);
        QCOMPARE(t.currentPolicy, PolicyId::Ippp);
        QCOMPARE(t.cursorBudget, 0.625);
        QVERIFY(!t.operatingPoint && !t.sweep && !t.latency && !t.test);
        // A field of the wrong type is named with its path.
        std::string text = sessionToJson(s);
        text.replace(text.find("\"batch_size\": 32"), 16, "\"batch_size\": \"x\"");
        EXPECT_INPUT_ERROR(sessionFromJson(text, "s.exitscope"), "s.exitscope: sources.model.batch_size: expected a number");
    }

    void changedSourceIsReported()
    {
        const QString folder = copyAlex(QStringLiteral("changed"));
        if (folder.isEmpty())
            QSKIP("the shared AAAI21 traces are not here");
        auto window = openWindow(alexRequest(folder));
        QVERIFY(window);
        sweep(window.get(), {PolicyId::MsdNet}, 3);
        const QString path = m_dir.filePath(QStringLiteral("changed.exitscope"));
        window->sessionController()->saveTo(path);

        // One byte of the val scores changes (the last: inside the data, so it still reads).
        const QString val = QDir(folder).filePath(QStringLiteral("Alex_val_confidence.npy"));
        QFile file(val);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() - 2);
        char byte = 0;
        QVERIFY(file.getChar(&byte));
        file.seek(file.size() - 2);
        QVERIFY(file.putChar(static_cast<char>(byte ^ 0x01)));
        file.close();

        QStringList changed;
        auto reopened = reopen(path, &changed);
        QVERIFY(reopened);
        QCOMPARE(changed.size(), 1);
        // The warning's box (not modal: the window goes on behind it).
        QMessageBox *box = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (box = reopened->findChild<QMessageBox *>()) && box->isVisible(); }, 10000));
        QVERIFY(box->text().contains(val));
        if (qEnvironmentVariableIsSet("EXITSCOPE_SESSION_SHOTS"))
            box->grab().save(qEnvironmentVariable("EXITSCOPE_SESSION_SHOTS") + QStringLiteral("/changed-source.png"));
        box->close();
        const QString message = changed.front();
        QVERIFY2(message.contains(val) && message.contains(QLatin1String("changed since the session was saved")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("Alex_test")), qPrintable(message)); // only what changed
        // The files as they are now; the sweep's rows, computed on the old data, dropped.
        QVERIFY(reopened->document()->sweepRows().empty());
        QCOMPARE(reopened->document()->val()->samples(), window->document()->val()->samples());
        QVERIFY(reopened->messages().contains(val));
        QVERIFY(reopened->isWindowModified());

        // A missing source: refused, naming it; the window goes on as it was.
        const QString test = QDir(folder).filePath(QStringLiteral("Alex_test_confidence.npy"));
        QVERIFY(QFile::remove(test));
        auto third = shownWindow();
        QVERIFY(third);
        third->setErrorHandler([](const QString &) {});
        third->sessionController()->open(path);
        QVERIFY(QTest::qWaitFor([&] { return !third->sessionController()->opening() && third->document()->jobs().isIdle(); }, 60000));
        QVERIFY2(third->lastError().contains(test) && third->lastError().contains(QLatin1String("missing")), qPrintable(third->lastError()));
        QVERIFY(!third->document()->hasVal());
        QVERIFY(third->sessionController()->path().isEmpty());
    }

    void badSessionFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fragment");
        const QString good = m_dir.filePath(QStringLiteral("alex.exitscope"));
        QFile file(good);
        QByteArray text;
        if (file.open(QIODevice::ReadOnly))
            text = file.readAll();
        QTest::newRow("truncated") << text.left(text.size() / 2) << QStringLiteral("not valid JSON (truncated?)");
        QTest::newRow("garbage") << QByteArray("\x89PNG\r\n\x1a\n garbage") << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty file");
        QTest::newRow("not a session") << QByteArray(R"({"format": "exitscope-latency", "version": 1})")
                                       << QStringLiteral("not an exitscope session");
        QByteArray future = text;
        future.replace("\"version\": 1\n}", "\"version\": 7\n}");
        QTest::newRow("newer version") << future << QStringLiteral("version 7 is not one this Exitscope reads");
        QByteArray policy = text;
        policy.replace("\"current_policy\": \"branchynet\"", "\"current_policy\": \"fastest\"");
        QTest::newRow("bad field") << policy << QStringLiteral("current_policy: 'fastest' is not a policy name");
    }

    void badSessionFilesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fragment);
        if (bytes.isEmpty() && QString::fromLatin1(QTest::currentDataTag()) != QLatin1String("empty"))
            QSKIP("needs roundTripIsEqualFieldForField's session");
        const QString path = m_dir.filePath(QStringLiteral("bad.exitscope"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
        out.close();
        auto window = shownWindow();
        QVERIFY(window);
        window->setErrorHandler([](const QString &) {});
        window->sessionController()->open(path);
        QVERIFY(QTest::qWaitFor([&] { return !window->sessionController()->opening() && window->document()->jobs().isIdle(); }, 30000));
        QVERIFY2(window->lastError().contains(path) && window->lastError().contains(fragment), qPrintable(window->lastError()));
        QVERIFY(!window->document()->hasVal());
        QVERIFY(window->sessionController()->path().isEmpty());
        // The window goes on: a good session opens in it afterwards.
        const QString good = m_dir.filePath(QStringLiteral("memory.exitscope"));
        if (QFileInfo::exists(good)) {
            window->sessionController()->open(good);
            QVERIFY(waitOpened(window.get()));
            QCOMPARE(window->sessionController()->path(), good);
        }
    }

    void autosaveIsOfferedAfterACrash()
    {
        const QString folder = copyAlex(QStringLiteral("autosave"));
        if (folder.isEmpty())
            QSKIP("the shared AAAI21 traces are not here");
        QString recovery;
        std::vector<double> thresholds;
        {
            auto window = openWindow(alexRequest(folder));
            QVERIFY(window);
            SessionController *session = window->sessionController();
            window->document()->setThreshold(0, 0.25);
            session->setAutosaveInterval(1); // the timer writes it
            recovery = session->recoveryPath();
            QVERIFY(QTest::qWaitFor([&] { return QFileInfo::exists(recovery); }, 20000));
            QVERIFY(recovery.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
            QVERIFY(!SessionController::orphanedRecoveryFiles().contains(recovery)); // its window still runs
            thresholds = window->document()->policyState().policy.thresholds;
            session->setAutosaveInterval(60);
            // The window goes without closing (as in a crash): its recovery file stays.
        }
        QVERIFY(QFileInfo::exists(recovery));
        QVERIFY(SessionController::orphanedRecoveryFiles().contains(recovery));
        auto window = shownWindow();
        QVERIFY(window);
        // The start-up question (modal): looked at, then answered Restore.
        bool asked = false;
        QTimer::singleShot(0, [&]() {
            QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text().contains(QLatin1String("did not close normally"));
            if (qEnvironmentVariableIsSet("EXITSCOPE_SESSION_SHOTS"))
                box->grab().save(qEnvironmentVariable("EXITSCOPE_SESSION_SHOTS") + QStringLiteral("/recovery-prompt.png"));
            for (QAbstractButton *button : box->buttons())
                if (button->text() == QLatin1String("Restore"))
                    button->click();
        });
        window->sessionController()->offerRecovery();
        QVERIFY(asked);
        QVERIFY(waitOpened(window.get()));
        QCOMPARE(window->document()->policyState().policy.thresholds, thresholds);
        QVERIFY(window->isWindowModified() || window->sessionController()->needsSaving()); // restored, not saved
        QVERIFY(!QFileInfo::exists(recovery));

        // A normal close removes the window's own recovery file.
        window->sessionController()->autosaveNow();
        const QString own = window->sessionController()->recoveryPath();
        QVERIFY(QFileInfo::exists(own));
        window->close();
        QVERIFY(!QFileInfo::exists(own));
    }

    void closingAsksWithUnsavedChanges()
    {
        const QString path = m_dir.filePath(QStringLiteral("memory.exitscope"));
        if (!QFileInfo::exists(path))
            QSKIP("needs inMemoryTracesAreWrittenBeside's session");
        auto window = shownWindow();
        QVERIFY(window);
        // A dropped .exitscope (File > Open's path too) opens the session.
        window->fileActions()->openPaths({path});
        QVERIFY(waitOpened(window.get()));
        QCOMPARE(window->sessionController()->path(), path);
        window->setAskOnClose(true);
        window->document()->setThreshold(0, 0.5);
        QVERIFY(window->isWindowModified());
        const auto answer = [](const QString &button, bool *asked) {
            QTimer::singleShot(0, [button, asked]() {
                QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                *asked = box->text().contains(QLatin1String("memory.exitscope"));
                for (QAbstractButton *b : box->buttons())
                    if (b->text().remove(QLatin1Char('&')) == button)
                        b->click();
            });
        };
        bool asked = false;
        answer(QStringLiteral("Cancel"), &asked);
        QVERIFY(!window->close()); // Cancel: the window stays
        QVERIFY(asked);
        QVERIFY(window->isVisible());
        asked = false;
        answer(QStringLiteral("Save"), &asked);
        QVERIFY(window->close()); // Save: written, then closed
        QVERIFY(asked);
        QCOMPARE(readSession(path).operatingPoint->policy.thresholds[0], 0.5);
    }

    void commandLineOpensASession()
    {
        const QString path = m_dir.filePath(QStringLiteral("memory.exitscope"));
        if (!QFileInfo::exists(path))
            QSKIP("needs inMemoryTracesAreWrittenBeside's session");
        const CommandLine cl = parseCommandLine({QStringLiteral("exitscope"), path});
        QCOMPARE(cl.session, path);
        bool usage = false;
        try {
            parseCommandLine({QStringLiteral("exitscope"), path, QStringLiteral("--val"), path});
        } catch (const UsageError &) {
            usage = true;
        }
        QVERIFY(usage);
        auto window = shownWindow();
        QVERIFY(window);
        window->openCommandLine(cl);
        QVERIFY(waitOpened(window.get()));
        QCOMPARE(window->sessionController()->path(), path);

        // The binary: a session with --screenshot renders it.
        const QString png = m_dir.filePath(QStringLiteral("session.png"));
        QProcess process;
        process.start(QStringLiteral(EXITSCOPE_GUI_BIN), {path, QStringLiteral("--screenshot"), png});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(QImage(png).width() > 0);
        // A bad one exits 3 naming it.
        process.start(QStringLiteral(EXITSCOPE_GUI_BIN), {m_dir.filePath(QStringLiteral("bad.exitscope")), QStringLiteral("--screenshot"), png});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 3);
        QVERIFY(process.readAllStandardError().contains("bad.exitscope"));
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"

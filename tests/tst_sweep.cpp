#include "core/data/synth.h"
#include "core/io/aaai21import.h"
#include "core/io/sweepcsv.h"
#include "core/solvers/sweep.h"
#include "testsupport.h"

#include <QProcess>
#include <QRegularExpression>

#include <cmath>

using namespace exitscope;
using namespace exitscope::test;

namespace {

const std::vector<double> kScanCosts{0.32, 0.53, 0.76, 1.0, 1.07};

SweepRequest synthRequest(const std::vector<std::string> &policies, int threads)
{
    const Trace val = synthesize({4, 3000, 10, 11});
    const Trace test = synthesize({4, 3000, 10, 12});
    return SweepRequest{val, test, {1, 2, 3, 4}, {1.5, 2.0, 2.5, 3.0, 3.5}, BudgetKind::Mean, policies, {}, threads};
}

// The CSV without the timing column, which differs from run to run.
QString withoutTimes(const std::string &csv)
{
    QStringList lines;
    for (const QString &line : QString::fromStdString(csv).split('\n')) {
        QStringList cells = line.split(',');
        if (cells.size() > 13)
            cells.removeAt(13); // solve_ms
        lines << cells.join(',');
    }
    return lines.join('\n');
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT

private slots:
    void sameResultWhateverTheThreads()
    {
        const std::vector<std::string> policies{"heuristic", "branchynet", "msdnet", "ippp", "selfxit", "patience", "best", "oracle"};
        const SweepResult one = runSweep(synthRequest(policies, 1));
        const SweepResult two = runSweep(synthRequest(policies, 2));
        QVERIFY(one.complete && two.complete);
        QCOMPARE(withoutTimes(sweepCsv(one, 1)), withoutTimes(sweepCsv(two, 1)));
    }

    void bestIsAtLeastEveryOtherPolicy_data()
    {
        QTest::addColumn<bool>("labelFree");
        QTest::addColumn<int>("kind");
        QTest::newRow("accuracy, mean budget") << false << int(BudgetKind::Mean);
        QTest::newRow("agreement, mean budget") << true << int(BudgetKind::Mean);
        QTest::newRow("accuracy, p90 budget") << false << int(BudgetKind::P90);
    }
    void bestIsAtLeastEveryOtherPolicy()
    {
        QFETCH(bool, labelFree);
        QFETCH(int, kind);
        SweepRequest request = synthRequest({"heuristic", "branchynet", "msdnet", "ippp", "selfxit", "patience", "best"}, 0);
        request.options.labelFree = labelFree;
        request.kind = static_cast<BudgetKind>(kind);
        const SweepResult sweep = runSweep(request);
        for (double budget : request.budgets) {
            double others = -1, best = -1;
            for (const SweepRow &r : sweep.rows) {
                if (r.budget != budget)
                    continue;
                QVERIFY2(r.error.empty(), r.error.c_str());
                const double objective = labelFree ? r.val.agreement : r.val.accuracy;
                const double cost = kind == int(BudgetKind::Mean) ? r.val.meanCost : r.val.p90Cost;
                if (r.policy == "best") {
                    best = objective;
                    QVERIFY2(cost <= budget, qPrintable(QStringLiteral("best over budget %1: %2").arg(budget).arg(cost)));
                    QVERIFY(r.result.feasible);
                } else if (cost <= budget) {
                    others = std::max(others, objective);
                }
            }
            QVERIFY2(best >= others, qPrintable(QStringLiteral("budget %1: best %2 < %3").arg(budget).arg(best).arg(others)));
        }
    }

    void paretoFrontIsNonDominated()
    {
        const SweepResult sweep = runSweep(synthRequest({"heuristic", "msdnet", "best", "oracle"}, 0));
        int front = 0;
        for (const SweepRow &r : sweep.rows) {
            if (r.policy == "oracle")
                QVERIFY(!r.pareto);
            if (!r.pareto)
                continue;
            ++front;
            for (const SweepRow &o : sweep.rows)
                if (o.result.isPolicy && o.result.feasible)
                    QVERIFY(!(o.val.accuracy > r.val.accuracy && o.val.meanCost <= r.val.meanCost));
        }
        QVERIFY(front >= 3);
    }

    void goldenCurve()
    {
        SHARED_DATA(confidence, "aaai21/Scan_val_confidence.npy");
        const auto path = [](const char *file) { return str(sharedDataPath(QStringLiteral("aaai21/") + file)); };
        const Trace val = importAaai21(path("Scan_val_confidence.npy"), path("Scan_val_correct.npy"), Direction::LowerIsConfident);
        const Trace test = importAaai21(path("Scan_test_confidence.npy"), path("Scan_test_correct.npy"), Direction::LowerIsConfident);
        const SweepRequest request{val, test, kScanCosts, {0.38, 0.42, 0.46, 0.5, 0.54, 0.58, 0.62}, BudgetKind::Mean,
                                   {"heuristic", "branchynet", "msdnet", "ippp", "selfxit", "best", "oracle"}, {}, 0};
        const QString csv = withoutTimes(sweepCsv(runSweep(request), 1));
        // Regenerate after an intended change: EXITSCOPE_REGENERATE_GOLDEN=1 ctest -R sweep
        const QString golden = QStringLiteral(EXITSCOPE_GOLDEN_DIR "/scan_sweep.csv");
        if (qEnvironmentVariableIsSet("EXITSCOPE_REGENERATE_GOLDEN")) {
            QFile out(golden);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(csv.toUtf8());
            QSKIP("golden curve regenerated");
        }
        QFile in(golden);
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(golden));
        const QStringList expected = QString::fromUtf8(in.readAll()).split('\n');
        const QStringList actual = csv.split('\n');
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < actual.size(); ++i)
            QCOMPARE(actual[i], expected[i]);
    }

    void refusesBadRequests_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("message");
        QTest::newRow("budget below the first exit") << 0 << "budget 0.5 is below the cheapest exit's cost 1: no policy fits";
        QTest::newRow("K mismatch") << 1 << "the latency profile has 3 exits but the val trace has 4";
        QTest::newRow("label-free with one exit") << 2 << "--label-free: needs at least two exits";
        QTest::newRow("unknown policy") << 3 << "unknown policy 'fastest'";
        QTest::newRow("no labels") << 4 << "has no labels or correctness";
        QTest::newRow("test K mismatch") << 5 << "the test trace has 3 exits but the val trace has 4";
    }
    void refusesBadRequests()
    {
        QFETCH(int, defect);
        QFETCH(QString, message);
        SweepRequest request = synthRequest({"msdnet"}, 1);
        switch (defect) {
        case 0: request.budgets = {0.5, 2}; break;
        case 1: request.costs = {1, 2, 3}; break;
        case 2: request.val = synthesize({1, 100, 10, 1}); request.test.reset(); request.costs = {1};
                request.budgets = {1}; request.options.labelFree = true; break;
        case 3: request.policies = {"msdnet", "fastest"}; break;
        case 4: {
            TraceContents c = request.val.contents();
            c.labels.clear();
            request.val = Trace::build(c, "unlabeled");
            break;
        }
        case 5: request.test = synthesize({3, 100, 10, 1}); break;
        }
        EXPECT_INPUT_ERROR(runSweep(request), str(message));
    }

    void budgetAboveTheLastExitIsClamped()
    {
        SweepRequest request = synthRequest({"msdnet", "best"}, 1);
        request.budgets = {9.0};
        const SweepResult sweep = runSweep(request);
        for (const SweepRow &r : sweep.rows) {
            QCOMPARE(r.budget, 4.0);
            QVERIFY(r.result.feasible);
        }
    }

    void cancellationMarksRowsIncomplete()
    {
        SweepRequest request = synthRequest({"heuristic", "msdnet", "ippp", "best"}, 1);
        JobContext context;
        int finished = 0;
        context.progress = Progress([&](const ProgressUpdate &) {
            if (++finished == 3)
                context.cancel.cancel();
        });
        const SweepResult sweep = runSweep(request, context);
        QVERIFY(!sweep.complete);
        const auto done = std::count_if(sweep.rows.begin(), sweep.rows.end(), [](const SweepRow &r) { return r.done; });
        QCOMPARE(done, 3);
        const std::string csv = sweepCsv(sweep, 1);
        QCOMPARE(QString::fromStdString(csv).count(",cancelled\n"), static_cast<int>(sweep.rows.size()) - 3);
    }

    void cliInterruptWritesOnlyAnIncompleteFile()
    {
        QTemporaryDir dir;
        const QString val = dir.filePath("val.npz");
        QProcess synth;
        synth.start(EXITSCOPE_CLI, {"synth", "--exits", "5", "--samples", "20000", "--classes", "10", "-o", val});
        QVERIFY(synth.waitForFinished(60000) && synth.exitCode() == 0);
        const QString out = dir.filePath("curve.csv");
        QProcess sweep;
        sweep.start(EXITSCOPE_CLI, {"sweep", "--val", val, "--costs", "1,2,3,4,5", "--policies", "ippp",
                                    "--budgets", "1.5:4.5:200", "--threads", "1", "-o", out});
        QVERIFY(sweep.waitForStarted());
        // Wait for the first finished budget, then interrupt.
        QByteArray progress;
        while (!progress.contains("[1/200]") && sweep.state() == QProcess::Running) {
            sweep.waitForReadyRead(1000);
            progress += sweep.readAllStandardError();
        }
        sweep.terminate();
        QVERIFY(sweep.waitForFinished(60000));
        QCOMPARE(sweep.exitCode(), 130);
        QVERIFY(!QFileInfo::exists(out));
        QFile partial(out + ".incomplete");
        QVERIFY(partial.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(partial.readAll());
        QVERIFY(text.contains(",ok\n"));
        QVERIFY(text.contains(",cancelled\n"));
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"

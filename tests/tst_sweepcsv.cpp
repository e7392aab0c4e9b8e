// The sweep CSV read back, and what exitscope-cli builds on it: `solve` gives a sweep's
// row (it is a sweep of one budget), and `solve --from-sweep` exports a row as it is.

#include "clirunner.h"
#include "core/data/synth.h"
#include "core/io/sweepcsv.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

// Inside exitscope::test, so that `cli(...)` (the runner) is found.
namespace exitscope::test {

namespace {

const QStringList kScanCosts{"--costs", "0.32,0.53,0.76,1.0,1.07", "--reference", "1", "--relative"};

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The row's cell, by column name.
QString cell(const SweepCsvRow &row, const char *column)
{
    for (const auto &[name, text] : row.numbers)
        if (name == column)
            return QString::fromStdString(text);
    qFatal("no column %s", column);
}

const SweepCsvRow &rowOf(const std::vector<SweepCsvRow> &rows, const std::string &policy, double budget)
{
    for (const SweepCsvRow &r : rows)
        if (r.policy == policy && std::abs(r.budget - budget) < 1e-9)
            return r;
    qFatal("no row %s at %g", policy.c_str(), budget);
}

// The config's numbers of a split, as the sweep CSV writes them.
QString csvNumber(const QJsonObject &config, const char *split, const char *field)
{
    const QJsonValue v = config[split].toObject()[field];
    return QString::fromStdString(sweepCsvNumber(v.isNull() ? std::nan("") : v.toDouble()));
}

std::vector<double> thresholdsOf(const QJsonObject &config)
{
    std::vector<double> out;
    for (const QJsonValue &v : config["thresholds"].toArray())
        out.push_back(v.toDouble());
    return out;
}

// Imports the AAAI21 Scan traces into dir (val.npz, test.npz).
bool importScan(const QTemporaryDir &dir)
{
    for (const char *split : {"val", "test"}) {
        const QString base = sharedDataPath(QStringLiteral("aaai21/Scan_%1_").arg(split));
        const Run run = cli({"import", "aaai21", "--confidence", base + "confidence.npy", "--correct", base + "correct.npy",
                             "--lower-is-confident", "-o", dir.filePath(QStringLiteral("%1.npz").arg(split))});
        if (run.status != 0)
            return false;
    }
    return true;
}

} // namespace

class TestSweepCsv : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (outsideShard())
            QSKIP("run by another shard");
    }

    // What sweepCsv writes reads back: every row, its thresholds bit for bit.
    void readsBackWhatItWrites()
    {
        const SweepRequest request{synthesize({4, 800, 10, 3}), synthesize({4, 800, 10, 4}), {1, 2, 3, 4}, {1.5, 2.5, 3.5},
                                   BudgetKind::Mean, {PolicyId::MsdNet, PolicyId::Ippp, PolicyId::Best, PolicyId::Oracle}, {}, 0};
        const auto sweep = runSweep(request);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "curve.csv", QByteArray::fromStdString(sweepCsv(*sweep, 2)));
        const std::vector<SweepCsvRow> rows = readSweepCsv(str(path));
        QCOMPARE(rows.size(), sweep->rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const SweepRow &r = sweep->rows[i];
            QCOMPARE(rows[i].line, static_cast<int>(i) + 2);
            QCOMPARE(rows[i].policy, std::string(policyName(r.policy)));
            QCOMPARE(rows[i].budget, r.budget / 2);
            QCOMPARE(rows[i].status, std::string("ok"));
            QCOMPARE(rows[i].measure, r.result.isPolicy ? std::string(measureName(r.result.policy.measure)) : "bound");
            if (r.result.isPolicy)
                QCOMPARE(rows[i].thresholds, r.result.policy.thresholds);
            QCOMPARE(cell(rows[i], "val_accuracy"), QString::fromStdString(sweepCsvNumber(r.val.accuracy)));
            QCOMPARE(cell(rows[i], "test_cost"), QString::fromStdString(sweepCsvNumber(r.test->meanCost)));
        }
        // Columns are found by name: one more column, anywhere, reads the same.
        QString text = QString::fromStdString(sweepCsv(*sweep, 2));
        QStringList lines = text.split('\n');
        for (QString &line : lines)
            if (!line.isEmpty())
                line = (line.startsWith("policy,") ? "unit," : "ms,") + line;
        const std::vector<SweepCsvRow> wider = readSweepCsv(str(writeFile(dir, "wider.csv", lines.join('\n').toUtf8())));
        QCOMPARE(wider.size(), rows.size());
        QCOMPARE(wider.back().thresholds, rows.back().thresholds);
    }

    void refusesMalformedFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        const QByteArray header = "policy,budget,measure,val_accuracy,val_cost,val_p90_cost,test_accuracy,test_cost,"
                                  "test_p90_cost,val_agreement,test_agreement,feasible,pareto,solve_ms,iterations,thresholds,status\n";
        QTest::newRow("empty") << QByteArray() << "curve.csv: empty: expected the header line of a sweep CSV";
        QTest::newRow("no thresholds column") << QByteArray("policy,budget,measure,status\n")
                                              << "curve.csv: line 1: no column 'thresholds'";
        QTest::newRow("cells missing") << header + "best,0.5,max-prob,0.7\n" << "curve.csv: line 2: 4 cells, the header has 17";
        QTest::newRow("bad budget") << header + "best,half,max-prob,0.7,1,1,,,,0.9,,1,1,2,3,0.5;0.6,ok\n"
                                    << "curve.csv: line 2, column budget: 'half' is not a number";
        QTest::newRow("bad threshold") << header + "best,0.5,max-prob,0.7,1,1,,,,0.9,,1,1,2,3,0.5;x,ok\n"
                                       << "curve.csv: line 2, column thresholds: 'x' is not a number";
    }
    void refusesMalformedFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "curve.csv", text);
        EXPECT_INPUT_ERROR(readSweepCsv(str(path)), str(path + message.mid(QStringLiteral("curve.csv").size())));
    }

    // `solve` at a budget gives the sweep's row at that budget, `best` included (it used to
    // differ at 7 of 17 budgets: only the sweep started it from the other policies), on
    // the real AAAI21 Scan traces.
    void solveGivesTheSweepsRow()
    {
        SHARED_DATA(probe, "aaai21/Scan_val_confidence.npy");
        QTemporaryDir dir;
        QVERIFY(importScan(dir));
        const QStringList traces{"--val", dir.filePath("val.npz"), "--test", dir.filePath("test.npz")};
        const QString csv = dir.filePath("curve.csv");
        const Run sweep = cli(QStringList{"sweep"} + traces + kScanCosts
                              + QStringList{"--policies", "heuristic,msdnet,ippp,best", "--budgets", "0.4,0.45,0.5,0.55,0.6", "-o", csv});
        QVERIFY2(sweep.status == 0, qPrintable(sweep.err));
        const std::vector<SweepCsvRow> rows = readSweepCsv(str(csv));
        for (const char *budget : {"0.4", "0.45", "0.5", "0.55", "0.6"})
            for (const char *policy : {"best", "ippp"}) {
                const QString out = dir.filePath(QStringLiteral("%1_%2.json").arg(policy, budget));
                const Run solve = cli(QStringList{"solve"} + traces + kScanCosts
                                      + QStringList{"--policy", policy, "--budget", budget, "-o", out});
                QVERIFY2(solve.status == 0, qPrintable(solve.err));
                const QJsonObject config = readJson(out);
                const SweepCsvRow &row = rowOf(rows, policy, QString(budget).toDouble());
                QCOMPARE(thresholdsOf(config), row.thresholds);
                for (const char *split : {"val", "test"}) {
                    QCOMPARE(csvNumber(config, split, "accuracy"), cell(row, (std::string(split) + "_accuracy").c_str()));
                    QCOMPARE(csvNumber(config, split, "mean_cost"), cell(row, (std::string(split) + "_cost").c_str()));
                }
            }
    }

    // Every row of a sweep exported as a config: its thresholds exactly, and the config's
    // numbers are the row's. EENet's learned scorer is not in the CSV: it is trained
    // again, seeded as in the sweep, and must give the row's thresholds.
    void fromSweepExportsTheRow()
    {
        const QString logits = sharedDataPath("eenet-format/logits_single.pth");
        REQUIRE_SHARED_FILE(logits);
        QTemporaryDir dir;
        const QString ee = dir.filePath("ee");
        QCOMPARE(cli({"import", "eenet", "--logits", logits, "--seconds", sharedDataPath("eenet-format/seconds.csv"), "--out-dir", ee}).status, 0);
        const QStringList inputs{"--val", ee + "/val.npz", "--test", ee + "/test.npz", "--latency", ee + "/latency.json",
                                 "--reference", "1.49", "--relative"};
        const QString csv = dir.filePath("curve.csv");
        const Run sweep = cli(QStringList{"sweep"} + inputs + QStringList{"--budgets", "0.45,0.7", "-o", csv});
        QVERIFY2(sweep.status == 0, qPrintable(sweep.err));
        int exported = 0;
        for (const SweepCsvRow &row : readSweepCsv(str(csv))) {
            if (row.policy == "oracle")
                continue;
            const QString out = dir.filePath(QStringLiteral("line%1.json").arg(row.line));
            const Run run = cli(QStringList{"solve", "--from-sweep", csv, "--policy", QString::fromStdString(row.policy), "--budget",
                                            QString::number(row.budget), "-o", out} + inputs);
            QVERIFY2(run.status == 0, qPrintable(run.err));
            QVERIFY2(run.out.contains(QStringLiteral("exported   line %1 of ").arg(row.line)), qPrintable(run.out));
            const QJsonObject config = readJson(out);
            QCOMPARE(config["measure"].toString().toStdString(), row.measure);
            QCOMPARE(thresholdsOf(config), row.thresholds);
            QCOMPARE(config.contains("scorer"), row.measure == "learned");
            for (const char *split : {"val", "test"}) {
                QCOMPARE(csvNumber(config, split, "accuracy"), cell(row, (std::string(split) + "_accuracy").c_str()));
                QCOMPARE(csvNumber(config, split, "mean_cost"), cell(row, (std::string(split) + "_cost").c_str()));
                QCOMPARE(csvNumber(config, split, "p90_cost"), cell(row, (std::string(split) + "_p90_cost").c_str()));
            }
            ++exported;
        }
        QCOMPARE(exported, 16); // 8 policies x 2 budgets
    }

    void fromSweepRefuses_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such budget") << QStringList{"--policy", "msdnet", "--budget", "0.47"}
                                        << "curve.csv: no row of policy 'msdnet' at budget 0.47; its budgets: 0.4, 0.5";
        QTest::newRow("no such policy") << QStringList{"--policy", "eenet", "--budget", "0.5"}
                                        << "curve.csv: no row of policy 'eenet'";
        QTest::newRow("row that could not run") << QStringList{"--policy", "patience", "--budget", "0.5"}
                                                << "curve.csv: line 5 (patience at budget 0.5) has no thresholds: error: patience:";
        QTest::newRow("other traces") << QStringList{"--policy", "best", "--budget", "0.5", "--val", "%test.npz"}
                                      << "curve.csv: line 7 (best at budget 0.5), column val_accuracy: ";
    }
    void fromSweepRefuses()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        SHARED_DATA(probe, "aaai21/Scan_val_confidence.npy");
        QTemporaryDir dir;
        QVERIFY(importScan(dir));
        const QString csv = dir.filePath("curve.csv");
        QCOMPARE(cli(QStringList{"sweep", "--val", dir.filePath("val.npz")} + kScanCosts
                     + QStringList{"--policies", "msdnet,patience,best", "--budgets", "0.4,0.5", "-o", csv})
                     .status,
                 0);
        QStringList command{"solve", "--from-sweep", csv, "-o", dir.filePath("out.json")};
        command += kScanCosts;
        if (!arguments.contains("--val"))
            command += QStringList{"--val", "%val.npz"};
        command += arguments;
        expandPaths(command, dir);
        const Run run = cli(command);
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("out.json")));
    }
};

} // namespace exitscope::test

QTEST_GUILESS_MAIN(exitscope::test::TestSweepCsv)
#include "tst_sweepcsv.moc"

// The NumPy recipe of docs/threshold-config.md, taken from the document itself
// (tests/numpyrecipe.py), applied to every row of sweeps on real traces: it must give the
// CLI's accuracy and mean cost for every policy and split. Needs python3 with NumPy
// (Debian's python3-numpy, which scripts/install-deps.sh installs); skipped without it.

#include "clirunner.h"
#include "core/io/sweepcsv.h"
#include "testsupport.h"

#include <QProcess>
#include <QRegularExpression>

namespace exitscope::test {

namespace {

// A python3 that imports numpy: the one on PATH, else Debian's (a pyenv python3 first on
// PATH has no Debian packages).
QString pythonWithNumpy()
{
    for (const QString &python : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
        QProcess probe;
        probe.start(python, {"-c", "import numpy"});
        if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return python;
    }
    return {};
}

QString speechCosts()
{
    QStringList costs;
    for (int k = 1; k <= 16; ++k)
        costs << QString::number(6.0 * k / 99.0, 'g', 17);
    return (costs << "1").join(',');
}

} // namespace

class TestNumpyRecipe : public QObject
{
    Q_OBJECT

    QString m_python;

private slots:
    void init()
    {
        if (outsideShard())
            QSKIP("run by another shard");
    }

    void initTestCase()
    {
        m_python = pythonWithNumpy();
        if (m_python.isEmpty())
            QSKIP("no python3 with NumPy (Debian: apt-get install python3-numpy; scripts/install-deps.sh installs it)");
    }

    void recipeGivesTheCliNumbers_data()
    {
        QTest::addColumn<QString>("source"); // aaai21 model name, or "eenet"
        QTest::addColumn<QString>("costs"); // cumulative, comma-separated
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QStringList>("sweep"); // budgets, policies, solver options
        QTest::addColumn<int>("rows"); // rows with thresholds
        // EENet-format sample (probabilities: max-prob, entropy, margin, patience and
        // learned scores), every policy. AAAI21 (given scores), every policy but EENet,
        // which trains for seconds a budget here (its rows are learned scores, checked on
        // the EENet sample).
        const QString alexCosts = "0.0015824947834014893,0.0022942611694335936,0.003047058033943176";
        const QStringList noEenet{"--policies", "heuristic,branchynet,msdnet,ippp,selfxit,patience,best,oracle"};
        QTest::newRow("eenet-format, 5 budgets") << "eenet" << "0.41,0.77,1.12,1.49" << "1.49"
                                                 << QStringList{"--budgets", "0.3:1.0:5"} << 5 * 8;
        QTest::newRow("Alex, 17 budgets") << "Alex" << alexCosts << "0.0024395286321640015"
                                          << (QStringList{"--budgets", "0.65:1.0:17"} + noEenet) << 17 * 6;
        QTest::newRow("Scan, 17 budgets") << "Scan" << "0.32,0.53,0.76,1.0,1.07" << "1"
                                          << (QStringList{"--budgets", "0.375:0.635:17"} + noEenet) << 17 * 6;
        QTest::newRow("Speech, 17 budgets") << "Speech" << speechCosts() << "1"
                                            << (QStringList{"--budgets", "0.4:0.8:17", "--ippp-slope", "200"} + noEenet) << 17 * 6;
    }
    void recipeGivesTheCliNumbers()
    {
        QFETCH(QString, source);
        QFETCH(QString, costs);
        QFETCH(QString, reference);
        QFETCH(QStringList, sweep);
        QFETCH(int, rows);
        QTemporaryDir dir;
        if (source == "eenet") {
            const QString logits = sharedDataPath("eenet-format/logits_single.pth");
            REQUIRE_SHARED_FILE(logits);
            QCOMPARE(cli({"import", "eenet", "--logits", logits, "--out-dir", dir.path()}).status, 0);
        } else {
            SHARED_DATA(probe, "aaai21/" + source + "_val_confidence.npy");
            for (const QString split : {"val", "test"}) {
                const QString base = sharedDataPath(QStringLiteral("aaai21/%1_%2_").arg(source, split));
                QStringList import{"import", "aaai21", "--confidence", base + "confidence.npy", "--correct", base + "correct.npy",
                                   "--lower-is-confident", "-o", dir.filePath(split + ".npz")};
                if (source == "Alex")
                    import << "--divide-scores-by" << "3.321928094887362"; // entropy in bits / log2(10), as the paper
                QCOMPARE(cli(import).status, 0);
            }
        }
        const QStringList inputs{"--val", dir.filePath("val.npz"), "--test", dir.filePath("test.npz"), "--costs", costs,
                                 "--reference", reference, "--relative"};
        const QString csv = dir.filePath("curve.csv");
        const Run swept = cli(QStringList{"sweep", "-o", csv} + inputs + sweep);
        QVERIFY2(swept.status == 0, qPrintable(swept.err));

        // Learned rows need their scorer: exported with solve --from-sweep.
        QVERIFY(QDir(dir.path()).mkdir("configs"));
        int withThresholds = 0;
        for (const SweepCsvRow &row : readSweepCsv(str(csv))) {
            withThresholds += row.status == "ok" && row.measure != "bound";
            if (row.measure != "learned")
                continue;
            const Run exported = cli(QStringList{"solve", "--from-sweep", csv, "--policy", QString::fromStdString(row.policy), "--budget",
                                                 QString::number(row.budget, 'g', 17), "-o",
                                                 dir.filePath(QStringLiteral("configs/line%1.json").arg(row.line))}
                                     + inputs);
            QVERIFY2(exported.status == 0, qPrintable(exported.err));
        }
        QCOMPARE(withThresholds, rows);

        QProcess python;
        python.start(m_python, {EXITSCOPE_RECIPE_SCRIPT, EXITSCOPE_RECIPE_DOC, csv, costs, reference, dir.filePath("val.npz"),
                                dir.filePath("test.npz"), dir.filePath("configs")});
        QVERIFY(python.waitForFinished(300000));
        const QString out = QString::fromUtf8(python.readAllStandardOutput());
        QVERIFY2(python.exitCode() == 0, qPrintable(out + python.readAllStandardError()));
        const QRegularExpressionMatch summary
            = QRegularExpression("checked (\\d+) rows, (\\d+) splits, (\\d+) mismatched, (\\d+) over budget").match(out);
        QVERIFY2(summary.hasMatch(), qPrintable(out));
        qInfo("%s: %s", qPrintable(source), qPrintable(summary.captured(0)));
        QCOMPARE(summary.captured(1).toInt(), rows);
        QCOMPARE(summary.captured(2).toInt(), 2 * rows);
        QVERIFY2(summary.captured(3).toInt() == 0, qPrintable(out));
        QVERIFY2(summary.captured(4).toInt() == 0, qPrintable(out));
    }
};

} // namespace exitscope::test

QTEST_GUILESS_MAIN(exitscope::test::TestNumpyRecipe)
#include "tst_numpyrecipe.moc"

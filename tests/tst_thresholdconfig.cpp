#include "testsupport.h"
#include "core/data/thresholdconfig.h"
#include "core/io/tracefile.h"

#include <QFile>

#include <cmath>

using namespace exitscope;
using namespace exitscope::test;

namespace {

ThresholdConfig sampleConfig()
{
    ThresholdConfig c;
    c.policyName = "manual";
    c.policy = {Measure::Entropy, Direction::LowerIsConfident, {0.125, 0.3333333333333333}};
    c.budget = Budget{0.75, true, BudgetKind::P90};
    c.latency.cumulative = {0.32, 0.53, 1.07};
    c.latency.unit = CostUnit::Relative;
    c.latency.reference = 1.0;
    SplitPrediction val;
    val.trace = "val.npz";
    val.sha256 = std::string(64, 'a');
    val.samples = 100;
    val.accuracy = 0.8125;
    val.agreement = 0.9;
    val.meanCost = 0.61;
    val.p90Cost = 1.07;
    val.exitDistribution = {0.5, 0.25, 0.25};
    c.val = val;
    SplitPrediction test = val;
    test.accuracy = std::nan(""); // label-free test split
    c.test = test;
    c.tool = "exitscope test";
    c.created = "2026-11-22T00:00:00Z";
    return c;
}

} // namespace

class TestThresholdConfig : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const ThresholdConfig c = sampleConfig();
        QTemporaryDir dir;
        const QString path = dir.filePath("config.json");
        writeThresholdConfig(c, str(path));
        const ThresholdConfig back = readThresholdConfig(str(path));
        QCOMPARE(back.policyName, c.policyName);
        QCOMPARE(back.policy.measure, c.policy.measure);
        QCOMPARE(back.policy.direction, c.policy.direction);
        QCOMPARE(back.policy.thresholds, c.policy.thresholds);
        QCOMPARE(back.budget->value, 0.75);
        QVERIFY(back.budget->relative);
        QCOMPARE(back.budget->kind, BudgetKind::P90);
        QCOMPARE(back.latency.cumulative, c.latency.cumulative);
        QCOMPARE(back.val->accuracy, 0.8125);
        QCOMPARE(back.val->exitDistribution, c.val->exitDistribution);
        QCOMPARE(back.val->sha256, c.val->sha256);
        QVERIFY(std::isnan(back.test->accuracy));
        // Written again, the document is the same text.
        QCOMPARE(thresholdConfigToJson(back), thresholdConfigToJson(c));
    }

    void hashIsOfTheTraceFile()
    {
        SHARED_DATA(secondsCsv, "eenet-format/seconds.csv");
        // The digest sha256sum prints for that file.
        QCOMPARE(predictSplit(Evaluation{}, str(secondsCsv), 0).sha256,
                 std::string("bb7d588f9cbc67ec31386adbc5b657246a75a3f542f1c11105de117c54461dd5"));
    }

    void rejectsBadConfigs_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("measure") << "\"measure\": \"entropy\"" << "\"measure\": \"confidence\"" << "measure: 'confidence' is not one of";
        QTest::newRow("direction") << "\"direction\": \"lower-is-confident\"" << "\"direction\": \"down\"" << "direction: 'down'";
        QTest::newRow("version") << "\"version\": 1\n}" << "\"version\": 2\n}" << "version: version 2";
        QTest::newRow("threshold type") << "0.125" << "\"low\"" << "thresholds[0]: expected a number, found string";
        QTest::newRow("threshold count") << "0.125," << "" << "thresholds: 1 values, but the latency profile has 3 exits";
        QTest::newRow("budget kind") << "\"p90\"" << "\"max\"" << "budget.kind: 'max' is not mean or p90";
        QTest::newRow("fractional version") << "\"version\": 1\n}" << "\"version\": 1.5\n}" << "version: version 1.5";
        QTest::newRow("direction vs measure") << "\"direction\": \"lower-is-confident\"" << "\"direction\": \"higher-is-confident\""
                                              << "direction: measure 'entropy' is lower-is-confident, not higher-is-confident";
        QTest::newRow("overflowing number") << "0.125" << "1e999" << "not valid JSON";
        QTest::newRow("truncated") << "\"version\"" << "\"vers" << "not valid JSON";
        QTest::newRow("samples 1e300") << "\"samples\": 100" << "\"samples\": 1e300" << "samples: expected a whole number in [0, 9007199254740992], found 1e+300";
        QTest::newRow("negative samples") << "\"samples\": 100" << "\"samples\": -3" << "samples: expected a whole number";
    }
    void rejectsBadConfigs()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        std::string text = thresholdConfigToJson(sampleConfig());
        const auto at = text.find(str(from));
        QVERIFY2(at != std::string::npos, qPrintable(from));
        text.replace(at, str(from).size(), str(to));
        if (QTest::currentDataTag() == QLatin1String("truncated"))
            text.resize(at + str(to).size());
        QTemporaryDir dir;
        EXPECT_INPUT_ERROR(readThresholdConfig(str(writeFile(dir, "config.json", QByteArray::fromStdString(text)))), str(message));
    }
};

QTEST_GUILESS_MAIN(TestThresholdConfig)
#include "tst_thresholdconfig.moc"

#include "core/data/budgettext.h"
#include "core/data/latencyprofile.h"
#include "testsupport.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

using namespace exitscope;
using namespace exitscope::test;

class TestLatencyProfile : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTrip()
    {
        LatencyProfile p;
        p.cumulative = {1.5824947834014893, 2.2942611694335936, 3.047058033943176};
        p.unit = CostUnit::Milliseconds;
        p.reference = 2.4395286321640015;
        p.median = {1.5, 2.2, 3.0};
        p.p90 = {1.7, 2.4, 3.2};
        p.p99 = {1.9, 2.6, 3.5};
        p.provenance = {ProfileSource::Measured, "cpu", 2, 1, "3x32x32", "1.13.1", "2026-11-22T10:00:00Z", 250, ""};
        QTemporaryDir dir;
        const QString path = dir.filePath("latency.json");
        writeLatencyProfile(p, str(path));
        const LatencyProfile back = readLatencyProfile(str(path));
        QCOMPARE(back.cumulative, p.cumulative); // exact: JSON doubles round-trip
        QCOMPARE(back.unit, p.unit);
        QCOMPARE(*back.reference, *p.reference);
        QCOMPARE(back.median, p.median);
        QCOMPARE(back.p90, p.p90);
        QCOMPARE(back.p99, p.p99);
        QCOMPARE(back.provenance.device, std::string("cpu"));
        QCOMPARE(back.provenance.threads, 2);
        QCOMPARE(back.provenance.batchSize, 1);
        QCOMPARE(back.provenance.libtorchVersion, std::string("1.13.1"));
        QCOMPARE(back.provenance.source, ProfileSource::Measured);
        QCOMPARE(back.largestRelativeSpread(), 0.0); // no IQR stored
        p.iqr = {0.15, 0.11, 0.6};
        QCOMPARE(p.largestRelativeSpread(), 0.2);
        QCOMPARE(back.provenance.inputShape, std::string("3x32x32"));
    }

    // The source is an enum in memory and "measured", "costs", "file:<path>" or "" in files.
    void sourceSpellings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("file");
        QTest::newRow("measured") << "measured" << int(ProfileSource::Measured) << "";
        QTest::newRow("costs") << "costs" << int(ProfileSource::Costs) << "";
        QTest::newRow("file") << "file:../eenet/seconds.csv" << int(ProfileSource::File) << "../eenet/seconds.csv";
        QTest::newRow("unknown") << "" << int(ProfileSource::Unknown) << "";
    }
    void sourceSpellings()
    {
        QFETCH(QString, text);
        QFETCH(int, source);
        QFETCH(QString, file);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "latency.json", "{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\","
                                                            "\"cumulative\":[1,2],\"provenance\":{\"source\":\"" + text.toUtf8() + "\"}}");
        const LatencyProfile p = readLatencyProfile(str(path));
        QCOMPARE(int(p.provenance.source), source);
        QCOMPARE(p.provenance.file, str(file));
        QCOMPARE(QString::fromStdString(p.provenance.sourceText()), text.isEmpty() ? QString("unknown") : text);
        // Written back as read.
        writeLatencyProfile(p, str(path));
        QCOMPARE(readLatencyProfile(str(path)).provenance.sourceText(), p.provenance.sourceText());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("\"source\": \"" + text.toUtf8() + "\""));
    }

    void realSecondsCsv()
    {
        SHARED_DATA(path, "eenet-format/seconds.csv"); // no trailing newline, as EENet writes it
        const LatencyProfile p = readSecondsCsv(str(path));
        QCOMPARE(p.cumulative, (std::vector<double>{0.41, 0.77, 1.12, 1.49}));
        QCOMPARE(p.unit, CostUnit::Milliseconds);
        QCOMPARE(p.provenance.source, ProfileSource::File);
        QCOMPARE(p.provenance.file, str(path));
    }

    void secondsCsvVariants_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("exits");
        QTest::newRow("trailing newline") << QByteArray("1\n2\n3\n") << 3;
        QTest::newRow("crlf") << QByteArray("1\r\n2\r\n") << 2;
        QTest::newRow("one line, commas") << QByteArray("1, 2, 3, 4") << 4;
    }
    // Only decimal numbers: hex, inf, nan and trailing text are refused with the line named.
    void secondsCsvRejectsWhatIsNotDecimal_data()
    {
        QTest::addColumn<QByteArray>("value");
        for (const char *value : {"0x10", "inf", "nan", "1.5ms", "1e999", "--1", "+-2"})
            QTest::newRow(value) << QByteArray(value);
    }
    void secondsCsvRejectsWhatIsNotDecimal()
    {
        QFETCH(QByteArray, value);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "seconds.csv", "1\n" + value + "\n3\n");
        EXPECT_INPUT_ERROR(readSecondsCsv(str(path)), str(path) + ":2: '" + value.toStdString() + "' is not a decimal number");
        const QString good = writeFile(dir, "good.csv", "+1\n2.5e0\n3.\n");
        QVERIFY_THROWS_NO_EXCEPTION(readSecondsCsv(str(good)).cumulative);
    }

    void secondsCsvVariants()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, exits);
        QTemporaryDir dir;
        QCOMPARE(readSecondsCsv(str(writeFile(dir, "seconds.csv", text))).exits(), exits);
    }

    void rejectsBadProfiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("decreasing") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\",\"cumulative\":[1,3,2]}")
                                    << "cumulative costs must not decrease with depth: exit 2 costs 2 < exit 1's 3";
        QTest::newRow("negative") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\",\"cumulative\":[-1,3]}")
                                  << "cost of exit 0 is -1";
        QTest::newRow("unknown unit") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"hours\",\"cumulative\":[1]}")
                                      << "unit 'hours' is not one of";
        QTest::newRow("string cost") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\",\"cumulative\":[1,\"2\"]}")
                                     << "cumulative[1]: expected a number, found string";
        QTest::newRow("wrong format") << QByteArray("{\"format\":\"exitscope-thresholds\",\"version\":1}")
                                      << "format: expected 'exitscope-latency'";
        QTest::newRow("future version") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":7,\"unit\":\"ms\",\"cumulative\":[1]}")
                                        << "version: version 7 is not one this Exitscope reads";
        QTest::newRow("spread length") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\",\"cumulative\":[1,2],\"spread\":{\"median\":[1],\"p90\":[],\"p99\":[]}}")
                                       << "median has 1 values, expected one per exit (2)";
        QTest::newRow("truncated") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\",\"cumu")
                                   << "not valid JSON (truncated?)";
        QTest::newRow("empty") << QByteArray("") << "empty file";
        QTest::newRow("unknown source") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\",\"cumulative\":[1],\"provenance\":{\"source\":\"datasheet\"}}")
                                        << "provenance.source: 'datasheet' is not measured, costs or file:PATH";
        QTest::newRow("missing field") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\"}")
                                       << "cumulative: missing field";
        // Counts are whole numbers in range, never a cast of whatever double was there.
        QTest::newRow("threads 1e300") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\",\"cumulative\":[1],\"provenance\":{\"source\":\"measured\",\"threads\":1e300}}")
                                       << "provenance.threads: expected a whole number in [0, 2147483647], found 1e+300";
        QTest::newRow("runs 2.5") << QByteArray("{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\",\"cumulative\":[1],\"provenance\":{\"source\":\"measured\",\"runs\":2.5}}")
                                  << "provenance.runs: expected a whole number in [0, 2147483647], found 2.5";
    }
    void rejectsBadProfiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "latency.json", text);
        EXPECT_INPUT_ERROR(readLatencyProfile(str(path)), str(path) + ": " + str(message));
    }

    void costsAreValidated()
    {
        EXPECT_INPUT_ERROR(latencyProfileFromCosts({0.3, std::numeric_limits<double>::quiet_NaN()}, CostUnit::Relative, "--costs"),
                           "--costs: cost of exit 1 is nan");
        EXPECT_INPUT_ERROR(latencyProfileFromCosts({}, CostUnit::Relative, "--costs"), "at least one exit cost");
        const LatencyProfile p = latencyProfileFromCosts({0.32, 0.53, 0.76, 1.0, 1.07}, CostUnit::Relative, "--costs");
        EXPECT_INPUT_ERROR(p.requireExits(3, "--costs"), "the latency profile has 5 exits but the trace has 3");
    }

    // A file measured at several batch sizes: every profile is read back, the one at a
    // batch size is found, and a batch size it lacks is an error naming the file and the
    // batch sizes it holds (no silent fallback to batch 1).
    void batches()
    {
        std::vector<LatencyProfile> measured;
        for (int batch : {1, 8, 64}) {
            LatencyProfile p = latencyProfileFromCosts({1.0 * batch, 2.0 * batch}, CostUnit::Milliseconds, "costs");
            p.reference = 1.5 * batch;
            p.provenance = {ProfileSource::Measured, "cpu", 1, batch, std::to_string(batch) + "x32", "1.13.1", "", 60, ""};
            measured.push_back(p);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath("latency.json");
        writeLatencyProfiles(measured, str(path));
        const std::vector<LatencyProfile> back = readLatencyProfiles(str(path));
        QCOMPARE(back.size(), std::size_t(3));
        for (std::size_t i = 0; i < back.size(); ++i) {
            QCOMPARE(back[i].cumulative, measured[i].cumulative);
            QCOMPARE(back[i].provenance.batchSize, measured[i].provenance.batchSize);
        }
        QCOMPARE(batchSizesText(back), std::string("1, 8 and 64"));
        QCOMPARE(readLatencyProfileAtBatch(str(path), 8).cumulative, (std::vector<double>{8, 16}));
        QCOMPARE(*readLatencyProfileAtBatch(str(path), 64).reference, 96.0);
        QCOMPARE(readLatencyProfile(str(path)).provenance.batchSize, 1); // the main profile
        QCOMPARE(readLatencyProfile(str(path), 32).provenance.batchSize, 1); // lenient: the main profile
        EXPECT_INPUT_ERROR(readLatencyProfileAtBatch(str(path), 32),
                           str(path) + ": no profile measured at batch size 32; it holds batch sizes 1, 8 and 64");
        // The document as info --json shows it: the main profile and every batch.
        const nlohmann::json json = latencyProfilesToJson(back);
        QCOMPARE(json["batches"].size(), std::size_t(3));
        QCOMPARE(json["batches"][2]["provenance"]["batch_size"].get<int>(), 64);
        QCOMPARE(json["cumulative"].get<std::vector<double>>(), (std::vector<double>{1, 2}));

        // One profile: measured at a recorded batch size, or at one not recorded.
        writeLatencyProfiles({measured[1]}, str(path));
        QCOMPARE(readLatencyProfiles(str(path)).size(), std::size_t(1));
        EXPECT_INPUT_ERROR(readLatencyProfileAtBatch(str(path), 1), "it holds one profile, measured at batch 8");
        writeLatencyProfile(latencyProfileFromCosts({1, 2}, CostUnit::Milliseconds, "costs"), str(path));
        EXPECT_INPUT_ERROR(readLatencyProfileAtBatch(str(path), 1), "whose batch size is not recorded");
        // A batches entry that is not a profile is an error naming it.
        const QString bad = writeFile(dir, "bad.json", "{\"format\":\"exitscope-latency\",\"version\":1,\"unit\":\"ms\","
                                                       "\"cumulative\":[1],\"batches\":[{\"format\":\"exitscope-latency\"}]}");
        EXPECT_INPUT_ERROR(readLatencyProfiles(str(bad)), str(bad) + ": batches[0]");
    }

    void costText_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("text");
        QTest::newRow("ms") << 1.58249 << int(CostUnit::Milliseconds) << "1.5825 ms";
        QTest::newRow("s") << 0.0015824947 << int(CostUnit::Seconds) << "0.00158249 s";
        QTest::newRow("flops") << 3.2e8 << int(CostUnit::Flops) << "3.2e+08 FLOPs";
        QTest::newRow("relative") << 0.53 << int(CostUnit::Relative) << "0.5300 (relative)";
    }
    void costText()
    {
        QFETCH(double, value);
        QFETCH(int, unit);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(exitscope::costText(value, static_cast<CostUnit>(unit))), text);
    }

    // Budgets read as the user gave them: a fraction typed as 0.6 reads 0.6 again.
    void budgetText()
    {
        const double reference = 2.4395286321640015;
        QCOMPARE((BudgetText{CostUnit::Milliseconds, reference}(0.6 * reference)), std::string("0.6 x reference"));
        QCOMPARE((BudgetText{CostUnit::Milliseconds, 0}(0.5)), std::string("0.5 ms"));
        QCOMPARE((BudgetText{CostUnit::Relative, 0}(0.5)), std::string("0.5 (relative)"));
        QCOMPARE(BudgetText{}(2.5), std::string("2.5"));
    }
};

QTEST_GUILESS_MAIN(TestLatencyProfile)
#include "tst_latencyprofile.moc"

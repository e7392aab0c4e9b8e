// End-to-end tests of exitscope-cli: exit statuses, messages, files written or not, and
// numbers on the real shared traces.

#include "app/cli/errorreport.h"
#include "clirunner.h"
#include "core/common/inputerror.h"
#include "core/common/internalerror.h"
#include "core/data/latencyprofile.h"
#include "core/io/npy.h"
#include "core/io/tracefile.h"
#include "core/model/dataset.h"
#include "core/model/multiexitmodel.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <sstream>

// Inside exitscope::test, so that `cli(...)` (the runner) is found before exitscope::cli.
namespace exitscope::test {

namespace {

QJsonObject json(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries);
}

// A latency file as `profile --batch-sizes 1,8` writes one: costs 1, 2, 3 ms and reference
// 1.5 ms at batch 1; 8 times that at batch 8.
QString writeBatchProfiles(const QTemporaryDir &dir)
{
    std::vector<LatencyProfile> profiles;
    for (int batch : {1, 8}) {
        LatencyProfile p = latencyProfileFromCosts({1.0 * batch, 2.0 * batch, 3.0 * batch}, CostUnit::Milliseconds, "costs");
        p.reference = 1.5 * batch;
        p.provenance = {ProfileSource::Measured, "cpu", 1, batch, std::to_string(batch) + "x32", "1.13.1", "", 60, ""};
        profiles.push_back(p);
    }
    const QString path = dir.filePath("latency.json");
    writeLatencyProfiles(profiles, str(path));
    return path;
}

QStringList readCsv(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts) : QStringList();
}

// The cell of a CSV row (1 = the first after the header) in the column named so.
QString cell(const QStringList &rows, int row, const QString &column)
{
    const int at = rows.at(0).split(',').indexOf(column);
    return at < 0 ? QString("no column ") + column : rows.at(row).split(',').value(at);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (outsideShard())
            QSKIP("run by another shard");
    }

    void helpEverywhere_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("top") << QStringList{};
        for (const char *sub : {"import", "info", "eval", "synth", "sweep", "solve", "trace", "profile", "run", "demo", "train-demo"})
            QTest::newRow(sub) << QStringList{sub};
        QTest::newRow("import aaai21") << QStringList{"import", "aaai21"};
        QTest::newRow("import eenet") << QStringList{"import", "eenet"};
    }
    void helpEverywhere()
    {
        QFETCH(QStringList, command);
        const Run run = cli(command + QStringList{"--help"});
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.contains("Usage:"));
        QVERIFY(run.out.contains("--help"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no subcommand") << QStringList{} << "A subcommand is required";
        QTest::newRow("unknown subcommand") << QStringList{"frobnicate"} << "subcommand";
        QTest::newRow("missing option") << QStringList{"synth"} << "--out is required";
        QTest::newRow("bad number") << QStringList{"synth", "--exits", "many", "-o", "x.npz"} << "--exits";
        QTest::newRow("out of range") << QStringList{"synth", "--exits", "0", "-o", "x.npz"} << "--exits";
        QTest::newRow("negative seed") << QStringList{"synth", "--seed", "-1", "-o", "x.npz"} << "--seed"; // was 2^64 - 1
        QTest::newRow("eval without thresholds") << QStringList{"eval", "--trace", "t.npz", "--costs", "1,2"} << "--thresholds";
        QTest::newRow("aaai21 without direction")
            << QStringList{"import", "aaai21", "--confidence", EXITSCOPE_CLI, "--correct", EXITSCOPE_CLI, "-o", "x.npz"}
            << "--lower-is-confident or --higher-is-confident";
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = cli(arguments);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(message) || run.out.contains(message), qPrintable(run.err + run.out));
    }

    void aaai21ImportInfoAndEval()
    {
        SHARED_DATA(confidence, "aaai21/Scan_val_confidence.npy");
        SHARED_DATA(correct, "aaai21/Scan_val_correct.npy");
        QTemporaryDir dir;
        const QString trace = dir.filePath("scan_val.npz");
        Run run = cli({"import", "aaai21", "--confidence", confidence, "--correct", correct, "--lower-is-confident", "-o", trace});
        QCOMPARE(run.status, 0);

        // info: per-exit accuracy = row means of the correctness file.
        run = cli({"info", trace, "--json"});
        QCOMPARE(run.status, 0);
        const NpyDoubleArray right = readNpyFileAsDoubles(str(correct));
        const NpyDoubleArray score = readNpyFileAsDoubles(str(confidence));
        const QJsonArray exits = json(run)["exits_detail"].toArray();
        QCOMPARE(exits.size(), 5);
        const int N = 10000;
        for (int k = 0; k < 5; ++k) {
            double sum = 0;
            for (int j = 0; j < N; ++j)
                sum += right.values[k * N + j];
            QCOMPARE(exits[k].toObject()["accuracy"].toDouble(), sum / N);
        }

        // eval: the paper's rule (first exit whose minus-max-prob is <= t) spelled out here.
        const std::vector<double> t{-0.9, -0.8, -0.7, -0.6};
        const std::vector<double> cost{0.32, 0.53, 0.76, 1.0, 1.07};
        double accuracy = 0, meanCost = 0;
        for (int j = 0; j < N; ++j) {
            int exit = 4;
            for (int k = 0; k < 4; ++k)
                if (score.values[k * N + j] <= t[k]) {
                    exit = k;
                    break;
                }
            accuracy += right.values[exit * N + j] / N;
            meanCost += cost[exit] / N;
        }
        run = cli({"eval", "--trace", trace, "--costs", "0.32,0.53,0.76,1.0,1.07", "--thresholds=-0.9,-0.8,-0.7,-0.6", "--json"});
        QCOMPARE(run.status, 0);
        QVERIFY(qAbs(json(run)["accuracy"].toDouble() - accuracy) < 1e-12);
        QVERIFY(qAbs(json(run)["mean_cost"].toDouble() - meanCost) < 1e-12);
        QCOMPARE(json(run)["measure"].toString(), QStringLiteral("given"));
    }

    void eenetImportEvalExportAndReadBack()
    {
        SHARED_DATA(logits, "eenet-format/logits_single.pth");
        SHARED_DATA(seconds, "eenet-format/seconds.csv");
        QTemporaryDir dir;
        const QString out = dir.filePath("ee");
        Run run = cli({"import", "eenet", "--logits", logits, "--seconds", seconds, "--out-dir", out});
        QCOMPARE(run.status, 0);
        QCOMPARE(entries(out), (QStringList{"latency.json", "test.npz", "val.npz"}));

        // Expected numbers from an independent numpy reading of the .pth (see tst_importers).
        const QString config = dir.filePath("config.json");
        run = cli({"eval", "--trace", out + "/val.npz", "--latency", out + "/latency.json", "--measure", "max-prob",
                   "--thresholds", "0.9,0.8,0.7", "--test", out + "/test.npz", "--budget", "1.0", "-o", config, "--json"});
        QCOMPARE(run.status, 0);
        QCOMPARE(json(run)["accuracy"].toDouble(), 0.74);
        QVERIFY(qAbs(json(run)["mean_cost"].toDouble() - 0.92148) < 1e-12);
        const QJsonArray exits = json(run)["exits"].toArray();
        const int hits[] = {171, 90, 94, 145};
        for (int k = 0; k < 4; ++k)
            QCOMPARE(exits[k].toObject()["hits"].toInt(), hits[k]);

        // The exported config, read back, gives the same evaluation.
        run = cli({"eval", "--trace", out + "/val.npz", "--config", config, "--json"});
        QCOMPARE(run.status, 0);
        QCOMPARE(json(run)["accuracy"].toDouble(), 0.74);
        run = cli({"info", config, "--json"});
        QCOMPARE(run.status, 0);
        QCOMPARE(json(run)["val"].toObject()["accuracy"].toDouble(), 0.74);
        QCOMPARE(json(run)["val"].toObject()["sha256"].toString().size(), 64);
        QVERIFY(!json(run)["test"].isNull());
    }

    void modelInfo_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<int>("exits");
        QTest::addColumn<int>("classes"); // 0: not knowable from the file
        QTest::addColumn<QString>("input");
        QTest::newRow("staged") << "torchscript/mlp4_staged.pt" << "staged" << 4 << 10 << "32 features (Linear)";
        QTest::newRow("monolithic") << "torchscript/mlp4_traced_tuple.pt" << "monolithic" << 4 << 0 << "";
        QTest::newRow("staged cnn") << "torchscript/cnn3_staged_untrained.pt" << "staged" << 3 << 10 << "3 channels (Conv2d)";
    }
    // Layout and K, and what the file tells without running the model: classes, input,
    // parameters per stage and exit head (summing to the whole), file size.
    void modelInfo()
    {
        QFETCH(QString, model);
        QFETCH(QString, layout);
        QFETCH(int, exits);
        QFETCH(int, classes);
        QFETCH(QString, input);
        SHARED_DATA(path, model);
        const Run run = cli({"info", path, "--json"});
        QCOMPARE(run.status, 0);
        const QJsonObject info = json(run);
        QCOMPARE(info["layout"].toString(), layout);
        QCOMPARE(info["exits"].toInt(), exits);
        QCOMPARE(info["classes"].toInt(), classes); // null reads as 0
        QCOMPARE(info["input"].toString(), input);
        QCOMPARE(info["file_bytes"].toInteger(), QFileInfo(path).size());
        const qint64 parameters = info["parameters"].toInteger();
        QVERIFY(parameters > 1000);
        if (layout == "staged") {
            qint64 sum = 0;
            for (const char *part : {"stage_parameters", "exit_parameters"}) {
                QCOMPARE(info[part].toArray().size(), exits);
                for (const QJsonValue &count : info[part].toArray())
                    sum += count.toInteger();
            }
            QCOMPARE(sum, parameters);
            const Run text = cli({"info", path});
            QVERIFY2(text.out.contains("classes     10 (every exit head ends with a Linear of that width)"), qPrintable(text.out));
            QVERIFY(text.out.contains("stage parameters"));
        } else {
            QVERIFY(info["stage_parameters"].toArray().isEmpty());
        }
    }

    // trace: the model over an .npy dataset, split into val and test traces whose
    // probabilities are the softmax of the model's own logits.
    void traceRunsTheModel()
    {
        SHARED_DATA(modelPath, "torchscript/mlp4_staged.pt");
        QTemporaryDir dir;
        std::vector<float> inputs(30 * 32);
        for (std::size_t i = 0; i < inputs.size(); ++i)
            inputs[i] = static_cast<float>(std::sin(0.37 * static_cast<double>(i)));
        std::vector<std::int64_t> labels(30);
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = static_cast<std::int64_t>(i % 10);
        auto npy = [](NpyType type, const std::vector<std::int64_t> &shape, const void *data, std::size_t bytes) {
            return QByteArray::fromStdString(npyHeaderBytes(type, shape)) + QByteArray(static_cast<const char *>(data), static_cast<int>(bytes));
        };
        const QString x = writeFile(dir, "x.npy", npy(NpyType::Float32, {30, 32}, inputs.data(), inputs.size() * 4));
        const QString y = writeFile(dir, "y.npy", npy(NpyType::Int64, {30}, labels.data(), labels.size() * 8));
        const QString spec = "npy:" + x + "," + y + "?val=0.4&seed=7";
        const QString out = dir.filePath("traces");
        const Run run = cli({"trace", "--model", modelPath, "--dataset", spec, "--out-dir", out, "--batch-size", "4"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const Trace val = readTraceFile(str(out + "/val.npz"));
        const Trace test = readTraceFile(str(out + "/test.npz"));
        QCOMPARE(val.samples() + test.samples(), std::int64_t(30));
        QCOMPARE(val.samples(), std::int64_t(12));
        QCOMPARE(val.exits(), 4);
        QCOMPARE(val.classes(), 10);

        const DatasetSplit split = splitDataset(30, 0.4, 7);
        const DatasetSpec parsed = parseDatasetSpec(str(spec));
        const DatasetBatch batch = openDataset(parsed)->read(split.val);
        const std::vector<FloatTensor> logits = MultiExitModel::load(str(modelPath)).forwardAll(FloatTensor{batch.shape, batch.inputs});
        for (int k = 0; k < 4; ++k)
            for (int j = 0; j < 12; ++j) {
                const float *z = logits[k].values.data() + j * 10;
                const float top = *std::max_element(z, z + 10);
                double sum = 0;
                for (int c = 0; c < 10; ++c)
                    sum += std::exp(static_cast<double>(z[c] - top));
                QVERIFY(std::abs(val.scores(Measure::MaxProb, k)[j] - 1.0 / sum) < 1e-6);
                QCOMPARE(val.contents().labels[j], static_cast<std::int32_t>(labels[split.val[j]]));
            }

        // --topk 3 keeps the 3 largest probabilities: max-prob, margin and predictions are
        // those of the full trace; --topk 10 (= C) stores the full probabilities.
        const QString top3 = dir.filePath("top3"), top10 = dir.filePath("top10");
        const Run topRun = cli({"trace", "--model", modelPath, "--dataset", spec, "--out-dir", top3, "--batch-size", "4", "--topk", "3"});
        QVERIFY2(topRun.status == 0, qPrintable(topRun.err));
        QVERIFY2(topRun.out.contains("C = 10, top-3 probabilities"), qPrintable(topRun.out));
        QCOMPARE(cli({"trace", "--model", modelPath, "--dataset", spec, "--out-dir", top10, "--batch-size", "4", "--topk", "10"}).status, 0);
        for (const QString name : {"/val.npz", "/test.npz"}) {
            const Trace full = readTraceFile(str(out + name)), top = readTraceFile(str(top3 + name));
            QCOMPARE(top.topk(), 3);
            QCOMPARE(top.classes(), 10);
            QCOMPARE(top.contents().topkProbabilities.size(), static_cast<std::size_t>(4 * top.samples() * 3));
            QVERIFY(top.contents().labels == full.contents().labels);
            const std::int64_t n = full.samples();
            for (int k = 0; k < 4; ++k) {
                QVERIFY(std::equal(full.predictions(k), full.predictions(k) + n, top.predictions(k)));
                for (Measure m : {Measure::MaxProb, Measure::Margin})
                    QVERIFY(std::equal(full.scores(m, k), full.scores(m, k) + n, top.scores(m, k)));
            }
            const Trace all = readTraceFile(str(top10 + name));
            QCOMPARE(all.topk(), 0);
            QVERIFY(all.contents().probabilities == full.contents().probabilities);
        }
        const Run info = cli({"info", top3 + "/val.npz"});
        QVERIFY2(info.out.contains("classes    10 (top-3 probabilities stored)"), qPrintable(info.out));
        QVERIFY2(info.out.contains("entropy is an upper bound"), qPrintable(info.out));
        QCOMPARE(json(cli({"info", top3 + "/val.npz", "--json"}))["topk"].toInt(), 3);
    }

    void traceBadInput_data()
    {
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("label");
        QTest::addColumn<QString>("message");
        QTest::newRow("input shape the model rejects") << 7 << 1 << "stages[0] failed on the input of shape (8, 7)";
        QTest::newRow("class index out of range") << 32 << 12 << "expected a class index in [0, 10)";
    }
    void traceBadInput()
    {
        QFETCH(int, columns);
        QFETCH(int, label);
        QFETCH(QString, message);
        SHARED_DATA(modelPath, "torchscript/mlp4_staged.pt");
        QTemporaryDir dir;
        const std::vector<float> inputs(16 * static_cast<std::size_t>(columns), 0.5f);
        const std::vector<std::int64_t> labels(16, label);
        const QString x = writeFile(dir, "x.npy", QByteArray::fromStdString(npyHeaderBytes(NpyType::Float32, {16, columns}))
                                                      + QByteArray(reinterpret_cast<const char *>(inputs.data()), static_cast<int>(inputs.size() * 4)));
        const QString y = writeFile(dir, "y.npy", QByteArray::fromStdString(npyHeaderBytes(NpyType::Int64, {16}))
                                                      + QByteArray(reinterpret_cast<const char *>(labels.data()), 16 * 8));
        const QString out = dir.filePath("traces");
        const Run run = cli({"trace", "--model", modelPath, "--dataset", "npy:" + x + "," + y, "--out-dir", out, "--batch-size", "8"});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(out + "/val.npz"));
        QVERIFY(!QFileInfo::exists(out + "/test.npz"));
    }

    void synthInfoEval()
    {
        QTemporaryDir dir;
        const QString trace = dir.filePath("synth.npz");
        Run run = cli({"synth", "--exits", "4", "--samples", "2000", "--classes", "10", "--seed", "3", "-o", trace});
        QCOMPARE(run.status, 0);
        run = cli({"info", trace});
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.contains("samples    2000"));
        run = cli({"eval", "--trace", trace, "--costs", "1,2,3,4", "--measure", "entropy", "--thresholds", "0.2,0.3,0.4", "--json"});
        QCOMPARE(run.status, 0);
        const double cost = json(run)["mean_cost"].toDouble();
        QVERIFY(cost > 1.0 && cost < 4.0);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing trace") << QStringList{"info", "/nonexistent/t.npz"} << "/nonexistent/t.npz: cannot open file";
        QTest::newRow("not a trace type") << QStringList{"info", "/etc/hostname"} << "expected a trace (.npz)";
        // Missing or folder inputs are bad input (3), as everywhere, not usage errors (2).
        QTest::newRow("aaai21 missing") << QStringList{"import", "aaai21", "--confidence", "/nonexistent/c.npy", "--correct",
                                                       "/nonexistent/k.npy", "--lower-is-confident", "-o", "%out.npz"}
                                        << "/nonexistent/c.npy: cannot open file";
        QTest::newRow("eenet logits a folder") << QStringList{"import", "eenet", "--logits", "%", "--out-dir", "%ee"}
                                               << ": is a folder, expected a file";
        QTest::newRow("eenet seconds missing") << QStringList{"import", "eenet", "--logits", "@eenet-format/logits_single.pth",
                                                              "--seconds", "/nonexistent/seconds.csv", "--out-dir", "%ee"}
                                               << "/nonexistent/seconds.csv: cannot open file";
        QTest::newRow("aaai21 shapes") << QStringList{"import", "aaai21", "--confidence", "@aaai21/Alex_val_confidence.npy",
                                                      "--correct", "@aaai21/Scan_val_correct.npy", "--lower-is-confident", "-o", "%out.npz"}
                                       << "Scan_val_correct.npy: shape (5, 10000) disagrees";
        QTest::newRow("eenet truncated") << QStringList{"import", "eenet", "--logits", "%cut.pth", "--out-dir", "%ee"}
                                         << "cut.pth: not a readable torch.save file";
        QTest::newRow("eenet seconds K") << QStringList{"import", "eenet", "--logits", "@eenet-format/logits_single.pth",
                                                        "--seconds", "%three.csv", "--out-dir", "%ee"}
                                         << "three.csv: the latency profile has 3 exits but the trace has 4";
    }
    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        for (const QString &file : expandPaths(arguments, dir))
            REQUIRE_SHARED_FILE(file);
        {
            QFile cut(dir.filePath("cut.pth"));
            cut.open(QIODevice::WriteOnly);
            cut.write(QByteArray("PK\x03\x04", 4) + QByteArray(100, 'x'));
            QFile three(dir.filePath("three.csv"));
            three.open(QIODevice::WriteOnly);
            three.write("1\n2\n3");
        }
        const QStringList before = entries(dir.path());
        const Run run = cli(arguments);
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.err.startsWith("exitscope-cli: error: "));
        QCOMPARE(entries(dir.path()), before); // nothing written, not even an empty folder's files
        QVERIFY(!QFileInfo::exists(dir.filePath("ee/val.npz")));
    }

    // A test trace the val trace's thresholds cannot apply to is refused before anything is
    // written (it used to read past the costs, or crash on a trace without probabilities).
    void testTraceMustFitVal_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList solve{"solve", "--val", "%val5.npz", "--costs", "1,2,3,4,5", "--policy", "msdnet", "--budget", "3",
                                "-o", "%out.json"};
        QTest::newRow("solve, K differs") << (QStringList(solve) << "--test" << "%test4.npz")
                                          << "test4.npz: has 4 exits but the val trace has 5";
        QTest::newRow("solve, measure missing") << (QStringList(solve) << "--test" << "%scores.npz")
                                                << "scores.npz: measure 'max-prob' is unavailable";
        QTest::newRow("sweep, K differs") << QStringList{"sweep", "--val", "%val5.npz", "--test", "%test4.npz", "--costs",
                                                         "1,2,3,4,5", "--budgets", "2,3", "-o", "%out.csv"}
                                          << "test4.npz: has 4 exits but the val trace has 5";
    }
    void testTraceMustFitVal()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        REQUIRE_SHARED_FILE(EXITSCOPE_SHARED_DATA "/aaai21/Scan_test_confidence.npy");
        QTemporaryDir dir;
        const QString shared = EXITSCOPE_SHARED_DATA "/aaai21/";
        QCOMPARE(cli({"synth", "--exits", "5", "--samples", "500", "--seed", "1", "-o", dir.filePath("val5.npz")}).status, 0);
        QCOMPARE(cli({"synth", "--exits", "4", "--samples", "500", "--seed", "2", "-o", dir.filePath("test4.npz")}).status, 0);
        QCOMPARE(cli({"import", "aaai21", "--confidence", shared + "Scan_test_confidence.npy", "--correct",
                      shared + "Scan_test_correct.npy", "--lower-is-confident", "-o", dir.filePath("scores.npz")})
                     .status,
                 0);
        expandPaths(arguments, dir);
        const QStringList before = entries(dir.path());
        const Run run = cli(arguments);
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(entries(dir.path()), before);
    }

    // The one output guard: an output that is one of the inputs is refused, and the input
    // stays as it was (it used to be replaced, a trace by JSON).
    void outputsNeverReplaceInputs_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("input");
        QTest::newRow("eval") << QStringList{"eval", "--trace", "%t.npz", "--costs", "1,2,3", "--thresholds", "0.5,0.5", "-o", "%t.npz"}
                              << "t.npz";
        QTest::newRow("solve") << QStringList{"solve", "--val", "%t.npz", "--costs", "1,2,3", "--policy", "msdnet", "--budget", "2",
                                              "-o", "%t.npz"}
                               << "t.npz";
        QTest::newRow("sweep, through ..") << QStringList{"sweep", "--val", "%t.npz", "--costs", "1,2,3", "--budgets", "2",
                                                         "-o", "%sub/../t.npz"}
                                           << "t.npz";
        QTest::newRow("import aaai21") << QStringList{"import", "aaai21", "--confidence", "%c.npy", "--correct", "%k.npy",
                                                      "--lower-is-confident", "-o", "%k.npy"}
                                       << "k.npy";
    }
    void outputsNeverReplaceInputs()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, input);
        QTemporaryDir dir;
        QDir(dir.path()).mkdir("sub");
        QCOMPARE(cli({"synth", "--exits", "3", "--samples", "200", "-o", dir.filePath("t.npz")}).status, 0);
        for (const char *name : {"c.npy", "k.npy"})
            QVERIFY(QFile::copy(dir.filePath("t.npz"), dir.filePath(name))); // any bytes: never read
        QFile file(dir.filePath(input));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        expandPaths(arguments, dir);
        const Run run = cli(arguments);
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains("is also an input"), qPrintable(run.err));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    // Several output files appear together or not at all: with test.npz a folder, val.npz
    // is not left behind either.
    void multiFileOutputIsAllOrNone()
    {
        const QString logits = sharedDataPath("eenet-format/logits_single.pth");
        REQUIRE_SHARED_FILE(logits);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("ee/test.npz"));
        const Run run = cli({"import", "eenet", "--logits", logits, "--out-dir", dir.filePath("ee")});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains("test.npz: is a folder"), qPrintable(run.err));
        QCOMPARE(QDir(dir.filePath("ee")).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    // Core names settings, the CLI its flags; a bug is not the user's fault.
    void failureReport_data()
    {
        QTest::addColumn<int>("kind"); // 0 InputError, 1 InternalError, 2 std::runtime_error, 3 bad_alloc
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("setting") << 0 << "input shape" << 3 << "exitscope-cli: error: --input-shape: it went wrong\n";
        QTest::newRow("solver setting") << 0 << "test trace" << 3 << "exitscope-cli: error: --test: it went wrong\n";
        QTest::newRow("file") << 0 << "/data/val.npz" << 3 << "exitscope-cli: error: /data/val.npz: it went wrong\n";
        QTest::newRow("no where") << 0 << "" << 3 << "exitscope-cli: error: it went wrong\n";
        QTest::newRow("out of memory") << 3 << "" << 3 << "exitscope-cli: error: out of memory\n";
        const QString bug = QStringLiteral("exitscope-cli: internal error: it went wrong\n"
                                           "This is a bug in Exitscope, not a problem with your input. Please report it with "
                                           "the command line, the version and the message above:\n"
                                           "  command line: exitscope-cli info x.npz\n"
                                           "  version:      exitscope-cli " EXITSCOPE_VERSION "\n");
        QTest::newRow("internal error") << 1 << "" << 70 << bug;
        QTest::newRow("other exception") << 2 << "" << 70 << bug;
    }
    void failureReport()
    {
        QFETCH(int, kind);
        QFETCH(QString, where);
        QFETCH(int, status);
        QFETCH(QString, message);
        std::exception_ptr failure;
        try {
            if (kind == 0)
                throw InputError(where.toStdString(), "it went wrong");
            if (kind == 1)
                throw InternalError("it went wrong");
            if (kind == 2)
                throw std::runtime_error("it went wrong");
            throw std::bad_alloc();
        } catch (...) {
            failure = std::current_exception();
        }
        std::ostringstream err;
        QCOMPARE(cli::reportFailure(failure, "exitscope-cli info x.npz", err), status);
        QCOMPARE(QString::fromStdString(err.str()), message);
    }
    void settingFlags()
    {
        QCOMPARE(cli::flagForSetting("divide scores by").value_or(""), std::string_view("--divide-scores-by"));
        QCOMPARE(cli::flagForSetting("budgets").value_or(""), std::string_view("--budgets"));
        QVERIFY(!cli::flagForSetting("--budgets"));
        QVERIFY(!cli::flagForSetting("val.npz"));
        // End to end: an error raised in core about a setting names the flag.
        QTemporaryDir dir;
        const QString trace = dir.filePath("t.npz");
        QCOMPARE(cli({"synth", "--exits", "3", "--samples", "100", "-o", trace}).status, 0);
        const Run run = cli({"sweep", "--val", trace, "--costs", "1,2,3", "--policies", "nope", "--budgets", "1:2:3", "-o", dir.filePath("c.csv")});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.startsWith("exitscope-cli: error: --policies: unknown policy 'nope'"), qPrintable(run.err));
    }

    // The top-level help lists every exit status the commands return.
    void helpListsExitStatuses()
    {
        const Run run = cli({"--help"});
        QCOMPARE(run.status, 0);
        for (const char *status : {"0 ok", "1 `run` disagrees", "2 usage error", "3 bad input", "70 internal error", "130 interrupted"})
            QVERIFY2(run.out.contains(status), status);
    }

    // A latency file measured at batch sizes 1 and 8: info shows both, solve and sweep tune
    // for the one asked for (and the config carries it), a batch size it lacks is refused
    // naming the file and what it holds.
    void batchProfiles()
    {
        QTemporaryDir dir;
        const QString val = dir.filePath("val.npz"), test = dir.filePath("test.npz");
        QCOMPARE(cli({"synth", "--exits", "3", "--samples", "2000", "--seed", "1", "-o", val}).status, 0);
        QCOMPARE(cli({"synth", "--exits", "3", "--samples", "2000", "--seed", "2", "-o", test}).status, 0);
        const QString latency = writeBatchProfiles(dir);

        Run run = cli({"info", latency});
        QCOMPARE(run.status, 0);
        QVERIFY2(run.out.contains("batch sizes      1 and 8"), qPrintable(run.out));
        QVERIFY(run.out.contains("\nbatch size 1\n") && run.out.contains("\nbatch size 8\n"));
        QVERIFY(run.out.contains("reference   12.0000 ms"));
        run = cli({"info", latency, "--json"});
        QCOMPARE(json(run)["batches"].toArray().size(), 2);
        QCOMPARE(json(run)["batches"].toArray()[1].toObject()["reference"].toDouble(), 12.0);

        const QString config = dir.filePath("config.json");
        run = cli({"solve", "--val", val, "--test", test, "--latency", latency, "--batch-size", "8", "--policy", "msdnet",
                   "--budget", "0.8", "--relative", "-o", config});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("budget     0.8 x reference = 9.6000 ms, mean cost; latency profile of batch size 8"), qPrintable(run.out));
        const QJsonObject written = QJsonDocument::fromJson([&] {
                                        QFile f(config);
                                        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                                    }())
                                        .object();
        QCOMPARE(written["latency"].toObject()["provenance"].toObject()["batch_size"].toInt(), 8);
        QCOMPARE(written["latency"].toObject()["cumulative"].toArray()[2].toDouble(), 24.0);

        const QString curve = dir.filePath("curve.csv");
        run = cli({"sweep", "--val", val, "--latency", latency, "--batch-size", "8", "--policies", "msdnet", "--budgets",
                   "0.7,0.9", "--relative", "-o", curve});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("budgets  2, 0.7 x reference to 0.9 x reference (mean cost; reference 12.0000 ms; latency profile of batch size 8)"),
                 qPrintable(run.out));
        const QStringList rows = readCsv(curve);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(cell(rows, 1, "budget"), QString("0.7"));
        QCOMPARE(cell(rows, 1, "budget_relative"), QString("1"));
        QCOMPARE(cell(rows, 1, "budget_cost"), QString("8.4"));
        QCOMPARE(cell(rows, 1, "cost_unit"), QString("ms"));
        QCOMPARE(cell(rows, 1, "reference_cost"), QString("12"));
        QVERIFY(cell(rows, 2, "val_cost").toDouble() <= 0.9 * 12);

        run = cli({"solve", "--val", val, "--latency", latency, "--batch-size", "64", "--policy", "msdnet", "--budget", "0.6",
                   "--relative", "-o", dir.filePath("c64.json")});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains(latency + ": no profile measured at batch size 64; it holds batch sizes 1 and 8"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("c64.json")));
        run = cli({"sweep", "--val", val, "--costs", "1,2,3", "--batch-size", "8", "--budgets", "2", "-o", curve});
        QCOMPARE(run.status, 2); // --batch-size picks a profile of a --latency file
        QVERIFY(run.err.contains("--batch-size requires --latency"));
    }

    // Every printed cost names its unit; budgets read as typed; a budget that fits nothing
    // is named by the flag that set it, as typed, with --relative suggested where a
    // fraction was probably meant.
    void unitsEverywhere()
    {
        QTemporaryDir dir;
        const QString val = dir.filePath("val.npz");
        QCOMPARE(cli({"synth", "--exits", "3", "--samples", "2000", "--seed", "1", "-o", val}).status, 0);
        const QString latency = writeBatchProfiles(dir); // batch 1: 1, 2, 3 ms; reference 1.5 ms
        const QString config = dir.filePath("config.json");

        Run run = cli({"solve", "--val", val, "--latency", latency, "--policy", "msdnet", "--budget", "2.5", "-o", config});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("budget     2.5 ms, mean cost; latency profile of batch size 1\n"), qPrintable(run.out));
        QVERIFY(QRegularExpression("val        accuracy [0-9.]+, mean cost [0-9.]+ ms, within budget\n").match(run.out).hasMatch());
        run = cli({"info", config});
        QVERIFY2(run.out.contains("budget            2.5 ms, mean cost\n"), qPrintable(run.out));
        QVERIFY(QRegularExpression("val               accuracy [0-9.]+, mean cost [0-9.]+ ms").match(run.out).hasMatch());
        run = cli({"solve", "--val", val, "--latency", latency, "--policy", "msdnet", "--budget", "0.8", "--relative", "-o", config});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(QRegularExpression("mean cost 0\\.[0-9]+ x reference \\([0-9.]+ ms\\), within budget").match(run.out).hasMatch());
        run = cli({"eval", "--trace", val, "--latency", latency, "--thresholds", "0.9,0.9"});
        QVERIFY(run.out.contains("exit  cost (ms)  reached"));

        const auto refused = [&](const QStringList &arguments, const QString &message) {
            const Run r = cli(arguments);
            QCOMPARE(r.status, 3);
            QVERIFY2(r.err.startsWith("exitscope-cli: error: " + message), qPrintable(r.err));
        };
        refused({"solve", "--val", val, "--latency", latency, "--policy", "msdnet", "--budget", "0.05", "--relative", "-o", config},
                "--budget: budget 0.05 x reference = 0.0750 ms is below the cheapest exit's cost 0.6667 x reference (1.0000 ms): "
                "no policy fits\n");
        refused({"solve", "--val", val, "--latency", latency, "--policy", "msdnet", "--budget", "0.5", "-o", config},
                "--budget: budget 0.5 ms is below the cheapest exit's cost 1.0000 ms: no policy fits; without --relative a budget "
                "is in the latency profile's unit (ms): for a fraction of the reference cost, add --relative\n");
        refused({"sweep", "--val", val, "--latency", latency, "--policies", "msdnet", "--budgets", "0.05,0.8", "--relative", "-o",
                 dir.filePath("c.csv")},
                "--budgets: budget 0.05 x reference");
        refused({"solve", "--val", val, "--costs", "1,2,3", "--policy", "msdnet", "--budget", "0", "-o", config},
                "--budget: budget 0 (relative) is not a positive number");
    }

    // Progress: each event once, in the user's terms, the last line ([N/N]) once.
    void sweepProgressOncePerEvent()
    {
        QTemporaryDir dir;
        const QString val = dir.filePath("val.npz");
        QCOMPARE(cli({"synth", "--exits", "4", "--samples", "20000", "--seed", "1", "-o", val}).status, 0);
        const Run run = cli({"sweep", "--val", val, "--costs", "1,2,3,4", "--reference", "3.5", "--relative", "--policies",
                             "heuristic,msdnet,ippp,best", "--budgets", "0.4:1:12", "--threads", "2", "-o", dir.filePath("c.csv")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(QSet<QString>(lines.begin(), lines.end()).size(), lines.size());
        QCOMPARE(lines.filter(QRegularExpression("^\\[48/48\\]")).size(), 1);
        QVERIFY2(lines.last().startsWith("[48/48] best at budget "), qPrintable(lines.last())); // best runs last
        int previous = 0;
        for (const QString &line : lines) {
            const QRegularExpressionMatch m = QRegularExpression("^\\[(\\d+)/48\\] \\w+ at budget [0-9.]+ x reference").match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            QVERIFY(m.captured(1).toInt() >= previous);
            previous = m.captured(1).toInt();
        }
    }

    void evalBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("threshold count") << QStringList{"--costs", "1,2,3", "--thresholds", "0.5"} << "--thresholds: expected 2 thresholds";
        QTest::newRow("costs K") << QStringList{"--costs", "1,2", "--thresholds", "0.5,0.5"} << "--costs: the latency profile has 2 exits but the trace has 3";
        QTest::newRow("NaN cost") << QStringList{"--costs", "1,nan,3", "--thresholds", "0.5,0.5"} << "cost of exit 1 is nan";
        QTest::newRow("measure unavailable") << QStringList{"--costs", "1,2,3", "--measure", "entropy", "--thresholds", "0.5,0.5"}
                                             << "measure 'entropy' is unavailable";
        QTest::newRow("relative without reference") << QStringList{"--costs", "1,2,3", "--thresholds", "0.5,0.5", "--budget", "0.5", "--relative", "-o", "%c.json"}
                                                    << "--relative: a relative budget needs the reference cost";
    }
    void evalBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        SHARED_DATA(confidence, "aaai21/Alex_test_confidence.npy");
        SHARED_DATA(correct, "aaai21/Alex_test_correct.npy");
        QTemporaryDir dir;
        const QString trace = dir.filePath("alex.npz");
        QCOMPARE(cli({"import", "aaai21", "--confidence", confidence, "--correct", correct, "--lower-is-confident", "-o", trace}).status, 0);
        expandPaths(arguments, dir);
        const Run run = cli(QStringList{"eval", "--trace", trace} + arguments);
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(entries(dir.path()), QStringList{"alex.npz"});
    }
};

} // namespace exitscope::test

QTEST_GUILESS_MAIN(exitscope::test::TestCli)
#include "tst_cli.moc"

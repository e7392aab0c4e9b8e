// The built-in demo: the demo model's training (train-demo, on tiny IDX files written
// here) and, where Debian's dataset-fashion-mnist is installed, `exitscope-cli demo`
// end to end.

#include "clirunner.h"
#include "core/data/thresholdconfig.h"
#include "core/io/tracefile.h"
#include "core/model/multiexitmodel.h"
#include "testsupport.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <zlib.h>

using namespace exitscope;
using namespace exitscope::test;

namespace {

const QString kFashionMnist = QStringLiteral("/usr/share/datasets/fashion-mnist");

QByteArray bigEndian32(std::uint32_t v)
{
    QByteArray out;
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xff);
    return out;
}

// Writes dir/name as a gzip file (zlib's own writer), as Debian ships the IDX files.
void writeGzip(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    gzFile file = gzopen(qPrintable(dir.filePath(name)), "wb");
    if (!file || gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())) != bytes.size() || gzclose(file) != Z_OK)
        qFatal("cannot write %s", qPrintable(name));
}

// A Fashion-MNIST-shaped folder: n train and m test images of rows x cols whose mean
// brightness follows the label, so that a model can learn something from one epoch.
void writeImages(const QTemporaryDir &dir, int train, int test, int rows = 28, int cols = 28)
{
    std::uint32_t x = 7;
    const auto part = [&](const QString &prefix, int n) {
        QByteArray images = bigEndian32(0x803) + bigEndian32(static_cast<std::uint32_t>(n)) + bigEndian32(static_cast<std::uint32_t>(rows))
            + bigEndian32(static_cast<std::uint32_t>(cols));
        QByteArray labels = bigEndian32(0x801) + bigEndian32(static_cast<std::uint32_t>(n));
        for (int i = 0; i < n; ++i) {
            const int label = i % 10;
            labels += static_cast<char>(label);
            for (int p = 0; p < rows * cols; ++p) {
                x = x * 1103515245u + 12345u;
                images += static_cast<char>(label * 20 + static_cast<int>((x >> 16) % 40));
            }
        }
        writeGzip(dir, prefix + "-images-idx3-ubyte.gz", images);
        writeGzip(dir, prefix + "-labels-idx1-ubyte.gz", labels);
    };
    part("train", train);
    part("t10k", test);
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    // train-demo defines the staged 4-exit CNN, trains it seeded and saves a model that
    // loads as staged; the same seed gives the same weights, another seed others.
    void trainsTheDemoModel()
    {
        QTemporaryDir data, dir;
        writeImages(data, 120, 30);
        const auto train = [&](const QString &out, const QString &seed) {
            return cli({"train-demo", "--data", data.path(), "-o", dir.filePath(out), "--epochs", "1", "--batch-size", "32",
                        "--holdout", "20", "--seed", seed, "--threads", "1"});
        };
        Run run = train("a.pt", "3");
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("training the demo model on 100 training images (20 held out"), qPrintable(run.out));
        QVERIFY2(run.out.contains("accuracies on the 30 test images"), qPrintable(run.out));
        QCOMPARE(train("b.pt", "3").status, 0);
        QCOMPARE(train("c.pt", "4").status, 0);

        run = cli({"info", dir.filePath("a.pt"), "--json"});
        QCOMPARE(run.status, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(info["layout"].toString(), QStringLiteral("staged"));
        QCOMPARE(info["exits"].toInt(), 4);

        FloatTensor input{{2, 1, 28, 28}, std::vector<float>(2 * 28 * 28)};
        for (std::size_t i = 0; i < input.values.size(); ++i)
            input.values[i] = static_cast<float>(i % 97) / 97.0f;
        const auto logits = [&](const QString &file) { return MultiExitModel::load(str(dir.filePath(file))).forwardAll(input); };
        const std::vector<FloatTensor> a = logits("a.pt"), b = logits("b.pt"), c = logits("c.pt");
        QCOMPARE(a.size(), std::size_t(4));
        for (std::size_t k = 0; k < a.size(); ++k) {
            QCOMPARE(a[k].shape, (std::vector<std::int64_t>{2, 10}));
            QVERIFY(a[k].values == b[k].values);
            QVERIFY(a[k].values != c[k].values);
        }
    }

    void trainRefusesOtherImages()
    {
        QTemporaryDir data, dir;
        writeImages(data, 30, 10, 20, 20);
        const Run run = cli({"train-demo", "--data", data.path(), "-o", dir.filePath("m.pt"), "--holdout", "10"});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains("the demo model takes 1x28x28 images, these are (1, 20, 20)"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("m.pt")));
        // The output guard: the data are inputs.
        const QString images = data.filePath("train-images-idx3-ubyte.gz");
        const QByteArray before = [&] { QFile f(images); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        const Run overwrite = cli({"train-demo", "--data", data.path(), "-o", images});
        QCOMPARE(overwrite.status, 3);
        QVERIFY2(overwrite.err.contains("is also an input"), qPrintable(overwrite.err));
        QFile after(images);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    // Without the data set the demo says which package to install, before writing anything.
    void demoNamesTheMissingPackage()
    {
        QTemporaryDir dir;
        const Run run = cli({"demo", "--data", dir.filePath("none"), "--out-dir", dir.filePath("out")});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains("install Debian's dataset-fashion-mnist package"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("out")));
    }

    // The README's main job, quick: the built-in model on real Fashion-MNIST images.
    void demoEndToEnd()
    {
        if (!QFileInfo::exists(kFashionMnist))
            QSKIP("Debian's dataset-fashion-mnist is not installed (no /usr/share/datasets/fashion-mnist)");
        QTemporaryDir dir;
        // The built-in model never saw the first 10,000 of the permutation; no more val images than that.
        const Run tooMany = cli({"demo", "--out-dir", dir.filePath("no"), "--val-samples", "10001"});
        QCOMPARE(tooMany.status, 3);
        QVERIFY2(tooMany.err.contains("--val-samples: the built-in model was trained on all training images but the first 10000"),
                 qPrintable(tooMany.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("no")));

        const Run run = cli({"demo", "--out-dir", dir.path(), "--quick"});
        QVERIFY2(run.status == 0, qPrintable(run.err + run.out));
        // val: 1000 held-out training images; test: all 10,000 test images, all of them run.
        const Trace val = readTraceFile(str(dir.filePath("traces/val.npz")));
        const Trace test = readTraceFile(str(dir.filePath("traces/test.npz")));
        QCOMPARE(val.samples(), std::int64_t(1000));
        QCOMPARE(test.samples(), std::int64_t(10000));
        QCOMPARE(test.exits(), 4);
        QVERIFY2(test.exitAccuracy(3) >= 0.88, qPrintable(QString::number(test.exitAccuracy(3))));
        QVERIFY(test.exitAccuracy(0) < test.exitAccuracy(3));
        QVERIFY2(run.out.contains("10000 / 10000 as the trace-based evaluation said; predictions 10000 / 10000"), qPrintable(run.out));
        QVERIFY2(run.out.contains("samples      10000 (all of "), qPrintable(run.out));
        QVERIFY2(run.out.contains("best: test ms"), qPrintable(run.out)); // the trade-off table
        const ThresholdConfig config = readThresholdConfig(str(dir.filePath("thresholds.json")));
        QCOMPARE(config.policyName, std::string("best"));
        QCOMPARE(config.policy.thresholds.size(), std::size_t(3));
        QVERIFY(config.latency.provenance.source == ProfileSource::Measured);
        QFile samples(dir.filePath("samples.csv"));
        QVERIFY(samples.open(QIODevice::ReadOnly));
        QCOMPARE(samples.readAll().count('\n'), 10001);
        QFile curve(dir.filePath("curve.csv"));
        QVERIFY(curve.open(QIODevice::ReadOnly));
        QCOMPARE(curve.readAll().count('\n'), 1 + 5 * 9); // 5 budgets x every policy

#ifdef EXITSCOPE_GUI_BIN
        // The window on the demo (the README's main job ends with it): the same sweep, drawn.
        QProcess gui;
        const QString png = dir.filePath("window.png");
        gui.start(EXITSCOPE_GUI_BIN, {"--demo", dir.path(), "--screenshot", png});
        QVERIFY(gui.waitForFinished(300000));
        QVERIFY2(gui.exitCode() == 0, gui.readAllStandardError().constData());
        QCOMPARE(QImage(png).size(), QSize(1600, 1000));
#endif
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"

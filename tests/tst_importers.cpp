#include "core/io/aaai21import.h"
#include "core/io/eenetimport.h"
#include "core/io/npy.h"
#include "testsupport.h"

#include <QFile>

#include <cmath>

using namespace exitscope;
using namespace exitscope::test;

namespace {

// Writes the first `fraction` of a file's bytes to a new file.
QString truncatedCopy(const QString &source, const QTemporaryDir &dir, double fraction)
{
    QFile in(source);
    in.open(QIODevice::ReadOnly);
    const QByteArray bytes = in.readAll();
    return writeFile(dir, QFileInfo(source).fileName(), bytes.left(static_cast<int>(bytes.size() * fraction)));
}

} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

private slots:
    void aaai21AccuracyEqualsRowMeans_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("exits");
        QTest::addColumn<int>("samples");
        QTest::newRow("Alex val") << "Alex_val" << 3 << 10000;
        QTest::newRow("Scan test") << "Scan_test" << 5 << 10000;
        QTest::newRow("Speech val") << "Speech_val" << 17 << 6798;
    }
    void aaai21AccuracyEqualsRowMeans()
    {
        QFETCH(QString, model);
        QFETCH(int, exits);
        QFETCH(int, samples);
        SHARED_DATA(confidence, "aaai21/" + model + "_confidence.npy");
        SHARED_DATA(correct, "aaai21/" + model + "_correct.npy");
        const Trace t = importAaai21(str(confidence), str(correct), Direction::LowerIsConfident);
        QCOMPARE(t.exits(), exits);
        QCOMPARE(t.samples(), std::int64_t(samples));
        QVERIFY(!t.hasLabels());
        QVERIFY(t.hasCorrectness());
        QVERIFY(!t.agreementIsExact());
        QCOMPARE(t.measures(), std::vector<Measure>{Measure::Given});
        QCOMPARE(t.direction(Measure::Given), Direction::LowerIsConfident);
        const NpyDoubleArray raw = readNpyFileAsDoubles(str(correct));
        const NpyDoubleArray scores = readNpyFileAsDoubles(str(confidence));
        for (int k = 0; k < exits; ++k) {
            double sum = 0;
            for (int j = 0; j < samples; ++j)
                sum += raw.values[static_cast<std::size_t>(k) * samples + j];
            QCOMPARE(t.exitAccuracy(k), sum / samples);
            QVERIFY(std::equal(scores.values.begin() + static_cast<std::ptrdiff_t>(k) * samples,
                               scores.values.begin() + static_cast<std::ptrdiff_t>(k + 1) * samples,
                               t.scores(Measure::Given, k)));
        }
    }

    // Speech's files are Fortran-ordered; numpy.load's reading gives these numbers.
    void aaai21FortranOrderSpeech()
    {
        SHARED_DATA(confidence, "aaai21/Speech_val_confidence.npy");
        SHARED_DATA(correct, "aaai21/Speech_val_correct.npy");
        const Trace t = importAaai21(str(confidence), str(correct), Direction::LowerIsConfident);
        QCOMPARE(t.exitAccuracy(0), 297.0 / 6798);
        QCOMPARE(t.exitAccuracy(16), 5702.0 / 6798);
        QVERIFY(std::abs(t.scores(Measure::Given, 0)[0] - -0.1902062) < 1e-7);
        QVERIFY(std::abs(t.scores(Measure::Given, 0)[1] - -0.25521296) < 1e-7);
        QVERIFY(std::abs(t.scores(Measure::Given, 16)[6797] - -0.99910861) < 1e-7);
    }

    void aaai21ShapesMustAgree()
    {
        SHARED_DATA(alex, "aaai21/Alex_val_confidence.npy");
        SHARED_DATA(scan, "aaai21/Scan_val_correct.npy");
        EXPECT_INPUT_ERROR(importAaai21(str(alex), str(scan), Direction::LowerIsConfident),
                           "Scan_val_correct.npy: shape (5, 10000) disagrees with the confidence file's (3, 10000)");
    }

    void aaai21CorrectMustBeBinary()
    {
        SHARED_DATA(confidence, "aaai21/Alex_val_confidence.npy");
        EXPECT_INPUT_ERROR(importAaai21(str(confidence), str(confidence), Direction::LowerIsConfident), "is not 0 or 1");
    }

    void aaai21TruncatedFile()
    {
        SHARED_DATA(confidence, "aaai21/Alex_val_confidence.npy");
        SHARED_DATA(correct, "aaai21/Alex_val_correct.npy");
        QTemporaryDir dir;
        const QString cut = truncatedCopy(confidence, dir, 0.5);
        EXPECT_INPUT_ERROR(importAaai21(str(cut), str(correct), Direction::LowerIsConfident),
                           str(cut) + ": truncated: the header claims 240000 bytes of data (shape (3, 10000)), the file has 119936");
    }

    // Expected numbers computed independently: the .pth zip's raw storages read with
    // numpy (no torch), argmax per exit, compared with the targets.
    void eenetMatchesIndependentReading()
    {
        SHARED_DATA(logits, "eenet-format/logits_single.pth");
        SHARED_DATA(seconds, "eenet-format/seconds.csv");
        const EenetImport e = importEenet(str(logits), str(seconds), "");
        QCOMPARE(e.val.exits(), 4);
        QCOMPARE(e.val.samples(), std::int64_t(500));
        QCOMPARE(e.val.classes(), 10);
        QCOMPARE(e.test.samples(), std::int64_t(500));
        QVERIFY(e.val.hasLabels());
        const double valAccuracy[] = {0.764, 0.758, 0.758, 0.736};
        const double testAccuracy[] = {0.746, 0.746, 0.746, 0.72};
        const double valAgreement[] = {0.838, 0.84, 0.884, 1.0};
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(e.val.exitAccuracy(k), valAccuracy[k]);
            QCOMPARE(e.test.exitAccuracy(k), testAccuracy[k]);
            std::int64_t agree = 0;
            for (int j = 0; j < 500; ++j)
                agree += e.val.agreesWithFinal(k)[j];
            QCOMPARE(agree / 500.0, valAgreement[k]);
        }
        QVERIFY(e.latency.has_value());
        QCOMPARE(e.latency->cumulative, (std::vector<double>{0.41, 0.77, 1.12, 1.49}));
        QCOMPARE(e.latency->unit, CostUnit::Milliseconds);
    }

    void eenetFlopsWithoutSeconds()
    {
        SHARED_DATA(logits, "eenet-format/logits_single.pth");
        SHARED_DATA(flops, "eenet-format/flops.pth");
        const EenetImport e = importEenet(str(logits), "", str(flops));
        QVERIFY(e.latency.has_value());
        QCOMPARE(e.latency->unit, CostUnit::Flops);
        QCOMPARE(e.latency->cumulative, (std::vector<double>{1e6, 2.1e6, 3.2e6, 4.3e6}));
    }

    void eenetRejectsBadFiles_data()
    {
        QTest::addColumn<QString>("logits");
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("message");
        QTest::newRow("list of numbers") << "eenet-format/flops.pth" << 0 << "[0]: expected a tensor, found Double";
        QTest::newRow("dict") << "torchscript/cnn3_reference_io.pt" << 0 << "expected a tuple or list of tensors, found GenericDict";
        QTest::newRow("not a pickle") << "eenet-format/seconds.csv" << 0 << "not a readable torch.save file";
        QTest::newRow("truncated") << "eenet-format/logits_single.pth" << 1 << "not a readable torch.save file";
        QTest::newRow("empty") << "eenet-format/logits_single.pth" << 2 << "empty file";
        QTest::newRow("seconds K mismatch") << "eenet-format/logits_single.pth" << 3 << "has 3 exits but the trace has 4";
        QTest::newRow("seconds not numbers") << "eenet-format/logits_single.pth" << 4 << "seconds.csv:2: 'fast' is not a number";
    }
    void eenetRejectsBadFiles()
    {
        QFETCH(QString, logits);
        QFETCH(int, variant);
        QFETCH(QString, message);
        SHARED_DATA(source, logits);
        QTemporaryDir dir;
        QString path = source, seconds;
        if (variant == 1)
            path = truncatedCopy(source, dir, 0.6);
        if (variant == 2)
            path = truncatedCopy(source, dir, 0.0);
        if (variant == 3)
            seconds = writeFile(dir, "seconds.csv", "0.4\n0.8\n1.2\n");
        if (variant == 4)
            seconds = writeFile(dir, "seconds.csv", "0.4\nfast\n1.2\n1.5");
        EXPECT_INPUT_ERROR(importEenet(str(path), str(seconds), ""), str(message));
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"

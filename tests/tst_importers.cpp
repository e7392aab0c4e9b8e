#include "core/io/aaai21import.h"
#include "core/io/eenetimport.h"
#include "core/io/npy.h"
#include "core/io/tensorgeometry.h"
#include "core/io/torchpickle.h"
#include "testsupport.h"

#include <QFile>

#include <cmath>
#include <cstring>
#include <limits>

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

// What torch.save((t,)) writes for one float32 tensor t, with the view (sizes, strides,
// storage offset) and the storage's stated element count as given, and a storage record of
// `recordFloats` floats 0, 1, 2...
QByteArray craftedPth(const std::vector<std::int64_t> &sizes, const std::vector<std::int64_t> &strides,
                      std::int64_t offset, std::int64_t statedNumel, int recordFloats)
{
    std::vector<float> record(static_cast<std::size_t>(recordFloats));
    for (int i = 0; i < recordFloats; ++i)
        record[static_cast<std::size_t>(i)] = static_cast<float>(i);
    return torchSaveTuple({{sizes, record, strides, offset, statedNumel}});
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

    // The crafting above makes files LibTorch reads: a transposed 2 x 2 view reads in C order.
    void craftedPthReads()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "crafted.pth", craftedPth({2, 2}, {1, 2}, 0, 4, 4));
        const std::vector<FloatTensor> tensors = readTorchTensorSequence(str(path));
        QCOMPARE(tensors.size(), std::size_t(1));
        QCOMPARE(tensors[0].shape, (std::vector<std::int64_t>{2, 2}));
        QCOMPARE(tensors[0].values, (std::vector<float>{0, 2, 1, 3}));
    }

    // A view past its storage was a heap over-read in toFloatTensor; now every tensor's
    // geometry is checked against the bytes its storage record really holds, naming the
    // file and the tensor, whichever reader (or importer) reads it.
    void rejectsTensorViewsPastTheirStorage_data()
    {
        QTest::addColumn<QByteArray>("pth");
        QTest::addColumn<QString>("message");
        QTest::newRow("record shorter than stated")
            << craftedPth({4}, {1}, 0, 4, 2)
            << "[0]: tensor of shape (4,), strides (1,), storage offset 0 reaches element 3 of a storage of 2 elements";
        QTest::newRow("view longer than storage")
            << craftedPth({8}, {1}, 0, 4, 4)
            << "[0]: tensor of shape (8,), strides (1,), storage offset 0 reaches element 7 of a storage of 4 elements";
        QTest::newRow("offset 2^28")
            << craftedPth({4}, {1}, std::int64_t(1) << 28, 4, 4)
            << "[0]: tensor of shape (4,), strides (1,), storage offset 268435456 reaches element 268435459 of a storage of 4";
        QTest::newRow("strides past 64 bits")
            << craftedPth({2, 2}, {std::int64_t(1) << 62, std::int64_t(1) << 62}, 0, 4, 4)
            << "[0]: tensor of shape (2, 2), strides (4611686018427387904, 4611686018427387904), storage offset 0 is not a "
               "size that fits in 64 bits";
    }
    void rejectsTensorViewsPastTheirStorage()
    {
        QFETCH(QByteArray, pth);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "logits_single.pth", pth);
        EXPECT_INPUT_ERROR(readTorchTensorSequence(str(path)), str(path) + str(message));
        EXPECT_INPUT_ERROR(readTorchTensorDict(str(path)), "expected a dict of tensors"); // not a dict: no read
        EXPECT_INPUT_ERROR(importEenet(str(path), "", ""), str(path) + str(message));
    }

    // The archive around the pickle: its entries share one folder and it states a format
    // version LibTorch reads. LibTorch's own reader leaked its zip state each time it
    // refused such a file (LeakSanitizer, found by fuzzing: tests/fuzz, torchpickle); the
    // records are now read with libzip and each refusal names what is wrong.
    void rejectsBadTorchArchives_data()
    {
        QTest::addColumn<QByteArray>("pth");
        QTest::addColumn<QString>("message");
        std::vector<QByteArray> records;
        const QByteArray pkl = torchTuplePickle({{{4}, {0, 1, 2, 3}}}, records);
        const QByteArray record = records.front();
        QTest::newRow("no version") << zipArchive({{"a/data.pkl", pkl}, {"a/data/0", record}})
                                    << "not a readable torch.save file: no record 'version' in the archive";
        QTest::newRow("version 99") << zipArchive({{"a/data.pkl", pkl}, {"a/data/0", record}, {"a/version", "99\n"}})
                                    << "unsupported format version '99' (this LibTorch reads 1 to 10)";
        QTest::newRow("version text") << zipArchive({{"a/data.pkl", pkl}, {"a/version", "three"}})
                                      << "unsupported format version 'three'";
        QTest::newRow("no folder") << zipArchive({{"data.pkl", pkl}, {"version", "3\n"}})
                                   << "not a readable torch.save file: entry 'data.pkl' is not in the archive's folder";
        QTest::newRow("two folders") << zipArchive({{"a/data.pkl", pkl}, {"b/version", "3\n"}})
                                     << "entry 'b/version' is not in the archive's folder 'a/'";
        QTest::newRow("no pickle") << zipArchive({{"a/data/0", record}, {"a/version", "3\n"}})
                                   << "no record 'data.pkl' in the archive";
        QTest::newRow("no storage") << zipArchive({{"a/data.pkl", pkl}, {"a/version", "3\n"}})
                                    << "the pickle names storage '0', which the archive lacks";
    }
    void rejectsBadTorchArchives()
    {
        QFETCH(QByteArray, pth);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "bad.pth", pth);
        EXPECT_INPUT_ERROR(readTorchTensorSequence(str(path)), str(message));
        EXPECT_INPUT_ERROR(readTorchNumberList(str(path)), str(message));
        EXPECT_INPUT_ERROR(readTorchTensorDict(str(path)), str(message));
    }

    // The check itself, on geometry no torch.save file could state.
    void tensorGeometryCheck()
    {
        checkTensorGeometry({{2, 3}, {3, 1}, 0, 6}, "t"); // contiguous: largest index 5
        checkTensorGeometry({{3}, {0}, 5, 6}, "t");       // broadcast: index 5 only
        checkTensorGeometry({{0, 7}, {1, 1}, std::int64_t(1) << 40, 0}, "t"); // empty: reads nothing
        checkTensorGeometry({{}, {}, 3, 4}, "t");         // a scalar at index 3
        EXPECT_INPUT_ERROR(checkTensorGeometry({{}, {}, 4, 4}, "s.pth[1]"), "s.pth[1]: tensor of shape (), strides (), storage offset 4 reaches element 4 of a storage of 4");
        EXPECT_INPUT_ERROR(checkTensorGeometry({{2, 3}, {3, 1}, 1, 6}, "t"), "reaches element 6 of a storage of 6");
        EXPECT_INPUT_ERROR(checkTensorGeometry({{2}, {1, 1}, 0, 6}, "t"), "1 sizes but 2 strides");
        EXPECT_INPUT_ERROR(checkTensorGeometry({{2}, {-1}, 1, 6}, "t"), "negative size or stride in dimension 0");
        EXPECT_INPUT_ERROR(checkTensorGeometry({{2}, {1}, -1, 6}, "t"), "negative storage offset");
        EXPECT_INPUT_ERROR(checkTensorGeometry({{std::int64_t(1) << 40, std::int64_t(1) << 40}, {1, 1}, 0, 6}, "t"),
                           "has more elements than fit in 64 bits");
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
        QTest::newRow("seconds not numbers") << "eenet-format/logits_single.pth" << 4 << "seconds.csv:2: 'fast' is not a decimal number";
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

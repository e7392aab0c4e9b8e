#include "core/io/npy.h"
#include "core/io/npzarchive.h"
#include "core/model/dataset.h"
#include "core/model/datasetsources.h"
#include "testsupport.h"

#include <QDir>
#include <QVariantList>

#include <stb/stb_image_write.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>

using namespace exitscope;
using namespace exitscope::test;

namespace {

QByteArray bigEndian32(std::uint32_t v)
{
    QByteArray out;
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xff);
    return out;
}

// An IDX3 image file as the MNIST page lays it out: magic, count, rows, cols, then pixel bytes.
QByteArray idxImages(std::uint32_t count, std::uint32_t rows, std::uint32_t cols, const QByteArray &pixels, std::uint32_t magic = 0x803)
{
    return bigEndian32(magic) + bigEndian32(count) + bigEndian32(rows) + bigEndian32(cols) + pixels;
}

QByteArray idxLabels(const QByteArray &labels, std::uint32_t magic = 0x801)
{
    return bigEndian32(magic) + bigEndian32(static_cast<std::uint32_t>(labels.size())) + labels;
}

// The bytes as a gzip file (RFC 1952), as gzip(1) writes it: zlib with the gzip wrapper.
QByteArray gzip(const QByteArray &bytes)
{
    z_stream s{};
    if (deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2 failed");
    QByteArray out(static_cast<int>(deflateBound(&s, static_cast<uLong>(bytes.size()))) + 64, '\0');
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.data()));
    s.avail_in = static_cast<uInt>(bytes.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    if (deflate(&s, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate did not finish");
    out.resize(static_cast<int>(s.total_out));
    deflateEnd(&s);
    return out;
}

// Pixel bytes that do not compress away (a linear congruential sequence).
QByteArray noisyPixels(int bytes)
{
    QByteArray pixels;
    std::uint32_t x = 12345;
    for (int k = 0; k < bytes; ++k) {
        x = x * 1103515245u + 12345u;
        pixels += static_cast<char>((x >> 16) & 0xff);
    }
    return pixels;
}

// One CIFAR record: label byte(s), then the R, G and B planes of 32x32 bytes; pixel k of
// channel c holds (c * 7 + k + seed) % 256 so every byte is checkable.
QByteArray cifarRecord(QByteArray labels, int seed)
{
    for (int c = 0; c < 3; ++c)
        for (int k = 0; k < 1024; ++k)
            labels += static_cast<char>((c * 7 + k + seed) % 256);
    return labels;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    const QByteArray body = QByteArray(type, 4) + data;
    return bigEndian32(static_cast<std::uint32_t>(data.size())) + body + bigEndian32(crc32(body));
}

// A valid 8-bit RGB PNG (PNG spec, ISO 15948): IHDR, one IDAT holding a zlib stream of a
// single stored (uncompressed) deflate block of filter-0 scanlines, IEND.
QByteArray png(int w, int h, const std::function<std::array<int, 3>(int, int)> &pixel)
{
    QByteArray raw;
    for (int y = 0; y < h; ++y) {
        raw += '\0'; // filter type None
        for (int x = 0; x < w; ++x)
            for (int v : pixel(x, y))
                raw += static_cast<char>(v);
    }
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    const auto len = static_cast<std::uint16_t>(raw.size());
    QByteArray z("\x78\x01", 2);
    z += '\x01'; // BFINAL=1, BTYPE=00 (stored)
    z += static_cast<char>(len & 0xff);
    z += static_cast<char>(len >> 8);
    z += static_cast<char>(~len & 0xff);
    z += static_cast<char>((~len >> 8) & 0xff);
    z += raw + bigEndian32((b << 16) | a);
    const QByteArray ihdr = bigEndian32(static_cast<std::uint32_t>(w)) + bigEndian32(static_cast<std::uint32_t>(h))
        + QByteArray("\x08\x02\x00\x00\x00", 5); // depth 8, colour type 2 (RGB), deflate, no filter, no interlace
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", z) + pngChunk("IEND", {});
}

template <typename T>
QByteArray npy(NpyType type, const std::vector<std::int64_t> &shape, const std::vector<T> &values)
{
    return QByteArray::fromStdString(npyHeaderBytes(type, shape))
        + QByteArray(reinterpret_cast<const char *>(values.data()), static_cast<int>(values.size() * sizeof(T)));
}

std::unique_ptr<Dataset> open(const QString &spec)
{
    return openDataset(parseDatasetSpec(str(spec)));
}

} // namespace

class TestDataset : public QObject
{
    Q_OBJECT

private slots:
    void parsesSpecs()
    {
        const DatasetSpec s = parseDatasetSpec("folder:/data/imgs?resize=24x32&mean=0.5,0.4,0.3&std=0.2,0.25,0.5&val=0.25&seed=7");
        QCOMPARE(s.kind, DatasetKind::Folder);
        QCOMPARE(s.path, std::string("/data/imgs"));
        QCOMPARE(s.options.resizeHeight, 24);
        QCOMPARE(s.options.resizeWidth, 32);
        QCOMPARE(s.options.mean, (std::vector<float>{0.5f, 0.4f, 0.3f}));
        QCOMPARE(s.options.std, (std::vector<float>{0.2f, 0.25f, 0.5f}));
        QCOMPARE(s.options.valFraction, 0.25);
        QCOMPARE(s.options.seed, std::uint64_t(7));
        const DatasetSpec n = parseDatasetSpec("npy:/a/x.npy,/a/y.npy?classes=10");
        QCOMPARE(n.path, std::string("/a/x.npy"));
        QCOMPARE(n.labelsPath, std::string("/a/y.npy"));
        QCOMPARE(n.options.classes, std::int64_t(10));
        QCOMPARE(parseDatasetSpec("mnist:/m?part=train").options.part, DatasetPart::Train);
        QCOMPARE(parseDatasetSpec("cifar100:/c").kind, DatasetKind::Cifar100);
        // val= is a share up to 1 and a number of samples above it.
        const DatasetOptions count = parseDatasetSpec("mnist:/m?part=train&val=10000&seed=1").options;
        QCOMPARE(count.valCount, std::int64_t(10000));
        QVERIFY(count.valGiven);
        const DatasetOptions all = parseDatasetSpec("mnist:/m?val=1").options;
        QCOMPARE(all.valFraction, 1.0);
        QCOMPARE(all.valCount, std::int64_t(0));
        QVERIFY(!parseDatasetSpec("mnist:/m").options.valGiven);
    }

    void rejectsBadSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unknown kind") << "imagenet:/x" << "unknown dataset kind \"imagenet\"";
        QTest::newRow("no kind") << "/x/y" << "lacks a kind";
        QTest::newRow("empty path") << "cifar10:" << "empty path";
        QTest::newRow("bad resize") << "folder:/x?resize=32" << "expected HxW";
        QTest::newRow("unknown option") << "folder:/x?colour=red" << "unknown option \"colour\"";
        QTest::newRow("mean only") << "folder:/x?mean=0.5" << "mean and std must be given together";
        QTest::newRow("zero std") << "folder:/x?mean=0.5&std=0" << "must be > 0";
        QTest::newRow("val range") << "npz:/x?val=1.5" << "[0, 1]";
        QTest::newRow("val negative") << "npz:/x?val=-2" << "a fraction in [0, 1] or a whole number of samples, found -2";
        QTest::newRow("resize on cifar") << "cifar10:/x?resize=8x8" << "folder datasets only";
        QTest::newRow("not a number") << "folder:/x?mean=a&std=1" << "not a number";
        QTest::newRow("resize over the pixel bound") << "folder:/x?resize=8193x4096" << "is over the 33554432 pixels";
        QTest::newRow("resize past int") << "folder:/x?resize=4294967297x1" << "is over the 33554432 pixels"; // was 1x1
    }
    void rejectsBadSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, fragment);
        EXPECT_INPUT_ERROR(parseDatasetSpec(str(spec)), str(fragment));
    }

    void readsCifar10()
    {
        QTemporaryDir dir;
        writeFile(dir, "test_batch.bin", cifarRecord(QByteArray(1, 3), 0) + cifarRecord(QByteArray(1, 9), 5) + cifarRecord(QByteArray(1, 0), 11));
        const auto d = open("cifar10:" + dir.path());
        QCOMPARE(d->size(), std::int64_t(3));
        QCOMPARE(d->sampleShape(), (std::vector<std::int64_t>{3, 32, 32}));
        QCOMPARE(d->numClasses(), std::int64_t(10));
        const DatasetBatch b = d->readRange(1, 10);
        QCOMPARE(b.shape, (std::vector<std::int64_t>{2, 3, 32, 32}));
        QCOMPARE(b.labels, (std::vector<std::int64_t>{9, 0}));
        // sample 1 (seed 5): G plane (c=1), pixel row 2 col 3 (k=67) -> (7 + 67 + 5) % 256 = 79
        QCOMPARE(b.inputs[1 * 1024 + 67], 79.0f / 255.0f);
        // sample 2 (seed 11): B plane, k=1023 -> (14 + 1023 + 11) % 256 = 24
        QCOMPARE(b.inputs[3072 + 2 * 1024 + 1023], 24.0f / 255.0f);
    }

    void readsCifar100FineLabelAndNormalizes()
    {
        QTemporaryDir dir;
        const QString file = writeFile(dir, "test.bin", cifarRecord(QByteArray("\x02\x57", 2), 0));
        const auto d = open("cifar100:" + file + "?mean=0.5,0.25,0&std=0.5,0.5,2");
        QCOMPARE(d->labels(), (std::vector<std::int64_t>{87}));
        const DatasetBatch b = d->read({0});
        QCOMPARE(b.inputs[10], (10.0f / 255.0f - 0.5f) / 0.5f);
        QCOMPARE(b.inputs[1024 + 10], ((7 + 10) / 255.0f - 0.25f) / 0.5f);
        QCOMPARE(b.inputs[2048 + 10], ((14 + 10) / 255.0f) / 2.0f);
    }

    void rejectsBadCifar_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("length") << cifarRecord(QByteArray(1, 1), 0).left(3000) << "not a positive multiple of the CIFAR-10 record size 3073";
        QTest::newRow("label 10") << cifarRecord(QByteArray(1, 1), 0) + cifarRecord(QByteArray(1, 10), 0) << "record 1: label 10 out of range [0, 10)";
    }
    void rejectsBadCifar()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString file = writeFile(dir, "test_batch.bin", bytes);
        EXPECT_INPUT_ERROR(open("cifar10:" + dir.path()), str(file));
        EXPECT_INPUT_ERROR(open("cifar10:" + dir.path()), str(fragment));
    }

    void readsMnist()
    {
        QTemporaryDir dir;
        QByteArray pixels;
        for (int k = 0; k < 2 * 2 * 3; ++k)
            pixels += static_cast<char>(k * 20);
        writeFile(dir, "t10k-images-idx3-ubyte", idxImages(2, 2, 3, pixels));
        writeFile(dir, "t10k-labels-idx1-ubyte", idxLabels(QByteArray("\x07\x02", 2)));
        const auto d = open("mnist:" + dir.path());
        QCOMPARE(d->sampleShape(), (std::vector<std::int64_t>{1, 2, 3}));
        const DatasetBatch b = d->read({1});
        QCOMPARE(b.labels, (std::vector<std::int64_t>{2}));
        QCOMPARE(b.inputs.size(), std::size_t(6));
        QCOMPARE(b.inputs[5], 220.0f / 255.0f);
    }

    void rejectsBadMnist_data()
    {
        QTest::addColumn<QByteArray>("images");
        QTest::addColumn<QByteArray>("labels");
        QTest::addColumn<QString>("fragment");
        const QByteArray px(8, '\x01');
        QTest::newRow("image magic") << idxImages(2, 2, 2, px, 0x801) << idxLabels("\x01\x02") << "wrong IDX magic 0x00000801, expected 0x00000803";
        QTest::newRow("label magic") << idxImages(2, 2, 2, px) << idxLabels("\x01\x02", 0x803) << "wrong IDX magic 0x00000803, expected 0x00000801";
        QTest::newRow("count vs length") << idxImages(3, 2, 2, px) << idxLabels("\x01\x02") << "promises 3 images of 2x2 (28 bytes) but the file has 24 bytes";
        QTest::newRow("label range") << idxImages(2, 2, 2, px) << idxLabels("\x01\x0c") << "label 1 is 12";
        QTest::newRow("overflowing size") << idxImages(0xffffffffu, 65536, 65536, px) << idxLabels("\x01\x02")
                                          << "shape (4294967295, 65536, 65536) has more elements than fit in 64 bits";
    }
    void rejectsBadMnist()
    {
        QFETCH(QByteArray, images);
        QFETCH(QByteArray, labels);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        writeFile(dir, "t10k-images-idx3-ubyte", images);
        writeFile(dir, "t10k-labels-idx1-ubyte", labels);
        EXPECT_INPUT_ERROR(open("mnist:" + dir.path()), str(fragment));
        EXPECT_INPUT_ERROR(open("mnist:" + dir.path()), "-idx");
    }

    // Gzip'd IDX files, as the authors and Debian ship them, read like the plain ones: every
    // spelling of the names, and plain and gzip'd files mixed.
    void readsGzipMnist_data()
    {
        QTest::addColumn<QString>("images");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("part");
        QTest::newRow("both gzip'd") << "t10k-images-idx3-ubyte.gz" << "t10k-labels-idx1-ubyte.gz" << "test";
        QTest::newRow("dot spelling") << "train-images.idx3-ubyte.gz" << "train-labels.idx1-ubyte.gz" << "train";
        QTest::newRow("mixed") << "t10k-images-idx3-ubyte.gz" << "t10k-labels-idx1-ubyte" << "test";
    }
    void readsGzipMnist()
    {
        QFETCH(QString, images);
        QFETCH(QString, labels);
        QFETCH(QString, part);
        const QByteArray pixels = noisyPixels(5 * 4 * 3);
        const QByteArray labelBytes("\x03\x01\x04\x01\x05", 5);
        QTemporaryDir plain, packed;
        const QString prefix = part == "train" ? "train" : "t10k";
        writeFile(plain, prefix + "-images-idx3-ubyte", idxImages(5, 4, 3, pixels));
        writeFile(plain, prefix + "-labels-idx1-ubyte", idxLabels(labelBytes));
        const auto pack = [](const QString &name, const QByteArray &bytes) { return name.endsWith(".gz") ? gzip(bytes) : bytes; };
        writeFile(packed, images, pack(images, idxImages(5, 4, 3, pixels)));
        writeFile(packed, labels, pack(labels, idxLabels(labelBytes)));
        const auto expected = open("mnist:" + plain.path() + "?part=" + part);
        const auto d = open("mnist:" + packed.path() + "?part=" + part);
        QCOMPARE(d->size(), std::int64_t(5));
        QCOMPARE(d->sampleShape(), (std::vector<std::int64_t>{1, 4, 3}));
        QCOMPARE(d->labels(), (std::vector<std::int64_t>{3, 1, 4, 1, 5}));
        const DatasetBatch b = d->read({4, 0, 2});
        QCOMPARE(b.inputs, expected->read({4, 0, 2}).inputs);
        QCOMPARE(b.inputs[0], static_cast<float>(static_cast<unsigned char>(pixels[4 * 12])) / 255.0f);
    }

    // A gzip'd file's header is checked against what really decompresses, before anything
    // is allocated for the data; a stream cut short or corrupt says so.
    void rejectsBadGzipMnist_data()
    {
        QTest::addColumn<QByteArray>("images");
        QTest::addColumn<QString>("fragment");
        const QByteArray px = noisyPixels(2 * 28 * 28);
        const QByteArray good = gzip(idxImages(2, 28, 28, px));
        QByteArray badCrc = good;
        badCrc[badCrc.size() - 8] = static_cast<char>(badCrc[badCrc.size() - 8] ^ 0x5a);
        QTest::newRow("truncated") << good.left(good.size() / 2) << "the gzip stream is truncated (zlib: unexpected end of file)";
        QTest::newRow("claims more") << gzip(idxImages(3, 28, 28, px))
                                     << "header promises 3 images of 28x28 (2368 bytes) but the file decompresses to 1584 bytes";
        QTest::newRow("claims less") << gzip(idxImages(1, 28, 28, px))
                                     << "header promises 1 images of 28x28 (800 bytes) but the file decompresses to more than 800 bytes";
        QTest::newRow("implausible claim") << gzip(idxImages(1000000, 100, 100, px.left(16)))
                                           << "compressed bytes: implausible (deflate expands at most 1032-fold)";
        QTest::newRow("corrupt") << badCrc << "corrupt gzip data (zlib: incorrect data check)";
        QTest::newRow("wrong magic") << gzip(idxImages(2, 28, 28, px, 0x801)) << "wrong IDX magic 0x00000801, expected 0x00000803";
        QTest::newRow("empty") << gzip(QByteArray()) << "decompresses to 0 bytes, shorter than an IDX header";
    }
    void rejectsBadGzipMnist()
    {
        QFETCH(QByteArray, images);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString file = writeFile(dir, "t10k-images-idx3-ubyte.gz", images);
        writeFile(dir, "t10k-labels-idx1-ubyte.gz", gzip(idxLabels("\x01\x02")));
        EXPECT_INPUT_ERROR(open("mnist:" + dir.path()), str(file) + ": ");
        EXPECT_INPUT_ERROR(open("mnist:" + dir.path()), str(fragment));
    }

    // When no name fits, the message lists what the folder holds (Debian's .gz files were
    // once refused without a word about them).
    void missingIdxListsTheFolder()
    {
        QTemporaryDir dir;
        writeFile(dir, "train-images-idx3-ubyte.gz", gzip(idxImages(1, 1, 1, "x")));
        writeFile(dir, "README", "x");
        QDir(dir.path()).mkpath("extra");
        EXPECT_INPUT_ERROR(open("mnist:" + dir.path()), "no t10k-images-idx3-ubyte file in this folder (nor t10k-images.idx3-ubyte "
                                                        "or either with .gz); it holds README, extra/, train-images-idx3-ubyte.gz");
        QTemporaryDir empty;
        EXPECT_INPUT_ERROR(open("mnist:" + empty.path()), "it holds nothing");
        EXPECT_INPUT_ERROR(open("mnist:" + empty.path() + "/none"), "not a folder");
    }

    void readsImageFolder()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("b_dog");
        QDir(dir.path()).mkpath("a_cat");
        writeFile(dir, "a_cat/1.png", png(3, 2, [](int x, int y) { return std::array<int, 3>{x * 10, y * 100, 255}; }));
        writeFile(dir, "b_dog/1.png", png(3, 2, [](int, int) { return std::array<int, 3>{0, 51, 102}; }));
        writeFile(dir, "b_dog/notes.txt", "not an image");
        const auto d = open("folder:" + dir.path());
        QCOMPARE(d->size(), std::int64_t(2));
        QCOMPARE(d->numClasses(), std::int64_t(2));
        QCOMPARE(d->sampleShape(), (std::vector<std::int64_t>{3, 2, 3}));
        const DatasetBatch b = d->readRange(0, 2);
        QCOMPARE(b.labels, (std::vector<std::int64_t>{0, 1}));
        QCOMPARE(b.inputs[2], 20.0f / 255.0f);         // cat, R, (x=2, y=0)
        QCOMPARE(b.inputs[6 + 3], 100.0f / 255.0f);    // cat, G, (x=0, y=1)
        QCOMPARE(b.inputs[18 + 6 + 4], 51.0f / 255.0f); // dog, G
    }

    // JPEG through the same decoder: flat colours survive a quality-100 encoding within
    // a few levels (stb_image_write writes baseline JPEG as a camera or PIL would).
    void readsJpegFolder()
    {
        QTemporaryDir dir;
        const std::array<std::array<int, 3>, 2> colours{{{200, 40, 90}, {10, 120, 250}}};
        for (int c = 0; c < 2; ++c) {
            const QString folder = QStringLiteral("class%1").arg(c);
            QDir(dir.path()).mkpath(folder);
            std::vector<unsigned char> pixels;
            for (int i = 0; i < 16 * 8; ++i)
                for (int channel = 0; channel < 3; ++channel)
                    pixels.push_back(static_cast<unsigned char>(colours[c][channel]));
            const QString path = dir.filePath(folder + "/image.jpg");
            QVERIFY(stbi_write_jpg(qPrintable(path), 16, 8, 3, pixels.data(), 100) != 0);
        }
        const auto d = open("folder:" + dir.path() + "?resize=4x8");
        QCOMPARE(d->sampleShape(), (std::vector<std::int64_t>{3, 4, 8}));
        const DatasetBatch b = d->readRange(0, 2);
        QCOMPARE(b.labels, (std::vector<std::int64_t>{0, 1}));
        for (int c = 0; c < 2; ++c)
            for (int channel = 0; channel < 3; ++channel)
                for (int i = 0; i < 32; ++i) {
                    const float value = b.inputs[static_cast<std::size_t>(c * 96 + channel * 32 + i)];
                    QVERIFY2(std::abs(value * 255.0f - static_cast<float>(colours[c][channel])) <= 3.0f,
                             qPrintable(QStringLiteral("class %1 channel %2: %3").arg(c).arg(channel).arg(value * 255.0f)));
                }
    }

    void resizesBilinear()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("c");
        // 2x1 image (R = 0 then 255) upsampled to 1x4: half-pixel centres give 0, 1/4, 3/4, 1.
        writeFile(dir, "c/a.png", png(2, 1, [](int x, int) { return std::array<int, 3>{x * 255, 0, 0}; }));
        writeFile(dir, "c/b.png", png(5, 3, [](int, int) { return std::array<int, 3>{0, 0, 0}; }));
        const auto d = open("folder:" + dir.path() + "?resize=1x4");
        QCOMPARE(d->sampleShape(), (std::vector<std::int64_t>{3, 1, 4}));
        const DatasetBatch b = d->read({0});
        QCOMPARE(b.inputs[0], 0.0f);
        QCOMPARE(b.inputs[1], 0.25f);
        QCOMPARE(b.inputs[2], 0.75f);
        QCOMPARE(b.inputs[3], 1.0f);
    }

    void rejectsBadFolders()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("empty/x");
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("empty")), "empty folder");
        QDir(dir.path()).mkpath("none");
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("none")), "empty folder");

        QDir(dir.path()).mkpath("mixed/c");
        const QString a = writeFile(dir, "mixed/c/a.png", png(2, 2, [](int, int) { return std::array<int, 3>{1, 2, 3}; }));
        const QString b = writeFile(dir, "mixed/c/b.png", png(3, 2, [](int, int) { return std::array<int, 3>{1, 2, 3}; }));
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("mixed")), str(b) + ": image is 3x2 (WxH) but " + str(a) + " is 2x2");

        QDir(dir.path()).mkpath("broken/c");
        const QString bad = writeFile(dir, "broken/c/x.jpg", "this is not a JPEG");
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("broken")), str(bad) + ": unreadable image");
    }

    // Only PNG and JPEG reach stb_image, and no JPEG whose Huffman table states more than
    // 256 codes: stb_image 2.27 (Debian's) wrote past its table there, already when
    // opening (stbi_info reads the tables before the frame header). Found by fuzzing
    // (tests/fuzz, dataset_folder).
    void rejectsImagesStbCannotReadSafely()
    {
        QTemporaryDir dir;
        QByteArray dht("\xff\xd8\xff\xc4\x02\x13\x00", 7); // SOI; DHT of 531 bytes, table class 0 id 0
        dht += QByteArray(16, '\x20') + QByteArray(512, '\x01') + QByteArray("\xff\xd9", 2); // 16 x 32 = 512 codes; EOI
        QDir(dir.path()).mkpath("jpeg/c");
        const QString jpeg = writeFile(dir, "jpeg/c/x.jpg", dht);
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("jpeg")), str(jpeg) + ": unreadable image: corrupt JPEG (a Huffman table of 512 codes; at most 256)");

        // Three codes of length 1, where there are two: stb_image 2.27 computed symbol ids past
        // its table when decoding such a table (an assertion in the fuzz build; found by
        // dataset_folder).
        QByteArray oversubscribed("\xff\xd8\xff\xc4\x00\x16\x00", 7); // SOI; DHT of 22 bytes, class 0 id 0
        oversubscribed += QByteArray(1, '\x03') + QByteArray(15, '\0') + QByteArray("\x01\x02\x03", 3) + QByteArray("\xff\xd9", 2);
        QDir(dir.path()).mkpath("prefix/c");
        const QString prefix = writeFile(dir, "prefix/c/x.jpg", oversubscribed);
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("prefix")),
                           str(prefix) + ": unreadable image: corrupt JPEG (a Huffman table with more codes of a length than that length allows)");

        // A PNG chunk's stated length is held to the bytes that follow: stb_image grew its buffer
        // to an IDAT chunk's claim of 2 GiB before reading (libFuzzer malloc limit, dataset_folder).
        QDir(dir.path()).mkpath("png/c");
        QByteArray claim = png(2, 2, [](int, int) { return std::array<int, 3>{0, 0, 0}; });
        claim.insert(claim.indexOf("IEND") - 4, bigEndian32(0x7fffffff) + "IDAT" + QByteArray(10, '\0'));
        const QString idat = writeFile(dir, "png/c/x.png", claim);
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("png")), str(idat) + ": unreadable image: truncated PNG (chunk 'IDAT' at byte 70 claims 2147483647 bytes, 22 follow its header)");

        QDir(dir.path()).mkpath("bmp/c");
        const unsigned char pixels[3 * 2 * 2] = {};
        const QString bmp = dir.filePath("bmp/c/x.png");
        QVERIFY(stbi_write_bmp(qPrintable(bmp), 2, 2, 3, pixels) != 0); // stb_image reads BMP too
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("bmp")), str(bmp) + ": unreadable image: not a PNG or JPEG file");
    }

    // An image's header claims its size: a PNG of 57 bytes claiming 16000 x 16000 had the
    // first batch allocate 3 x 3 GB of floats (found by fuzzing: tests/fuzz, dataset_folder).
    // The claim is bounded at open, as the resize option is.
    void rejectsImagesOverThePixelBound()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("big/c");
        const QByteArray ihdr = bigEndian32(16000) + bigEndian32(16000) + QByteArray("\x08\x02\x00\x00\x00", 5);
        const QString big = writeFile(dir, "big/c/x.png", QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IEND", {}));
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("big") + "?resize=2x2"),
                           str(big) + ": image is 16000x16000 (WxH), over the 33554432 pixels an image may have");
        QDir(dir.path()).mkpath("edge/c");
        writeFile(dir, "edge/c/x.png", png(8192, 1, [](int, int) { return std::array<int, 3>{0, 0, 0}; }));
        QCOMPARE(open("folder:" + dir.filePath("edge") + "?resize=4096x8192")->sampleShape(),
                 (std::vector<std::int64_t>{3, 4096, 8192})); // at the bound
    }

    // A header's size must fit the file's bytes: an 808-byte JPEG claiming 25348 x 1028 pixels
    // had stb_image decode it anyway, filling in the missing data, for 700 MB and 36 s in the
    // fuzz build (found by fuzzing: tests/fuzz, dataset_folder). A JPEG codes every 8x8 block
    // with at least one bit; a PNG's rows deflate at most 1032:1. Real images, however
    // compressible, are far above both.
    void rejectsImagesTooSmallForTheirSize()
    {
        QTemporaryDir dir;
        std::vector<unsigned char> black(3 * 1024 * 1024, 0);
        QDir(dir.path()).mkpath("jpeg/c");
        const QString jpegPath = dir.filePath("jpeg/c/x.jpg");
        QVERIFY(stbi_write_jpg(qPrintable(jpegPath), 16, 16, 3, black.data(), 90) != 0);
        QFile jpegFile(jpegPath);
        QVERIFY(jpegFile.open(QIODevice::ReadOnly));
        QByteArray jpeg = jpegFile.readAll();
        jpegFile.close();
        const int sof = jpeg.indexOf(QByteArray("\xff\xc0", 2));
        QVERIFY(sof > 0);
        jpeg.replace(sof + 5, 4, QByteArray("\x04\x04\x63\x04", 4)); // height 1028, width 25348
        writeFile(dir, "jpeg/c/x.jpg", jpeg);
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("jpeg")),
                           str(jpegPath) + ": unreadable image: truncated or corrupt (its header says 25348x1028 (WxH), which takes at least 51101 bytes; the file has "
                               + std::to_string(jpeg.size()) + ")");

        QDir(dir.path()).mkpath("png/c");
        QByteArray claim = png(2, 2, [](int, int) { return std::array<int, 3>{0, 0, 0}; });
        claim.replace(16, 8, bigEndian32(4000) + bigEndian32(4000)); // IHDR: 8-bit RGB
        const QString pngPath = writeFile(dir, "png/c/x.png", claim);
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("png")),
                           str(pngPath) + ": unreadable image: truncated or corrupt (its header says 4000x4000 (WxH), which takes at least 46515 bytes; the file has "
                               + std::to_string(claim.size()) + ")");

        // Real all-black images of a million pixels, the most compressible there are, open.
        QDir(dir.path()).mkpath("real/c");
        QVERIFY(stbi_write_jpg(qPrintable(dir.filePath("real/c/a.jpg")), 1024, 1024, 3, black.data(), 90) != 0);
        QVERIFY(stbi_write_png(qPrintable(dir.filePath("real/c/b.png")), 1024, 1024, 3, black.data(), 3 * 1024) != 0);
        const auto real = open("folder:" + dir.filePath("real"));
        QCOMPARE(real->size(), std::int64_t(2));
        QCOMPARE(real->readRange(0, 2).inputs.size(), std::size_t(2 * 3 * 1024 * 1024));
    }

    // Paths the system cannot look up are bad input, not a std::filesystem error: a name
    // longer than 255 bytes (found by fuzzing: tests/fuzz, dataset_cifar, where the spec's
    // options became part of the path), a link that loops.
    void rejectsPathsTheSystemCannotLookUp()
    {
        QTemporaryDir dir;
        const QString tooLong = dir.filePath(QString(300, 'a'));
        EXPECT_INPUT_ERROR(open("cifar10:" + tooLong), str(tooLong) + ": cannot open file");
        EXPECT_INPUT_ERROR(open("cifar100:" + tooLong), str(tooLong) + ": cannot open file");
        EXPECT_INPUT_ERROR(open("mnist:" + tooLong), str(tooLong) + ": no t10k-images-idx3-ubyte file in this folder");
        EXPECT_INPUT_ERROR(open("folder:" + tooLong), str(tooLong) + ": not a folder");
        QDir(dir.path()).mkpath("loop/c");
        const QString loop = dir.filePath("loop/c/x.png");
        QVERIFY(QFile::link("x.png", loop)); // x.png -> x.png
        EXPECT_INPUT_ERROR(open("folder:" + dir.filePath("loop")), str(loop) + ": cannot read: Too many levels of symbolic links");
    }

    void readsNpyAndNpz()
    {
        QTemporaryDir dir;
        const std::vector<float> x{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        const std::vector<std::int64_t> y{2, 0, 1};
        const QString xs = writeFile(dir, "x.npy", npy(NpyType::Float32, {3, 2, 2}, x));
        const QString ys = writeFile(dir, "y.npy", npy(NpyType::Int64, {3}, y));
        const auto d = open("npy:" + xs + "," + ys + "?mean=1,2&std=2,4");
        QCOMPARE(d->sampleShape(), (std::vector<std::int64_t>{2, 2}));
        const DatasetBatch b = d->read({2, 0});
        QCOMPARE(b.labels, (std::vector<std::int64_t>{1, 2}));
        QCOMPARE(b.inputs, (std::vector<float>{(8 - 1) / 2.f, (9 - 1) / 2.f, (10 - 2) / 4.f, (11 - 2) / 4.f, -0.5f, 0, 0, 0.25f}));

        const auto unlabeled = open("npy:" + xs);
        QVERIFY(!unlabeled->hasLabels());
        QVERIFY(unlabeled->read({1}).labels.empty());

        const std::vector<double> xd{0.5, 1.5, 2.5};
        NpzWriter w;
        w.add("inputs", NpyType::Float64, {3, 1}, xd.data());
        w.add("labels", NpyType::Int64, {3}, y.data());
        const QString npz = dir.filePath("d.npz");
        w.commit(str(npz));
        const auto z = open("npz:" + npz);
        const DatasetBatch zb = z->readRange(0, 3);
        QCOMPARE(zb.inputs, (std::vector<float>{0.5f, 1.5f, 2.5f}));
        QCOMPARE(zb.labels, y);
        EXPECT_INPUT_ERROR(open("npz:" + npz + "?classes=2"), "label 0 is 2, out of range [0, 2)");
    }

    void rejectsBadNpyLabels()
    {
        QTemporaryDir dir;
        const QString xs = writeFile(dir, "x.npy", npy(NpyType::Float32, {2, 1}, std::vector<float>{1, 2}));
        const QString ys = writeFile(dir, "y.npy", npy(NpyType::Int64, {2}, std::vector<std::int64_t>{1, 5}));
        EXPECT_INPUT_ERROR(open("npy:" + xs + "," + ys + "?classes=5"), str(ys) + ": label 1 is 5, out of range [0, 5)");
        const QString y3 = writeFile(dir, "y3.npy", npy(NpyType::Int64, {3}, std::vector<std::int64_t>{1, 1, 1}));
        EXPECT_INPUT_ERROR(open("npy:" + xs + "," + y3), "3 labels for 2 samples");
        const QString cut = writeFile(dir, "cut.npy", npy(NpyType::Float32, {4, 1}, std::vector<float>{1, 2}));
        EXPECT_INPUT_ERROR(open("npy:" + cut), "truncated");
    }

    // The audit's crash: each dimension plausible, their product not. Refused when the
    // dataset opens, naming the file and the shape (it was a SIGSEGV in the first batch).
    void rejectsNpyShapesPastTheFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QVariantList>("shape");
        QTest::addColumn<QString>("message");
        const QVariantList overflowing{4, qint64(1) << 40, qint64(1) << 23};
        QTest::newRow("npy overflow") << "npy" << overflowing
                                      << ": shape (4, 1099511627776, 8388608) has more elements than fit in 64 bits";
        QTest::newRow("npz overflow") << "npz" << overflowing
                                      << "[inputs]: shape (4, 1099511627776, 8388608) has more elements than fit in 64 bits";
        QTest::newRow("npy claim") << "npy" << QVariantList{268435456, 2}
                                   << ": truncated: the header claims 2147483648 bytes of data (shape (268435456, 2)), "
                                      "the file has 16 after the header";
        QTest::newRow("npz claim") << "npz" << QVariantList{268435456, 2}
                                   << "[inputs]: truncated: the header claims 2147483648 bytes of data";
        // No bytes back a count of empty samples: reading all 2^40 of them never ended.
        QTest::newRow("npy empty samples") << "npy" << QVariantList{qint64(1) << 40, 0}
                                           << ": inputs of shape (1099511627776, 0) have samples of no elements";
        QTest::newRow("npz empty samples") << "npz" << QVariantList{qint64(1) << 40, 3, 0}
                                           << "[inputs]: inputs of shape (1099511627776, 3, 0) have samples of no elements";
    }
    void rejectsNpyShapesPastTheFile()
    {
        QFETCH(QString, kind);
        QFETCH(QVariantList, shape);
        QFETCH(QString, message);
        std::vector<std::int64_t> dims;
        for (const QVariant &d : shape)
            dims.push_back(d.toLongLong());
        const QByteArray member = QByteArray::fromStdString(npyHeaderBytes(NpyType::Float32, dims)) + QByteArray(16, '\0');
        QTemporaryDir dir;
        const QString path = kind == "npy" ? writeFile(dir, "x.npy", member)
                                           : writeFile(dir, "x.npz", zipArchive({{"inputs.npy", member}}));
        EXPECT_INPUT_ERROR(open(kind + ":" + path), str(path) + str(message));
    }

    void batchesCoverTheDataset()
    {
        QTemporaryDir dir;
        std::vector<float> x(10);
        for (int i = 0; i < 10; ++i)
            x[i] = static_cast<float>(i);
        const auto d = open("npy:" + writeFile(dir, "x.npy", npy(NpyType::Float32, {10}, x)));
        QCOMPARE(d->sampleShape(), std::vector<std::int64_t>{});
        std::vector<float> all;
        for (std::int64_t begin = 0; begin < d->size(); begin += 4) {
            const DatasetBatch b = d->readRange(begin, 4);
            QCOMPARE(b.shape[0], std::min<std::int64_t>(4, d->size() - begin));
            all.insert(all.end(), b.inputs.begin(), b.inputs.end());
        }
        QCOMPARE(all, x);
        EXPECT_INPUT_ERROR(d->read({10}), "sample index 10 out of range [0, 10)");
    }

    void splitsReproducibly()
    {
        // Pinned values: SplitMix64 + Fisher-Yates must give these on every platform.
        const std::vector<std::int64_t> p = seededPermutation(10, 42);
        std::vector<std::int64_t> sorted = p;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        QCOMPARE(seededPermutation(10, 42), p);
        QVERIFY(seededPermutation(10, 43) != p);
        QCOMPARE(p, kPinnedPermutation);

        const DatasetSplit s = splitDataset(10, 0.3, 42);
        QCOMPARE(s.val.size(), std::size_t(3));
        QCOMPARE(s.test.size(), std::size_t(7));
        std::vector<std::int64_t> val(p.begin(), p.begin() + 3);
        std::sort(val.begin(), val.end());
        QCOMPARE(s.val, val);
        QVERIFY(std::is_sorted(s.test.begin(), s.test.end()));
        QCOMPARE(splitDataset(10, 0.0, 1).test.size(), std::size_t(10));
    }

    // val=N takes the first N of the same permutation: the split a share gives, and a
    // smaller count is a subset of a larger one (the demo's val images stay held out).
    void splitsByCount()
    {
        QCOMPARE(splitDatasetAt(10, 3, 42).val, splitDataset(10, 0.3, 42).val);
        QCOMPARE(splitDatasetAt(10, 3, 42).test, splitDataset(10, 0.3, 42).test);
        const std::vector<std::int64_t> small = splitDatasetAt(1000, 50, 5).val, large = splitDatasetAt(1000, 300, 5).val;
        QVERIFY(std::includes(large.begin(), large.end(), small.begin(), small.end()));
        DatasetOptions o;
        o.valCount = 11;
        EXPECT_INPUT_ERROR(validationSamples(o, 10, "d"), "d: val=11 asks for more validation samples than the 10 there are");
        o.valCount = 0;
        o.valFraction = 0.25;
        QCOMPARE(validationSamples(o, 10, "d"), std::int64_t(3)); // round(2.5) away from zero, as before
    }

    // Separate val and test sources: the val dataset (a seeded subset with val=), and all of
    // the test dataset; one dataset alone is split as before.
    void opensSources()
    {
        QTemporaryDir dir;
        const auto npyFile = [&](const QString &name, std::int64_t n, std::int64_t width) {
            std::vector<float> x(static_cast<std::size_t>(n * width));
            for (std::size_t i = 0; i < x.size(); ++i)
                x[i] = static_cast<float>(i);
            return writeFile(dir, name, npy(NpyType::Float32, {n, width}, x));
        };
        const QString train = npyFile("train.npy", 40, 3), test = npyFile("test.npy", 12, 3), wide = npyFile("wide.npy", 12, 4);

        const DatasetSources one = openDatasetSources(str("npy:" + test + "?val=0.25&seed=3"));
        QVERIFY(!one.separate());
        QCOMPARE(one.val, splitDataset(12, 0.25, 3).val);
        QCOMPARE(one.test, splitDataset(12, 0.25, 3).test);
        QCOMPARE(one.testDescription(), "the test split of " + str(test));

        const DatasetSources two = openDatasetSources(str("npy:" + test), str("npy:" + train + "?val=10&seed=3"));
        QVERIFY(two.separate());
        QCOMPARE(two.val, splitDatasetAt(40, 10, 3).val);
        QCOMPARE(two.valData->where(), str(train));
        QCOMPARE(two.test, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
        QCOMPARE(two.testDescription(), "all of " + str(test));
        QCOMPARE(openDatasetSources(str("npy:" + test), str("npy:" + train)).val.size(), std::size_t(40)); // whole without val=
        const DatasetSources testOnly = openDatasetSources(str("npy:" + test), str("npy:" + train), SourcesNeeded::TestOnly);
        QVERIFY(!testOnly.valData);
        QCOMPARE(testOnly.test.size(), std::size_t(12));

        EXPECT_INPUT_ERROR(openDatasetSources(str("npy:" + test + "?val=0.5"), str("npy:" + train)),
                           "dataset spec: val= splits one dataset in two, but a separate val dataset is given");
        EXPECT_INPUT_ERROR(openDatasetSources(str("npy:" + test), str("npy:" + wide)), "val samples are (4,) but the test samples");
        EXPECT_INPUT_ERROR(openDatasetSources(str("npy:" + test), str("npy:" + train + "?val=41")),
                           "val=41 asks for more validation samples than the 40 there are");
        EXPECT_INPUT_ERROR(openDatasetSources(str("npy:" + test), "imagenet:/x"), "val dataset spec: unknown dataset kind");
    }

private:
    const std::vector<std::int64_t> kPinnedPermutation{0, 9, 5, 8, 6, 4, 7, 2, 1, 3};
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"

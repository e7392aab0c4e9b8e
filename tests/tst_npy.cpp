#include "core/common/checkedsize.h"
#include "core/common/shapetext.h"
#include "core/io/npy.h"
#include "core/io/npzarchive.h"
#include "testsupport.h"

#include <cstring>
#include <fstream>
#include <limits>

using namespace exitscope;
using namespace exitscope::test;

namespace {

// A reader over bytes held in memory.
struct MemoryReader
{
    std::string bytes;
    std::size_t pos = 0;
    std::size_t operator()(void *dst, std::size_t n)
    {
        const std::size_t take = std::min(n, bytes.size() - pos);
        std::memcpy(dst, bytes.data() + pos, take);
        pos += take;
        return take;
    }
};

// A .npy stream as NumPy lays it out, with a hand-written header dict.
std::string npyBytes(const std::string &dict, const std::string &data)
{
    std::string header = dict;
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    out += static_cast<char>(header.size() & 0xff);
    out += static_cast<char>(header.size() >> 8);
    return out + header + data;
}

template <typename T>
std::string raw(std::initializer_list<T> values)
{
    std::string out;
    for (T v : values)
        out.append(reinterpret_cast<const char *>(&v), sizeof v);
    return out;
}

} // namespace

class TestNpy : public QObject
{
    Q_OBJECT

private slots:
    void readsNumpyWrittenFile()
    {
        SHARED_DATA(path, "aaai21/Alex_val_correct.npy");
        const NpyDoubleArray a = readNpyFileAsDoubles(str(path));
        QCOMPARE(a.shape, (std::vector<std::int64_t>{3, 10000}));
        QCOMPARE(a.values.size(), std::size_t(30000));
        for (double v : a.values)
            QVERIFY(v == 0.0 || v == 1.0);
    }

    void convertsDtypes_data()
    {
        QTest::addColumn<QString>("descr");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("f8") << "<f8" << QByteArray::fromStdString(raw<double>({1.5, -2.0, 3.25}));
        QTest::newRow("f4") << "<f4" << QByteArray::fromStdString(raw<float>({1.5f, -2.0f, 3.25f}));
        QTest::newRow("i8") << "<i8" << QByteArray::fromStdString(raw<std::int64_t>({1, -2, 3}));
        QTest::newRow("i4") << "<i4" << QByteArray::fromStdString(raw<std::int32_t>({1, -2, 3}));
        QTest::newRow("i2") << "<i2" << QByteArray::fromStdString(raw<std::int16_t>({1, -2, 3}));
        QTest::newRow("u1") << "|u1" << QByteArray::fromStdString(raw<std::uint8_t>({1, 254, 3}));
        QTest::newRow("b1") << "|b1" << QByteArray::fromStdString(raw<std::uint8_t>({1, 0, 1}));
    }
    void convertsDtypes()
    {
        QFETCH(QString, descr);
        QFETCH(QByteArray, data);
        MemoryReader reader{npyBytes("{'descr': '" + str(descr) + "', 'fortran_order': False, 'shape': (3,), }",
                                     data.toStdString())};
        const ByteReader read = std::ref(reader);
        const NpyHeader h = readNpyHeader(read, reader.bytes.size(), "mem");
        QCOMPARE(h.shape, std::vector<std::int64_t>{3});
        const std::vector<double> values = readNpyDoubles(read, h, "mem");
        QCOMPARE(values.size(), std::size_t(3));
        const bool isFloat = descr.contains('f');
        const bool isUnsigned = descr.contains('u') || descr.contains('b');
        QCOMPARE(values[0], isFloat ? 1.5 : 1.0);
        QCOMPARE(values[1], isFloat ? -2.0 : (isUnsigned ? (descr.contains('b') ? 0.0 : 254.0) : -2.0));
    }

    void headerVariants_data()
    {
        QTest::addColumn<QString>("dict");
        QTest::addColumn<QString>("shape");
        QTest::newRow("numpy order") << "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }" << "(2, 3)";
        QTest::newRow("other order") << "{'shape': (6,), 'fortran_order': False, 'descr': '<f8'}" << "(6,)";
        QTest::newRow("scalar") << "{'descr': '<f8', 'fortran_order': False, 'shape': (), }" << "()";
    }
    void headerVariants()
    {
        QFETCH(QString, dict);
        QFETCH(QString, shape);
        MemoryReader reader{npyBytes(str(dict), std::string(48, '\0'))};
        const NpyHeader h = readNpyHeader(std::ref(reader), reader.bytes.size(), "mem");
        QCOMPARE(QString::fromStdString(shapeText(h.shape)), shape);
    }

    void writtenHeaderIsReadBack()
    {
        const std::string header = npyHeaderBytes(NpyType::Int32, {4, 5});
        QCOMPARE(header.size() % 64, std::size_t(0));
        MemoryReader reader{header + std::string(4 * 5 * 4, '\0')};
        const NpyHeader h = readNpyHeader(std::ref(reader), reader.bytes.size(), "mem");
        QCOMPARE(h.type, NpyType::Int32);
        QCOMPARE(h.shape, (std::vector<std::int64_t>{4, 5}));
        QCOMPARE(reader.pos, header.size());
        QCOMPARE(h.dataOffset, std::uint64_t(header.size()));
    }

    void rejectsBadStreams_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const std::string good = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";
        const std::string three = raw<double>({1, 2, 3});
        QTest::newRow("empty") << QByteArray() << "empty file";
        QTest::newRow("not npy") << QByteArray("PK\x03\x04 this is a zip") << "not a NumPy .npy array";
        QTest::newRow("complex dtype") << QByteArray::fromStdString(npyBytes("{'descr': '<c16', 'fortran_order': False, 'shape': (3,), }", three))
                                       << "unsupported dtype '<c16'";
        QTest::newRow("object dtype") << QByteArray::fromStdString(npyBytes("{'descr': '|O', 'fortran_order': False, 'shape': (3,), }", three))
                                      << "unsupported dtype '|O'";
        QTest::newRow("big endian") << QByteArray::fromStdString(npyBytes("{'descr': '>f8', 'fortran_order': False, 'shape': (3,), }", three))
                                    << "big-endian";
        QTest::newRow("truncated data") << QByteArray::fromStdString(npyBytes(good, three.substr(0, 20)))
                                        << "truncated: the header claims 24 bytes of data (shape (3,)), the file has 20 after the header";
        QTest::newRow("truncated header") << QByteArray::fromStdString(npyBytes(good, three).substr(0, 30))
                                          << "truncated .npy header";
        QTest::newRow("garbage header") << QByteArray::fromStdString(npyBytes("{'descr': '<f8', 'shape': [3], }", three))
                                        << "malformed .npy header";
    }
    void rejectsBadStreams()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        MemoryReader reader{bytes.toStdString()};
        const ByteReader read = std::ref(reader);
        EXPECT_INPUT_ERROR(readNpyDoubles(read, readNpyHeader(read, reader.bytes.size(), "stream.npy"), "stream.npy"),
                           str(message));
    }

    // The shared Speech traces are Fortran-ordered: they read as numpy.load reads them.
    void readsFortranOrder()
    {
        // The 2 x 3 array [[1, 2, 3], [4, 5, 6]] laid out column by column.
        MemoryReader reader{npyBytes("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }",
                                     raw<std::int32_t>({1, 4, 2, 5, 3, 6}))};
        const ByteReader read = std::ref(reader);
        const NpyHeader h = readNpyHeader(read, reader.bytes.size(), "f.npy");
        QVERIFY(h.fortranOrder);
        QCOMPARE(readNpyDoubles(read, h, "f.npy"), (std::vector<double>{1, 2, 3, 4, 5, 6}));

        MemoryReader cube{npyBytes("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2, 2), }",
                                   raw<double>({0, 4, 2, 6, 1, 5, 3, 7}))};
        const ByteReader readCube = std::ref(cube);
        QCOMPARE(readNpyDoubles(readCube, readNpyHeader(readCube, cube.bytes.size(), "c.npy"), "c.npy"),
                 (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7}));
    }

    void integerReadRefusesFloats()
    {
        MemoryReader reader{npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", raw<float>({1.0f}))};
        const ByteReader read = std::ref(reader);
        const NpyHeader h = readNpyHeader(read, reader.bytes.size(), "labels.npy");
        EXPECT_INPUT_ERROR(readNpyIntegers(read, h, "labels.npy"), "expected an integer array");
    }

    // A stream that ends before the bound it was opened with (a zip member whose directory
    // overstates it) is still caught while reading.
    void streamShorterThanItsBound()
    {
        const std::string three = raw<double>({1, 2, 3});
        MemoryReader reader{npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", three.substr(0, 20))};
        const ByteReader read = std::ref(reader);
        EXPECT_INPUT_ERROR(readNpyDoubles(read, readNpyHeader(read, 1 << 20, "member.npy"), "member.npy"),
                           "member.npy: truncated array data: expected 24 bytes, found 20");
    }

    // Each dimension may pass on its own while their product overflows: the header is
    // refused naming the file and the shape, before anything is allocated or read.
    void overflowingShapes_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("message");
        QTest::newRow("elements") << "(4, 1099511627776, 8388608)"
                                  << "shape (4, 1099511627776, 8388608) has more elements than fit in 64 bits";
        QTest::newRow("square") << "(1099511627776, 1099511627776)"
                                << "shape (1099511627776, 1099511627776) has more elements than fit in 64 bits";
        QTest::newRow("bytes") << "(1073741824, 1073741824, 4)"
                               << "shape (1073741824, 1073741824, 4) at 8 bytes an element has more bytes than fit in 64 bits";
    }
    void overflowingShapes()
    {
        QFETCH(QString, shape);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const std::string bytes = npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': " + str(shape) + ", }",
                                           std::string(16, '\0'));
        const QString path = writeFile(dir, "huge.npy", QByteArray::fromStdString(bytes));
        EXPECT_INPUT_ERROR(readNpyFileAsDoubles(str(path)), str(path) + ": " + str(message));
        EXPECT_INPUT_ERROR(readNpyFileHeader(str(path)), str(path) + ": " + str(message));
    }

    // A 144-byte file claiming 2 GiB is refused by its size at once, never allocated for:
    // the message is the header check's, not the streaming read's.
    void claimBeyondTheFileIsRefusedBeforeAllocating()
    {
        QTemporaryDir dir;
        const std::string bytes = npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (268435456,), }",
                                           std::string(16, '\0'));
        QCOMPARE(bytes.size(), std::size_t(144)); // a 128-byte header and 16 bytes of data
        const QString path = writeFile(dir, "claims2gib.npy", QByteArray::fromStdString(bytes));
        EXPECT_INPUT_ERROR(readNpyFileAsDoubles(str(path)),
                           str(path) + ": truncated: the header claims 2147483648 bytes of data (shape (268435456,)), "
                                       "the file has 16 after the header");
        EXPECT_INPUT_ERROR(readNpyFileAsIntegers(str(path)), "the header claims 2147483648 bytes");
    }

    // The same rules inside a .npz: a member's header is checked against the bytes the
    // member can hold (stored: its size; deflated: at most 1032 times its compressed size).
    void npzMembersAreCheckedBeforeAllocating_data()
    {
        QTest::addColumn<QByteArray>("member");
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("message");
        const auto member = [](const std::vector<std::int64_t> &shape) {
            return QByteArray::fromStdString(npyHeaderBytes(NpyType::Float64, shape)) + QByteArray(16, '\0');
        };
        QTest::newRow("overflowing shape") << member({4, std::int64_t(1) << 40, std::int64_t(1) << 23}) << 0
                                           << "[inputs]: shape (4, 1099511627776, 8388608) has more elements than fit in 64 bits";
        QTest::newRow("claim beyond the member") << member({268435456}) << 0
                                                 << "[inputs]: truncated: the header claims 2147483648 bytes of data "
                                                    "(shape (268435456,)), the file has 16 after the header";
        QTest::newRow("deflate bomb") << QByteArray(1000, '\x55') << 8
                                      << "[inputs]: implausible compression: 2147483648 bytes claimed from 1000 compressed "
                                         "(deflate expands at most 1032-fold)";
    }
    void npzMembersAreCheckedBeforeAllocating()
    {
        QFETCH(QByteArray, member);
        QFETCH(int, method);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "x.npz", zipArchive({{"inputs.npy", member, std::uint16_t(method), 0x80000000u}}));
        const NpzReader npz(str(path));
        QVERIFY(npz.has("inputs"));
        EXPECT_INPUT_ERROR(npz.header("inputs"), str(path) + str(message));
        EXPECT_INPUT_ERROR(npz.doubles("inputs"), str(path) + str(message));
    }

    // The ratio rule leaves real compressed members alone (qCompress is zlib: a 4-byte size,
    // a 2-byte header, the raw deflate stream numpy.savez_compressed also writes, a 4-byte sum).
    void compressedMemberReads()
    {
        const std::vector<double> zeros(1000, 0.0);
        const QByteArray npyData = QByteArray::fromStdString(npyHeaderBytes(NpyType::Float64, {1000}))
            + QByteArray(reinterpret_cast<const char *>(zeros.data()), 8000);
        const QByteArray z = qCompress(npyData, 9);
        const QByteArray deflated = z.mid(6, z.size() - 10);
        QVERIFY(deflated.size() * 30 < npyData.size()); // compressed well: the ratio is tested, not bypassed
        QTemporaryDir dir;
        const QString path = writeFile(dir, "z.npz", zipArchive({{"a.npy", deflated, 8, std::uint32_t(npyData.size()), crc32(npyData)}}));
        QCOMPARE(NpzReader(str(path)).doubles("a"), zeros);
    }

    // A corrupted byte in a member is an error, not a slightly wrong number: the member is
    // read to its end, where libzip checks its CRC (0.25 used to come back as 0.249...).
    void corruptedMemberFailsItsCrc()
    {
        const std::vector<double> values(64, 0.25);
        QTemporaryDir dir;
        const QString path = dir.filePath("c.npz");
        NpzWriter writer;
        writer.add("scores", NpyType::Float64, {64}, values.data());
        writer.commit(str(path));
        QCOMPARE(NpzReader(str(path)).doubles("scores"), values);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        const QByteArray quarter(reinterpret_cast<const char *>(values.data()), 8);
        const int at = bytes.indexOf(quarter);
        QVERIFY(at > 0);
        bytes[at] = char(bytes[at] ^ 0x01); // the last bit of the mantissa: still a plausible number
        QVERIFY(file.seek(0) && file.write(bytes) == bytes.size());
        file.close();
        const NpzReader npz(str(path));
        QCOMPARE(npz.header("scores").shape, (std::vector<std::int64_t>{64})); // the header alone is fine
        EXPECT_INPUT_ERROR(npz.doubles("scores"), str(path) + "[scores]: corrupt archive member: CRC error");
    }

    void checkedSizeArithmetic()
    {
        QCOMPARE(checkedElementCount({}, "scalar"), std::int64_t(1));
        QCOMPARE(checkedElementCount({3, 0, std::int64_t(1) << 62}, "empty"), std::int64_t(0));
        QCOMPARE(checkedElementCount({std::int64_t(1) << 31, std::int64_t(1) << 31}, "a"), std::int64_t(1) << 62);
        QCOMPARE(checkedByteCount({2, 3}, 8, "a"), std::int64_t(48));
        EXPECT_INPUT_ERROR(checkedElementCount({2, -3}, "neg.npy"), "neg.npy: negative dimension in shape (2, -3)");
        EXPECT_INPUT_ERROR(checkedElementCount({std::int64_t(1) << 32, std::int64_t(1) << 31}, "big.npy"),
                           "big.npy: shape (4294967296, 2147483648) has more elements");
        EXPECT_INPUT_ERROR(checkedMultiply(std::int64_t(1) << 62, 2, "t.pth", "stride"), "t.pth: stride is not a size");
        EXPECT_INPUT_ERROR(checkedAdd(std::numeric_limits<std::int64_t>::max(), 1, "t.pth", "index"), "t.pth: index");
        QCOMPARE(checkedAdd(2, 3, "x", "sum"), std::int64_t(5));
        QCOMPARE(checkedMultiply(0, std::numeric_limits<std::int64_t>::max(), "x", "product"), std::int64_t(0));
    }

    void missingFileNamesIt()
    {
        EXPECT_INPUT_ERROR(readNpyFileAsDoubles("/nonexistent/scores.npy"), "/nonexistent/scores.npy: cannot open file");
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"

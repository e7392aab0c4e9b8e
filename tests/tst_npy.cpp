#include "core/common/shapetext.h"
#include "core/io/npy.h"
#include "testsupport.h"

#include <cstring>
#include <fstream>

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
        const NpyHeader h = readNpyHeader(read, "mem");
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
        const NpyHeader h = readNpyHeader(std::ref(reader), "mem");
        QCOMPARE(QString::fromStdString(shapeText(h.shape)), shape);
    }

    void writtenHeaderIsReadBack()
    {
        const std::string header = npyHeaderBytes(NpyType::Int32, {4, 5});
        QCOMPARE(header.size() % 64, std::size_t(0));
        MemoryReader reader{header};
        const NpyHeader h = readNpyHeader(std::ref(reader), "mem");
        QCOMPARE(h.type, NpyType::Int32);
        QCOMPARE(h.shape, (std::vector<std::int64_t>{4, 5}));
        QCOMPARE(reader.pos, header.size());
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
                                        << "truncated array data: expected 24 bytes, found 20";
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
        EXPECT_INPUT_ERROR(readNpyDoubles(read, readNpyHeader(read, "stream.npy"), "stream.npy"), str(message));
    }

    // The shared Speech traces are Fortran-ordered: they read as numpy.load reads them.
    void readsFortranOrder()
    {
        // The 2 x 3 array [[1, 2, 3], [4, 5, 6]] laid out column by column.
        MemoryReader reader{npyBytes("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }",
                                     raw<std::int32_t>({1, 4, 2, 5, 3, 6}))};
        const ByteReader read = std::ref(reader);
        const NpyHeader h = readNpyHeader(read, "f.npy");
        QVERIFY(h.fortranOrder);
        QCOMPARE(readNpyDoubles(read, h, "f.npy"), (std::vector<double>{1, 2, 3, 4, 5, 6}));

        MemoryReader cube{npyBytes("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2, 2), }",
                                   raw<double>({0, 4, 2, 6, 1, 5, 3, 7}))};
        const ByteReader readCube = std::ref(cube);
        QCOMPARE(readNpyDoubles(readCube, readNpyHeader(readCube, "c.npy"), "c.npy"),
                 (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7}));
    }

    void integerReadRefusesFloats()
    {
        MemoryReader reader{npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", raw<float>({1.0f}))};
        const ByteReader read = std::ref(reader);
        const NpyHeader h = readNpyHeader(read, "labels.npy");
        EXPECT_INPUT_ERROR(readNpyIntegers(read, h, "labels.npy"), "expected an integer array");
    }

    void missingFileNamesIt()
    {
        EXPECT_INPUT_ERROR(readNpyFileAsDoubles("/nonexistent/scores.npy"), "/nonexistent/scores.npy: cannot open file");
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"

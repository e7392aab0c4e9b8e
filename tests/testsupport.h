#pragma once

// Helpers shared by the tests: the real files in ../shared/data, temporary folders, and
// asserting on InputError messages.

#include "core/common/inputerror.h"
#include "core/data/trace.h"
#include "core/io/npy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace exitscope::test {

// True in a build with -fsanitize (the asan preset): tests that replay long computations
// take a smaller sample there and say so.
#ifdef EXITSCOPE_SANITIZED
constexpr bool kSanitizedBuild = true;
#else
constexpr bool kSanitizedBuild = false;
#endif

// ctest runs a slow suite (one that starts the CLI many times, or replays the paper's
// curves) as shards side by side (exitscope_add_test SHARDS n): EXITSCOPE_TEST_SHARD "i/n"
// keeps the test functions and data rows whose turn, counted in the order the suite runs
// them (the same in every shard), is i modulo n; a suite's init() skips the rest:
//     void init() { if (outsideShard()) QSKIP("run by another shard"); }
// Rows of one function go to different shards, so a function's heavy rows spread out.
inline bool outsideShard()
{
    const QByteArray shard = qgetenv("EXITSCOPE_TEST_SHARD");
    const qsizetype slash = shard.indexOf('/');
    if (slash < 0)
        return false;
    const unsigned index = shard.left(slash).toUInt(), count = shard.mid(slash + 1).toUInt();
    static unsigned turn = 0; // init() runs once per function and data row
    return count >= 2 && turn++ % count != index;
}

inline QString sharedDataPath(const QString &relative)
{
    const QString root = qEnvironmentVariableIsSet("EXITSCOPE_SHARED_DATA")
        ? qEnvironmentVariable("EXITSCOPE_SHARED_DATA")
        : QStringLiteral(EXITSCOPE_SHARED_DATA);
    return QDir(root).filePath(relative);
}

inline std::string str(const QString &s)
{
    return s.toStdString();
}

// Writes bytes to dir/name and returns the path.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
        qFatal("cannot write test file %s", qPrintable(path));
    return path;
}

// CRC-32 (ISO 3309), as zip and PNG files hold it.
inline std::uint32_t crc32(const QByteArray &bytes)
{
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// One member of a hand-made zip archive. Stored (method 0) members hold `data` as is;
// with method 8 `data` stands for deflate output and `size` is the uncompressed size the
// archive claims, so a test can state any claim it wants to see refused.
struct ZipMember
{
    QByteArray name;
    QByteArray data;
    std::uint16_t method = 0;
    std::uint32_t size = 0; // method 8 only; a stored member's size is data.size()
    std::uint32_t crc = 0; // method 8 only: of the uncompressed bytes; a stored member's is computed
};

// A zip archive (PKWARE APPNOTE 4.3: local headers, central directory, end record) of
// `members`, with correct CRCs of stored data (compressed members carry theirs): crafted
// .npz and .pth files for tests.
inline QByteArray zipArchive(const std::vector<ZipMember> &members)
{
    const auto le = [](std::uint64_t v, int bytes) {
        QByteArray out;
        for (int i = 0; i < bytes; ++i)
            out += static_cast<char>((v >> (8 * i)) & 0xff);
        return out;
    };
    QByteArray body, directory;
    for (const ZipMember &m : members) {
        const std::uint32_t size = m.method == 0 ? static_cast<std::uint32_t>(m.data.size()) : m.size;
        const std::uint32_t crc = m.method == 0 ? crc32(m.data) : m.crc;
        // version needed, flags, method, time, date, CRC, compressed and uncompressed sizes, name and extra lengths
        const QByteArray common = le(20, 2) + le(0, 2) + le(m.method, 2) + le(0, 2) + le(0x21, 2) + le(crc, 4)
            + le(static_cast<std::uint32_t>(m.data.size()), 4) + le(size, 4) + le(static_cast<std::uint32_t>(m.name.size()), 2)
            + le(0, 2);
        directory += le(0x02014b50, 4) + le(20, 2) + common + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4)
            + le(static_cast<std::uint32_t>(body.size()), 4) + m.name;
        body += le(0x04034b50, 4) + common + m.name + m.data;
    }
    return body + directory + le(0x06054b50, 4) + le(0, 2) + le(0, 2) + le(members.size(), 2) + le(members.size(), 2)
        + le(static_cast<std::uint32_t>(directory.size()), 4) + le(static_cast<std::uint32_t>(body.size()), 4) + le(0, 2);
}

// --- torch.save files written without torch ---------------------------------------------
// Pickle (protocol 2) pieces and the zip around them, for crafted .pth files.

inline QByteArray pickleInt(std::int64_t v)
{
    const bool small = v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max();
    QByteArray out(small ? "J" : "\x8a\x08", small ? 1 : 2); // BININT, or LONG1 of 8 bytes
    for (int i = 0; i < (small ? 4 : 8); ++i)
        out += static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xff);
    return out;
}

inline QByteArray pickleTuple(const std::vector<std::int64_t> &values)
{
    QByteArray out("(");
    for (std::int64_t v : values)
        out += pickleInt(v);
    return out + "t";
}

inline QByteArray pickleString(const QByteArray &s)
{
    QByteArray out("X"); // BINUNICODE: 4-byte length, UTF-8
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((static_cast<std::uint32_t>(s.size()) >> (8 * i)) & 0xff);
    return out + s;
}

// A torch.save archive: the pickle `pkl` and storage records data/0, data/1, ...
inline QByteArray torchSaveArchive(const QByteArray &pkl, const std::vector<QByteArray> &records = {})
{
    std::vector<ZipMember> members{{"crafted/data.pkl", pkl}, {"crafted/version", "3\n"}};
    for (std::size_t i = 0; i < records.size(); ++i)
        members.push_back({"crafted/data/" + QByteArray::number(static_cast<qulonglong>(i)), records[i]});
    return zipArchive(members);
}

// One float32 tensor as torch.save pickles it: the view (sizes, strides, storage offset),
// the element count its storage states, and the values its storage record really holds.
struct PickledTensor
{
    std::vector<std::int64_t> sizes;
    std::vector<float> record;
    std::vector<std::int64_t> strides = {}; // empty: contiguous
    std::int64_t offset = 0;
    std::int64_t statedNumel = -1; // -1: the record's
};

// The pickle torch.save(tuple(tensors)) writes (protocol 2, as the shared logits_single.pth),
// each tensor on a storage of its own; the storages' records are appended to `records`.
inline QByteArray torchTuplePickle(const std::vector<PickledTensor> &tensors, std::vector<QByteArray> &records)
{
    QByteArray pkl("\x80\x02(");
    for (const PickledTensor &t : tensors) {
        std::vector<std::int64_t> strides = t.strides;
        if (strides.empty()) {
            strides.assign(t.sizes.size(), 1);
            for (std::size_t d = t.sizes.size(); d-- > 1;)
                strides[d - 1] = strides[d] * t.sizes[d];
        }
        const std::int64_t numel = t.statedNumel >= 0 ? t.statedNumel : static_cast<std::int64_t>(t.record.size());
        pkl += "ctorch._utils\n_rebuild_tensor_v2\n((";
        pkl += pickleString("storage") + "ctorch\nFloatStorage\n"
            + pickleString(QByteArray::number(static_cast<qulonglong>(records.size()))) + pickleString("cpu")
            + pickleInt(numel) + "tQ"; // the storage's persistent id
        pkl += pickleInt(t.offset) + pickleTuple(t.sizes) + pickleTuple(strides);
        pkl += "\x89" "ccollections\nOrderedDict\n)RtR"; // requires_grad False, no hooks; rebuild
        records.emplace_back(reinterpret_cast<const char *>(t.record.data()), static_cast<int>(t.record.size() * sizeof(float)));
    }
    return pkl + "t."; // the tuple
}

// The whole torch.save(tuple(tensors)) file.
inline QByteArray torchSaveTuple(const std::vector<PickledTensor> &tensors)
{
    std::vector<QByteArray> records;
    const QByteArray pkl = torchTuplePickle(tensors, records);
    return torchSaveArchive(pkl, records);
}

// A full-probability trace's contents cut to the k largest probabilities of every row, most
// probable first and the lower class first on ties (as a full trace's argmax).
inline TraceContents keepTopk(TraceContents c, int k)
{
    const std::size_t rows = static_cast<std::size_t>(c.exits) * static_cast<std::size_t>(c.samples);
    std::vector<std::int32_t> order(static_cast<std::size_t>(c.classes));
    for (std::size_t row = 0; row < rows; ++row) {
        const float *p = c.probabilities.data() + row * c.classes;
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [p](std::int32_t a, std::int32_t b) { return p[a] > p[b]; });
        for (int i = 0; i < k; ++i) {
            c.topkIndices.push_back(order[i]);
            c.topkProbabilities.push_back(p[order[i]]);
        }
    }
    c.topk = k;
    c.probabilities.clear();
    return c;
}

// Every field of two full-probability traces equal: what the window shows against what
// the CLI wrote.
inline void compareTraceContents(const Trace &shown, const Trace &written)
{
    const TraceContents &a = shown.contents(), &b = written.contents();
    QCOMPARE(a.exits, b.exits);
    QCOMPARE(a.samples, b.samples);
    QCOMPARE(a.classes, b.classes);
    QCOMPARE(a.probabilities, b.probabilities);
    QCOMPARE(a.labels, b.labels);
    QCOMPARE(a.predictions, b.predictions);
    QCOMPARE(a.correct, b.correct);
}

// An .npy dataset of n samples of 32 features (the shared mlp4 models' input) with labels
// 0..9, as x.npy and y.npy in `dir`; returns its spec (with "?options" when given).
inline QString writeMlpDataset(const QTemporaryDir &dir, std::int64_t n, const QString &options = QString())
{
    std::mt19937 random(5);
    std::normal_distribution<float> normal(0.0f, 2.0f);
    std::vector<float> x(static_cast<std::size_t>(n) * 32);
    for (float &v : x)
        v = normal(random);
    std::vector<std::int64_t> y(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = static_cast<std::int64_t>(i % 10);
    const QString xPath = writeFile(dir, "x.npy", QByteArray::fromStdString(npyHeaderBytes(NpyType::Float32, {n, 32}))
                                                      + QByteArray(reinterpret_cast<const char *>(x.data()), static_cast<int>(x.size() * 4)));
    const QString yPath = writeFile(dir, "y.npy", QByteArray::fromStdString(npyHeaderBytes(NpyType::Int64, {n}))
                                                      + QByteArray(reinterpret_cast<const char *>(y.data()), static_cast<int>(y.size() * 8)));
    return "npy:" + xPath + "," + yPath + (options.isEmpty() ? "" : "?" + options);
}

} // namespace exitscope::test

// Skips the test where `path` (a file in ../shared/data) is absent, as in a new user's
// clone; under CI=true, where the shared data is always there, fails instead.
#define REQUIRE_SHARED_FILE(path)                                                                                \
    do {                                                                                                         \
        if (!QFileInfo::exists(path)) {                                                                          \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                            \
                QFAIL(qPrintable(QStringLiteral("shared data missing under CI: ") + (path)));                    \
            QSKIP(qPrintable(QStringLiteral("shared data not found (a fresh clone has no ../shared): ") + (path))); \
        }                                                                                                        \
    } while (false)

// Declares `var` as the path of a file in ../shared/data, which must exist.
#define SHARED_DATA(var, relative)                                                                               \
    const QString var = exitscope::test::sharedDataPath(QString(relative));                               \
    REQUIRE_SHARED_FILE(var)

// Runs `statement`, which must throw InputError whose message contains `fragment`.
#define EXPECT_INPUT_ERROR(statement, fragment)                                                                  \
    do {                                                                                                         \
        bool thrown_ = false;                                                                                    \
        const std::string fragment_ = (fragment);                                                                \
        try {                                                                                                    \
            statement;                                                                                           \
        } catch (const exitscope::InputError &e_) {                                                              \
            thrown_ = true;                                                                                      \
            const std::string message_ = e_.what();                                                              \
            if (message_.find(fragment_) == std::string::npos)                                                    \
                QFAIL(qPrintable(QStringLiteral("error message \"%1\" lacks \"%2\"")                             \
                                     .arg(QString::fromStdString(message_), QString::fromStdString(fragment_)))); \
        }                                                                                                        \
        if (!thrown_)                                                                                            \
            QFAIL("expected an InputError, none was thrown");                                                    \
    } while (false)

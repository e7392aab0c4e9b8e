// Bad input, end to end: every subcommand of exitscope-cli run on crafted inputs that break
// exactly one thing. For each case: the exit status (3 bad input, 2 usage), a message naming
// the file (or the flag) and what is wrong with it, no file left behind, every input
// unchanged, no crash, and peak memory within a baseline plus a few times the inputs' size.

#include "clirunner.h"
#include "core/data/synth.h"
#include "core/data/thresholdconfig.h"
#include "core/io/npy.h"
#include "core/io/tracefile.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <thread>

namespace exitscope::test {

namespace {

// The files a case writes into its folder before the run, by name; a name ending in '/'
// makes a folder.
using Files = QMap<QString, QByteArray>;

// Peak memory allowed beyond the baseline and a few times the inputs: LibTorch's model and
// thread pools, and noise.
constexpr qint64 kSlackBytes = qint64(64) << 20;
constexpr qint64 kInputFactor = 4;
// No case takes long: one that does is stopped and fails.
constexpr int kCaseLimitMs = 120000;

template <typename T>
QByteArray bytesOf(const std::vector<T> &values)
{
    return QByteArray(reinterpret_cast<const char *>(values.data()), static_cast<int>(values.size() * sizeof(T)));
}

QByteArray npy(NpyType type, const std::vector<std::int64_t> &shape, const QByteArray &data)
{
    return QByteArray::fromStdString(npyHeaderBytes(type, shape)) + data;
}

// A version-1.0 .npy file with the header dict `dict` as given (padded as NumPy pads it).
QByteArray npyWithHeader(const QByteArray &dict, const QByteArray &data)
{
    QByteArray header = dict;
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    return QByteArray("\x93NUMPY\x01\x00", 8) + static_cast<char>(header.size() & 0xff) + static_cast<char>(header.size() >> 8)
        + header + data;
}

// The arrays of a small valid trace (K = 3, N = 4, C = 2); a case replaces one (a null
// QByteArray drops it).
QByteArray trace(const std::map<QByteArray, QByteArray> &changed = {})
{
    std::map<QByteArray, QByteArray> arrays{
        {"exitscope_trace_version", npy(NpyType::Int64, {}, bytesOf<std::int64_t>({1}))},
        {"exit_probs", npy(NpyType::Float32, {3, 4, 2},
                           bytesOf<float>({0.5f, 0.5f, 0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f, 0.7f, 0.3f, 0.1f, 0.9f,
                                           0.25f, 0.75f, 0.5f, 0.5f, 1.0f, 0.0f, 0.0f, 1.0f, 0.4f, 0.6f, 0.8f, 0.2f}))},
        {"labels", npy(NpyType::Int32, {4}, bytesOf<std::int32_t>({0, 1, 1, 0}))},
    };
    for (const auto &[name, bytes] : changed) {
        if (bytes.isNull())
            arrays.erase(name);
        else
            arrays[name] = bytes;
    }
    std::vector<ZipMember> members;
    for (const auto &[name, bytes] : arrays)
        members.push_back({name + ".npy", bytes});
    return zipArchive(members);
}

// `archive` with the bytes `from` (one occurrence) replaced by `to`, of the same size: a
// member whose data no longer matches its CRC.
QByteArray corrupted(QByteArray archive, const QByteArray &from, const QByteArray &to)
{
    const int at = archive.indexOf(from);
    if (at < 0 || from.size() != to.size())
        qFatal("corrupted: pattern not found");
    return archive.replace(at, to.size(), to);
}

// A JSON object (or document) with the field at the dotted `path` set to `value`, or removed
// when `value` is undefined.
QJsonObject withField(QJsonObject object, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            object.remove(path[0]);
        else
            object[path[0]] = value;
        return object;
    }
    object[path[0]] = withField(object[path[0]].toObject(), path.mid(1), value);
    return object;
}
QByteArray withField(const QByteArray &document, const QString &path, const QJsonValue &value)
{
    return QJsonDocument(withField(QJsonDocument::fromJson(document).object(), path.split('.'), value)).toJson();
}

const QByteArray kLatency = R"({"format": "exitscope-latency", "version": 1, "unit": "ms", "cumulative": [1, 2, 3, 4],
                                "reference": 4, "provenance": {"source": "costs", "threads": 1}})";

// EENet's logits_single.pth: (val_pred, val_target, test_pred, test_target), K = 2 exits,
// N = 3 samples, C = 2 classes; `change` edits the tensors first.
QByteArray eenetLogits(const std::function<void(std::vector<PickledTensor> &)> &change = {})
{
    const std::vector<float> probs{0.9f, 0.1f, 0.3f, 0.7f, 0.5f, 0.5f, 0.8f, 0.2f, 0.4f, 0.6f, 0.1f, 0.9f};
    std::vector<PickledTensor> tensors{{{2, 3, 2}, probs}, {{3}, {0, 1, 1}}, {{2, 3, 2}, probs}, {{3}, {1, 0, 1}}};
    if (change)
        change(tensors);
    return torchSaveTuple(tensors);
}

// A pickled list (torch.save([...])) of the given pickle items.
QByteArray torchList(const QByteArray &items)
{
    return torchSaveArchive(QByteArray("\x80\x02](", 4) + items + "e.");
}
QByteArray pickleFloat(double v)
{
    QByteArray out("G"); // BINFLOAT, big-endian
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    for (int i = 7; i >= 0; --i)
        out += static_cast<char>((bits >> (8 * i)) & 0xff);
    return out;
}

// A dataset for mlp4 (inputs N x 32 float32, int64 labels in [0, 10)).
QByteArray mlpInputs(std::int64_t n, std::int64_t width = 32)
{
    std::vector<float> x(static_cast<std::size_t>(n * width));
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = static_cast<float>(std::sin(0.37 * static_cast<double>(i)));
    return npy(NpyType::Float32, {n, width}, bytesOf(x));
}
QByteArray mlpLabels(std::int64_t n)
{
    std::vector<std::int64_t> y(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = static_cast<std::int64_t>(i % 10);
    return npy(NpyType::Int64, {n}, bytesOf(y));
}

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray("unreadable");
}

// Every file and folder under `root`, by relative path, with the SHA-256 of each file's
// bytes ("folder" for a folder).
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = QDir(root).relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            out[name] = "folder";
            continue;
        }
        out[name] = hashOf(path);
    }
    return out;
}

// `files` with `name` (a file, or a folder when it ends in '/') in place of any entry of that
// name; a null `bytes` for a file just removes it.
Files replaced(Files files, const QString &name, const QByteArray &bytes = {})
{
    const QString plain = name.endsWith('/') ? name.chopped(1) : name;
    files.remove(plain);
    files.remove(plain + '/');
    if (!bytes.isNull() || name.endsWith('/'))
        files[name] = bytes;
    return files;
}

qint64 fileBytes(const QString &path)
{
    return QFileInfo(path).isFile() ? QFileInfo(path).size() : 0;
}

} // namespace

// One case of the table: the command line ("%name" a file in the case's folder, "@path" one
// in ../shared/data), the files to craft there, the expected status and the parts the error
// message must hold: the file's name (or the flag) and what is wrong.
struct Case
{
    QString name;
    QStringList arguments;
    Files files;
    int status = 3;
    QStringList message;
};

// A case run: its folder, what was there before, and what the CLI did.
struct Outcome
{
    std::unique_ptr<QTemporaryDir> dir;
    QStringList shared; // files of ../shared/data the command line names
    QMap<QString, QByteArray> before, sharedBefore;
    qint64 inputBytes = 0;
    Run run;
};

class TestBadInput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_fixture;
    QByteArray m_val, m_test, m_test3, m_config; // valid companions
    long m_baselineKiB = 0;
    std::vector<Case> m_cases;
    std::vector<Outcome> m_outcomes;

    void add(const char *name, const QStringList &arguments, const Files &files, int status, const QStringList &message)
    {
        m_cases.push_back({name, arguments, files, status, message});
    }

    QByteArray fixture(const QString &name) const
    {
        QFile file(m_fixture.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static Outcome prepare(const Case &c, QStringList &arguments)
    {
        Outcome o;
        o.dir = std::make_unique<QTemporaryDir>();
        for (auto it = c.files.cbegin(); it != c.files.cend(); ++it) {
            if (it.key().endsWith('/'))
                QDir(o.dir->path()).mkpath(it.key());
            else
                writeFile(*o.dir, it.key(), it.value());
        }
        arguments = c.arguments;
        o.shared = expandPaths(arguments, *o.dir);
        o.before = snapshot(o.dir->path());
        for (const QString &name : o.before.keys())
            o.inputBytes += fileBytes(o.dir->filePath(name));
        for (const QString &file : o.shared) {
            o.inputBytes += fileBytes(file);
            o.sharedBefore[file] = hashOf(file);
        }
        return o;
    }

private slots:
    void init()
    {
        if (outsideShard())
            QSKIP("run by another shard");
    }

    void initTestCase()
    {
        QVERIFY(m_fixture.isValid());
        // Valid companions, written by the library (each CLI start costs a second, more under ASan).
        const auto synthetic = [this](const char *name, int exits, std::uint64_t seed) {
            SynthOptions options;
            options.exits = exits;
            options.samples = 200;
            options.seed = seed;
            writeTraceFile(synthesize(options), str(m_fixture.filePath(name)));
            return fixture(name);
        };
        m_val = synthetic("val.npz", 4, 1);
        m_test = synthetic("test.npz", 4, 2);
        m_test3 = synthetic("test3.npz", 3, 3);
        ThresholdConfig config;
        config.policy.thresholds = {0.5, 0.5, 0.5}; // max-prob, higher is confident
        config.latency.cumulative = {1, 2, 3, 4};
        writeThresholdConfig(config, str(m_fixture.filePath("cfg.json")));
        m_config = fixture("cfg.json");
        // The baseline: the peak memory of a cheap valid command in this build.
        const Run info = cli({"info", m_fixture.filePath("val.npz")});
        QCOMPARE(info.status, 0);
        m_baselineKiB = info.maxRssKiB;
        QVERIFY(m_baselineKiB > 0);
        qInfo("baseline peak memory (info on a trace): %ld MiB", m_baselineKiB / 1024);

        synthCases();
        importAaai21Cases();
        importEenetCases();
        infoCases();
        evalCases();
        solveCases();
        sweepCases();
        traceCases();
        profileCases();
        runCases();
        // Every case is run here, two at a time (each CLI start loads LibTorch, ~1 s), and
        // checked in its own row below.
        std::vector<QStringList> commandLines(m_cases.size());
        for (std::size_t i = 0; i < m_cases.size(); ++i)
            m_outcomes.push_back(prepare(m_cases[i], commandLines[i]));
        std::atomic<std::size_t> next{0};
        const auto worker = [&]() {
            for (std::size_t i; (i = next++) < m_cases.size();)
                m_outcomes[i].run = cli(commandLines[i], kCaseLimitMs);
        };
        std::thread second(worker);
        worker();
        second.join();
    }

    void badInput_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < m_cases.size(); ++i)
            QTest::newRow(qPrintable(m_cases[i].name)) << static_cast<int>(i);
    }

    void badInput()
    {
        QFETCH(int, index);
        const Case &c = m_cases[static_cast<std::size_t>(index)];
        const Outcome &o = m_outcomes[static_cast<std::size_t>(index)];
        for (const QString &file : o.shared)
            REQUIRE_SHARED_FILE(file);
        const Run &run = o.run;
        const QString context = "\nstatus " + QString::number(run.status) + ", stderr:\n" + run.err;
        QVERIFY2(run.status == c.status, qPrintable("expected status " + QString::number(c.status) + context));
        // Progress lines may come first; the error is the last line.
        const QString error = c.status == 3 ? run.err.trimmed().section('\n', -1) : run.err;
        if (c.status == 3)
            QVERIFY2(error.startsWith("exitscope-cli: error: "), qPrintable(context));
        for (const QString &part : c.message)
            QVERIFY2(error.contains(part), qPrintable("the message lacks '" + part + "'" + context));

        const QMap<QString, QByteArray> after = snapshot(o.dir->path());
        for (const QString &name : after.keys())
            QVERIFY2(o.before.contains(name), qPrintable("left behind: " + name + context));
        for (const QString &name : o.before.keys())
            QVERIFY2(after.value(name) == o.before[name], qPrintable("input changed or removed: " + name + context));
        for (const QString &file : o.shared)
            QVERIFY2(hashOf(file) == o.sharedBefore[file], qPrintable("input changed: " + file));

        const qint64 allowed = qint64(m_baselineKiB) * 1024 + kInputFactor * o.inputBytes + kSlackBytes;
        QVERIFY2(qint64(run.maxRssKiB) * 1024 <= allowed,
                 qPrintable(QString("peak memory %1 MiB, allowed %2 MiB (baseline %3 MiB, inputs %4 KiB)")
                                .arg(run.maxRssKiB / 1024)
                                .arg(allowed >> 20)
                                .arg(m_baselineKiB / 1024)
                                .arg(o.inputBytes / 1024)
                            + context));
    }

private:
    void synthCases()
    {
        add("synth: --seed not a whole number", {"synth", "--seed", "1e3", "-o", "%t.npz"}, {}, 2, {"--seed"});
        add("synth: output is a folder", {"synth", "--samples", "10", "-o", "%t.npz"}, {{"t.npz/", {}}}, 3,
            {"t.npz", "folder"});
        add("synth: output folder missing", {"synth", "--samples", "10", "-o", "%none/t.npz"}, {}, 3,
            {"none/t.npz", "cannot write"});
        add("synth: too large for memory", {"synth", "--exits", "255", "--samples", "100000000000", "--classes", "1048576", "-o", "%t.npz"},
            {}, 3, {"--samples", "more elements than fit in 64 bits"});
    }

    void importAaai21Cases()
    {
        const QStringList import{"import", "aaai21", "--confidence", "%c.npy", "--correct", "%k.npy", "--lower-is-confident",
                                 "-o", "%out.npz"};
        const QByteArray scores = npy(NpyType::Float64, {2, 3}, bytesOf<double>({0.1, 0.2, 0.3, 0.4, 0.5, 0.6}));
        const QByteArray right = npy(NpyType::Float64, {2, 3}, bytesOf<double>({1, 0, 1, 1, 1, 0}));
        const Files valid{{"c.npy", scores}, {"k.npy", right}};
        const auto with = [&](const QString &name, const QByteArray &bytes = {}) { return replaced(valid, name, bytes); };
        add("import aaai21: confidence truncated", import, with("c.npy", scores.left(scores.size() - 5)), 3,
            {"c.npy", "truncated"});
        add("import aaai21: confidence claims 512 MiB", import,
            with("c.npy", npy(NpyType::Float64, {4, std::int64_t(1) << 24}, QByteArray(64, '\0'))), 3, {"c.npy", "truncated"});
        add("import aaai21: confidence complex dtype", import,
            with("c.npy", npyWithHeader("{'descr': '<c16', 'fortran_order': False, 'shape': (2, 3), }", QByteArray(96, '\0'))),
            3, {"c.npy", "dtype '<c16'"});
        add("import aaai21: confidence NaN", import,
            with("c.npy", npy(NpyType::Float64, {2, 3}, bytesOf<double>({0.1, 0.2, std::nan(""), 0.4, 0.5, 0.6}))), 3,
            {"c.npy", "exit_scores", "nan"});
        add("import aaai21: correct holds 2", import,
            with("k.npy", npy(NpyType::Float64, {2, 3}, bytesOf<double>({1, 0, 2, 1, 1, 0}))), 3, {"k.npy", "not 0 or 1"});
        add("import aaai21: confidence missing", import, with("c.npy"), 3, {"c.npy", "cannot open"});
        add("import aaai21: correct a folder", import, with("k.npy/", {}), 3, {"k.npy", "folder"});
        add("import aaai21: output is the confidence file",
            {"import", "aaai21", "--confidence", "%c.npy", "--correct", "%k.npy", "--lower-is-confident", "-o", "%c.npy"},
            valid, 3, {"c.npy", "also an input"});
        add("import aaai21: --divide-scores-by 0", QStringList(import) << "--divide-scores-by" << "0", valid, 2,
            {"--divide-scores-by"});
    }

    void importEenetCases()
    {
        const QStringList import{"import", "eenet", "--logits", "%l.pth", "--out-dir", "%ee"};
        const QStringList withSeconds = QStringList(import) << "--seconds" << "%s.csv";
        const QByteArray logits = eenetLogits();
        add("import eenet: logits pickle garbage", import,
            {{"l.pth", torchSaveArchive(QByteArray("\x80\x02garbage", 9))}}, 3, {"l.pth", "not a readable torch.save"});
        add("import eenet: logits three tensors", import,
            {{"l.pth", eenetLogits([](std::vector<PickledTensor> &t) { t.pop_back(); })}}, 3, {"l.pth", "found 3 tensors"});
        add("import eenet: target beyond int32", import,
            {{"l.pth", eenetLogits([](std::vector<PickledTensor> &t) { t[1].record[2] = 1e10f; })}}, 3,
            {"l.pth", "val target of sample 2", "10000000000"});
        add("import eenet: probability NaN", import,
            {{"l.pth", eenetLogits([](std::vector<PickledTensor> &t) { t[0].record[4] = std::nanf(""); })}}, 3,
            {"l.pth", "val", "exit_probs", "nan"});
        add("import eenet: test K differs from val", import,
            {{"l.pth", eenetLogits([](std::vector<PickledTensor> &t) { t[2] = {{1, 3, 2}, {0.9f, 0.1f, 0.3f, 0.7f, 0.5f, 0.5f}}; })}},
            3, {"l.pth", "val has K = 2", "test has K = 1"});
        add("import eenet: tensor view beyond its storage", import,
            {{"l.pth", eenetLogits([](std::vector<PickledTensor> &t) {
                  t[0].record.resize(6);
                  t[0].statedNumel = 12;
              })}},
            3, {"l.pth[0]", "storage"});
        add("import eenet: seconds.csv hex", withSeconds, {{"l.pth", logits}, {"s.csv", "0.5\n0x1p1"}}, 3,
            {"s.csv:2", "'0x1p1' is not a decimal number"});
        add("import eenet: seconds.csv decreasing", withSeconds, {{"l.pth", logits}, {"s.csv", "2\n1"}}, 3,
            {"s.csv", "must not decrease"});
        add("import eenet: flops.pth holds a string", QStringList(import) << "--flops" << "%f.pth",
            {{"l.pth", logits}, {"f.pth", torchList(pickleFloat(1.0) + pickleString("two"))}}, 3,
            {"f.pth[1]", "expected a number"});
        add("import eenet: out-dir is a file", import, {{"l.pth", logits}, {"ee", "a file"}}, 3, {"ee", "cannot create output folder"});
        add("import eenet: latency.json output is the seconds file",
            {"import", "eenet", "--logits", "%l.pth", "--seconds", "%latency.json", "--out-dir", "%"},
            {{"l.pth", logits}, {"latency.json", "1\n2"}}, 3, {"latency.json", "also an input"});
    }

    void infoCases()
    {
        add("info: trace not a zip", {"info", "%t.npz"}, {{"t.npz", QByteArray(100, 'x')}}, 3, {"t.npz", "not a readable .npz"});
        add("info: trace with a wrong CRC", {"info", "%t.npz"},
            {{"t.npz", corrupted(trace(), bytesOf<float>({0.9f, 0.1f, 0.2f}), bytesOf<float>({0.9f, std::nextafter(0.1f, 1.0f), 0.2f}))}},
            3, {"t.npz[exit_probs]", "CRC"});
        add("info: trace member claims 1032-fold compression", {"info", "%t.npz"},
            {{"t.npz", zipArchive({{"exit_probs.npy", QByteArray(1000, 'x'), 8, 0xfffffff0u, 0}})}}, 3,
            {"t.npz[exit_probs]", "implausible compression"});
        add("info: trace probabilities do not sum to 1", {"info", "%t.npz"},
            {{"t.npz", trace({{"exit_probs", npy(NpyType::Float32, {3, 4, 2}, bytesOf(std::vector<float>(24, 0.3f)))}})}}, 3,
            {"t.npz", "exit_probs", "sum"});
        add("info: trace label out of range", {"info", "%t.npz"},
            {{"t.npz", trace({{"labels", npy(NpyType::Int32, {4}, bytesOf<std::int32_t>({0, 1, 7, 0}))}})}}, 3,
            {"t.npz", "labels", "7"});
        add("info: trace version 2", {"info", "%t.npz"},
            {{"t.npz", trace({{"exitscope_trace_version", npy(NpyType::Int64, {}, bytesOf<std::int64_t>({2}))}})}}, 3,
            {"t.npz[exitscope_trace_version]", "newer"});
        add("info: latency cumulative a string", {"info", "%l.json"}, {{"l.json", withField(kLatency, "cumulative", "1,2")}}, 3,
            {"l.json", "cumulative", "expected an array"});
        add("info: latency threads 1e300", {"info", "%l.json"}, {{"l.json", withField(kLatency, "provenance.threads", 1e300)}}, 3,
            {"l.json", "provenance.threads", "whole number"});
        add("info: latency truncated", {"info", "%l.json"}, {{"l.json", kLatency.left(40)}}, 3, {"l.json", "not valid JSON"});
        add("info: config thresholds count", {"info", "%c.json"}, {{"c.json", withField(m_config, "thresholds", QJsonArray{0.5})}},
            3, {"c.json", "thresholds: 1 values", "4 exits"});
        add("info: config without measure", {"info", "%c.json"}, {{"c.json", withField(m_config, "measure", QJsonValue::Undefined)}},
            3, {"c.json", "measure: missing field"});
        add("info: model is a torch.save file", {"info", "%m.pt"}, {{"m.pt", eenetLogits()}}, 3,
            {"m.pt", "not a TorchScript model: a torch.save file"});
        add("info: model a folder", {"info", "%m.pt"}, {{"m.pt/", {}}}, 3, {"m.pt", "is a folder"});
    }

    void evalCases()
    {
        const Files valid{{"val.npz", m_val}};
        add("eval: trace scores NaN", {"eval", "--trace", "%t.npz", "--costs", "1,2,3", "--thresholds", "0.5,0.5"},
            {{"t.npz", trace({{"exit_scores", npy(NpyType::Float64, {3, 4}, bytesOf(std::vector<double>(12, std::nan(""))))},
                              {"scores_lower_is_confident", npy(NpyType::Bool, {}, QByteArray(1, '\1'))}})}},
            3, {"t.npz", "exit_scores", "nan"});
        add("eval: config direction contradicts measure", {"eval", "--trace", "%val.npz", "--config", "%c.json"},
            {{"val.npz", m_val}, {"c.json", withField(m_config, "direction", "lower-is-confident")}}, 3,
            {"c.json", "direction"});
        add("eval: config for another K", {"eval", "--trace", "%t3.npz", "--config", "%c.json"},
            {{"t3.npz", m_test3}, {"c.json", m_config}}, 3, {"c.json", "4 exits", "3"});
        add("eval: test trace K differs",
            {"eval", "--trace", "%val.npz", "--costs", "1,2,3,4", "--thresholds", "0.5,0.5,0.5", "--test", "%t3.npz", "-o", "%c.json"},
            {{"val.npz", m_val}, {"t3.npz", m_test3}}, 3, {"t3.npz", "has 3 exits but the val trace has 4"});
        add("eval: export is the test trace",
            {"eval", "--trace", "%val.npz", "--costs", "1,2,3,4", "--thresholds", "0.5,0.5,0.5", "--test", "%test.npz", "-o", "%test.npz"},
            {{"val.npz", m_val}, {"test.npz", m_test}}, 3, {"test.npz", "also an input"});
        add("eval: cost infinite", {"eval", "--trace", "%val.npz", "--costs", "1,2,inf,4", "--thresholds", "0.5,0.5,0.5"}, valid, 3,
            {"--costs", "cost of exit 2 is inf"});
    }

    void solveCases()
    {
        const QStringList solve{"solve", "--val", "%val.npz", "--costs", "1,2,3,4", "--policy", "msdnet", "--budget", "2.5", "-o", "%c.json"};
        const Files valid{{"val.npz", m_val}};
        add("solve: test trace K differs from val", QStringList(solve) << "--test" << "%t3.npz",
            {{"val.npz", m_val}, {"t3.npz", m_test3}}, 3, {"t3.npz", "has 3 exits but the val trace has 4"});
        add("solve: latency negative cost",
            {"solve", "--val", "%val.npz", "--latency", "%l.json", "--policy", "msdnet", "--budget", "2.5", "-o", "%c.json"},
            {{"val.npz", m_val}, {"l.json", withField(kLatency, "cumulative", QJsonArray{1, -2, 3, 4})}}, 3,
            {"l.json", "cost of exit 1 is -2"});
        add("solve: output is the latency profile",
            {"solve", "--val", "%val.npz", "--latency", "%l.json", "--policy", "msdnet", "--budget", "2.5", "-o", "%l.json"},
            {{"val.npz", m_val}, {"l.json", kLatency}}, 3, {"l.json", "also an input"});
        add("solve: relative budget without reference", QStringList(solve) << "--relative", valid, 3, {"--relative", "reference"});
        add("solve: --budget nan",
            {"solve", "--val", "%val.npz", "--costs", "1,2,3,4", "--policy", "msdnet", "--budget", "nan", "-o", "%c.json"},
            valid, 3, {"--budget", "budget nan"});
        add("solve: --seed negative", QStringList(solve) << "--seed" << "-1", valid, 2, {"--seed"});
    }

    void sweepCases()
    {
        const QStringList sweep{"sweep", "--val", "%val.npz", "--costs", "1,2,3,4", "--policies", "msdnet", "-o", "%c.csv"};
        const Files valid{{"val.npz", m_val}};
        add("sweep: --budgets COUNT 0", QStringList(sweep) << "--budgets" << "1:2:0", valid, 3, {"--budgets", "COUNT"});
        add("sweep: --budgets hex", QStringList(sweep) << "--budgets" << "0x10", valid, 3, {"--budgets", "'0x10' is not a number"});
        add("sweep: unknown policy",
            {"sweep", "--val", "%val.npz", "--costs", "1,2,3,4", "--policies", "msdnet,fast", "--budgets", "2", "-o", "%c.csv"},
            valid, 3, {"--policies", "'fast'"});
        add("sweep: test trace label out of range", QStringList(sweep) << "--budgets" << "2" << "--test" << "%t.npz",
            {{"val.npz", m_val}, {"t.npz", trace({{"labels", npy(NpyType::Int64, {4}, bytesOf<std::int64_t>({0, 1, 2, 0}))}})}}, 3,
            {"t.npz", "labels", "2"});
        add("sweep: latency is a threshold config",
            {"sweep", "--val", "%val.npz", "--latency", "%c.json", "--budgets", "2", "-o", "%c.csv"},
            {{"val.npz", m_val}, {"c.json", m_config}}, 3, {"c.json", "format", "exitscope-latency"});
        add("sweep: output is a folder", QStringList(sweep) << "--budgets" << "2", {{"val.npz", m_val}, {"c.csv/", {}}}, 3,
            {"c.csv", "folder"});
    }

    void traceCases()
    {
        const QString model = "@torchscript/mlp4_staged.pt";
        const QStringList command{"trace", "--model", model, "--dataset", "npy:%x.npy,%y.npy", "--out-dir", "%out"};
        const Files valid{{"x.npy", mlpInputs(20)}, {"y.npy", mlpLabels(20)}};
        const auto with = [&](const QString &name, const QByteArray &bytes = {}) { return replaced(valid, name, bytes); };
        const auto spec = [&](const QString &dataset) {
            return QStringList{"trace", "--model", model, "--dataset", dataset, "--out-dir", "%out"};
        };
        add("trace: dataset kind typo", spec("nyp:%x.npy,%y.npy"), valid, 3, {"--dataset", "unknown dataset kind \"nyp\""});
        add("trace: dataset option typo", spec("npy:%x.npy,%y.npy?vla=0.5"), valid, 3, {"--dataset", "unknown option \"vla\""});
        add("trace: inputs claim 2^40 rows", command, with("x.npy", npy(NpyType::Float32, {std::int64_t(1) << 40, 32}, QByteArray(256, '\0'))),
            3, {"x.npy", "truncated: the header claims"});
        add("trace: inputs claim 512 MiB", command, with("x.npy", npy(NpyType::Float32, {std::int64_t(1) << 22, 32}, QByteArray(256, '\0'))),
            3, {"x.npy", "truncated"});
        add("trace: labels a folder", command, with("y.npy/"), 3, {"y.npy", "is a folder"});
        add("trace: dataset shape mismatch with the model", command, with("x.npy", mlpInputs(20, 7)), 3,
            {"mlp4_staged.pt", "stages[0] failed on the input of shape", "7"});
        add("trace: model garbage", {"trace", "--model", "%m.pt", "--dataset", "npy:%x.npy,%y.npy", "--out-dir", "%out"},
            with("m.pt", QByteArray(1000, 'x')), 3, {"m.pt", "not a TorchScript model"});
        add("trace: val.npz output is the dataset", {"trace", "--model", model, "--dataset", "npz:%val.npz", "--out-dir", "%"},
            {{"val.npz", zipArchive({{"inputs.npy", mlpInputs(20)}, {"labels.npy", mlpLabels(20)}})}}, 3,
            {"val.npz", "also an input"});
        add("trace: --device unknown", QStringList(command) << "--device" << "tpu", valid, 3, {"--device", "tpu"});
        add("trace: --batch-size 0", QStringList(command) << "--batch-size" << "0", valid, 2, {"--batch-size"});
    }

    void profileCases()
    {
        const QString model = "@torchscript/mlp4_staged.pt";
        const auto profile = [](const QString &m, const QString &shape) {
            return QStringList{"profile", "--model", m, "--input-shape", shape, "--warmup", "0", "--min-seconds", "0",
                               "--max-seconds", "0.05", "-o", "%l.json"};
        };
        add("profile: input shape the model rejects", profile(model, "7"), {}, 3,
            {"mlp4_staged.pt", "stages[0] failed on the input of shape (1, 7)"});
        add("profile: monolithic model", profile("@torchscript/mlp4_traced_tuple.pt", "32"), {}, 3,
            {"mlp4_traced_tuple.pt", "staged layout"});
        add("profile: output is the model", {"profile", "--model", "%m.pt", "--input-shape", "32", "-o", "%m.pt"},
            {{"m.pt", QByteArray(1000, '\0')}}, 3, {"m.pt", "also an input"});
        add("profile: input shape too large", profile(model, "1000000,1000000,1000000,1000000"), {}, 3,
            {"--input-shape", "more elements than fit in 64 bits"});
        add("profile: input shape 0", profile(model, "0"), {}, 2, {"--input-shape"});
        add("profile: --device unknown", QStringList(profile(model, "32")) << "--device" << "gpu0", {}, 3, {"--device", "gpu0"});
    }

    void runCases()
    {
        const QString model = "@torchscript/mlp4_staged.pt";
        const QStringList run{"run", "--model", model, "--dataset", "npy:%x.npy,%y.npy", "--config", "%c.json",
                              "--warmup", "0", "--threads", "1"};
        const Files valid{{"x.npy", mlpInputs(20)}, {"y.npy", mlpLabels(20)}, {"c.json", m_config}};
        const auto with = [&](const QString &name, const QByteArray &bytes = {}) { return replaced(valid, name, bytes); };
        add("run: config thresholds for another K", run,
            with("c.json", withField(withField(m_config, "thresholds", QJsonArray{0.5, 0.5}), "latency.cumulative", QJsonArray{1, 2, 3})),
            3, {"c.json", "has 2 thresholds", "the model has K = 4"});
        add("run: config thresholds not numbers", run, with("c.json", withField(m_config, "thresholds", QJsonArray{0.5, "high", 0.5})),
            3, {"c.json", "thresholds[1]", "expected a number"});
        add("run: latency K differs", QStringList(run) << "--latency" << "%l.json",
            with("l.json", withField(kLatency, "cumulative", QJsonArray{1, 2})), 3, {"l.json", "has 2 exits but the trace has 4"});
        add("run: dataset leaves no test samples", {"run", "--model", model, "--dataset", "npy:%x.npy,%y.npy?val=1", "--config", "%c.json"},
            valid, 3, {"x.npy", "no test samples"});
        add("run: label out of range for classes=5",
            {"run", "--model", model, "--dataset", "npy:%x.npy,%y.npy?classes=5", "--config", "%c.json"},
            valid, 3, {"y.npy", "out of range [0, 5)"});
        add("run: monolithic model",
            {"run", "--model", "@torchscript/mlp4_traced_tuple.pt", "--dataset", "npy:%x.npy,%y.npy", "--config", "%c.json"},
            valid, 3, {"mlp4_traced_tuple.pt", "staged layout"});
        add("run: samples csv is the dataset's labels", QStringList(run) << "--samples-csv" << "%y.npy", valid, 3,
            {"y.npy", "also an input"});
    }
};

} // namespace exitscope::test

QTEST_GUILESS_MAIN(exitscope::test::TestBadInput)
#include "tst_badinput.moc"

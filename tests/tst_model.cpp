#include "core/jobs/torchthreads.h"
#include "core/model/multiexitmodel.h"
#include "core/common/internalerror.h"
#include "testsupport.h"
#include "core/io/torchpickle.h"

#include <cmath>
#include <future>
#include <thread>
#include <optional>

using namespace exitscope;
using namespace exitscope::test;

namespace {

// A deterministic batch of `shape`, values in [-1, 1].
FloatTensor batch(std::vector<std::int64_t> shape)
{
    FloatTensor t;
    std::int64_t count = 1;
    for (const std::int64_t size : shape)
        count *= size;
    t.shape = std::move(shape);
    for (std::int64_t i = 0; i < count; ++i)
        t.values.push_back(static_cast<float>(std::sin(0.37 * static_cast<double>(i) + 0.5)));
    return t;
}

double maxAbsDifference(const FloatTensor &a, const FloatTensor &b)
{
    if (a.shape != b.shape || a.values.size() != b.values.size())
        return INFINITY;
    double worst = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        worst = std::max(worst, std::abs(static_cast<double>(a.values[i]) - b.values[i]));
    return worst;
}

double maxAbs(const FloatTensor &a)
{
    double largest = 0;
    for (const float v : a.values)
        largest = std::max(largest, std::abs(static_cast<double>(v)));
    return largest;
}

// --- TorchScript archives written without torch -------------------------------------------
// Python torch is not available to make models that break the contract, and tests include
// no torch headers, so the few such models the tests need are written here: a TorchScript
// archive is a zip of TorchScript source (code/), a pickle of the module tree (data.pkl),
// constants.pkl and version, and LibTorch compiles the source on load. Parameter-free
// modules only, enough to exercise layout detection.

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= static_cast<quint8>(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void appendLe(QByteArray &out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// An uncompressed zip archive, as torch.jit.save writes them.
QByteArray storedZip(const std::vector<std::pair<QByteArray, QByteArray>> &members)
{
    QByteArray out;
    QByteArray directory;
    for (const auto &[name, data] : members) {
        const auto offset = static_cast<quint32>(out.size());
        const quint32 crc = crc32(data);
        const auto size = static_cast<quint32>(data.size());
        appendLe(out, 0x04034b50, 4); // local file header
        for (const quint32 field : {20u, 0u, 0u, 0u, 0x21u}) // version, flags, stored, time, date
            appendLe(out, field, 2);
        for (const quint32 field : {crc, size, size})
            appendLe(out, field, 4);
        appendLe(out, static_cast<quint32>(name.size()), 2);
        appendLe(out, 0, 2);
        out += name + data;
        appendLe(directory, 0x02014b50, 4); // central directory entry
        for (const quint32 field : {20u, 20u, 0u, 0u, 0u, 0x21u})
            appendLe(directory, field, 2);
        for (const quint32 field : {crc, size, size})
            appendLe(directory, field, 4);
        for (const quint32 field : {static_cast<quint32>(name.size()), 0u, 0u, 0u, 0u})
            appendLe(directory, field, 2);
        appendLe(directory, 0, 4);
        appendLe(directory, offset, 4);
        directory += name;
    }
    const auto directoryOffset = static_cast<quint32>(out.size());
    out += directory;
    appendLe(out, 0x06054b50, 4); // end of central directory
    appendLe(out, 0, 4);
    appendLe(out, static_cast<quint32>(members.size()), 2);
    appendLe(out, static_cast<quint32>(members.size()), 2);
    appendLe(out, static_cast<quint32>(directory.size()), 4);
    appendLe(out, directoryOffset, 4);
    appendLe(out, 0, 2);
    return out;
}

// One module of the tree: its qualified class and its submodules.
struct ScriptObject
{
    QByteArray type;
    std::vector<QByteArray> names;
    std::vector<ScriptObject> children;
};

// The object in pickle protocol 2: GLOBAL class, NEWOBJ, then BUILD from a dict of submodules.
void pickleObject(QByteArray &out, const ScriptObject &object)
{
    const int dot = object.type.lastIndexOf('.');
    out += 'c' + object.type.left(dot) + '\n' + object.type.mid(dot + 1) + '\n';
    out += ")\x81}("; // EMPTY_TUPLE NEWOBJ EMPTY_DICT MARK
    for (std::size_t i = 0; i < object.children.size(); ++i) {
        out += 'X';
        appendLe(out, static_cast<quint32>(object.names[i].size()), 4);
        out += object.names[i];
        pickleObject(out, object.children[i]);
    }
    out += "ub"; // SETITEMS BUILD
}

// forward's signature (after self) and one-line body.
struct Forward
{
    QByteArray arguments;
    QByteArray returns;
    QByteArray body;
};

QByteArray moduleClass(const QByteArray &name, const QByteArray &attributes, const std::optional<Forward> &forward)
{
    QByteArray text = "class " + name + "(Module):\n  __parameters__ = []\n  __buffers__ = []\n" + attributes;
    if (forward)
        text += "  def forward(self: __torch__." + name + ", " + forward->arguments + ") -> " + forward->returns
            + ":\n    " + forward->body + "\n";
    return text;
}

// A parameter-free model `__torch__.Model` with optional ModuleLists and an optional forward.
class ScriptModelWriter
{
public:
    // Adds a submodule `name` of class `listClass` (a ModuleList unless told otherwise)
    // holding one module per forward.
    void addList(const QByteArray &name, const std::vector<Forward> &forwards,
                 const QByteArray &listClass = "ModuleList")
    {
        const QByteArray file = name + "_list";
        QByteArray listSource = "class " + listClass + "(Module):\n  __parameters__ = []\n  __buffers__ = []\n"
                                "  __annotations__ = []\n";
        ScriptObject list{"__torch__." + file + "." + listClass, {}, {}};
        for (std::size_t i = 0; i < forwards.size(); ++i) {
            const QByteArray item = name + QByteArray::number(static_cast<qulonglong>(i));
            m_classes += moduleClass(item, "", forwards[i]);
            listSource += "  __annotations__[\"" + QByteArray::number(static_cast<qulonglong>(i)) + "\"] = __torch__."
                + item + "\n";
            list.names.push_back(QByteArray::number(static_cast<qulonglong>(i)));
            list.children.push_back({"__torch__." + item, {}, {}});
        }
        m_files.emplace_back("archive/code/__torch__/" + file + ".py", listSource);
        m_attributes += "  " + name + " : __torch__." + file + "." + listClass + "\n";
        m_root.names.push_back(name);
        m_root.children.push_back(list);
    }
    void setForward(const Forward &forward) { m_forward = forward; }

    QString write(const QTemporaryDir &dir, const QString &fileName) const
    {
        QByteArray data = "\x80\x02"; // PROTO 2
        pickleObject(data, m_root);
        data += '.'; // STOP
        std::vector<std::pair<QByteArray, QByteArray>> members = {
            {"archive/data.pkl", data},
            {"archive/code/__torch__.py", moduleClass("Model", m_attributes, m_forward) + m_classes},
            {"archive/constants.pkl", QByteArray("\x80\x02).", 4)}, // an empty tuple
            {"archive/version", "3\n"},
        };
        members.insert(members.end(), m_files.begin(), m_files.end());
        return writeFile(dir, fileName, storedZip(members));
    }

private:
    ScriptObject m_root{"__torch__.Model", {}, {}};
    QByteArray m_attributes;
    QByteArray m_classes;
    std::optional<Forward> m_forward;
    std::vector<std::pair<QByteArray, QByteArray>> m_files;
};

const Forward identity{"s: Tensor", "Tensor", "return s"};
const Forward firstThree{"s: Tensor", "Tensor", "return s[:, :3]"};

} // namespace

Q_DECLARE_METATYPE(ScriptModelWriter)

class TestModel : public QObject
{
    Q_OBJECT

private slots:
    void mlp4StagedLayout()
    {
        SHARED_DATA(path, "torchscript/mlp4_staged.pt");
        const MultiExitModel model = MultiExitModel::load(str(path));
        QCOMPARE(model.layout(), ModelLayout::Staged);
        QCOMPARE(model.exits(), 4);
        QCOMPARE(model.device(), std::string("cpu"));
        const std::vector<FloatTensor> logits = model.forwardAll(batch({5, 32}));
        QCOMPARE(int(logits.size()), 4);
        for (const FloatTensor &exit : logits) {
            QCOMPARE(exit.shape, (std::vector<std::int64_t>{5, 10}));
            QVERIFY(maxAbs(exit) > 1e-3); // a real output, not zeros
        }
        // Exits see different depths: their logits differ.
        QVERIFY(maxAbsDifference(logits[0], logits[3]) > 1e-3);
    }

    // Stage-by-stage execution is what forwardAll does, bit for bit.
    void stagedExecutionEqualsForwardAll_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<std::vector<std::int64_t>>("shape");
        QTest::newRow("mlp4, List[Tensor] state") << "torchscript/mlp4_staged.pt" << std::vector<std::int64_t>{6, 32};
        QTest::newRow("cnn3, Tensor state") << "torchscript/cnn3_staged_untrained.pt"
                                            << std::vector<std::int64_t>{2, 3, 32, 32};
    }
    void stagedExecutionEqualsForwardAll()
    {
        QFETCH(QString, file);
        QFETCH(std::vector<std::int64_t>, shape);
        SHARED_DATA(path, file);
        const MultiExitModel model = MultiExitModel::load(str(path));
        const FloatTensor x = batch(shape);
        const std::vector<FloatTensor> all = model.forwardAll(x);
        QCOMPARE(int(all.size()), model.exits());
        MultiExitModel::State state = model.inputState(x);
        QCOMPARE(state.stage(), -1);
        QCOMPARE(state.samples(), shape[0]);
        for (int k = 0; k < model.exits(); ++k) {
            state = model.runStage(k, state);
            QCOMPARE(state.stage(), k);
            const FloatTensor logits = model.runExit(k, state);
            QCOMPARE(logits.shape, all[static_cast<std::size_t>(k)].shape);
            QVERIFY(logits.values == all[static_cast<std::size_t>(k)].values);
        }
    }

    // The traced tuple model is the same network in the monolithic layout.
    void mlp4MonolithicMatchesStaged()
    {
        SHARED_DATA(stagedPath, "torchscript/mlp4_staged.pt");
        SHARED_DATA(tracedPath, "torchscript/mlp4_traced_tuple.pt");
        const MultiExitModel staged = MultiExitModel::load(str(stagedPath));
        const MultiExitModel traced = MultiExitModel::load(str(tracedPath));
        QCOMPARE(traced.layout(), ModelLayout::Monolithic);
        QCOMPARE(traced.exits(), 4); // from forward's Tuple[Tensor, Tensor, Tensor, Tensor]
        const FloatTensor x = batch({7, 32});
        const std::vector<FloatTensor> a = staged.forwardAll(x);
        const std::vector<FloatTensor> b = traced.forwardAll(x);
        QCOMPARE(b.size(), a.size());
        for (std::size_t k = 0; k < a.size(); ++k)
            QVERIFY2(maxAbsDifference(a[k], b[k]) <= 1e-5, qPrintable(QString("exit %1").arg(k)));
    }

    // Logits computed by Python PyTorch for the same input (torch.save'd beside the model).
    void cnn3ReproducesPythonLogits()
    {
        SHARED_DATA(modelPath, "torchscript/cnn3_staged_untrained.pt");
        SHARED_DATA(referencePath, "torchscript/cnn3_reference_io.pt");
        const auto reference = readTorchTensorDict(str(referencePath));
        QCOMPARE(int(reference.size()), 2);
        const std::vector<FloatTensor> &input = reference.at("input");
        const std::vector<FloatTensor> &expected = reference.at("exit_logits");
        QCOMPARE(int(input.size()), 1);
        QCOMPARE(input[0].shape, (std::vector<std::int64_t>{2, 3, 32, 32}));
        QCOMPARE(int(expected.size()), 3);

        const MultiExitModel model = MultiExitModel::load(str(modelPath));
        QCOMPARE(model.layout(), ModelLayout::Staged);
        QCOMPARE(model.exits(), 3);
        const std::vector<FloatTensor> logits = model.forwardAll(input[0]);
        QCOMPARE(int(logits.size()), 3);
        for (std::size_t k = 0; k < 3; ++k) {
            QCOMPARE(logits[k].shape, (std::vector<std::int64_t>{2, 10}));
            QVERIFY(maxAbs(expected[k]) > 1e-3);
            QVERIFY2(maxAbsDifference(logits[k], expected[k]) <= 1e-5, qPrintable(QString("exit %1").arg(k)));
        }
    }

    void notAModel_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("CSV") << "eenet-format/seconds.csv"
                             << "seconds.csv: not a TorchScript model (expected an archive written by torch.jit.save "
                                "or ScriptModule.save): PytorchStreamReader failed reading zip archive";
        QTest::newRow("torch.save pickle") << "eenet-format/flops.pth"
                                           << "flops.pth: not a TorchScript model: a torch.save file (data, no "
                                              "TorchScript code)";
    }
    void notAModel()
    {
        QFETCH(QString, file);
        QFETCH(QString, fragment);
        SHARED_DATA(path, file);
        EXPECT_INPUT_ERROR(MultiExitModel::load(str(path)), str(fragment));
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const std::string path = str(dir.filePath("absent.pt"));
        EXPECT_INPUT_ERROR(MultiExitModel::load(path), path + ": cannot open file");
    }

    // The model's own complaint, summarized to its last line, with the input's shape.
    void wrongInputShape_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("staged") << "torchscript/mlp4_staged.pt"
                                << "stages[0] failed on the input of shape (3, 7): mat1 and mat2 shapes cannot be "
                                   "multiplied (3x7 and 32x8)";
        QTest::newRow("monolithic") << "torchscript/mlp4_traced_tuple.pt"
                                    << "forward failed on the input of shape (3, 7): mat1 and mat2 shapes cannot be "
                                       "multiplied (3x7 and 32x8)";
    }
    void wrongInputShape()
    {
        QFETCH(QString, file);
        QFETCH(QString, fragment);
        SHARED_DATA(path, file);
        const MultiExitModel model = MultiExitModel::load(str(path));
        EXPECT_INPUT_ERROR(model.forwardAll(batch({3, 7})), str(path) + ": " + str(fragment));
    }

    void inputValuesMustFillShape()
    {
        SHARED_DATA(path, "torchscript/mlp4_staged.pt");
        const MultiExitModel model = MultiExitModel::load(str(path));
        FloatTensor x = batch({2, 32});
        x.values.resize(10);
        EXPECT_INPUT_ERROR(model.forwardAll(x), "input: shape (2, 32) holds 64 values, found 10");
    }

    void devices_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unknown") << "gpu" << "unknown device \"gpu\", expected cpu, cuda or cuda:N";
        QTest::newRow("unsupported") << "meta" << "unsupported device \"meta\", expected cpu, cuda or cuda:N";
    }
    void devices()
    {
        QFETCH(QString, device);
        QFETCH(QString, fragment);
        SHARED_DATA(path, "torchscript/mlp4_staged.pt");
        EXPECT_INPUT_ERROR(MultiExitModel::load(str(path), str(device)), str(fragment));
    }

    void cudaWithoutCuda()
    {
        SHARED_DATA(path, "torchscript/mlp4_staged.pt");
        try {
            const MultiExitModel model = MultiExitModel::load(str(path), "cuda");
        } catch (const InputError &e) {
            QVERIFY2(std::string(e.what()).find("device \"cuda\" requested, but CUDA is not available")
                         != std::string::npos,
                     e.what());
            return;
        }
        QSKIP("this LibTorch has CUDA and a GPU: nothing to refuse");
    }

    // Out-of-order states are a programming error, not bad input.
    void stagedMisuse()
    {
        SHARED_DATA(stagedPath, "torchscript/mlp4_staged.pt");
        SHARED_DATA(tracedPath, "torchscript/mlp4_traced_tuple.pt");
        const MultiExitModel staged = MultiExitModel::load(str(stagedPath));
        const MultiExitModel::State input = staged.inputState(batch({2, 32}));
        QVERIFY_THROWS_EXCEPTION(InternalError, staged.runStage(1, input));
        QVERIFY_THROWS_EXCEPTION(InternalError, staged.runExit(0, input));
        QVERIFY_THROWS_EXCEPTION(InternalError, staged.runStage(0, MultiExitModel::State()));
        const MultiExitModel traced = MultiExitModel::load(str(tracedPath));
        QVERIFY_THROWS_EXCEPTION(InternalError, traced.inputState(batch({2, 32})));
    }

    // Models that break the contract, written by ScriptModelWriter: each refused on load.
    void contractViolations_data()
    {
        QTest::addColumn<ScriptModelWriter>("model");
        QTest::addColumn<QString>("fragment");
        const Forward toList{"s: Tensor", "List[Tensor]", "return [s]"};
        const Forward fromList{"s: List[Tensor]", "Tensor", "return s[0]"};
        ScriptModelWriter w;
        w.addList("stages", {identity, identity, identity});
        w.addList("exits", {firstThree, firstThree});
        QTest::newRow("lengths differ") << w << "`stages` has 3 modules but `exits` has 2, expected equal lengths";
        w = {};
        w.setForward({"x: Tensor", "Tensor", "return x"});
        QTest::newRow("forward returns one tensor")
            << w << "expected `stages` and `exits` ModuleLists of equal length, or forward(x) returning a list/tuple "
                    "of K logit tensors; found forward(Tensor x) -> Tensor";
        w = {};
        QTest::newRow("nothing") << w << "no forward method and no `stages`/`exits`";
        w = {};
        w.setForward({"x: Tensor", "Tuple[Tensor, int]", "return (x, 1)"});
        QTest::newRow("tuple with an int") << w << "forward returns a tuple holding a non-tensor";
        w = {};
        w.addList("stages", {identity});
        w.setForward({"x: Tensor", "List[Tensor]", "return [x]"});
        QTest::newRow("stages, no exits") << w << "has `stages` but no `exits` ModuleList";
        w = {};
        w.addList("stages", {identity}, "Sequential");
        w.addList("exits", {firstThree});
        QTest::newRow("not a ModuleList") << w << "`stages` is a Sequential, expected an nn.ModuleList";
        w = {};
        w.addList("stages", {{"s: int", "Tensor", "return torch.zeros([s])"}});
        w.addList("exits", {firstThree});
        QTest::newRow("stage 0 takes int") << w << "stages[0].forward takes int, expected Tensor or List[Tensor]";
        w = {};
        w.addList("stages", {toList, identity});
        w.addList("exits", {fromList, firstThree});
        QTest::newRow("states do not chain")
            << w << "stages[1].forward takes Tensor but stages[0] returns List[Tensor]";
        w = {};
        w.addList("stages", {identity});
        w.addList("exits", {fromList});
        QTest::newRow("exit takes another state")
            << w << "exits[0].forward must take the state Tensor that stages[0] returns, found "
                    "forward(List[Tensor] s) -> Tensor";
        w = {};
        w.addList("stages", {identity});
        w.addList("exits", {toList});
        QTest::newRow("exit returns a list")
            << w << "exits[0].forward must return a Tensor (logits N x C), found forward(Tensor s) -> List[Tensor]";
    }
    void contractViolations()
    {
        QFETCH(ScriptModelWriter, model);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString path = model.write(dir, "model.pt");
        EXPECT_INPUT_ERROR(MultiExitModel::load(str(path)), str(path) + ": " + str(fragment));
    }

    // The writer's models run: the error cases above fail for the reason they name.
    void handwrittenStagedModelRuns()
    {
        ScriptModelWriter w;
        w.addList("stages", {identity, {"s: Tensor", "Tensor", "return s * 2.0"}});
        w.addList("exits", {firstThree, firstThree});
        QTemporaryDir dir;
        const MultiExitModel model = MultiExitModel::load(str(w.write(dir, "model.pt")));
        QCOMPARE(model.layout(), ModelLayout::Staged);
        QCOMPARE(model.exits(), 2);
        const FloatTensor x = batch({2, 5});
        const std::vector<FloatTensor> logits = model.forwardAll(x);
        QCOMPARE(int(logits.size()), 2);
        for (std::size_t i = 0; i < 2; ++i) {
            for (std::size_t c = 0; c < 3; ++c) {
                QCOMPARE(logits[0].values[i * 3 + c], x.values[i * 5 + c]);
                QCOMPARE(logits[1].values[i * 3 + c], 2 * x.values[i * 5 + c]);
            }
        }
    }

    void exitLogitsMustBeBatchByClasses()
    {
        ScriptModelWriter w;
        w.addList("stages", {identity});
        w.addList("exits", {{"s: Tensor", "Tensor", "return s.sum(1)"}});
        QTemporaryDir dir;
        const QString path = w.write(dir, "model.pt");
        const MultiExitModel model = MultiExitModel::load(str(path));
        EXPECT_INPUT_ERROR(model.forwardAll(batch({2, 5})),
                           str(path) + ": exits[0] returned logits of shape (2,), expected (2, C)");
    }

    // forward -> List[Tensor]: K is learned from the first forward, and must not change.
    void monolithicListLearnsExitCount()
    {
        ScriptModelWriter w;
        w.setForward({"x: Tensor", "List[Tensor]", "return x.split(2, 1)"});
        QTemporaryDir dir;
        const QString path = w.write(dir, "model.pt");
        const MultiExitModel model = MultiExitModel::load(str(path));
        QCOMPARE(model.layout(), ModelLayout::Monolithic);
        QCOMPARE(model.exits(), 0);
        const FloatTensor x = batch({3, 4});
        const std::vector<FloatTensor> logits = model.forwardAll(x);
        QCOMPARE(model.exits(), 2);
        QCOMPARE(int(logits.size()), 2);
        QCOMPARE(logits[1].shape, (std::vector<std::int64_t>{3, 2}));
        QCOMPARE(logits[1].values[0], x.values[2]);
        QCOMPARE(logits[1].values[5], x.values[11]);
        EXPECT_INPUT_ERROR(model.forwardAll(batch({3, 6})),
                           str(path) + ": forward returned 3 logit tensors, earlier 2");
    }

    // Shrinking batches keep the rows of the samples that stay, in every state tensor; a
    // state without the batch first is refused (it cannot be cut by sample).
    // A job's thread count holds on its own thread while another job on another thread
    // sets a different one, and each thread gets its count back after the job.
    void inferenceThreadsPerThread()
    {
        std::promise<void> aSet, bSet;
        std::shared_future<void> aReady = aSet.get_future().share(), bReady = bSet.get_future().share();
        int aBefore = 0, aDuring = 0, aAfter = 0, bBefore = 0, bDuring = 0, bAfter = 0;
        std::thread a([&]() {
            aBefore = TorchThreads::current();
            {
                const TorchThreads threads(1);
                aSet.set_value();
                bReady.wait(); // B has set 3 by now
                aDuring = TorchThreads::current();
            }
            aAfter = TorchThreads::current();
        });
        std::thread b([&]() {
            bBefore = TorchThreads::current();
            aReady.wait(); // A has set 1 by now
            {
                const TorchThreads threads(3);
                bSet.set_value();
                bDuring = TorchThreads::current();
            }
            bAfter = TorchThreads::current();
        });
        a.join();
        b.join();
        QCOMPARE(aDuring, 1);
        QCOMPARE(bDuring, 3);
        QCOMPARE(aAfter, aBefore);
        QCOMPARE(bAfter, bBefore);
        // 0 leaves the count alone.
        const int before = TorchThreads::current();
        {
            const TorchThreads unchanged(0);
            QCOMPARE(TorchThreads::current(), before);
        }
    }

    void selectSamplesKeepsRows()
    {
        SHARED_DATA(path, "torchscript/mlp4_staged.pt"); // List[Tensor] states
        const MultiExitModel model = MultiExitModel::load(str(path));
        const FloatTensor x = batch({5, 32});
        const MultiExitModel::State state = model.runStage(0, model.inputState(x));
        const MultiExitModel::State kept = model.selectSamples(state, {1, 4});
        QCOMPARE(kept.samples(), std::int64_t(2));
        const FloatTensor all = model.runExit(0, state);
        const FloatTensor some = model.runExit(0, kept);
        QCOMPARE(some.shape, (std::vector<std::int64_t>{2, 10}));
        for (std::size_t c = 0; c < 10; ++c) {
            QVERIFY(std::abs(some.values[c] - all.values[10 + c]) < 1e-6);
            QVERIFY(std::abs(some.values[10 + c] - all.values[40 + c]) < 1e-6);
        }

        ScriptModelWriter w;
        w.addList("stages", {{"s: Tensor", "Tensor", "return s.t()"}});
        w.addList("exits", {{"s: Tensor", "Tensor", "return s.t()"}});
        QTemporaryDir dir;
        const QString transposing = w.write(dir, "model.pt");
        const MultiExitModel t = MultiExitModel::load(str(transposing));
        const MultiExitModel::State batchLast = t.runStage(0, t.inputState(batch({4, 3})));
        EXPECT_INPUT_ERROR(t.selectSamples(batchLast, {0, 2}),
                           str(transposing) + ": the state after stages[0] has a tensor of shape (3, 4) whose first dimension is not the batch (4)");
    }

    void tensorDictRefusesOtherPickles()
    {
        SHARED_DATA(path, "eenet-format/flops.pth");
        EXPECT_INPUT_ERROR(readTorchTensorDict(str(path)), "flops.pth: expected a dict of tensors, found ");
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"

#include "core/io/npzarchive.h"
#include "testsupport.h"
#include "core/data/trace.h"
#include "core/io/tracefile.h"

#include <QFile>

#include <cmath>
#include <limits>

using namespace exitscope;
using namespace exitscope::test;

namespace {

TraceContents probabilityContents(int K, std::int64_t N, int C)
{
    TraceContents c;
    c.exits = K;
    c.samples = N;
    c.classes = C;
    c.probabilities.resize(static_cast<std::size_t>(K) * N * C);
    for (std::size_t row = 0; row < static_cast<std::size_t>(K) * N; ++row) {
        float sum = 0;
        for (int cls = 0; cls < C; ++cls) {
            const float v = 1.0f + static_cast<float>((row * 7 + cls * 13) % 17);
            c.probabilities[row * C + cls] = v;
            sum += v;
        }
        for (int cls = 0; cls < C; ++cls)
            c.probabilities[row * C + cls] /= sum;
    }
    for (std::int64_t j = 0; j < N; ++j)
        c.labels.push_back(static_cast<std::int32_t>((j * 3) % C));
    return c;
}

TraceContents scoreContents(int K, std::int64_t N)
{
    TraceContents c;
    c.exits = K;
    c.samples = N;
    for (std::int64_t i = 0; i < K * N; ++i) {
        c.givenScores.push_back(std::sin(static_cast<double>(i)) * 1e-3 + 0.1 * static_cast<double>(i % 7));
        c.correct.push_back(static_cast<std::uint8_t>((i * 5) % 3 != 0));
    }
    c.givenDirection = Direction::LowerIsConfident;
    return c;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class TestTraceFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsExactly_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("probabilities + labels") << 0;
        QTest::newRow("scores + correctness") << 1;
        QTest::newRow("predictions + labels + scores") << 2;
        QTest::newRow("top-3 + labels") << 3;
    }
    void roundTripsExactly()
    {
        QFETCH(int, kind);
        TraceContents c = kind == 0 ? probabilityContents(3, 40, 7)
            : kind == 3             ? keepTopk(probabilityContents(3, 40, 7), 3)
                                    : scoreContents(4, 33);
        if (kind == 2) {
            c.correct.clear();
            for (std::int64_t i = 0; i < 4 * 33; ++i)
                c.predictions.push_back(static_cast<std::int32_t>(i % 5));
            for (std::int64_t j = 0; j < 33; ++j)
                c.labels.push_back(static_cast<std::int32_t>(j % 5));
            c.classes = 5;
        }
        const Trace original = Trace::build(c, "memory");
        QTemporaryDir dir;
        const QString path = dir.filePath("t.npz");
        writeTraceFile(original, str(path));
        const Trace back = readTraceFile(str(path));
        const TraceContents &a = original.contents(), &b = back.contents();
        QCOMPARE(b.exits, a.exits);
        QCOMPARE(b.samples, a.samples);
        QCOMPARE(b.classes, a.classes);
        QVERIFY(b.probabilities == a.probabilities);
        QCOMPARE(b.topk, a.topk);
        QCOMPARE(back.topk(), kind == 3 ? 3 : 0);
        QVERIFY(b.topkIndices == a.topkIndices);
        QVERIFY(b.topkProbabilities == a.topkProbabilities);
        QVERIFY(b.predictions == a.predictions);
        QVERIFY(b.labels == a.labels);
        QVERIFY(b.correct == a.correct);
        QVERIFY(b.givenScores == a.givenScores); // bit-exact doubles
        QCOMPARE(b.givenDirection, a.givenDirection);
        for (Measure m : original.measures())
            for (int k = 0; k < original.exits(); ++k)
                QVERIFY(std::equal(original.scores(m, k), original.scores(m, k) + original.samples(), back.scores(m, k)));

        // The same arrays give the same bytes: content hashes are reproducible.
        const QString again = dir.filePath("again.npz");
        writeTraceFile(back, str(again));
        QCOMPARE(fileBytes(again), fileBytes(path));
    }

    void derivesScoresFromProbabilities()
    {
        TraceContents c;
        c.exits = 2;
        c.samples = 1;
        c.classes = 4;
        c.probabilities = {0.1f, 0.6f, 0.2f, 0.1f, 0.25f, 0.25f, 0.25f, 0.25f};
        c.labels = {1};
        const Trace t = Trace::build(c, "memory");
        QCOMPARE(t.predictions(0)[0], 1);
        QCOMPARE(t.predictions(1)[0], 0); // ties go to the lowest class, as numpy.argmax
        QCOMPARE(t.correct(0)[0], std::uint8_t(1));
        QCOMPARE(t.correct(1)[0], std::uint8_t(0));
        QVERIFY(std::abs(t.scores(Measure::MaxProb, 0)[0] - 0.6) < 1e-6);
        QVERIFY(std::abs(t.scores(Measure::Margin, 0)[0] - 0.4) < 1e-6);
        QVERIFY(std::abs(t.scores(Measure::Entropy, 1)[0] - 1.0) < 1e-6); // uniform = 1 after / log C
        const double h = -(0.1 * std::log(0.1) * 2 + 0.6 * std::log(0.6) + 0.2 * std::log(0.2)) / std::log(4.0);
        QVERIFY(std::abs(t.scores(Measure::Entropy, 0)[0] - h) < 1e-6);
        QCOMPARE(t.agreesWithFinal(0)[0], std::uint8_t(0));
        QVERIFY(t.agreementIsExact());
        QVERIFY(!t.hasMeasure(Measure::Given));
    }

    // Top-k keeps max-prob, margin and predictions exact (so correctness, agreement and
    // patience too); entropy is an upper bound, exact when k = C.
    void topkScoresMatchFullTrace_data()
    {
        QTest::addColumn<int>("k");
        QTest::newRow("k = 1") << 1;
        QTest::newRow("k = 2") << 2;
        QTest::newRow("k = 4") << 4;
        QTest::newRow("k = C") << 7;
    }
    void topkScoresMatchFullTrace()
    {
        QFETCH(int, k);
        const TraceContents fullContents = probabilityContents(3, 50, 7);
        const Trace full = Trace::build(fullContents, "full");
        const Trace top = Trace::build(keepTopk(fullContents, k), "top-k");
        QCOMPARE(top.topk(), k);
        QVERIFY(!top.hasProbabilities());
        QCOMPARE(top.classes(), 7);
        QCOMPARE(top.hasMeasure(Measure::Margin), k >= 2);
        const std::int64_t N = full.samples();
        bool entropyAbove = false;
        for (int e = 0; e < full.exits(); ++e) {
            QVERIFY(std::equal(full.predictions(e), full.predictions(e) + N, top.predictions(e)));
            QVERIFY(std::equal(full.correct(e), full.correct(e) + N, top.correct(e)));
            QVERIFY(std::equal(full.agreesWithFinal(e), full.agreesWithFinal(e) + N, top.agreesWithFinal(e)));
            for (Measure m : {Measure::MaxProb, Measure::Patience, Measure::Margin})
                if (top.hasMeasure(m))
                    QVERIFY(std::equal(full.scores(m, e), full.scores(m, e) + N, top.scores(m, e)));
            for (std::int64_t j = 0; j < N; ++j) {
                const double exact = full.scores(Measure::Entropy, e)[j], bound = top.scores(Measure::Entropy, e)[j];
                if (k == 7)
                    QVERIFY2(std::abs(bound - exact) < 1e-12, qPrintable(QString::number(bound - exact)));
                else
                    QVERIFY2(bound >= exact - 1e-12, qPrintable(QString::number(bound - exact)));
                entropyAbove = entropyAbove || bound > exact + 1e-6;
            }
        }
        QCOMPARE(entropyAbove, k < 7); // the classes left out are far from uniform
    }

    // Exact when the classes left out share the rest evenly: the example of
    // derivesScoresFromProbabilities with its top 2 (0.6, 0.2; 0.1 and 0.1 left out).
    void derivesScoresFromTopk()
    {
        TraceContents c;
        c.exits = 1;
        c.samples = 1;
        c.classes = 4;
        c.topk = 2;
        c.topkIndices = {1, 2};
        c.topkProbabilities = {0.6f, 0.2f};
        c.labels = {1};
        const Trace t = Trace::build(c, "memory");
        QCOMPARE(t.predictions(0)[0], 1);
        QCOMPARE(t.correct(0)[0], std::uint8_t(1));
        QCOMPARE(t.scores(Measure::MaxProb, 0)[0], static_cast<double>(0.6f));
        QCOMPARE(t.scores(Measure::Margin, 0)[0], static_cast<double>(0.6f - 0.2f));
        const double h = -(0.1 * std::log(0.1) * 2 + 0.6 * std::log(0.6) + 0.2 * std::log(0.2)) / std::log(4.0);
        QVERIFY(std::abs(t.scores(Measure::Entropy, 0)[0] - h) < 1e-6);
    }

    void rejectsBadTopk_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("message");
        QTest::newRow("index out of range") << 0 << "exit_topk_indices at exit 1, sample 2, entry 1 is 7, expected a class index in [0, 7)";
        QTest::newRow("negative index") << 1 << "exit_topk_indices at exit 0, sample 0, entry 0 is -1";
        QTest::newRow("repeated class") << 2 << "exit_topk_indices at exit 0, sample 3 names class";
        QTest::newRow("NaN") << 3 << "exit_topk_probs at exit 1, sample 0, entry 2 is nan";
        QTest::newRow("above 1") << 4 << "exit_topk_probs at exit 0, sample 1, entry 0 is 1.5";
        QTest::newRow("increasing") << 5 << "exit_topk_probs at exit 0, sample 4, entry 1 is 0.9, above entry 0";
        QTest::newRow("sum above 1") << 6 << "exit_topk_probs at exit 0, sample 5 sum to 1.2";
        QTest::newRow("k above C") << 7 << "exit_topk_probs has k = 3, expected 1 <= k <= C = 2";
        QTest::newRow("no class count") << 8 << "exit_topk_probs needs the class count C";
        QTest::newRow("wrong size") << 9 << "exit_topk_indices has 35 values, expected K x N = 2 x 6 x 3 = 36";
        QTest::newRow("with exit_probs") << 10 << "found both exit_probs and exit_topk_probs";
        QTest::newRow("with predictions") << 11 << "found both exit_topk_probs and exit_predictions";
        QTest::newRow("k = 0 with arrays") << 12 << "exit_topk_probs has k = 0";
    }
    void rejectsBadTopk()
    {
        QFETCH(int, defect);
        QFETCH(QString, message);
        TraceContents c = keepTopk(probabilityContents(2, 6, 7), 3);
        const auto at = [](int exit, int sample, int entry) { return (exit * 6 + sample) * 3 + entry; };
        switch (defect) {
        case 0: c.topkIndices[at(1, 2, 1)] = 7; break;
        case 1: c.topkIndices[0] = -1; break;
        case 2: c.topkIndices[at(0, 3, 2)] = c.topkIndices[at(0, 3, 0)]; break;
        case 3: c.topkProbabilities[at(1, 0, 2)] = std::numeric_limits<float>::quiet_NaN(); break;
        case 4: c.topkProbabilities[at(0, 1, 0)] = 1.5f; break;
        case 5: c.topkProbabilities[at(0, 4, 1)] = 0.9f; break;
        case 6: std::fill_n(c.topkProbabilities.begin() + at(0, 5, 0), 3, 0.4f); break;
        case 7: c.classes = 2; break;
        case 8: c.classes = 0; break;
        case 9: c.topkIndices.pop_back(); break;
        case 10: c.probabilities = probabilityContents(2, 6, 7).probabilities; break;
        case 11: c.predictions.assign(12, 0); break;
        case 12: c.topk = 0; break;
        }
        EXPECT_INPUT_ERROR(Trace::build(c, "t.npz"), "t.npz: " + str(message));
    }

    void rejectsBadContents_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("message");
        QTest::newRow("NaN probability") << 0 << "exit_probs at exit 1, sample 2, class 3 is nan";
        QTest::newRow("not summing to 1") << 1 << "exit_probs at exit 0, sample 0 sum to";
        QTest::newRow("label out of range") << 2 << "labels at sample 4 is 9, expected a class index in [0, 5)";
        QTest::newRow("negative label") << 3 << "labels at sample 0 is -1";
        QTest::newRow("infinite score") << 4 << "exit_scores at exit 0, sample 1 is inf";
        QTest::newRow("wrong size") << 5 << "labels has 3 values, expected N = 6";
        QTest::newRow("no scores") << 6 << "the trace has no confidence scores";
        QTest::newRow("correctness not 0/1") << 7 << "exit_correct at exit 1, sample 0 is 2";
        QTest::newRow("labels and correctness") << 8 << "give labels or exit_correct, not both";
    }
    void rejectsBadContents()
    {
        QFETCH(int, defect);
        QFETCH(QString, message);
        TraceContents c = defect == 4 || defect == 7 ? scoreContents(2, 6) : probabilityContents(2, 6, 5);
        switch (defect) {
        case 0: c.probabilities[(1 * 6 + 2) * 5 + 3] = std::numeric_limits<float>::quiet_NaN(); break;
        case 1: c.probabilities[0] += 0.5f; break;
        case 2: c.labels[4] = 9; break;
        case 3: c.labels[0] = -1; break;
        case 4: c.givenScores[1] = std::numeric_limits<double>::infinity(); break;
        case 5: c.labels.resize(3); break;
        case 6: c.probabilities.clear(); c.labels.clear(); break;
        case 7: c.correct[6] = 2; break;
        case 8: c.correct.assign(12, 1); break;
        }
        EXPECT_INPUT_ERROR(Trace::build(c, "t.npz"), "t.npz: " + str(message));
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << 0 << "cannot open file";
        QTest::newRow("empty") << 1 << "empty file";
        QTest::newRow("not a zip") << 2 << "not a readable .npz";
        QTest::newRow("truncated") << 3 << "not a readable .npz";
        QTest::newRow("K disagrees") << 4 << "[labels]: N = 5 disagrees with N = 6";
        QTest::newRow("wrong rank") << 5 << "[exit_scores]: expected shape (K, N), found (12,)";
        QTest::newRow("no direction") << 6 << "exit_scores needs scores_lower_is_confident";
        QTest::newRow("no arrays") << 7 << "not an Exitscope trace";
        QTest::newRow("float labels") << 8 << "[labels]: expected an integer array";
        QTest::newRow("newer version") << 9 << "newer than this Exitscope reads";
        QTest::newRow("top-k wrong rank") << 10 << "bad.npz[exit_topk_probs]: expected shape (K, N, k), found (2, 18)";
        QTest::newRow("top-k k disagrees") << 11 << "bad.npz[exit_topk_probs]: k = 2 disagrees with k = 3";
        QTest::newRow("top-k probabilities alone") << 12 << "bad.npz: exit_topk_indices is missing";
        QTest::newRow("top-k without num_classes") << 13 << "bad.npz: exit_topk_probs needs num_classes";
        QTest::newRow("top-k index out of range") << 14 << "bad.npz: exit_topk_indices at exit 0, sample 0, entry 0 is 9, expected a class index in [0, 5)";
        QTest::newRow("top-k NaN") << 15 << "bad.npz: exit_topk_probs at exit 0, sample 0, entry 0 is nan";
        QTest::newRow("top-k increasing") << 16 << "bad.npz: exit_topk_probs at exit 0, sample 0, entry 1 is 0.35, above entry 0 (0.3)";
        QTest::newRow("top-k float indices") << 17 << "bad.npz[exit_topk_indices]: expected an integer array";
    }
    void rejectsBadFiles()
    {
        QFETCH(int, defect);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.npz");
        const std::vector<double> scores(12, 0.5);
        const std::vector<std::int32_t> labels(5, 1);
        const std::vector<float> floatLabels(6, 1.0f);
        const bool lower = true;
        const std::int64_t version = 99, classes = 5;
        std::vector<std::int32_t> topkIndices(2 * 6 * 3);
        std::vector<float> topkProbabilities(2 * 6 * 3);
        for (std::size_t i = 0; i < topkIndices.size(); ++i) {
            topkIndices[i] = static_cast<std::int32_t>(i % 3);
            topkProbabilities[i] = 0.3f - 0.1f * static_cast<float>(i % 3);
        }
        const std::vector<float> floatIndices(topkIndices.begin(), topkIndices.end());
        NpzWriter npz;
        const auto addTopk = [&](const std::vector<std::int64_t> &probabilityShape, bool withClasses) {
            npz.add("exit_topk_indices", NpyType::Int32, {2, 6, 3}, topkIndices.data());
            npz.add("exit_topk_probs", NpyType::Float32, probabilityShape, topkProbabilities.data());
            if (withClasses)
                npz.add("num_classes", NpyType::Int64, {}, &classes);
        };
        switch (defect) {
        case 1: QFile(path).open(QIODevice::WriteOnly); break;
        case 2: { QFile f(path); f.open(QIODevice::WriteOnly); f.write("this is not an archive at all"); break; }
        case 3: {
            writeTraceFile(Trace::build(probabilityContents(3, 50, 4), "memory"), str(path));
            QFile f(path);
            f.open(QIODevice::ReadWrite);
            f.resize(f.size() / 2);
            break;
        }
        case 4: npz.add("exit_scores", NpyType::Float64, {2, 6}, scores.data());
                npz.add("scores_lower_is_confident", NpyType::Bool, {}, &lower);
                npz.add("labels", NpyType::Int32, {5}, labels.data()); break;
        case 5: npz.add("exit_scores", NpyType::Float64, {12}, scores.data()); break;
        case 6: npz.add("exit_scores", NpyType::Float64, {2, 6}, scores.data()); break;
        case 7: npz.add("something_else", NpyType::Float64, {12}, scores.data()); break;
        case 8: npz.add("exit_scores", NpyType::Float64, {2, 6}, scores.data());
                npz.add("scores_lower_is_confident", NpyType::Bool, {}, &lower);
                npz.add("labels", NpyType::Float32, {6}, floatLabels.data()); break;
        case 9: npz.add("exitscope_trace_version", NpyType::Int64, {}, &version);
                npz.add("exit_scores", NpyType::Float64, {2, 6}, scores.data()); break;
        case 10: addTopk({2, 18}, true); break;
        case 11: addTopk({2, 6, 2}, true); break;
        case 12: npz.add("exit_topk_probs", NpyType::Float32, {2, 6, 3}, topkProbabilities.data()); break;
        case 13: addTopk({2, 6, 3}, false); break;
        case 14: topkIndices[0] = 9; addTopk({2, 6, 3}, true); break;
        case 15: topkProbabilities[0] = std::numeric_limits<float>::quiet_NaN(); addTopk({2, 6, 3}, true); break;
        case 16: topkProbabilities[1] = 0.35f; addTopk({2, 6, 3}, true); break;
        case 17: npz.add("exit_topk_indices", NpyType::Float32, {2, 6, 3}, floatIndices.data());
                 npz.add("exit_topk_probs", NpyType::Float32, {2, 6, 3}, topkProbabilities.data());
                 npz.add("num_classes", NpyType::Int64, {}, &classes); break;
        }
        if (defect >= 4)
            npz.commit(str(path));
        EXPECT_INPUT_ERROR(readTraceFile(str(path)), str(message));
    }

    void failedWriteLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("no/such/folder/t.npz");
        EXPECT_INPUT_ERROR(writeTraceFile(Trace::build(scoreContents(2, 3), "memory"), str(path)), "cannot write archive");
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTraceFile)
#include "tst_tracefile.moc"

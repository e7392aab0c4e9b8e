#include "npzarchive.h"
#include "testsupport.h"
#include "trace.h"
#include "tracefile.h"

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
    }
    void roundTripsExactly()
    {
        QFETCH(int, kind);
        TraceContents c = kind == 0 ? probabilityContents(3, 40, 7) : scoreContents(4, 33);
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
        const std::int64_t version = 99;
        NpzWriter npz;
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

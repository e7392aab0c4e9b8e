#include "core/common/random.h"
#include "core/data/synth.h"
#include "core/eval/evaluation.h"
#include "testsupport.h"
#include "core/io/tracefile.h"

#include <cmath>

using namespace exitscope;
using namespace exitscope::test;

namespace {

double meanWhere(const Trace &t, int exit, bool correct)
{
    double sum = 0;
    int count = 0;
    for (std::int64_t j = 0; j < t.samples(); ++j) {
        if (static_cast<bool>(t.correct(exit)[j]) == correct) {
            sum += t.scores(Measure::MaxProb, exit)[j];
            ++count;
        }
    }
    return sum / count;
}

} // namespace

class TestSynth : public QObject
{
    Q_OBJECT

private slots:
    // The one RNG is SplitMix64 bit for bit: the reference sequence for seed 1234567
    // (Vigna's splitmix64.c, also on Rosetta Code).
    void randomIsSplitMix64()
    {
        Random random(1234567);
        for (std::uint64_t expected : {6457827717110365317ull, 3203168211198807973ull, 9817491932198370423ull,
                                       4593380528125082431ull, 16408922859458223821ull})
            QCOMPARE(random.next(), expected);
        QCOMPARE(Random::derivedSeed(1234567), 6457827717110365317ull);
        Random bounded(9);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(bounded.below(7) < 7);
        Random uniform(3);
        double sum = 0, squares = 0;
        for (int i = 0; i < 20000; ++i) {
            const double u = uniform.uniform();
            QVERIFY(u >= 0 && u < 1);
            const double z = uniform.normal();
            sum += z;
            squares += z * z;
        }
        QVERIFY(std::abs(sum / 20000) < 0.05);
        QVERIFY(std::abs(squares / 20000 - 1) < 0.05);
    }

    void sameSeedSameTrace()
    {
        const Trace a = synthesize({4, 500, 12, 7});
        const Trace b = synthesize({4, 500, 12, 7});
        const Trace c = synthesize({4, 500, 12, 8});
        QVERIFY(a.contents().probabilities == b.contents().probabilities);
        QVERIFY(a.contents().labels == b.contents().labels);
        QVERIFY(a.contents().probabilities != c.contents().probabilities);
    }

    void behavesLikeAMultiExitModel_data()
    {
        QTest::addColumn<int>("exits");
        QTest::addColumn<int>("classes");
        QTest::newRow("K=5, C=10") << 5 << 10;
        QTest::newRow("K=5, C=100") << 5 << 100;
        QTest::newRow("K=3, C=1000") << 3 << 1000;
    }
    void behavesLikeAMultiExitModel()
    {
        QFETCH(int, exits);
        QFETCH(int, classes);
        const Trace t = synthesize({exits, 4000, classes, 1});
        QVERIFY(t.hasLabels());
        for (int k = 1; k < exits; ++k)
            QVERIFY2(t.exitAccuracy(k) > t.exitAccuracy(k - 1) + 0.02,
                     qPrintable(QStringLiteral("exit %1 accuracy %2 vs %3").arg(k).arg(t.exitAccuracy(k)).arg(t.exitAccuracy(k - 1))));
        QVERIFY(t.exitAccuracy(0) > 0.25 && t.exitAccuracy(exits - 1) < 0.97);
        for (int k = 0; k < exits; ++k)
            QVERIFY(meanWhere(t, k, true) > meanWhere(t, k, false) + 0.1); // confidence tracks correctness
        // Confident early exits are right more often than the exit overall.
        const ThresholdPolicy confident{Measure::MaxProb, Direction::HigherIsConfident, std::vector<double>(exits - 1, 0.9)};
        const Evaluation e = evaluate(t, confident, std::vector<double>(exits, 1.0));
        QVERIFY(e.exits[0].accuracy > t.exitAccuracy(0) + 0.1);
    }

    void refusesBadOptions()
    {
        EXPECT_INPUT_ERROR(synthesize({0, 10, 10, 1}), "exits: expected 1..255 exits, found 0");
        EXPECT_INPUT_ERROR(synthesize({3, 0, 10, 1}), "samples: expected at least one sample");
        EXPECT_INPUT_ERROR(synthesize({3, 10, 1, 1}), "classes: expected at least two classes");
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"

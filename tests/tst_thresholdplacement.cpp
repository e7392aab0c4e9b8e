// placeBetweenScores: thresholds moved off the observed scores keep every val exit, sit in
// the middle of the gap, and survive last-bit differences in the scores that on-score
// thresholds do not.

#include "core/data/synth.h"
#include "core/eval/thresholdplacement.h"
#include "testsupport.h"

#include <algorithm>
#include <cmath>
#include <random>

using namespace exitscope;
using namespace exitscope::test;

namespace {

// A trace of given scores: rounded to a grid (ties), one direction or the other.
Trace givenTrace(int exits, int samples, Direction direction, unsigned seed, double grid = 1000)
{
    std::mt19937 random(seed);
    TraceContents c;
    c.exits = exits;
    c.samples = samples;
    for (int i = 0; i < exits * samples; ++i) {
        c.givenScores.push_back(std::round(std::uniform_real_distribution<double>(0, 1)(random) * grid) / grid);
        c.correct.push_back(static_cast<std::uint8_t>(random() % 3 != 0));
    }
    c.givenDirection = direction;
    return Trace::build(c, "given");
}

// The same trace with every score moved by 0 to 4 ulps either way, as a score computed by
// other code (NumPy's entropy, say) may be.
Trace jittered(const Trace &trace, unsigned seed)
{
    std::mt19937 random(seed);
    TraceContents c = trace.contents();
    for (double &s : c.givenScores)
        for (int step = static_cast<int>(random() % 9) - 4; step != 0; step += step > 0 ? -1 : 1)
            s = std::nextafter(s, step > 0 ? HUGE_VAL : -HUGE_VAL);
    return Trace::build(c, "jittered");
}

// Thresholds of every kind at each exit: on an observed score (the k-th), above every score
// (nobody leaves), on the least confident (everybody leaves).
ThresholdPolicy onScorePolicy(const Trace &trace, Measure measure, int kind)
{
    ThresholdPolicy policy{measure, trace.direction(measure), {}, nullptr};
    const bool higher = policy.direction == Direction::HigherIsConfident;
    for (int k = 0; k + 1 < trace.exits(); ++k) {
        std::vector<double> s(trace.scores(measure, k), trace.scores(measure, k) + trace.samples());
        std::sort(s.begin(), s.end(), [higher](double a, double b) { return higher ? a > b : a < b; }); // most confident first
        const int variant = (kind + k) % 4;
        double t = s[s.size() / 3];
        if (variant == 1)
            t = std::nextafter(s.front(), higher ? HUGE_VAL : -HUGE_VAL); // nobody leaves
        else if (variant == 2)
            t = s.back(); // everybody leaves
        else if (variant == 3)
            t = s[s.size() * 2 / 3];
        policy.thresholds.push_back(t);
    }
    return policy;
}

} // namespace

class TestThresholdPlacement : public QObject
{
    Q_OBJECT

private slots:
    void keepsEveryValExit_data()
    {
        QTest::addColumn<int>("measure");
        QTest::addColumn<int>("kind");
        for (int kind = 0; kind < 4; ++kind)
            for (Measure m : {Measure::MaxProb, Measure::Entropy, Measure::Margin, Measure::Patience})
                QTest::addRow("%s, thresholds %d", measureName(m).data(), kind) << int(m) << kind;
    }
    void keepsEveryValExit()
    {
        QFETCH(int, measure);
        QFETCH(int, kind);
        const Trace trace = synthesize({5, 3000, 10, 7});
        const ThresholdPolicy onScore = onScorePolicy(trace, static_cast<Measure>(measure), kind);
        const ThresholdPolicy placed = placeBetweenScores(trace, onScore);
        const std::vector<double> costs{1, 2, 3, 4, 5};
        QCOMPARE(evaluate(trace, placed, costs).exitOf, evaluate(trace, onScore, costs).exitOf);
        // Off every observed score (the synthetic scores leave gaps with doubles inside).
        for (int k = 0; k + 1 < trace.exits(); ++k) {
            const double *s = trace.scores(placed.measure, k);
            QVERIFY(std::none_of(s, s + trace.samples(), [&](double v) { return v == placed.thresholds[k]; }));
        }
    }

    // In the middle of the gap between the nearest score that leaves and the nearest that
    // stays; beyond the extreme by half the gap to the next score when one side is empty.
    void middleOfTheGap_data()
    {
        QTest::addColumn<bool>("higher");
        QTest::newRow("higher is confident") << true;
        QTest::newRow("lower is confident") << false;
    }
    void middleOfTheGap()
    {
        QFETCH(bool, higher);
        TraceContents c;
        c.exits = 2;
        c.samples = 5;
        c.givenScores = {0.1, 0.4, 0.4, 0.7, 0.8, /* last exit */ 0, 0, 0, 0, 0};
        c.correct.assign(10, 1);
        c.givenDirection = higher ? Direction::HigherIsConfident : Direction::LowerIsConfident;
        const Trace trace = Trace::build(c, "five");
        auto placed = [&](double t) {
            return placeBetweenScores(trace, {Measure::Given, c.givenDirection, {t}, nullptr}).thresholds[0];
        };
        if (higher) {
            QCOMPARE(placed(0.4), 0.25); // 0.4, 0.4, 0.7, 0.8 leave; 0.1 stays
            QCOMPARE(placed(0.55), 0.55); // already in the middle of 0.4 .. 0.7
            QCOMPARE(placed(0.7), 0.55);
            QCOMPARE(placed(0.9), 0.85); // nobody leaves: above 0.8 by half of 0.8 - 0.7
            QCOMPARE(placed(0.1), 0.1 - 0.15); // everybody leaves: below 0.1 by half of 0.4 - 0.1
        } else {
            QCOMPARE(placed(0.4), 0.55); // 0.1, 0.4, 0.4 leave; 0.7 stays
            QCOMPARE(placed(0.1), 0.25);
            QCOMPARE(placed(0.0), 0.1 - 0.15); // nobody leaves
            QCOMPARE(placed(0.8), 0.85); // everybody leaves
        }
        // Every score equal: beyond it by half its magnitude (at least 0.5).
        c.givenScores = {0.3, 0.3, 0.3, 0.3, 0.3, 0, 0, 0, 0, 0};
        const Trace flat = Trace::build(c, "flat");
        QCOMPARE(placeBetweenScores(flat, {Measure::Given, c.givenDirection, {0.3}, nullptr}).thresholds[0], higher ? -0.2 : 0.8);
        // Adjacent doubles leave no room: the threshold stays on the leaving score.
        const double a = 0.5, b = std::nextafter(0.5, 0.0);
        c.givenScores = {b, a, a, a, a, 0, 0, 0, 0, 0};
        const Trace tight = Trace::build(c, "tight");
        const double leaving = higher ? a : b;
        QCOMPARE(placeBetweenScores(tight, {Measure::Given, c.givenDirection, {leaving}, nullptr}).thresholds[0], leaving);
    }

    // The reason for it all: scores that differ in their last bits (0 to 4 ulps) move
    // samples across on-score thresholds, never across placed ones.
    void robustToLastBitDifferences_data()
    {
        QTest::addColumn<bool>("higher");
        QTest::newRow("higher is confident") << true;
        QTest::newRow("lower is confident") << false;
    }
    void robustToLastBitDifferences()
    {
        QFETCH(bool, higher);
        const Trace trace = givenTrace(4, 2000, higher ? Direction::HigherIsConfident : Direction::LowerIsConfident, 3);
        const Trace other = jittered(trace, 4);
        const std::vector<double> costs{1, 2, 3, 4};
        int movedOnScore = 0;
        for (int kind = 0; kind < 4; ++kind) {
            const ThresholdPolicy onScore = onScorePolicy(trace, Measure::Given, kind);
            const ThresholdPolicy placed = placeBetweenScores(trace, onScore);
            const Evaluation before = evaluate(trace, placed, costs);
            QCOMPARE(before.exitOf, evaluate(trace, onScore, costs).exitOf);
            QCOMPARE(evaluate(other, placed, costs).exitOf, before.exitOf);
            const std::vector<std::uint8_t> jitteredExits = evaluate(other, onScore, costs).exitOf;
            for (std::size_t j = 0; j < jitteredExits.size(); ++j)
                movedOnScore += jitteredExits[j] != before.exitOf[j];
        }
        QVERIFY(movedOnScore > 0); // the test can tell: on-score thresholds do move samples
    }
};

QTEST_GUILESS_MAIN(TestThresholdPlacement)
#include "tst_thresholdplacement.moc"

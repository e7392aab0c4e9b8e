#include "core/eval/evaluation.h"
#include "testsupport.h"

#include <algorithm>
#include <cmath>
#include <random>

using namespace exitscope;
using namespace exitscope::test;

namespace {

// A small random trace: probabilities + labels (all measures), or given scores with
// correctness only.
Trace randomTrace(unsigned seed, int K, int N, int C, bool withProbabilities)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> uniform(0.01f, 1.0f);
    TraceContents c;
    c.exits = K;
    c.samples = N;
    if (withProbabilities) {
        c.classes = C;
        for (int row = 0; row < K * N; ++row) {
            std::vector<float> p(C);
            float sum = 0;
            for (float &v : p)
                sum += v = uniform(random) * uniform(random) * uniform(random);
            for (float v : p)
                c.probabilities.push_back(v / sum);
        }
        for (int j = 0; j < N; ++j)
            c.labels.push_back(static_cast<std::int32_t>(random() % C));
    } else {
        for (int i = 0; i < K * N; ++i) {
            c.givenScores.push_back(std::round(uniform(random) * 20) / 20); // ties with thresholds happen
            c.correct.push_back(static_cast<std::uint8_t>(random() % 2));
        }
        c.givenDirection = Direction::LowerIsConfident;
    }
    return Trace::build(c, "random");
}

// The rule written out plainly, sample by sample, and statistics counted the obvious way.
struct Reference
{
    std::vector<int> exitOf;
    double accuracy = 0, agreement = 0, meanCost = 0, p90 = 0;
    std::vector<double> exitAccuracy;
};

Reference bruteForce(const Trace &t, const ThresholdPolicy &p, const std::vector<double> &cost)
{
    const int K = t.exits(), N = static_cast<int>(t.samples());
    Reference r;
    std::vector<double> sampleCosts;
    std::vector<int> hits(K, 0), right(K, 0);
    for (int j = 0; j < N; ++j) {
        int exit = K - 1;
        for (int k = 0; k < K - 1; ++k) {
            const double s = t.scores(p.measure, k)[j];
            const bool confident = p.direction == Direction::HigherIsConfident ? s >= p.thresholds[k] : s <= p.thresholds[k];
            if (confident) {
                exit = k;
                break;
            }
        }
        r.exitOf.push_back(exit);
        ++hits[exit];
        right[exit] += t.correct(exit)[j];
        r.accuracy += t.correct(exit)[j];
        r.agreement += t.agreesWithFinal(exit)[j];
        r.meanCost += cost[exit];
        sampleCosts.push_back(cost[exit]);
    }
    r.accuracy /= N;
    r.agreement /= N;
    r.meanCost /= N;
    std::sort(sampleCosts.begin(), sampleCosts.end());
    r.p90 = sampleCosts[static_cast<std::size_t>(std::ceil(0.9 * N)) - 1];
    for (int k = 0; k < K; ++k)
        r.exitAccuracy.push_back(hits[k] ? static_cast<double>(right[k]) / hits[k] : std::nan(""));
    return r;
}

} // namespace

class TestEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void matchesBruteForce_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<int>("exits");
        QTest::addColumn<int>("measure");
        QTest::addColumn<bool>("probabilities");
        for (unsigned seed = 1; seed <= 12; ++seed) {
            const int exits = 1 + static_cast<int>(seed % 5);
            const int measure = static_cast<int>(seed % 3) + 1;
            QTest::addRow("seed %u, K=%d, %s", seed, exits, measureName(static_cast<Measure>(measure)).data())
                << seed << exits << measure << true;
            QTest::addRow("seed %u, K=%d, given scores", seed, exits) << seed << exits << 0 << false;
        }
    }
    void matchesBruteForce()
    {
        QFETCH(unsigned, seed);
        QFETCH(int, exits);
        QFETCH(int, measure);
        QFETCH(bool, probabilities);
        const Trace t = randomTrace(seed, exits, 257, 6, probabilities);
        std::mt19937 random(seed * 77);
        for (int trial = 0; trial < 20; ++trial) {
            ThresholdPolicy p;
            p.measure = static_cast<Measure>(measure);
            p.direction = t.direction(p.measure);
            // Thresholds drawn from the scores themselves: exact ties are exercised.
            for (int k = 0; k < exits - 1; ++k)
                p.thresholds.push_back(t.scores(p.measure, k)[random() % t.samples()]);
            std::vector<double> cost;
            for (int k = 0; k < exits; ++k)
                cost.push_back(0.5 + k + 0.25 * (random() % 4));
            std::sort(cost.begin(), cost.end());
            checkPolicy(t, p, "test");
            const Evaluation e = evaluate(t, p, cost);
            const Reference r = bruteForce(t, p, cost);
            QVERIFY(std::equal(r.exitOf.begin(), r.exitOf.end(), e.exitOf.begin()));
            QVERIFY(std::abs(e.accuracy - r.accuracy) < 1e-12);
            QVERIFY(std::abs(e.agreement - r.agreement) < 1e-12);
            QVERIFY(std::abs(e.meanCost - r.meanCost) < 1e-9);
            QCOMPARE(e.p90Cost, r.p90);
            std::int64_t reached = t.samples();
            for (int k = 0; k < exits; ++k) {
                QCOMPARE(e.exits[k].reached, reached);
                const auto hits = std::count(r.exitOf.begin(), r.exitOf.end(), k);
                QCOMPARE(e.exits[k].hits, std::int64_t(hits));
                QCOMPARE(e.exits[k].hitRate, reached ? static_cast<double>(hits) / reached : 0.0);
                if (std::isnan(r.exitAccuracy[k]))
                    QVERIFY(std::isnan(e.exits[k].accuracy));
                else
                    QVERIFY(std::abs(e.exits[k].accuracy - r.exitAccuracy[k]) < 1e-12);
                reached -= hits;
            }
        }
    }

    void extremeThresholds()
    {
        const Trace t = randomTrace(5, 4, 100, 5, true);
        ThresholdPolicy p{Measure::MaxProb, Direction::HigherIsConfident, {0.0, 0.0, 0.0}};
        const std::vector<double> cost{1, 2, 3, 4};
        Evaluation e = evaluate(t, p, cost); // everyone is confident at exit 0
        QCOMPARE(e.exits[0].hits, std::int64_t(100));
        QCOMPARE(e.meanCost, 1.0);
        QCOMPARE(e.p99Cost, 1.0);
        QCOMPARE(e.accuracy, t.exitAccuracy(0));
        p.thresholds = {2.0, 2.0, 2.0}; // nobody is
        e = evaluate(t, p, cost);
        QCOMPARE(e.exits[3].hits, std::int64_t(100));
        QCOMPARE(e.accuracy, t.exitAccuracy(3));
        QCOMPARE(e.agreement, 1.0);
        QCOMPARE(e.p50Cost, 4.0);
    }

    void quantilesOfCost()
    {
        // 10 samples: 6 leave at exit 0 (cost 1), 3 at exit 1 (cost 2), 1 at exit 2 (cost 5).
        TraceContents c;
        c.exits = 3;
        c.samples = 10;
        c.givenScores = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, /*exit 1*/ 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, /*exit 2*/ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        c.givenDirection = Direction::LowerIsConfident;
        c.correct.assign(30, 1);
        const Trace t = Trace::build(c, "memory");
        const Evaluation e = evaluate(t, {Measure::Given, Direction::LowerIsConfident, {0.5, 0.5}}, {1, 2, 5});
        QCOMPARE(e.exitDistribution(), (std::vector<double>{0.6, 0.3, 0.1}));
        QCOMPARE(e.meanCost, (6 * 1 + 3 * 2 + 5) / 10.0);
        QCOMPARE(e.p50Cost, 1.0);
        QCOMPARE(e.p90Cost, 2.0);
        QCOMPARE(e.p99Cost, 5.0);
    }

    void refusesBadPolicies_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("message");
        QTest::newRow("threshold count") << 0 << "expected 2 thresholds (one per exit but the last, K = 3), found 1";
        QTest::newRow("unavailable measure") << 1 << "measure 'max-prob' is unavailable";
        QTest::newRow("wrong direction") << 2 << "measure 'given' is lower-is-confident, but the policy says higher-is-confident";
        QTest::newRow("NaN threshold") << 3 << "threshold 1 is NaN";
    }
    void refusesBadPolicies()
    {
        QFETCH(int, defect);
        QFETCH(QString, message);
        const Trace t = randomTrace(3, 3, 20, 4, false);
        ThresholdPolicy p{Measure::Given, Direction::LowerIsConfident, {0.5, 0.5}};
        if (defect == 0)
            p.thresholds = {0.5};
        if (defect == 1)
            p = {Measure::MaxProb, Direction::HigherIsConfident, {0.5, 0.5}};
        if (defect == 2)
            p.direction = Direction::HigherIsConfident;
        if (defect == 3)
            p.thresholds[1] = std::nan("");
        EXPECT_INPUT_ERROR(checkPolicy(t, p, "--thresholds"), "--thresholds: " + str(message));
        EXPECT_INPUT_ERROR(checkCosts(t, {1, 2}, "--costs"), "expected 3 exit costs");
    }

    void unknownLabelsGiveNaNAccuracy()
    {
        TraceContents c;
        c.exits = 2;
        c.samples = 2;
        c.classes = 2;
        c.probabilities = {0.9f, 0.1f, 0.4f, 0.6f, 0.2f, 0.8f, 0.3f, 0.7f};
        const Trace t = Trace::build(c, "memory"); // label-free: no labels, no correctness
        const Evaluation e = evaluate(t, {Measure::MaxProb, Direction::HigherIsConfident, {0.85}}, {1, 2});
        QVERIFY(std::isnan(e.accuracy));
        QCOMPARE(e.exits[0].hits, std::int64_t(1));
        QCOMPARE(e.agreement, 0.5); // sample 0 said class 0 at exit 0, class 1 at the final exit
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"

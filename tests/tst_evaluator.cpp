#include "core/common/internalerror.h"
#include "core/data/synth.h"
#include "core/eval/evaluator.h"
#include "core/eval/learnedscorer.h"
#include "core/io/aaai21import.h"
#include "core/io/eenetimport.h"
#include "testsupport.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

using namespace exitscope;
using namespace exitscope::test;

namespace {

// A learned scorer with seeded random weights: the Evaluator only needs its scores, and a
// random MLP gives as many distinct scores as a trained one.
std::shared_ptr<const LearnedScorer> randomScorer(LearnedScorer::Input input, int classes, int exits, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    const auto fill = [&](auto &m) {
        for (Eigen::Index i = 0; i < m.size(); ++i)
            m.data()[i] = normal(random);
    };
    std::vector<LearnedScorer::Normalizer> normalizers;
    for (int k = 0; k + 1 < exits; ++k) {
        LearnedScorer::Normalizer n;
        n.hiddenWeight.resize(8, LearnedScorer::inputCount(input, classes, k));
        n.hiddenBias.resize(8);
        n.outputWeight.resize(8);
        fill(n.hiddenWeight);
        fill(n.hiddenBias);
        fill(n.outputWeight);
        n.outputBias = normal(random);
        normalizers.push_back(std::move(n));
    }
    return std::make_shared<const LearnedScorer>(input, classes, std::move(normalizers), "random scorer");
}

Trace synthTrace(int exits, std::int64_t samples, std::uint64_t seed = 3)
{
    return synthesize({exits, samples, 10, seed});
}

// The same trace with its labels dropped: predictions only, no correctness.
Trace withoutLabels(const Trace &trace)
{
    TraceContents c = trace.contents();
    c.labels.clear();
    return Trace::build(c, "no labels");
}

std::vector<double> rising(int exits)
{
    std::vector<double> cost;
    for (int k = 0; k < exits; ++k)
        cost.push_back(0.3 + 0.25 * k);
    return cost;
}

// One trace, measure and setting the Evaluator is checked on.
struct Case
{
    Trace trace;
    Measure measure = Measure::MaxProb;
    std::shared_ptr<const LearnedScorer> scorer;
    std::vector<double> costs;
    bool labelFree = false;
};

Trace aaai21(const QString &model, double divisor)
{
    const QString base = sharedDataPath("aaai21/" + model + "_test_");
    return importAaai21(str(base + "confidence.npy"), str(base + "correct.npy"), Direction::LowerIsConfident, divisor);
}

Case makeCase(const QString &name)
{
    const Trace synth = synthTrace(5, 4000);
    if (name == "synth max-prob")
        return {synth, Measure::MaxProb, nullptr, rising(5), false};
    if (name == "synth entropy")
        return {synth, Measure::Entropy, nullptr, rising(5), false};
    if (name == "synth margin")
        return {synth, Measure::Margin, nullptr, rising(5), false};
    if (name == "synth patience")
        return {synth, Measure::Patience, nullptr, rising(5), false};
    if (name == "synth learned")
        return {synth, Measure::Learned, randomScorer(LearnedScorer::Input::Probabilities, 10, 5, 1), rising(5), false};
    if (name == "synth label-free")
        return {synth, Measure::MaxProb, nullptr, rising(5), true};
    if (name == "synth without labels")
        return {withoutLabels(synth), Measure::MaxProb, nullptr, rising(5), false};
    if (name == "synth without labels, learned")
        return {withoutLabels(synth), Measure::Learned, randomScorer(LearnedScorer::Input::Probabilities, 10, 5, 2),
                rising(5), true};
    if (name == "synth K=2")
        return {synthTrace(2, 1500, 4), Measure::MaxProb, nullptr, {1.0, 2.0}, false};
    if (name == "synth K=1")
        return {synthTrace(1, 300, 5), Measure::MaxProb, nullptr, {1.0}, false};
    if (name == "aaai21 Scan")
        return {aaai21("Scan", 1.0), Measure::Given, nullptr, {0.32, 0.53, 0.76, 1.0, 1.07}, false};
    if (name == "aaai21 Alex label-free")
        return {aaai21("Alex", std::log2(10.0)), Measure::Given, nullptr, {1.58, 2.29, 3.05}, true};
    if (name == "aaai21 Scan learned")
        return {aaai21("Scan", 1.0), Measure::Learned, randomScorer(LearnedScorer::Input::GivenScore, 0, 5, 3),
                {0.32, 0.53, 0.76, 1.0, 1.07}, false};
    const EenetImport eenet = importEenet(str(sharedDataPath("eenet-format/logits_single.pth")), "", "");
    if (name == "eenet max-prob")
        return {eenet.test, Measure::MaxProb, nullptr, {1.0, 1.5, 2.5, 4.0}, false};
    if (name == "eenet learned")
        return {eenet.test, Measure::Learned, randomScorer(LearnedScorer::Input::Probabilities, 10, 4, 4),
                {1.0, 1.5, 2.5, 4.0}, false};
    qFatal("unknown case %s", qPrintable(name));
}

bool usesSharedData(const QString &name)
{
    return name.startsWith("aaai21") || name.startsWith("eenet");
}

// The scores the policy reads at every exit but the last, exit-major.
std::vector<std::vector<double>> scoresOf(const Case &c)
{
    const std::int64_t n = c.trace.samples();
    const std::vector<double> learned = c.scorer ? c.scorer->scores(c.trace) : std::vector<double>();
    std::vector<std::vector<double>> rows;
    for (int k = 0; k + 1 < c.trace.exits(); ++k) {
        const double *s = c.scorer ? learned.data() + k * n : c.trace.scores(c.measure, k);
        rows.emplace_back(s, s + n);
    }
    return rows;
}

bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

#define COMPARE_NUMBER(actual, expected)                                                                         \
    QVERIFY2(sameNumber(actual, expected),                                                                       \
             qPrintable(QStringLiteral(#actual " = %1, expected %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)))

// Every field of two evaluations, exactly.
void compareEvaluations(const Evaluation &actual, const Evaluation &expected)
{
    QVERIFY(actual.exitOf == expected.exitOf);
    COMPARE_NUMBER(actual.accuracy, expected.accuracy);
    COMPARE_NUMBER(actual.agreement, expected.agreement);
    COMPARE_NUMBER(actual.meanCost, expected.meanCost);
    COMPARE_NUMBER(actual.p50Cost, expected.p50Cost);
    COMPARE_NUMBER(actual.p90Cost, expected.p90Cost);
    COMPARE_NUMBER(actual.p99Cost, expected.p99Cost);
    QCOMPARE(actual.exits.size(), expected.exits.size());
    for (std::size_t k = 0; k < actual.exits.size(); ++k) {
        const ExitOutcome &a = actual.exits[k], &e = expected.exits[k];
        QCOMPARE(a.reached, e.reached);
        QCOMPARE(a.hits, e.hits);
        COMPARE_NUMBER(a.hitRate, e.hitRate);
        COMPARE_NUMBER(a.accuracy, e.accuracy);
        COMPARE_NUMBER(a.agreement, e.agreement);
    }
}

// The histograms counted the obvious way from the exits evaluate() assigns.
void compareHistograms(const Evaluator &ev, const Case &c, const std::vector<std::vector<double>> &scores,
                       const Evaluation &reference, int bins)
{
    const Trace &t = c.trace;
    const bool byCorrectness = !c.labelFree && t.hasCorrectness();
    QCOMPARE(ev.split(), byCorrectness ? HistogramSplit::Correctness : HistogramSplit::Agreement);
    QCOMPARE(ev.histograms().size(), static_cast<std::size_t>(t.exits() - 1));
    for (int k = 0; k + 1 < t.exits(); ++k) {
        const ExitHistogram &h = ev.histograms()[k];
        const std::vector<double> &s = scores[k];
        QCOMPARE(h.lowest, *std::min_element(s.begin(), s.end()));
        QCOMPARE(h.highest, *std::max_element(s.begin(), s.end()));
        QCOMPARE(h.bins(), bins);
        std::vector<std::int64_t> counts(2 * static_cast<std::size_t>(bins), 0);
        std::int64_t leave = 0, leavePositive = 0, goOn = 0, goOnPositive = 0;
        for (std::int64_t j = 0; j < t.samples(); ++j) {
            const int exit = reference.exitOf[j];
            if (exit < k)
                continue;
            const int positive = byCorrectness ? t.correct(k)[j] : t.agreesWithFinal(k)[j];
            ++counts[2 * h.binOf(s[j]) + positive];
            (exit == k ? leave : goOn) += 1;
            (exit == k ? leavePositive : goOnPositive) += positive;
        }
        QCOMPARE(h.counts, counts);
        std::int64_t positives = 0, negatives = 0;
        for (int b = 0; b < bins; ++b) {
            positives += h.positive(b);
            negatives += h.negative(b);
        }
        QCOMPARE(positives, leavePositive + goOnPositive);
        QCOMPARE(negatives, leave + goOn - positives);
        QCOMPARE(h.leave, leave);
        QCOMPARE(h.leavePositive, leavePositive);
        QCOMPARE(h.goOn, goOn);
        QCOMPARE(h.goOnPositive, goOnPositive);
        QCOMPARE(h.leave, reference.exits[k].hits);
    }
}

// A threshold for exit k: mostly a sample's own score (exact ties), sometimes beyond every
// score (nobody or everybody leaves) or a hair away from a score.
double drawThreshold(std::mt19937 &random, const std::vector<double> &s)
{
    const double score = s[random() % s.size()];
    switch (random() % 10) {
    case 0:
        return *std::min_element(s.begin(), s.end()) - 1.0;
    case 1:
        return *std::max_element(s.begin(), s.end()) + 1.0;
    case 2:
        return std::nextafter(score, HUGE_VAL);
    case 3:
        return std::nextafter(score, -HUGE_VAL);
    default:
        return score;
    }
}

ThresholdPolicy randomPolicy(std::mt19937 &random, const Case &c, const std::vector<std::vector<double>> &scores)
{
    ThresholdPolicy p{c.measure, c.trace.direction(c.measure), {}, c.scorer};
    for (const auto &s : scores)
        p.thresholds.push_back(drawThreshold(random, s));
    return p;
}

const QStringList kCases{"synth max-prob",
                         "synth entropy",
                         "synth margin",
                         "synth patience",
                         "synth learned",
                         "synth label-free",
                         "synth without labels",
                         "synth without labels, learned",
                         "synth K=2",
                         "synth K=1",
                         "aaai21 Scan",
                         "aaai21 Alex label-free",
                         "aaai21 Scan learned",
                         "eenet max-prob",
                         "eenet learned"};

} // namespace

class TestEvaluator : public QObject
{
    Q_OBJECT

private slots:
    // A drag: one policy, then a sequence of single threshold moves; after each, the
    // evaluation is evaluate()'s field by field and the histograms are brute-force counts.
    void dragMatchesEvaluate_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : kCases)
            QTest::newRow(qPrintable(name)) << name;
    }
    void dragMatchesEvaluate()
    {
        QFETCH(QString, name);
        if (usesSharedData(name))
            REQUIRE_SHARED_FILE(sharedDataPath(name.startsWith("aaai21") ? "aaai21" : "eenet-format/logits_single.pth"));
        const Case c = makeCase(name);
        const std::vector<std::vector<double>> scores = scoresOf(c);
        const int bins = 16 + static_cast<int>(qHash(name) % 50);
        Evaluator ev(c.trace, c.costs, {c.labelFree, bins});
        QVERIFY(!ev.hasPolicy());
        std::mt19937 random(static_cast<unsigned>(qHash(name)));
        ThresholdPolicy policy = randomPolicy(random, c, scores);
        ev.setPolicy(policy, "test");
        QVERIFY(ev.hasPolicy());
        const Evaluation first = evaluate(c.trace, policy, c.costs);
        compareEvaluations(ev.evaluation(), first);
        compareHistograms(ev, c, scores, first, bins);
        for (int step = 0; step < 40 && c.trace.exits() > 1; ++step) {
            const int k = static_cast<int>(random() % scores.size());
            policy.thresholds[k] = drawThreshold(random, scores[k]);
            ev.setThreshold(k, policy.thresholds[k]);
            QCOMPARE(ev.policy().thresholds, policy.thresholds);
            const Evaluation reference = evaluate(c.trace, policy, c.costs);
            compareEvaluations(ev.evaluation(), reference);
            compareHistograms(ev, c, scores, reference, bins);
        }
        // A new policy after the drag starts from scratch, and so does a change of bins.
        policy = randomPolicy(random, c, scores);
        ev.setPolicy(policy, "test");
        ev.setBins(7);
        const Evaluation reference = evaluate(c.trace, policy, c.costs);
        compareEvaluations(ev.evaluation(), reference);
        compareHistograms(ev, c, scores, reference, 7);
        // The stateless query agrees too, without moving the current state.
        const ThresholdPolicy other = randomPolicy(random, c, scores);
        compareEvaluations(ev.evaluate(other), evaluate(c.trace, other, c.costs));
        QCOMPARE(ev.policy().thresholds, policy.thresholds);
    }

    // Switching measures and learned scorers: each switch is evaluated on the right scores,
    // also after a scorer was dropped from the prepared ones and comes back.
    void switchesPolicies()
    {
        const Trace trace = synthTrace(4, 2000, 9);
        const std::vector<double> costs = rising(4);
        Evaluator ev(trace, costs);
        std::vector<std::shared_ptr<const LearnedScorer>> scorers;
        for (unsigned seed = 0; seed < 12; ++seed)
            scorers.push_back(randomScorer(LearnedScorer::Input::Probabilities, 10, 4, 100 + seed));
        std::mt19937 random(5);
        for (int round = 0; round < 30; ++round) {
            Case c{trace, Measure::Learned, scorers[random() % scorers.size()], costs, false};
            if (round % 3 == 0) {
                c.measure = round % 2 ? Measure::Entropy : Measure::MaxProb;
                c.scorer = nullptr;
            }
            const std::vector<std::vector<double>> scores = scoresOf(c);
            ThresholdPolicy policy = randomPolicy(random, c, scores);
            ev.setPolicy(policy, "test");
            const int k = static_cast<int>(random() % 3);
            policy.thresholds[k] = drawThreshold(random, scores[k]);
            ev.setThreshold(k, policy.thresholds[k]);
            const Evaluation reference = evaluate(trace, policy, costs);
            compareEvaluations(ev.evaluation(), reference);
            compareHistograms(ev, c, scores, reference, 64);
        }
    }

    void binOfSpansTheRange()
    {
        QCOMPARE(ExitHistogram::binOf(0.0, 0.0, 1.0, 4), 0);
        QCOMPARE(ExitHistogram::binOf(0.2499, 0.0, 1.0, 4), 0);
        QCOMPARE(ExitHistogram::binOf(0.25, 0.0, 1.0, 4), 1);
        QCOMPARE(ExitHistogram::binOf(0.99, 0.0, 1.0, 4), 3);
        QCOMPARE(ExitHistogram::binOf(1.0, 0.0, 1.0, 4), 3);
        QCOMPARE(ExitHistogram::binOf(-5.0, 0.0, 1.0, 4), 0);
        QCOMPARE(ExitHistogram::binOf(7.0, 0.0, 1.0, 4), 3);
        QCOMPARE(ExitHistogram::binOf(3.0, 3.0, 3.0, 4), 0); // a constant score: one bin
        // Never decreasing in the score, over an awkward range.
        std::mt19937 random(3);
        std::uniform_real_distribution<double> uniform(-0.731, 0.0);
        std::vector<double> s(5000);
        for (double &v : s)
            v = uniform(random);
        std::sort(s.begin(), s.end());
        for (std::size_t i = 1; i < s.size(); ++i)
            QVERIFY(ExitHistogram::binOf(s[i - 1], -0.731, 0.0, 37) <= ExitHistogram::binOf(s[i], -0.731, 0.0, 37));
    }

    // Const queries from several threads at once give what one thread gets.
    void constQueriesFromThreads()
    {
        const Trace trace = synthTrace(5, 3000, 6);
        const Case c{trace, Measure::Learned, randomScorer(LearnedScorer::Input::Probabilities, 10, 5, 8), rising(5), false};
        const std::vector<std::vector<double>> scores = scoresOf(c);
        Evaluator ev(trace, c.costs);
        std::mt19937 random(2);
        ev.setPolicy(randomPolicy(random, c, scores), "test");
        std::vector<ThresholdPolicy> policies;
        for (int i = 0; i < 4; ++i)
            policies.push_back(randomPolicy(random, c, scores));
        std::vector<Evaluation> results(policies.size());
        std::vector<std::int64_t> reached(policies.size());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < policies.size(); ++i)
            threads.emplace_back([&, i] {
                for (int repeat = 0; repeat < 20; ++repeat) {
                    results[i] = ev.evaluate(policies[i]);
                    reached[i] = ev.histograms()[1].goOn + ev.histograms()[1].leave;
                }
            });
        for (auto &t : threads)
            t.join();
        for (std::size_t i = 0; i < policies.size(); ++i) {
            compareEvaluations(results[i], evaluate(trace, policies[i], c.costs));
            QCOMPARE(reached[i], ev.evaluation().exits[1].reached);
        }
    }

    void refusesBadSettings()
    {
        const Trace trace = synthTrace(3, 500);
        EXPECT_INPUT_ERROR(Evaluator(trace, {1.0, 2.0}), "costs: expected 3 exit costs");
        EXPECT_INPUT_ERROR(Evaluator(trace, {1.0, 2.0, 3.0}, {false, 0}), "histogram bins: expected 1 to 4096 bins, found 0");
        Evaluator ev(trace, {1.0, 2.0, 3.0});
        QVERIFY_THROWS_EXCEPTION(InternalError, ev.setThreshold(0, 0.5));
        EXPECT_INPUT_ERROR(ev.setPolicy({Measure::MaxProb, Direction::HigherIsConfident, {0.5}, nullptr}, "config.json"),
                           "config.json: expected 2 thresholds");
        EXPECT_INPUT_ERROR(ev.setPolicy({Measure::Given, Direction::HigherIsConfident, {0.5, 0.5}, nullptr}, "config.json"),
                           "config.json: measure 'given' is unavailable");
        ev.setPolicy({Measure::MaxProb, Direction::HigherIsConfident, {0.5, 0.6}, nullptr}, "config.json");
        EXPECT_INPUT_ERROR(ev.setThreshold(1, std::nan("")), "thresholds: threshold 1 is NaN");
        QVERIFY_THROWS_EXCEPTION(InternalError, ev.setThreshold(2, 0.5));
        EXPECT_INPUT_ERROR(ev.setBins(5000), "histogram bins");
        // A refused change leaves the state as it was.
        QCOMPARE(ev.policy().thresholds, (std::vector<double>{0.5, 0.6}));
        QCOMPARE(ev.bins(), 64);
    }

    // Preparing is a job: it reports progress up to the end and stops when cancelled.
    void preparesAsAJob()
    {
        const Trace trace = synthTrace(5, 2000);
        std::vector<double> fractions;
        JobContext context;
        context.progress = Progress([&](const ProgressUpdate &u) { fractions.push_back(u.fraction); });
        Evaluator ev(trace, rising(5), {}, context);
        QVERIFY(!fractions.empty());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        JobContext cancelled;
        cancelled.cancel.cancel();
        bool stopped = false;
        try {
            Evaluator never(trace, rising(5), {}, cancelled);
        } catch (const Cancelled &) {
            stopped = true;
        }
        QVERIFY(stopped);
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"

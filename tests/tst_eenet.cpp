#include "core/common/jsonutil.h"
#include "core/data/synth.h"
#include "core/eval/learnedscorer.h"
#include "core/solvers/eenetsolver.h"
#include "testsupport.h"
#include "core/data/thresholdconfig.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <random>

using namespace exitscope;
using namespace exitscope::test;

namespace {

const std::vector<double> kCosts{0.25, 0.5, 0.75, 1.0};

Trace synthTrace(std::int64_t samples, std::uint64_t seed = 3, int classes = 10)
{
    SynthOptions o;
    o.exits = 4;
    o.samples = samples;
    o.classes = classes;
    o.seed = seed;
    return synthesize(o);
}

// Small training runs: the tests check behaviour, not the quality of long training.
SolverProblem problemFor(const Trace &val, double budget, BudgetKind kind = BudgetKind::Mean)
{
    SolverProblem p{val, kCosts, budget, kind, {}, {}};
    p.options.eenetEpochs = 40;
    p.options.eenetRestarts = 2;
    p.options.seed = 11;
    return p;
}

// Given scores and correctness only (as in an AAAI21 import), K = 3: each sample has a
// difficulty, deeper exits are right more often, and the lower-is-confident score is the
// difficulty plus noise.
Trace scoresOnlyTrace(std::int64_t samples)
{
    std::mt19937 random(5);
    const auto uniform = [&] { return static_cast<double>(random()) / 4294967296.0; };
    TraceContents c;
    c.exits = 3;
    c.samples = samples;
    c.givenScores.resize(static_cast<std::size_t>(3 * samples));
    c.correct.resize(static_cast<std::size_t>(3 * samples));
    for (std::int64_t j = 0; j < samples; ++j) {
        const double difficulty = uniform();
        for (int k = 0; k < 3; ++k) {
            const std::size_t at = static_cast<std::size_t>(k * samples + j);
            c.correct[at] = uniform() < 1.0 / (1.0 + std::exp(8.0 * (difficulty - 0.3 - 0.25 * k))) ? 1 : 0;
            c.givenScores[at] = difficulty + 0.1 * (uniform() - 0.5);
        }
    }
    c.givenDirection = Direction::LowerIsConfident;
    return Trace::build(c, "scores only");
}

std::string dump(const LearnedScorer &scorer)
{
    return learnedScorerToJson(scorer).dump();
}

} // namespace

class TestEenet : public QObject
{
    Q_OBJECT

private slots:
    void meetsBudget_data()
    {
        QTest::addColumn<double>("budget");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("labelFree");
        for (double budget : {0.3, 0.45, 0.6, 0.8}) {
            QTest::addRow("mean %.2f", budget) << budget << int(BudgetKind::Mean) << false;
            QTest::addRow("p90 %.2f", budget) << budget << int(BudgetKind::P90) << false;
        }
        QTest::newRow("label-free mean 0.45") << 0.45 << int(BudgetKind::Mean) << true;
    }
    void meetsBudget()
    {
        QFETCH(double, budget);
        QFETCH(int, kind);
        QFETCH(bool, labelFree);
        const Trace val = synthTrace(2000);
        SolverProblem problem = problemFor(val, budget, static_cast<BudgetKind>(kind));
        problem.options.labelFree = labelFree;
        const SolverResult r = solveEenet(problem, {});
        QVERIFY(r.feasible);
        QVERIFY(r.valCost <= budget);
        QCOMPARE(r.iterations, 40 * 2);
        QCOMPARE(r.policy.measure, Measure::Learned);
        QCOMPARE(r.policy.direction, Direction::HigherIsConfident);
        QCOMPARE(r.policy.thresholds.size(), std::size_t(3));
        QVERIFY(r.policy.scorer);
        QCOMPARE(r.policy.scorer->input(), LearnedScorer::Input::Probabilities);

        // The reported figures are those of the ordinary evaluation of the policy.
        checkPolicy(val, r.policy, "test");
        const Evaluation e = evaluate(val, r.policy, kCosts);
        QCOMPARE(budgetCost(e, problem.kind), r.valCost);
        QCOMPARE(labelFree ? e.agreement : e.accuracy, r.valObjective);
        // The budget is used, not wasted: within one exit step of it (mean) or at it (p90).
        if (problem.kind == BudgetKind::Mean)
            QVERIFY2(r.valCost > budget - 0.05, qPrintable(QString::number(r.valCost)));
    }

    void beatsTheFirstExit()
    {
        const Trace val = synthTrace(2000);
        const Trace test = synthTrace(4000, 4);
        const SolverResult r = solveEenet(problemFor(val, 0.8), {});
        QVERIFY(r.feasible);
        QVERIFY2(r.valObjective > val.exitAccuracy(0) + 0.15,
                 qPrintable(QStringLiteral("val accuracy %1, exit 0 alone %2").arg(r.valObjective).arg(val.exitAccuracy(0))));
        // It also holds on samples the normalizers never saw.
        const Evaluation e = evaluate(test, r.policy, kCosts);
        QVERIFY2(e.accuracy > test.exitAccuracy(0) + 0.15,
                 qPrintable(QStringLiteral("test accuracy %1, exit 0 alone %2").arg(e.accuracy).arg(test.exitAccuracy(0))));
        QVERIFY(e.meanCost < 0.85);
    }

    void isDeterministic()
    {
        const Trace val = synthTrace(1000);
        const SolverProblem problem = problemFor(val, 0.5);
        const SolverResult a = solveEenet(problem, {});
        const SolverResult b = solveEenet(problem, {});
        QCOMPARE(a.policy.thresholds, b.policy.thresholds);
        QCOMPARE(dump(*a.policy.scorer), dump(*b.policy.scorer));
        QCOMPARE(a.valObjective, b.valObjective);

        SolverProblem other = problem;
        other.options.seed = 12;
        const SolverResult c = solveEenet(other, {});
        QVERIFY(dump(*a.policy.scorer) != dump(*c.policy.scorer));
    }

    void scorerJsonRoundTrip()
    {
        const Trace val = synthTrace(1000);
        const SolverResult r = solveEenet(problemFor(val, 0.5), {});
        const std::string text = dump(*r.policy.scorer);
        const LearnedScorer back = learnedScorerFromJson(nlohmann::json::parse(text), "scorer.json");
        QCOMPARE(back.scoredExits(), 3);
        QCOMPARE(back.classes(), 10);
        QCOMPARE(dump(back), text);
        const std::vector<double> before = r.policy.scorer->scores(val), after = back.scores(val);
        QCOMPARE(after, before);
        for (double s : before)
            QVERIFY(s > 0 && s < 1);
    }

    void scorerJsonErrors_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("model") << "/model"
                               << "\"other\""
                               << "scorer.model: 'other' is not eenet-mlp";
        QTest::newRow("input") << "/input"
                               << "\"logits\""
                               << "scorer.input: 'logits' is not probabilities or given-score";
        QTest::newRow("activation") << "/hidden_activation"
                                    << "\"relu\""
                                    << "scorer.hidden_activation: 'relu' is not sigmoid";
        QTest::newRow("columns") << "/normalizers/1/hidden_weight"
                                 << "[[1, 2, 3]]"
                                 << "scorer.normalizers[1].hidden_weight: 1 x 3, expected H x 13";
        QTest::newRow("ragged rows") << "/normalizers/0/hidden_weight/1"
                                     << "[1]"
                                     << "scorer.normalizers[0].hidden_weight[1]: 1 values, expected 12 like row 0";
        QTest::newRow("bias size") << "/normalizers/2/hidden_bias"
                                   << "[0.5]"
                                   << "scorer.normalizers[2].hidden_bias: 1 values, expected H = 8";
        QTest::newRow("not a number") << "/normalizers/0/output_weight/3"
                                      << "\"x\""
                                      << "scorer.normalizers[0].output_weight[3]: expected a number, found string";
        QTest::newRow("missing bias") << "/normalizers/0/output_bias"
                                      << ""
                                      << "scorer.normalizers[0].output_bias: missing field";
    }
    void scorerJsonErrors()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const SolverResult r = solveEenet(problemFor(synthTrace(200), 0.5), {});
        nlohmann::json json = learnedScorerToJson(*r.policy.scorer);
        const nlohmann::json::json_pointer pointer(str(field));
        if (value.isEmpty())
            json[pointer.parent_pointer()].erase(pointer.back());
        else
            json[pointer] = nlohmann::json::parse(str(value));
        EXPECT_INPUT_ERROR(learnedScorerFromJson(json, "config.json"), "config.json: " + str(message));
    }

    void thresholdConfigRoundTrip()
    {
        const Trace val = synthTrace(1000);
        const SolverResult r = solveEenet(problemFor(val, 0.5), {});
        ThresholdConfig c;
        c.policyName = "eenet";
        c.policy = r.policy;
        c.budget = Budget{0.5, false, BudgetKind::Mean};
        c.latency = latencyProfileFromCosts(kCosts, CostUnit::Relative, "test");
        c.tool = "exitscope test";
        c.created = "2026-11-22T00:00:00Z";
        QTemporaryDir dir;
        const QString path = dir.filePath("eenet.json");
        writeThresholdConfig(c, str(path));
        const ThresholdConfig back = readThresholdConfig(str(path));
        QCOMPARE(back.policy.measure, Measure::Learned);
        QCOMPARE(back.policy.thresholds, r.policy.thresholds);
        QVERIFY(back.policy.scorer);
        checkPolicy(val, back.policy, str(path));
        const Evaluation before = evaluate(val, r.policy, kCosts), after = evaluate(val, back.policy, kCosts);
        QCOMPARE(after.exitOf, before.exitOf);
        QCOMPARE(after.accuracy, r.valObjective);

        // A learned policy without its scorer cannot be applied: refused on reading.
        nlohmann::json json = parseJsonFile(str(path));
        json.erase("scorer");
        EXPECT_INPUT_ERROR(thresholdConfigFromJson(json, "eenet.json"), "eenet.json: scorer: missing");
        // Other measures carry no scorer.
        c.policy = {Measure::MaxProb, Direction::HigherIsConfident, {0.9, 0.9, 0.9}};
        QVERIFY(!nlohmann::json::parse(thresholdConfigToJson(c)).contains("scorer"));
    }

    void refusesScorersThatDoNotFit_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("message");
        QTest::newRow("no scorer") << 0 << "measure 'learned' needs the policy's learned scorer, which is missing";
        QTest::newRow("other classes") << 1 << "the learned scorer was trained on 10 classes, the trace has 6";
        QTest::newRow("no probabilities") << 2 << "the learned scorer reads all C probabilities (exit_probs), which the trace lacks";
        QTest::newRow("other exits") << 3
                                     << "the learned scorer has 3 normalizers (one per exit but the last), but the trace has K = 5";
    }
    void refusesScorersThatDoNotFit()
    {
        QFETCH(int, defect);
        QFETCH(QString, message);
        ThresholdPolicy policy = solveEenet(problemFor(synthTrace(200), 0.5), {}).policy;
        Trace other = synthTrace(100);
        if (defect == 0)
            policy.scorer = nullptr;
        else if (defect == 1)
            other = synthTrace(100, 3, 6);
        else if (defect == 2)
            other = scoresOnlyTrace(100);
        else
            other = synthesize(SynthOptions{5, 100, 10, 1});
        if (defect == 2 || defect == 3)
            policy.thresholds.resize(static_cast<std::size_t>(other.exits() - 1), 0.5);
        EXPECT_INPUT_ERROR(checkPolicy(other, policy, "test.npz"), "test.npz: " + str(message));
    }

    // EENet's normalizers read all C probabilities: a top-k trace without given scores is
    // refused for training, and a learned policy is not applied to it.
    void refusesTopkTraces()
    {
        const Trace full = synthTrace(200);
        const Trace top = Trace::build(keepTopk(full.contents(), 3), "top-3");
        EXPECT_INPUT_ERROR(solveEenet(problemFor(top, 0.5), {}),
                           "val trace: keeps only the top-3 probabilities, but EENet's score normalizers read all C");
        const ThresholdPolicy policy = solveEenet(problemFor(full, 0.5), {}).policy;
        EXPECT_INPUT_ERROR(checkPolicy(top, policy, "test.npz"),
                           "test.npz: the learned scorer reads all C probabilities (exit_probs), which the trace "
                           "lacks (it keeps only the top-3)");
    }

    void tooFewSamples()
    {
        EXPECT_INPUT_ERROR(solveEenet(problemFor(synthTrace(30), 0.5), {}),
                           "val trace: has 30 samples; EENet needs at least 50 to train its score normalizers");
    }

    void scoresOnlyTraces()
    {
        const Trace val = scoresOnlyTrace(2000);
        SolverProblem problem{val, {1, 2, 3}, 1.8, BudgetKind::Mean, {}, {}};
        problem.options.eenetEpochs = 60;
        problem.options.eenetRestarts = 2;
        const SolverResult r = solveEenet(problem, {});
        QVERIFY(r.feasible);
        QVERIFY(r.valCost <= 1.8);
        QCOMPARE(r.policy.scorer->input(), LearnedScorer::Input::GivenScore);
        QCOMPARE(r.policy.scorer->classes(), 0);
        checkPolicy(val, r.policy, "test");
        const Evaluation e = evaluate(val, r.policy, problem.costs);
        QCOMPARE(e.accuracy, r.valObjective);
        QVERIFY2(e.accuracy > val.exitAccuracy(0) + 0.1,
                 qPrintable(QStringLiteral("accuracy %1, exit 0 alone %2").arg(e.accuracy).arg(val.exitAccuracy(0))));
        const LearnedScorer back = learnedScorerFromJson(learnedScorerToJson(*r.policy.scorer), "memory");
        QCOMPARE(back.scores(val), r.policy.scorer->scores(val));
    }

    void cancelsAndReportsProgress()
    {
        const Trace val = synthTrace(500);
        std::vector<double> fractions;
        const CancelHandle cancel;
        JobContext context;
        context.cancel = cancel;
        context.progress = Progress([&](const ProgressUpdate &update) {
            QVERIFY(!update.message.empty());
            fractions.push_back(update.fraction);
            if (fractions.size() == 3)
                cancel.cancel(); // during the first restart, at epoch 20
        });
        bool cancelled = false;
        try {
            solveEenet(problemFor(val, 0.5), context);
        } catch (const Cancelled &) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        // Progress comes every 10 epochs of 2 x 40: 0, 1/8, 2/8, then the cancel is seen.
        QCOMPARE(fractions, (std::vector<double>{0.0, 0.125, 0.25}));

        fractions.clear();
        context.cancel = CancelHandle();
        context.progress = Progress([&](const ProgressUpdate &update) { fractions.push_back(update.fraction); });
        const SolverResult r = solveEenet(problemFor(val, 0.5), context);
        QCOMPARE(r.iterations, 80);
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    }
};

QTEST_GUILESS_MAIN(TestEenet)
#include "tst_eenet.moc"

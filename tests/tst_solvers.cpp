#include "aaai21import.h"
#include "npy.h"
#include "solver.h"
#include "testsupport.h"

#include <cmath>

using namespace exitscope;
using namespace exitscope::test;

namespace {

// One of the AAAI21 paper's models, as its scripts set it up.
struct PaperModel
{
    Trace val, test;
    std::vector<double> costs;
    NpyDoubleArray valAccuracy, testAccuracy, valDelay; // the authors' saved curves
    int ipppColumn = 2;
    double slope = 30;
};

PaperModel loadModel(const QString &name)
{
    const auto path = [&](const QString &file) { return str(sharedDataPath("aaai21/" + file)); };
    const double divisor = name == "Alex" ? 3.321928094887362 : 1.0; // entropy in bits / log2(10)
    PaperModel m{
        importAaai21(path(name + "_val_confidence.npy"), path(name + "_val_correct.npy"), Direction::LowerIsConfident, divisor),
        importAaai21(path(name + "_test_confidence.npy"), path(name + "_test_correct.npy"), Direction::LowerIsConfident, divisor),
        {}, {}, {}, {}, 2, 30};
    if (name == "Alex") {
        m.costs = {0.0015824947834014893, 0.0022942611694335936, 0.003047058033943176};
    } else if (name == "Scan") {
        m.costs = {0.32, 0.53, 0.76, 1.0, 1.07};
    } else {
        for (int k = 1; k <= 16; ++k)
            m.costs.push_back(6.0 * k / 99.0);
        m.costs.push_back(99.0 / 99.0);
        m.ipppColumn = 3;
        m.slope = 200;
    }
    // The authors' "train" is the val split and their "val" the test split.
    m.valAccuracy = readNpyFileAsDoubles(path("results/" + name + "_ippp_train_acc.npy"));
    m.testAccuracy = readNpyFileAsDoubles(path("results/" + name + "_ippp_val_acc.npy"));
    m.valDelay = readNpyFileAsDoubles(path("results/" + name + "_ippp_train_delay.npy"));
    return m;
}

SolverProblem problemAt(const PaperModel &m, double budget)
{
    return SolverProblem{m.val, m.costs, budget, BudgetKind::Mean, {}, {}};
}

double at(const NpyDoubleArray &a, int row, int column)
{
    return a.values[static_cast<std::size_t>(row) * a.shape[1] + column];
}

double accuracyOn(const Trace &trace, const SolverResult &r, const std::vector<double> &costs)
{
    return evaluate(trace, r.policy, costs).accuracy;
}

} // namespace

class TestSolvers : public QObject
{
    Q_OBJECT

private slots:
    void heuristicReproducesThePaper_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("Alex") << "Alex";
        QTest::newRow("Scan") << "Scan";
        QTest::newRow("Speech") << "Speech";
    }
    void heuristicReproducesThePaper()
    {
        QFETCH(QString, model);
        SHARED_DATA(probe, "aaai21/" + model + "_val_confidence.npy");
        const PaperModel m = loadModel(model);
        int exact = 0;
        for (int i = 0; i < 100; ++i) {
            SolverProblem problem = problemAt(m, at(m.valAccuracy, i, 0));
            const SolverResult r = solve("heuristic", problem);
            const double val = accuracyOn(m.val, r, m.costs), test = accuracyOn(m.test, r, m.costs);
            if (std::abs(val - at(m.valAccuracy, i, 1)) < 1e-12 && std::abs(test - at(m.testAccuracy, i, 1)) < 1e-12)
                ++exact;
            else
                qWarning("%s budget %d: val %.6f vs %.6f, test %.6f vs %.6f", qPrintable(model), i, val,
                         at(m.valAccuracy, i, 1), test, at(m.testAccuracy, i, 1));
        }
        QCOMPARE(exact, 100);
    }

    void warmStartSpeech()
    {
        const PaperModel m = loadModel("Speech");
        int close = 0; double worst = 0;
        for (int i = 0; i < 100; ++i) {
            SolverProblem problem = problemAt(m, at(m.valAccuracy, i, 0));
            problem.options.ipppSlope = m.slope;
            problem.options.ipppOuter = 0;
            const SolverResult r = solve("ippp", problem);
            const double diff = std::abs(accuracyOn(m.val, r, m.costs) - at(m.valAccuracy, i, 2));
            worst = std::max(worst, diff); close += diff < 1e-9;
        }
        qInfo("warm start: exact at %d, worst %.4f pp", close, worst * 100);
    }

    void ipppReproducesThePaper_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("Alex") << "Alex" << 0.003;
        QTest::newRow("Scan") << "Scan" << 0.003;
        QTest::newRow("Speech") << "Speech" << 0.005;
    }
    void ipppReproducesThePaper()
    {
        QFETCH(QString, model);
        QFETCH(double, tolerance);
        SHARED_DATA(probe, "aaai21/" + model + "_val_confidence.npy");
        const PaperModel m = loadModel(model);
        int close = 0;
        double worst = 0;
        for (int i = 0; i < 100; ++i) {
            SolverProblem problem = problemAt(m, at(m.valAccuracy, i, 0));
            problem.options.ipppSlope = m.slope;
            if (qEnvironmentVariableIsSet("BETA_PAPER"))
                problem.options.ipppBeta = qEnvironmentVariable("BETA_PAPER").toDouble() * problem.budget * problem.budget;
            if (qEnvironmentVariableIsSet("BETA_N"))
                problem.options.ipppBeta = qEnvironmentVariable("BETA_N").toDouble();
            const SolverResult r = solve("ippp", problem);
            if (i % 25 == 0)
                qInfo("budget %d: %.1f ms", i, r.milliseconds);
            const double diff = std::abs(accuracyOn(m.test, r, m.costs) - at(m.testAccuracy, i, m.ipppColumn));
            worst = std::max(worst, diff);
            if (diff > tolerance)
                qInfo("miss %d: test %.4f vs %.4f; val %.4f vs %.4f; val cost %.5f vs %.5f (budget %.4f)", i,
                      accuracyOn(m.test, r, m.costs), at(m.testAccuracy, i, m.ipppColumn), accuracyOn(m.val, r, m.costs),
                      at(m.valAccuracy, i, m.ipppColumn), evaluate(m.val, r.policy, m.costs).meanCost,
                      at(m.valDelay, i, m.ipppColumn), problem.budget);
            close += diff <= tolerance;
        }
        qInfo("%s: iPPP test accuracy within %.1f pp of the paper's at %d of 100 budgets (worst %.2f pp)",
              qPrintable(model), tolerance * 100, close, worst * 100);
        QVERIFY(close >= 90);
    }
};

QTEST_GUILESS_MAIN(TestSolvers)
#include "tst_solvers.moc"

// The Compare tab (issue 11, item 6), driven on the offscreen platform: after a sweep of
// heuristic, BranchyNet and MSDNet on synth traces, the overlay, the gain at equal budget,
// the table at chosen budgets and the CSV export are checked against the Document's sweep
// rows and the window's own curves CSV; the view follows new sweeps and empties when the
// inputs change; the binary's --compare renders it.

#include "testsupport.h"
#include "windowsupport.h"

#include "compareview.h"
#include "explorerview.h"
#include "document.h"
#include "mainwindow.h"

#include "widgets/comparisontablemodel.h"
#include "widgets/plots/gainplot.h"
#include "widgets/plots/policystyle.h"
#include "widgets/plots/tradeoffplot.h"

#include "core/common/inputerror.h"
#include "core/data/synth.h"
#include "core/io/tracefile.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QToolTip>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

using namespace exitscope;
using namespace exitscope::gui;

namespace {

const QString kCosts = QStringLiteral("0.3,0.5,0.7,0.9,1");

// A CSV file as rows of cells, keyed by the header's column names.
struct Csv
{
    QStringList header;
    QList<QStringList> rows;
    QString cell(const QStringList &row, const QString &column) const { return row.value(header.indexOf(column)); }
};

Csv readCsv(const QString &path)
{
    Csv csv;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return csv;
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    csv.header = QString::fromUtf8(lines.front()).split(QLatin1Char(','));
    for (qsizetype i = 1; i < lines.size(); ++i)
        csv.rows << QString::fromUtf8(lines[i]).split(QLatin1Char(','));
    return csv;
}

// The sweep row of `policy` at `budget` (the sweep's units).
const SweepRow *rowAt(const Document *d, PolicyId policy, double budget)
{
    for (const SweepRow &row : d->sweepRows())
        if (row.policy == policy && row.budget == budget && row.done && row.error.empty())
            return &row;
    return nullptr;
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_val, m_test;

    std::unique_ptr<MainWindow> openWindow() const
    {
        InputRequest request;
        request.val = m_val;
        request.test = m_test;
        request.costs = kCosts;
        return exitscope::gui::openWindow(request);
    }

    static bool sweep(MainWindow *window, std::vector<PolicyId> policies, int count, bool labelFree = false)
    {
        Document *d = window->document();
        SweepSettings s = d->settings();
        s.policies = std::move(policies);
        s.count = count;
        s.labelFree = labelFree;
        d->setSettings(s);
        d->startSweep();
        if (!QTest::qWaitFor([&] { return d->sweepResult() != nullptr && d->jobs().isIdle(); }, 300000))
            return false;
        window->refreshNow();
        return true;
    }

    // Every cell of the table against the sweep rows, on `split`, at sweep budgets.
    static void checkTableAgainstRows(MainWindow *window, Split split)
    {
        const Document *d = window->document();
        const CompareView *view = window->compareView();
        const ComparisonTableModel *model = view->tableModel();
        const std::vector<PolicyId> policies = view->policies();
        const double scale = d->budgetScale();
        QVERIFY(model->rowCount() > 0);
        QCOMPARE(model->columnCount(), 3 + 3 * (static_cast<int>(policies.size()) - 1));
        for (int r = 0; r < model->rowCount(); ++r) {
            const double budget = model->data(model->index(r, 0), Qt::UserRole).toDouble() * scale;
            const SweepRow *base = rowAt(d, policies.front(), budget);
            QVERIFY2(base, "the default budgets are the sweep's own");
            const SplitNumbers &b = split == Split::Val ? base->val : *base->test;
            for (int p = 0; p < static_cast<int>(policies.size()); ++p) {
                const SweepRow *row = rowAt(d, policies[static_cast<std::size_t>(p)], budget);
                QVERIFY(row);
                const SplitNumbers &n = split == Split::Val ? row->val : *row->test;
                const auto value = [&](ComparisonTableModel::Kind kind, int role = Qt::UserRole) {
                    return model->data(model->index(r, model->columnOf(p, kind)), role);
                };
                QCOMPARE(value(ComparisonTableModel::Kind::Value).toDouble(), n.accuracy);
                QCOMPARE(value(ComparisonTableModel::Kind::Cost).toDouble(), n.meanCost / scale);
                QCOMPARE(value(ComparisonTableModel::Kind::Value, Qt::DisplayRole).toString(),
                         QString::number(100 * n.accuracy, 'f', 2) + QLatin1Char('%'));
                QVERIFY(!value(ComparisonTableModel::Kind::Value, Qt::FontRole).isValid()); // not interpolated
                if (p > 0) {
                    QCOMPARE(value(ComparisonTableModel::Kind::Gain).toDouble(), n.accuracy - b.accuracy);
                    QVERIFY(value(ComparisonTableModel::Kind::Gain, Qt::DisplayRole).toString().endsWith(QLatin1String(" pp")));
                }
            }
        }
    }

private slots:
    void initTestCase()
    {
        useTestSettings();
        QVERIFY(m_dir.isValid());
        m_val = m_dir.filePath(QStringLiteral("val.npz"));
        m_test = m_dir.filePath(QStringLiteral("test.npz"));
        writeTraceFile(synthesize({5, 4000, 10, 1}), m_val.toStdString());
        writeTraceFile(synthesize({5, 4000, 10, 2}), m_test.toStdString());
    }

    void gainIsTheDifferenceAtEqualBudget()
    {
        auto window = openWindow();
        QVERIFY(window);
        CompareView *view = window->compareView();
        QAbstractItemModelTester tester(view->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view->note().contains(QLatin1String("Run a sweep")));
        QCOMPARE(view->tableModel()->rowCount(), 0);
        QVERIFY(sweep(window.get(), {PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet}, 6));
        const Document *d = window->document();

        // By default: the sweep's first policy against the others.
        QCOMPARE(view->policies(), (std::vector<PolicyId>{PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet}));
        QCOMPARE(view->tableModel()->rowCount(), 0); // hidden: refreshed once shown
        window->showComparison({PolicyId::MsdNet, PolicyId::Heuristic, PolicyId::BranchyNet});
        QCOMPARE(window->findChild<QTabWidget *>(QStringLiteral("centre"))->currentWidget(), view);
        QCOMPARE(view->policies(), (std::vector<PolicyId>{PolicyId::MsdNet, PolicyId::Heuristic, PolicyId::BranchyNet}));
        QCOMPARE(view->baselineBox()->currentText(), QStringLiteral("msdnet"));
        QCOMPARE(view->policyList()->count(), 2);

        // The overlay: the three val curves, six points each.
        QCOMPARE(view->overlayPlot()->curves().size(), std::size_t(3));
        for (const Curve &curve : view->overlayPlot()->curves()) {
            QCOMPARE(curve.points.size(), std::size_t(6));
            QVERIFY(!curve.test);
        }

        // The difference plot: accuracy(policy) - accuracy(msdnet) at each of the six budgets, in pp.
        const std::vector<GainCurve> &gains = view->gainPlot()->curves();
        QCOMPARE(gains.size(), std::size_t(2));
        const double scale = d->budgetScale();
        for (const GainCurve &curve : gains) {
            const PolicyId policy = *parsePolicy(curve.policy.toStdString());
            QCOMPARE(curve.points.size(), std::size_t(6));
            for (const GainPoint &point : curve.points) {
                const SweepRow *row = rowAt(d, policy, point.budget * scale);
                const SweepRow *base = rowAt(d, PolicyId::MsdNet, point.budget * scale);
                QVERIFY(row && base);
                QCOMPARE(point.gain, 100 * (row->val.accuracy - base->val.accuracy));
                QCOMPARE(point.value, row->val.accuracy);
                QCOMPARE(point.baselineValue, base->val.accuracy);
            }
        }

        // The table: five of the six budgets, both ends included; every cell from the rows.
        QCOMPARE(view->budgets().size(), std::size_t(5));
        QCOMPARE(view->budgets().front(), d->sweepSettings().from);
        QCOMPARE(view->budgets().back(), d->sweepSettings().to);
        checkTableAgainstRows(window.get(), Split::Val);
        QVERIFY(view->tableModel()->headerData(1, Qt::Horizontal).toString().contains(QLatin1String("msdnet (baseline)")));

        // The test split: dashed curves, the test numbers.
        view->setSplit(Split::Test);
        QVERIFY(view->overlayPlot()->curves().front().test);
        checkTableAgainstRows(window.get(), Split::Test);
        view->setSplit(Split::Val);

        // A click on an overlay point loads that policy at that budget, as in the explorer.
        Document *doc = window->document();
        const SweepRow *clicked = rowAt(d, PolicyId::Heuristic, d->sweepRows().back().budget);
        QVERIFY(clicked);
        emit view->overlayPlot()->curvePointClicked(QStringLiteral("heuristic"), clicked->budget / scale);
        QTRY_COMPARE(doc->policyState().name, QStringLiteral("heuristic"));
        QCOMPARE(doc->policyState().policy.thresholds, clicked->result.policy.thresholds);

        // Chosen in the controls: a new baseline (the old one joins the compared), an unchecked policy.
        QComboBox *baseline = view->baselineBox();
        baseline->setCurrentIndex(baseline->findText(QStringLiteral("branchynet")));
        emit baseline->activated(baseline->currentIndex());
        QCOMPARE(view->policies(), (std::vector<PolicyId>{PolicyId::BranchyNet, PolicyId::Heuristic, PolicyId::MsdNet}));
        QListWidget *list = view->policyList();
        const QList<QListWidgetItem *> heuristic = list->findItems(QStringLiteral("heuristic"), Qt::MatchExactly);
        QCOMPARE(heuristic.size(), 1);
        heuristic.front()->setCheckState(Qt::Unchecked);
        QCOMPARE(view->policies(), (std::vector<PolicyId>{PolicyId::BranchyNet, PolicyId::MsdNet}));
        QCOMPARE(view->gainPlot()->curves().size(), std::size_t(1));
        QCOMPARE(view->tableModel()->columnCount(), 6);
        checkTableAgainstRows(window.get(), Split::Val);
    }

    void typedBudgetsInterpolateAndBadTextIsNamed()
    {
        auto window = openWindow();
        QVERIFY(window);
        window->showComparison();
        CompareView *view = window->compareView();
        QAbstractItemModelTester tester(view->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(sweep(window.get(), {PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet}, 5));
        const Document *d = window->document();
        view->setPolicies({PolicyId::Heuristic, PolicyId::MsdNet});
        std::vector<double> solved;
        for (const SweepRow &row : d->sweepRows())
            if (row.policy == PolicyId::MsdNet)
                solved.push_back(row.budget);
        std::sort(solved.begin(), solved.end());
        const double scale = d->budgetScale();
        const double mid = (solved[1] + solved[2]) / 2 / scale;
        const double outside = solved.back() / scale * 2;

        QVERIFY(!view->setBudgetText(QStringLiteral("0.5, lots")));
        QVERIFY2(view->note().contains(QLatin1String("Table budgets")), qPrintable(view->note()));
        QVERIFY(view->setBudgetText(QStringLiteral("%1, %2, %3").arg(outside, 0, 'g', 17).arg(solved[1] / scale, 0, 'g', 17).arg(mid, 0, 'g', 17)));
        QVERIFY(!view->note().contains(QLatin1String("Table budgets")));
        const ComparisonTableModel *model = view->tableModel();
        QCOMPARE(model->rowCount(), 3); // sorted
        const int value = model->columnOf(1, ComparisonTableModel::Kind::Value);
        // A sweep budget: exact; between two: linear; outside: none.
        const SweepRow *at = rowAt(d, PolicyId::MsdNet, solved[1]);
        QCOMPARE(model->data(model->index(0, value), Qt::UserRole).toDouble(), at->val.accuracy);
        const SweepRow *lo = rowAt(d, PolicyId::MsdNet, solved[1]), *hi = rowAt(d, PolicyId::MsdNet, solved[2]);
        QVERIFY(std::abs(model->data(model->index(1, value), Qt::UserRole).toDouble() - (lo->val.accuracy + hi->val.accuracy) / 2) < 1e-12);
        QVERIFY(model->data(model->index(1, value), Qt::FontRole).value<QFont>().italic());
        QVERIFY(model->data(model->index(1, value), Qt::ToolTipRole).toString().contains(QLatin1String("interpolated")));
        QVERIFY(std::isnan(model->data(model->index(2, value), Qt::UserRole).toDouble()));
        QCOMPARE(model->data(model->index(2, value)).toString(), QString(QChar(0x2013)));

        // Empty: the default budgets again.
        QVERIFY(view->setBudgetText(QString()));
        QCOMPARE(model->rowCount(), 5);
    }

    void csvMatchesTheCurvesCsv()
    {
        auto window = openWindow();
        QVERIFY(window);
        window->showComparison();
        CompareView *view = window->compareView();
        QVERIFY(sweep(window.get(), {PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet}, 7));
        Document *d = window->document();
        view->setPolicies({PolicyId::MsdNet, PolicyId::BranchyNet, PolicyId::Heuristic});
        const QString curvesPath = m_dir.filePath(QStringLiteral("curves.csv"));
        const QString comparePath = m_dir.filePath(QStringLiteral("compare.csv"));
        d->exportCurves(curvesPath);
        view->exportCsv(comparePath);
        const Csv curves = readCsv(curvesPath), compare = readCsv(comparePath);
        QCOMPARE(compare.header.join(QLatin1Char(',')),
                 QStringLiteral("budget,split,policy,baseline,objective,accuracy,agreement,mean_cost,p90_cost,gain_pp,"
                                "interpolated,budget_cost"));
        // 5 budgets x 2 splits x 3 policies.
        QCOMPARE(compare.rows.size(), 30);
        std::map<std::pair<QString, QString>, QStringList> byPolicyBudget;
        for (const QStringList &row : curves.rows)
            byPolicyBudget[{curves.cell(row, QStringLiteral("policy")), curves.cell(row, QStringLiteral("budget"))}] = row;
        std::map<std::pair<QString, QString>, double> accuracy; // (split, budget) of the baseline
        for (const QStringList &row : compare.rows) {
            const QString split = compare.cell(row, QStringLiteral("split"));
            QCOMPARE(compare.cell(row, QStringLiteral("baseline")), QStringLiteral("msdnet"));
            QCOMPARE(compare.cell(row, QStringLiteral("objective")), QStringLiteral("accuracy"));
            QCOMPARE(compare.cell(row, QStringLiteral("interpolated")), QStringLiteral("0"));
            const auto found = byPolicyBudget.find({compare.cell(row, QStringLiteral("policy")), compare.cell(row, QStringLiteral("budget"))});
            QVERIFY2(found != byPolicyBudget.end(), qPrintable(row.join(QLatin1Char(','))));
            const QStringList &c = found->second;
            QCOMPARE(compare.cell(row, QStringLiteral("accuracy")), curves.cell(c, split + QStringLiteral("_accuracy")));
            QCOMPARE(compare.cell(row, QStringLiteral("agreement")), curves.cell(c, split + QStringLiteral("_agreement")));
            QCOMPARE(compare.cell(row, QStringLiteral("mean_cost")), curves.cell(c, split + QStringLiteral("_cost")));
            QCOMPARE(compare.cell(row, QStringLiteral("p90_cost")), curves.cell(c, split + QStringLiteral("_p90_cost")));
            QCOMPARE(compare.cell(row, QStringLiteral("budget_cost")), curves.cell(c, QStringLiteral("budget_cost")));
            if (compare.cell(row, QStringLiteral("policy")) == QLatin1String("msdnet")) {
                QCOMPARE(compare.cell(row, QStringLiteral("gain_pp")), QStringLiteral("0"));
                accuracy[{split, compare.cell(row, QStringLiteral("budget"))}] = compare.cell(row, QStringLiteral("accuracy")).toDouble();
            }
        }
        for (const QStringList &row : compare.rows) {
            const double base = accuracy.at({compare.cell(row, QStringLiteral("split")), compare.cell(row, QStringLiteral("budget"))});
            const double gain = compare.cell(row, QStringLiteral("gain_pp")).toDouble();
            QVERIFY(std::abs(gain - 100 * (compare.cell(row, QStringLiteral("accuracy")).toDouble() - base)) < 1e-7);
        }

        // An export onto an input, or into a folder that is not there: refused, naming the file.
        for (const QString &bad : {m_val, m_dir.filePath(QStringLiteral("no/such/folder/c.csv"))}) {
            try {
                view->exportCsv(bad);
                QFAIL("the export went through");
            } catch (const InputError &e) {
                QVERIFY2(QString::fromStdString(e.what()).contains(bad), e.what());
            }
        }
        QVERIFY(QFileInfo(m_val).size() > 1000);
    }

    void followsNewSweepsAndEmptiesWhenInputsChange()
    {
        auto window = openWindow();
        QVERIFY(window);
        window->showComparison();
        CompareView *view = window->compareView();
        QAbstractItemModelTester tester(view->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(sweep(window.get(), {PolicyId::Heuristic, PolicyId::MsdNet}, 4));
        QCOMPARE(view->policies(), (std::vector<PolicyId>{PolicyId::Heuristic, PolicyId::MsdNet}));
        QCOMPARE(view->tableModel()->rowCount(), 4);
        QCOMPARE(view->gainPlot()->curves().front().points.size(), std::size_t(4));

        // A new sweep: more policies, more budgets.
        QVERIFY(sweep(window.get(), {PolicyId::Heuristic, PolicyId::BranchyNet, PolicyId::MsdNet}, 8));
        QCOMPARE(view->policies().size(), std::size_t(3));
        QCOMPARE(view->tableModel()->rowCount(), 5);
        QCOMPARE(view->gainPlot()->curves().size(), std::size_t(2));
        QCOMPARE(view->gainPlot()->curves().front().points.size(), std::size_t(8));
        checkTableAgainstRows(window.get(), Split::Val);

        // What a refresh costs the GUI thread (the window calls it at most every 150 ms while
        // rows stream in, and only while the tab is shown): reported, not asserted.
        std::vector<double> ms;
        for (int i = 0; i < 15; ++i) {
            QElapsedTimer timer;
            timer.start();
            view->refresh();
            view->overlayPlot()->customPlot()->replot();
            view->gainPlot()->customPlot()->replot();
            ms.push_back(timer.nsecsElapsed() / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        qInfo("compare tab refresh + both replots, 3 policies x 8 budgets: median %.2f ms, max %.2f ms", ms[ms.size() / 2], ms.back());

        // An input changes (the latency): the sweep is dropped, and the comparison with it.
        Document *d = window->document();
        LatencyProfile profile = *d->latency();
        profile.cumulative[1] = 0.55;
        d->editLatency(profile, QStringLiteral("test"));
        window->refreshNow();
        QCOMPARE(d->sweepRows().size(), std::size_t(0));
        QCOMPARE(view->tableModel()->rowCount(), 0);
        QVERIFY(view->overlayPlot()->curves().empty());
        QVERIFY(view->gainPlot()->curves().empty());
        QVERIFY(!view->exportAction()->isEnabled());
        QVERIFY(view->note().contains(QLatin1String("Run a sweep")));
        QVERIFY_THROWS_EXCEPTION(InputError, view->exportCsv(m_dir.filePath(QStringLiteral("none.csv"))));
    }

    void labelFreeComparesAgreement()
    {
        auto window = openWindow();
        QVERIFY(window);
        window->showComparison();
        CompareView *view = window->compareView();
        QVERIFY(sweep(window.get(), {PolicyId::BranchyNet, PolicyId::MsdNet}, 4, true));
        const Document *d = window->document();
        QVERIFY(view->agreement());
        const ComparisonTableModel *model = view->tableModel();
        QVERIFY(model->headerData(1, Qt::Horizontal).toString().contains(QLatin1String("agreement")));
        const int value = model->columnOf(1, ComparisonTableModel::Kind::Value);
        const double budget = model->data(model->index(0, 0), Qt::UserRole).toDouble() * d->budgetScale();
        QCOMPARE(model->data(model->index(0, value), Qt::UserRole).toDouble(), rowAt(d, PolicyId::MsdNet, budget)->val.agreement);
        const QString path = m_dir.filePath(QStringLiteral("agree.csv"));
        view->exportCsv(path);
        const Csv csv = readCsv(path);
        QCOMPARE(csv.cell(csv.rows.front(), QStringLiteral("objective")), QStringLiteral("agreement"));
    }

    void reachableFromTheMenus()
    {
        auto window = openWindow();
        QVERIFY(window);
        auto *centre = window->findChild<QTabWidget *>(QStringLiteral("centre"));
        QVERIFY(centre);
        window->action(QStringLiteral("showComparison"))->trigger();
        QCOMPARE(centre->currentWidget(), window->compareView());
        window->action(QStringLiteral("showExplorer"))->trigger();
        QCOMPARE(centre->currentWidget(), static_cast<QWidget *>(window->explorer()));
        QAction *exportAction = window->action(QStringLiteral("exportComparison"));
        QCOMPARE(exportAction, window->compareView()->exportAction());
        QVERIFY(!exportAction->isEnabled()); // nothing swept yet
        QVERIFY(sweep(window.get(), {PolicyId::Heuristic, PolicyId::MsdNet}, 3));
        QVERIFY(exportAction->isEnabled());
    }

    void gainPlotHoverZeroLineAndDarkPalette()
    {
        GainPlot plot;
        plot.resize(600, 400);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setAxisTitles(QStringLiteral("mean budget (ms)"), QStringLiteral("gain over msdnet (pp of accuracy)"),
                           QStringLiteral("msdnet"));
        plot.setCurves({GainCurve{QStringLiteral("branchynet"), {}, {{0.4, 1.5, 0.80, 0.785}, {0.6, 2.5, 0.85, 0.825}}},
                        GainCurve{QStringLiteral("eenet"), {}, {{0.4, -0.5, 0.78, 0.785}, {0.6, 0.25, 0.8275, 0.825}}}});
        QCustomPlot *cp = plot.customPlot();
        cp->replot();
        // The zero line (the baseline) is in view with every point.
        QVERIFY(cp->yAxis->range().contains(0) && cp->yAxis->range().contains(2.5) && cp->yAxis->range().contains(-0.5));
        QVERIFY(cp->xAxis->range().contains(0.4) && cp->xAxis->range().contains(0.6));
        QCOMPARE(cp->graphCount(), 2);
        QCOMPARE(cp->graph(0)->pen().color(), policyColor(QStringLiteral("branchynet")));
        // Hover: policy, baseline, both accuracies and the gain.
        QTest::mouseMove(cp, QPoint(qRound(cp->xAxis->coordToPixel(0.6)), qRound(cp->yAxis->coordToPixel(0.25))));
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(QLatin1String("eenet")) && tip.contains(QLatin1String("msdnet")) && tip.contains(QLatin1String("+0.25 pp"))
                     && tip.contains(QLatin1String("82.75%")) && tip.contains(QLatin1String("82.50%")),
                 qPrintable(tip));
        // Dark palette: the plot follows.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        plot.setPalette(dark);
        QCOMPARE(cp->axisRect()->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(cp->yAxis->labelColor(), dark.color(QPalette::WindowText));
        if (const QString dir = qEnvironmentVariable("EXITSCOPE_TEST_PNG_DIR"); !dir.isEmpty()) {
            cp->replot();
            plot.grab().save(dir + QStringLiteral("/gainplot-dark.png"));
        }
    }

    void screenshotOfTheComparison()
    {
        const QString png = m_dir.filePath(QStringLiteral("compare.png"));
        QProcess gui;
        gui.start(QStringLiteral(EXITSCOPE_GUI_BIN),
                  {QStringLiteral("--val"), m_val, QStringLiteral("--test"), m_test, QStringLiteral("--costs"), kCosts,
                   QStringLiteral("--policies"), QStringLiteral("heuristic,branchynet,msdnet"), QStringLiteral("--budgets"),
                   QStringLiteral("0.35:1:6"), QStringLiteral("--compare"), QStringLiteral("msdnet,branchynet,heuristic"),
                   QStringLiteral("--screenshot"), png});
        QVERIFY(gui.waitForFinished(120000));
        QVERIFY2(gui.exitCode() == 0, gui.readAllStandardError().constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 1000));
        // The comparison is what shows: BranchyNet's orange (its curve and gain line) is drawn.
        int orange = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                orange += image.pixelColor(x, y) == QColor(0xE6, 0x9F, 0x00);
        QVERIFY2(orange > 200, qPrintable(QString::number(orange)));

        // --compare names policies of the sweep.
        const QString none = m_dir.filePath(QStringLiteral("none.png"));
        gui.start(QStringLiteral(EXITSCOPE_GUI_BIN),
                  {QStringLiteral("--val"), m_val, QStringLiteral("--costs"), kCosts, QStringLiteral("--policies"),
                   QStringLiteral("heuristic,msdnet"), QStringLiteral("--budgets"), QStringLiteral("0.4:1:3"),
                   QStringLiteral("--compare"), QStringLiteral("msdnet,eenet"), QStringLiteral("--screenshot"), none});
        QVERIFY(gui.waitForFinished(60000));
        QCOMPARE(gui.exitCode(), 3);
        const QString error = QString::fromUtf8(gui.readAllStandardError());
        QVERIFY2(error.contains(QLatin1String("--compare")) && error.contains(QLatin1String("eenet")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(none));
    }
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"

#include "explorerview.h"

#include "document.h"

#include "widgets/plots/exithistogramplot.h"
#include "widgets/plots/tradeoffplot.h"
#include "widgets/thresholdtablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace exitscope::gui {

namespace {

QString name(PolicyId id)
{
    const std::string_view n = policyName(id);
    return QString::fromLatin1(n.data(), static_cast<int>(n.size()));
}

QString comparison(Direction direction)
{
    return direction == Direction::HigherIsConfident ? QStringLiteral("≥") : QStringLiteral("≤");
}

} // namespace

ExplorerView::ExplorerView(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_tradeoff = new TradeoffPlot(splitter);
    auto *bottom = new QWidget(splitter);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    // Many exits (17 in AAAI21's Speech) need more than the window's width at the plots'
    // smallest readable size: they scroll sideways instead of widening the window.
    auto *histogramArea = new QScrollArea(bottom);
    histogramArea->setFrameShape(QFrame::NoFrame);
    histogramArea->setWidgetResizable(true);
    histogramArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The thresholds table scrolls with them, its columns under the histograms.
    auto *histograms = new QWidget(histogramArea);
    auto *histogramLayout = new QVBoxLayout(histograms);
    histogramLayout->setContentsMargins(0, 0, 0, 0);
    m_histogramRow = new QHBoxLayout;
    histogramLayout->addLayout(m_histogramRow, 1);
    histogramArea->setWidget(histograms);
    bottomLayout->addWidget(histogramArea, 1);
    // One column per exit, under the histograms: the thresholds typed in.
    m_thresholdModel = new ThresholdTableModel(this);
    m_thresholdView = new QTableView(histograms);
    m_thresholdView->setModel(m_thresholdModel);
    m_thresholdView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_thresholdView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_thresholdView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_thresholdView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_thresholdView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                     | QAbstractItemView::AnyKeyPressed);
    m_thresholdView->setToolTip(tr("Thresholds: type a value and press Enter (Ctrl+Z undoes it)"));
    histogramLayout->addWidget(m_thresholdView);
    splitter->addWidget(m_tradeoff);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({560, 400});
    layout->addWidget(splitter);

    connect(m_thresholdModel, &ThresholdTableModel::thresholdEdited, m_document, &Document::setThreshold);
    connect(m_thresholdModel, &ThresholdTableModel::editRefused, this,
            [this](const QString &message) { emit m_document->inputError(tr("Thresholds"), message); });
    connect(m_tradeoff, &TradeoffPlot::budgetDragged, this, [this](double budget) { m_document->moveBudget(budget, false); });
    connect(m_tradeoff, &TradeoffPlot::budgetDragFinished, this, [this](double budget) { m_document->moveBudget(budget, true); });
    connect(m_tradeoff, &TradeoffPlot::curvePointClicked, this, [this](const QString &policy, double budget) {
        if (const std::optional<PolicyId> id = parsePolicy(policy.toStdString()))
            m_document->loadCurvePoint(*id, budget);
    });
}

void ExplorerView::ensureHistograms(int count)
{
    while (static_cast<int>(m_histograms.size()) > count) {
        delete m_histograms.back();
        m_histograms.pop_back();
    }
    while (static_cast<int>(m_histograms.size()) < count) {
        auto *plot = new ExitHistogramPlot(this);
        plot->setMinimumSize(120, 120);
        connect(plot, &ExitHistogramPlot::thresholdDragged, m_document, &Document::previewThreshold);
        connect(plot, &ExitHistogramPlot::thresholdDragFinished, m_document, &Document::commitThreshold);
        m_histogramRow->addWidget(plot, 1);
        m_histograms.push_back(plot);
    }
}

void ExplorerView::refreshEvaluation(int firstExit)
{
    const Evaluator *val = m_document->ready() ? m_document->valEvaluator() : nullptr;
    const int count = m_document->exits() > 0 ? m_document->exits() - 1 : 0;
    if (static_cast<int>(m_histograms.size()) != count) {
        ensureHistograms(count);
        firstExit = 0;
    }
    const PolicyState &state = m_document->policyState();
    if (!val) {
        // Still being evaluated: the thresholds are known, the counts not yet.
        m_thresholdModel->setThresholds(state.policy.thresholds, {}, QString::fromStdString(std::string(measureName(state.policy.measure))),
                                        comparison(state.policy.direction));
        return;
    }
    const Evaluation &evaluation = val->evaluation();
    const ThresholdPolicy &policy = val->policy();
    for (int k = std::max(0, firstExit); k < count; ++k)
        m_histograms[static_cast<std::size_t>(k)]->setView(makeHistogramView(*val, k));
    std::vector<double> hitRates;
    for (int k = 0; k < count; ++k)
        hitRates.push_back(evaluation.exits[static_cast<std::size_t>(k)].hitRate);
    m_thresholdModel->setThresholds(policy.thresholds, hitRates, QString::fromStdString(std::string(measureName(policy.measure))),
                                    comparison(policy.direction));
    m_tradeoff->setOperatingPoint(m_document->operatingCost(*val), m_document->objectiveOf(evaluation));
    fitThresholdView();
}

void ExplorerView::fitThresholdView()
{
    // Exactly its rows: the histograms above take the rest.
    QHeaderView *header = m_thresholdView->horizontalHeader();
    const int height = std::max(header->height(), header->sizeHint().height()) + m_thresholdView->verticalHeader()->length()
        + 2 * m_thresholdView->frameWidth();
    if (m_thresholdView->height() != height)
        m_thresholdView->setFixedHeight(height);
}

void ExplorerView::refreshCurves()
{
    const LatencyProfile *latency = m_document->latency();
    const TraceSummary *summary = m_document->valSummary();
    const SweepSettings &settings = m_document->settings();
    const double scale = m_document->budgetScale();
    const bool p90 = settings.kind == BudgetKind::P90; // rows hold both costs: the current kind decides
    const bool agreement = settings.labelFree || (m_document->val() && !m_document->val()->hasCorrectness());
    m_tradeoff->setAxisTitles(tr("%1 cost (%2)").arg(p90 ? tr("p90") : tr("mean"), m_document->costUnitText()),
                              m_document->objectiveName());

    std::map<PolicyId, Curve> valCurves, testCurves;
    std::vector<CurvePoint> front, bound;
    for (const SweepRow &row : m_document->sweepRows()) {
        if (!row.done || !row.error.empty())
            continue;
        const auto point = [&](const SplitNumbers &n) {
            return CurvePoint{row.budget / scale, (p90 ? n.p90Cost : n.meanCost) / scale, agreement ? n.agreement : n.accuracy};
        };
        if (!row.result.isPolicy) {
            bound.push_back(point(row.val));
            continue;
        }
        Curve &curve = valCurves[row.policy];
        curve.policy = name(row.policy);
        curve.label = curve.policy;
        curve.points.push_back(point(row.val));
        if (row.test) {
            Curve &test = testCurves[row.policy];
            test.policy = curve.policy;
            test.label = curve.policy + tr(" (test)");
            test.test = true;
            test.points.push_back(point(*row.test));
        }
        if (row.pareto)
            front.push_back(point(row.val));
    }
    std::vector<Curve> curves;
    for (auto *map : {&valCurves, &testCurves})
        for (auto &[id, curve] : *map) {
            std::sort(curve.points.begin(), curve.points.end(),
                      [](const CurvePoint &a, const CurvePoint &b) { return a.budget < b.budget; });
            curves.push_back(std::move(curve));
        }
    const auto byCost = [](const CurvePoint &a, const CurvePoint &b) { return a.cost < b.cost; };
    std::sort(front.begin(), front.end(), byCost);
    std::sort(bound.begin(), bound.end(), byCost);
    m_tradeoff->setCurves(std::move(curves));
    m_tradeoff->setParetoFront(std::move(front));
    m_tradeoff->setOracleBound(std::move(bound));

    std::vector<CurvePoint> exits;
    if (latency && summary && latency->exits() == summary->exits) {
        for (int k = 0; k < summary->exits; ++k) {
            const TraceSummary::Exit &e = summary->perExit[static_cast<std::size_t>(k)];
            const double cost = latency->cumulative[static_cast<std::size_t>(k)] / scale;
            exits.push_back({cost, cost, agreement ? e.agreement : e.accuracy});
        }
        m_tradeoff->setFullModel(exits.back().cost, exits.back().accuracy);
    } else {
        m_tradeoff->setFullModel(std::nan(""), std::nan(""));
    }
    m_tradeoff->setExitPoints(std::move(exits));
    m_tradeoff->setBudget(m_document->cursorBudget());
}

} // namespace exitscope::gui

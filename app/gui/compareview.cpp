#include "compareview.h"

#include "document.h"

#include "widgets/comparisontablemodel.h"
#include "widgets/plots/gainplot.h"
#include "widgets/plots/tradeoffplot.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/solvers/tuningtext.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace exitscope::gui {

namespace {

QString name(PolicyId id)
{
    const std::string_view n = policyName(id);
    return QString::fromLatin1(n.data(), static_cast<int>(n.size()));
}

} // namespace

CompareView::CompareView(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 0, 0);

    // Top: what is compared, in one row, so that the plots and the table get the width.
    auto *controls = new QHBoxLayout;
    const auto labelFor = [this, controls](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        controls->addWidget(label);
        controls->addWidget(buddy);
    };
    m_baselineBox = new QComboBox(this);
    m_baselineBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_baselineBox->setToolTip(CompareView::tr("The policy the others are measured against: their gain is their accuracy minus its"));
    labelFor(tr("&Baseline"), m_baselineBox);
    // The compared policies as checkable chips, side by side (two rows at most).
    m_policyList = new QListWidget(this);
    m_policyList->setFlow(QListView::LeftToRight);
    m_policyList->setWrapping(true);
    m_policyList->setResizeMode(QListView::Adjust);
    m_policyList->setSpacing(1);
    m_policyList->setFixedHeight(2 * (fontMetrics().height() + 8) + 2 * m_policyList->frameWidth());
    m_policyList->setMinimumWidth(200);
    m_policyList->setToolTip(tr("The policies drawn against the baseline (check or uncheck)"));
    labelFor(tr("compared &with"), m_policyList);
    controls->setStretchFactor(m_policyList, 1);
    m_splitBox = new QComboBox(this);
    m_splitBox->addItem(tr("val"), static_cast<int>(Split::Val));
    m_splitBox->addItem(tr("test"), static_cast<int>(Split::Test));
    m_splitBox->setToolTip(tr("Whose numbers: the val trace the thresholds were tuned on, or the test trace"));
    labelFor(tr("&Split"), m_splitBox);
    m_budgetEdit = new QLineEdit(this);
    m_budgetEdit->setPlaceholderText(tr("a few of the sweep's"));
    m_budgetEdit->setToolTip(tr("The budgets of the table, comma-separated, in the budget axis's unit; empty: five of the "
                                "sweep's budgets across its range. A budget between two the sweep solved is "
                                "interpolated (italics)"));
    m_budgetEdit->setClearButtonEnabled(true);
    m_budgetEdit->setMinimumWidth(150);
    labelFor(tr("Table b&udgets"), m_budgetEdit);
    m_exportAction = new QAction(tr("Export co&mparison CSV…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportComparison"));
    m_exportAction->setToolTip(tr("Write the table's budgets for both splits as CSV"));
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setToolTip(m_exportAction->toolTip());
    connect(exportButton, &QPushButton::clicked, m_exportAction, &QAction::trigger);
    connect(m_exportAction, &QAction::triggered, this, &CompareView::exportCsvDialog);
    controls->addWidget(exportButton);
    layout->addLayout(controls);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::RichText);
    layout->addWidget(m_note);

    // The overlay and the difference side by side, the table under them.
    auto *vertical = new QSplitter(Qt::Vertical, this);
    auto *plots = new QSplitter(Qt::Horizontal, vertical);
    m_overlay = new TradeoffPlot(plots);
    m_overlay->setObjectName(QStringLiteral("compareOverlay"));
    m_gain = new GainPlot(plots);
    m_gain->setObjectName(QStringLiteral("compareGain"));
    plots->addWidget(m_overlay);
    plots->addWidget(m_gain);
    m_model = new ComparisonTableModel(this);
    m_table = new QTableView(vertical);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8); // as the thresholds table: five rows in view
    m_table->installEventFilter(this); // resized: the columns fit again
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    vertical->addWidget(plots);
    vertical->addWidget(m_table);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({600, 230});
    layout->addWidget(vertical, 1);

    // As in the explorer: a click on a curve point loads that policy at that budget (the
    // operating point dock shows it at once; one undo step).
    connect(m_overlay, &TradeoffPlot::curvePointClicked, this, [this](const QString &policy, double budget) {
        if (const std::optional<PolicyId> id = parsePolicy(policy.toStdString()))
            m_document->loadCurvePoint(*id, budget);
    });
    connect(m_baselineBox, &QComboBox::activated, this, &CompareView::baselineChosen);
    connect(m_policyList, &QListWidget::itemChanged, this, &CompareView::listEdited);
    connect(m_splitBox, &QComboBox::activated, this,
            [this](int index) { setSplit(static_cast<Split>(m_splitBox->itemData(index).toInt())); });
    connect(m_budgetEdit, &QLineEdit::editingFinished, this, [this] { setBudgetText(m_budgetEdit->text()); });
    refresh();
}

QString CompareView::note() const
{
    return m_note->text();
}

bool CompareView::agreement() const
{
    return m_document->settings().labelFree || (m_document->val() && !m_document->val()->hasCorrectness());
}

std::vector<PolicyId> CompareView::available() const
{
    const std::map<PolicyId, ComparedCurve> curves = comparedCurves(m_document->sweepRows(), Split::Val);
    std::vector<PolicyId> out;
    for (PolicyId p : m_document->sweepSettings().policies)
        if (curves.count(p) && std::find(out.begin(), out.end(), p) == out.end())
            out.push_back(p);
    return out;
}

std::vector<PolicyId> CompareView::policies() const
{
    const std::vector<PolicyId> all = available();
    if (all.empty())
        return {};
    PolicyId baseline = all.front();
    if (m_baseline && std::find(all.begin(), all.end(), *m_baseline) != all.end())
        baseline = *m_baseline;
    std::vector<PolicyId> out{baseline};
    for (PolicyId p : all)
        if (p != baseline && (m_chosen ? m_chosen->count(p) > 0 : p != PolicyId::Oracle))
            out.push_back(p);
    return out;
}

void CompareView::setPolicies(const std::vector<PolicyId> &policies)
{
    if (policies.empty())
        return;
    m_baseline = policies.front();
    m_chosen = std::set<PolicyId>(policies.begin() + 1, policies.end());
    refresh();
}

void CompareView::setSplit(Split split)
{
    m_split = split;
    refresh();
}

bool CompareView::setBudgetText(const QString &text)
{
    m_budgetError.clear();
    std::vector<double> budgets;
    if (!text.trimmed().isEmpty()) {
        try {
            // "0.4, 0.5" and "0.4 0.5" as "0.4,0.5" (the CLI's lists take no spaces).
            const QStringList items = text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
            budgets = parseNumberList(items.join(QLatin1Char(',')).toStdString(), tr("Table budgets").toStdString());
        } catch (const InputError &e) {
            m_budgetError = QString::fromStdString(e.what());
        }
    }
    if (m_budgetEdit->text() != text)
        m_budgetEdit->setText(text);
    if (m_budgetError.isEmpty()) {
        std::sort(budgets.begin(), budgets.end());
        budgets.erase(std::unique(budgets.begin(), budgets.end()), budgets.end());
        m_typedBudgets = budgets;
    }
    refresh();
    return m_budgetError.isEmpty();
}

std::vector<double> CompareView::rawBudgets() const
{
    if (m_typedBudgets.empty())
        return defaultBudgets(m_document->sweepRows());
    std::vector<double> raw;
    for (double b : m_typedBudgets)
        raw.push_back(b * m_document->budgetScale());
    return raw;
}

std::vector<double> CompareView::budgets() const
{
    return m_model->table().budgets;
}

void CompareView::baselineChosen()
{
    const auto chosen = static_cast<PolicyId>(m_baselineBox->currentData().toInt());
    const std::vector<PolicyId> shown = policies();
    if (!shown.empty() && chosen != shown.front()) {
        // The old baseline takes the new one's place among the compared.
        std::set<PolicyId> compared(shown.begin() + 1, shown.end());
        compared.erase(chosen);
        compared.insert(shown.front());
        m_chosen = compared;
    }
    m_baseline = chosen;
    refresh();
}

void CompareView::listEdited()
{
    std::set<PolicyId> compared;
    for (int i = 0; i < m_policyList->count(); ++i)
        if (m_policyList->item(i)->checkState() == Qt::Checked)
            compared.insert(static_cast<PolicyId>(m_policyList->item(i)->data(Qt::UserRole).toInt()));
    m_chosen = compared;
    refresh();
}

void CompareView::fillControls(const std::vector<PolicyId> &all)
{
    const std::vector<PolicyId> shown = policies();
    // Rows stream in several times a second: an open popup or a scrolled list stays as it is
    // unless what it lists changed.
    if (all == m_listed && shown == m_listedShown && m_baselineBox->count() == static_cast<int>(all.size()))
        return;
    m_listed = all;
    m_listedShown = shown;
    {
        const QSignalBlocker block(m_baselineBox);
        m_baselineBox->clear();
        for (PolicyId p : all)
            m_baselineBox->addItem(name(p), static_cast<int>(p));
        if (!shown.empty())
            m_baselineBox->setCurrentIndex(m_baselineBox->findData(static_cast<int>(shown.front())));
    }
    {
        const QSignalBlocker block(m_policyList);
        m_policyList->clear();
        for (PolicyId p : all) {
            if (!shown.empty() && p == shown.front())
                continue;
            auto *item = new QListWidgetItem(name(p), m_policyList);
            item->setData(Qt::UserRole, static_cast<int>(p));
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setCheckState(std::find(shown.begin() + 1, shown.end(), p) != shown.end() ? Qt::Checked : Qt::Unchecked);
        }
    }
    const QSignalBlocker block(m_splitBox);
    m_splitBox->setCurrentIndex(m_splitBox->findData(static_cast<int>(m_split)));
}

void CompareView::refreshWhenShown()
{
    if (isVisible()) {
        refresh();
        return;
    }
    m_stale = true;
    m_exportAction->setEnabled(!policies().empty()); // File's export works from any tab
}

void CompareView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void CompareView::refresh()
{
    m_stale = false;
    const Document *d = m_document;
    const std::vector<PolicyId> all = available();
    fillControls(all);
    const std::vector<PolicyId> shown = policies();
    const bool agree = agreement();
    const double scale = d->budgetScale();
    const bool p90 = d->settings().kind == BudgetKind::P90; // as the trade-off plot: the current kind decides
    const QString objective = agree ? tr("agreement") : tr("accuracy");
    const QString unit = d->costUnitText();
    const QString costTitle = tr("%1 cost (%2)").arg(p90 ? tr("p90") : tr("mean"), unit);
    const QString budgetTitle = tr("%1 budget (%2)").arg(d->sweepSettings().kind == BudgetKind::P90 ? tr("p90") : tr("mean"), unit);
    const QString baselineName = shown.empty() ? QString() : name(shown.front());
    const std::map<PolicyId, ComparedCurve> curves = comparedCurves(d->sweepRows(), m_split);
    const auto curveOf = [&curves](PolicyId p) -> const ComparedCurve * {
        const auto found = curves.find(p);
        return found == curves.end() ? nullptr : &found->second;
    };

    // The note: what to do, or how to read what is shown.
    QString note;
    if (all.empty())
        note = tr("Run a sweep (Policies, Ctrl+R) of two or more policies: the comparison uses its results, no new solving.");
    else if (all.size() < 2)
        note = tr("The sweep has one policy: sweep two or more to compare them.");
    else if (m_split == Split::Test && curves.empty())
        note = tr("No test numbers: open a test trace and sweep again, or compare on val.");
    else
        note = tr("Gain: %1 minus %2's at the same budget (one sweep solves every policy at the same budgets; a budget "
                  "either lacks is left out). In the table, <i>italics</i> are interpolated between the sweep's budgets.")
                   .arg(objective, baselineName.toHtmlEscaped());
    if (!m_budgetError.isEmpty())
        note += QStringLiteral("<br><span style=\"color:#d55e00\">%1</span>").arg(m_budgetError.toHtmlEscaped());
    m_note->setText(note);

    // The overlay: the chosen policies' curves on the chosen split.
    std::vector<Curve> overlay;
    for (PolicyId p : shown) {
        const ComparedCurve *curve = curveOf(p);
        if (!curve)
            continue;
        Curve c;
        c.policy = name(p);
        c.label = p == shown.front() ? tr("%1 (baseline)").arg(c.policy) : c.policy;
        c.test = m_split == Split::Test;
        for (const ComparedPoint &point : *curve)
            c.points.push_back({point.budget / scale, (p90 ? point.numbers.p90Cost : point.numbers.meanCost) / scale,
                                objectiveOf(point.numbers, agree)});
        overlay.push_back(std::move(c));
    }
    m_overlay->setAxisTitles(costTitle, m_split == Split::Test ? tr("%1 (test)").arg(d->objectiveName()) : d->objectiveName());
    m_overlay->setCurves(std::move(overlay));
    m_overlay->setBudget(std::nan("")); // no cursor here: the explorer's loads thresholds

    // The difference plot.
    std::vector<GainCurve> gains;
    const ComparedCurve *baseCurve = shown.empty() ? nullptr : curveOf(shown.front());
    for (std::size_t i = 1; i < shown.size() && baseCurve; ++i) {
        const ComparedCurve *curve = curveOf(shown[i]);
        if (!curve)
            continue;
        GainCurve g;
        g.policy = name(shown[i]);
        for (const GainAtBudget &gain : gainsAtEqualBudget(*curve, *baseCurve, agree))
            g.points.push_back({gain.budget / scale, 100 * gain.gain, gain.value, gain.baselineValue});
        gains.push_back(std::move(g));
    }
    m_gain->setAxisTitles(budgetTitle, tr("gain over %1 (pp of %2)").arg(baselineName, objective), baselineName);
    m_gain->setCurves(std::move(gains));

    // The table at the chosen budgets.
    ComparisonTable table;
    table.objective = objective;
    table.cost = p90 ? tr("p90 cost") : tr("mean cost");
    table.unit = unit;
    if (shown.size() >= 1 && !curves.empty()) {
        for (PolicyId p : shown)
            table.policies << name(p);
        for (double raw : rawBudgets()) {
            table.budgets.push_back(raw / scale);
            std::vector<ComparisonTable::Cell> row;
            std::optional<ComparedPoint> base;
            if (baseCurve)
                base = pointAt(*baseCurve, raw);
            for (PolicyId p : shown) {
                ComparisonTable::Cell cell;
                const ComparedCurve *curve = curveOf(p);
                if (const std::optional<ComparedPoint> point = curve ? pointAt(*curve, raw) : std::nullopt) {
                    cell.value = objectiveOf(point->numbers, agree);
                    cell.cost = (p90 ? point->numbers.p90Cost : point->numbers.meanCost) / scale;
                    cell.interpolated = point->interpolated;
                    if (base)
                        cell.gain = cell.value - objectiveOf(base->numbers, agree);
                }
                row.push_back(cell);
            }
            table.cells.push_back(std::move(row));
        }
    }
    m_model->setTable(std::move(table));
    fitColumns();
    m_exportAction->setEnabled(!shown.empty());
}

void CompareView::fitColumns()
{
    // Each column as wide as its header and cells, the room left shared out evenly; a scroll
    // bar when they do not fit, rather than elided headers.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    const int columns = m_model->columnCount();
    if (columns == 0)
        return;
    std::vector<int> needed;
    int total = 0;
    for (int c = 0; c < columns; ++c) {
        needed.push_back(std::max(header->sectionSizeHint(c), static_cast<QAbstractItemView *>(m_table)->sizeHintForColumn(c)));
        total += needed.back();
    }
    const int extra = std::max(0, m_table->viewport()->width() - total) / columns;
    for (int c = 0; c < columns; ++c)
        header->resizeSection(c, needed[static_cast<std::size_t>(c)] + extra);
}

bool CompareView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void CompareView::exportCsv(const QString &path) const
{
    const std::vector<PolicyId> shown = policies();
    if (shown.empty())
        throw InputError(path.toStdString(), "nothing to compare yet: run a sweep of two or more policies");
    checkOutputIsNotInput(path.toStdString(), {m_document->valPath().toStdString(), m_document->testPath().toStdString(),
                                               m_document->latencyPath().toStdString()});
    writeTextFile(path.toStdString(),
                  comparisonCsv(m_document->sweepRows(), shown, rawBudgets(), agreement(), m_document->sweepScale()));
}

void CompareView::exportCsvDialog()
{
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export comparison CSV"),
                                                      settings.value(QStringLiteral("lastFolder")).toString(),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    try {
        exportCsv(path);
        settings.setValue(QStringLiteral("lastFolder"), QFileInfo(path).absolutePath());
        emit m_document->message(tr("wrote %1").arg(path));
    } catch (const InputError &e) {
        emit m_document->inputError(tr("Export comparison"), QString::fromStdString(e.what()));
    }
}

} // namespace exitscope::gui

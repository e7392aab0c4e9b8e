#include "policypanel.h"

#include "document.h"

#include "widgets/plots/policystyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace exitscope::gui {

namespace {

QString policyLabel(PolicyId id)
{
    switch (id) {
    case PolicyId::Heuristic: return PolicyPanel::tr("heuristic (AAAI21 baseline)");
    case PolicyId::BranchyNet: return PolicyPanel::tr("BranchyNet");
    case PolicyId::MsdNet: return PolicyPanel::tr("MSDNet");
    case PolicyId::Ippp: return PolicyPanel::tr("iPPP (AAAI21)");
    case PolicyId::Eenet: return PolicyPanel::tr("EENet (WACV 2024; trains)");
    case PolicyId::SelfXit: return PolicyPanel::tr("SelfXit (label-free)");
    case PolicyId::Patience: return PolicyPanel::tr("patience (PABEE)");
    case PolicyId::Best: return PolicyPanel::tr("best (Exitscope)");
    case PolicyId::Oracle: return PolicyPanel::tr("oracle (upper bound)");
    }
    return {};
}

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(color);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

QDoubleSpinBox *budgetSpin(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setDecimals(4);
    box->setRange(0, std::numeric_limits<double>::max());
    box->setKeyboardTracking(false); // one edit per Enter or focus change, not per key
    // The huge range would make the box as wide as its largest number: the dock decides.
    box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    box->setMinimumWidth(70);
    return box;
}

} // namespace

PolicyPanel::PolicyPanel(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    m_policies = new QListWidget(this);
    m_policies->setToolTip(tr("Checked policies are swept; the selected one is loaded by the budget cursor"));
    for (const auto &[id, name] : kPolicyNames) {
        auto *item = new QListWidgetItem(swatch(policyColor(QString::fromLatin1(name.data(), static_cast<int>(name.size())))),
                                         policyLabel(id), m_policies);
        item->setData(Qt::UserRole, static_cast<int>(id));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    }
    layout->addWidget(m_policies, 1);

    auto *form = new QFormLayout;
    m_from = budgetSpin(this);
    m_to = budgetSpin(this);
    m_count = new QSpinBox(this);
    m_count->setRange(1, 100000);
    m_count->setKeyboardTracking(false);
    m_count->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_count->setMinimumWidth(50);
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(m_to);
    range->addWidget(m_count);
    form->addRow(tr("budgets"), range);
    m_from->setToolTip(tr("From"));
    m_to->setToolTip(tr("To"));
    m_count->setToolTip(tr("How many budgets, both ends included"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("mean cost"), static_cast<int>(BudgetKind::Mean));
    m_kind->addItem(tr("p90 cost"), static_cast<int>(BudgetKind::P90));
    form->addRow(tr("budget bounds"), m_kind);
    m_relative = new QCheckBox(tr("relative to the reference cost"), this);
    m_labelFree = new QCheckBox(tr("label-free (agreement with the final exit)"), this);
    form->addRow(m_relative);
    form->addRow(m_labelFree);
    m_budget = budgetSpin(this);
    m_budget->setToolTip(tr("The budget cursor: the selected policy's thresholds at this budget are loaded"));
    form->addRow(tr("budget cursor"), m_budget);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_sweep = new QPushButton(tr("Sweep"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    buttons->addWidget(m_sweep);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);

    connect(m_policies, &QListWidget::itemChanged, this, &PolicyPanel::applySettings);
    connect(m_policies, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && !m_showing)
            m_document->setCurrentPolicy(static_cast<PolicyId>(item->data(Qt::UserRole).toInt()));
    });
    for (QDoubleSpinBox *box : {m_from, m_to})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PolicyPanel::applySettings);
    connect(m_count, &QSpinBox::valueChanged, this, &PolicyPanel::applySettings);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PolicyPanel::applySettings);
    connect(m_relative, &QCheckBox::toggled, this, &PolicyPanel::applySettings);
    connect(m_labelFree, &QCheckBox::toggled, this, &PolicyPanel::applySettings);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, [this](double budget) {
        if (!m_showing)
            m_document->moveBudget(budget, true);
    });
    connect(m_sweep, &QPushButton::clicked, m_document, &Document::startSweep);
    connect(m_cancel, &QPushButton::clicked, m_document, &Document::cancelJobs);
    connect(m_document, &Document::settingsChanged, this, &PolicyPanel::showSettings);
    connect(m_document, &Document::currentPolicyChanged, this, &PolicyPanel::showSettings);
    connect(m_document, &Document::policyChanged, this, &PolicyPanel::showSettings);
    connect(&m_document->jobs(), &JobRunner::jobStarted, this, &PolicyPanel::showJobs);
    connect(&m_document->jobs(), &JobRunner::jobFinished, this, &PolicyPanel::showJobs);
    showSettings();
    showJobs();
}

void PolicyPanel::showSettings()
{
    m_showing = true;
    const SweepSettings &s = m_document->settings();
    for (int i = 0; i < m_policies->count(); ++i) {
        QListWidgetItem *item = m_policies->item(i);
        const auto id = static_cast<PolicyId>(item->data(Qt::UserRole).toInt());
        const bool checked = std::find(s.policies.begin(), s.policies.end(), id) != s.policies.end();
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        if (id == m_document->currentPolicy())
            m_policies->setCurrentItem(item);
    }
    m_from->setValue(s.from);
    m_to->setValue(s.to);
    m_count->setValue(s.count);
    m_kind->setCurrentIndex(s.kind == BudgetKind::P90 ? 1 : 0);
    m_relative->setChecked(s.relative);
    m_labelFree->setChecked(s.labelFree);
    const int decimals = s.to > 0 && s.to < 10 ? 4 : 2;
    for (QDoubleSpinBox *box : {m_from, m_to, m_budget}) {
        box->setDecimals(decimals);
        box->setSingleStep(s.to > s.from ? (s.to - s.from) / 20 : 0.01);
    }
    m_budget->setValue(m_document->cursorBudget());
    m_showing = false;
}

void PolicyPanel::applySettings()
{
    if (m_showing)
        return;
    SweepSettings s = m_document->settings();
    s.policies.clear();
    for (int i = 0; i < m_policies->count(); ++i)
        if (m_policies->item(i)->checkState() == Qt::Checked)
            s.policies.push_back(static_cast<PolicyId>(m_policies->item(i)->data(Qt::UserRole).toInt()));
    s.from = m_from->value();
    s.to = m_to->value();
    s.count = m_count->value();
    s.kind = static_cast<BudgetKind>(m_kind->currentData().toInt());
    s.relative = m_relative->isChecked();
    const LatencyProfile *latency = m_document->latency();
    if (s.relative != m_document->settings().relative && latency && latency->reference) {
        // Toggled: the same budgets, in the other unit.
        const double factor = s.relative ? 1.0 / *latency->reference : *latency->reference;
        s.from *= factor;
        s.to *= factor;
    }
    s.labelFree = m_labelFree->isChecked();
    m_document->setSettings(s);
}

void PolicyPanel::showJobs()
{
    const bool sweeping = m_document->sweepRunning();
    m_sweep->setEnabled(!sweeping);
    m_cancel->setEnabled(!m_document->jobs().isIdle());
}

} // namespace exitscope::gui

#include "datapanel.h"

#include "document.h"

#include "widgets/elidedlabel.h"
#include "widgets/latencytablemodel.h"

#include "core/common/numbertext.h"

#include <QComboBox>

#include <algorithm>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace exitscope::gui {

namespace {

const CostUnit kUnits[] = {CostUnit::Milliseconds, CostUnit::Seconds, CostUnit::Flops, CostUnit::Relative};

ElidedLabel *fileLabel(QWidget *parent)
{
    auto *label = new ElidedLabel(parent); // long names elide instead of widening the dock
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumWidth(60);
    return label;
}

void showFile(ElidedLabel *label, const QString &path)
{
    label->setFullText(path.isEmpty() ? DataPanel::tr("(none)") : QFileInfo(path).fileName());
    label->setToolTip(path);
}

} // namespace

DataPanel::DataPanel(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    auto *files = new QFormLayout;
    const auto row = [&](const QString &name, ElidedLabel *&label, const QString &tip, void (DataPanel::*request)()) {
        label = fileLabel(this);
        auto *button = new QPushButton(tr("Open…"), this);
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, request);
        auto *line = new QHBoxLayout;
        line->addWidget(label, 1);
        line->addWidget(button);
        files->addRow(name, line);
    };
    row(tr("val"), m_val, tr("The trace thresholds are tuned on (.npz, or an AAAI21 _confidence.npy)"),
        &DataPanel::openValRequested);
    row(tr("test"), m_test, tr("A held-out trace the thresholds are checked on"), &DataPanel::openTestRequested);
    row(tr("latency"), m_latency, tr("A latency profile (.json) or EENet's seconds.csv"), &DataPanel::openLatencyRequested);
    auto *type = new QPushButton(tr("Type costs…"), this);
    type->setToolTip(tr("Cumulative cost per exit, c1,...,cK, as --costs takes them"));
    connect(type, &QPushButton::clicked, this, &DataPanel::typeCosts);
    files->addRow(QString(), type);
    layout->addLayout(files);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_latencyModel = new LatencyTableModel(this);
    m_latencyView = new QTableView(this);
    m_latencyView->setModel(m_latencyModel);
    // Each column as wide as its numbers (a measured profile has five): equal shares of a
    // narrow dock elided them to "0....".
    m_latencyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_latencyView->horizontalHeader()->setStretchLastSection(true);
    m_latencyView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                   | QAbstractItemView::AnyKeyPressed);
    m_latencyView->setToolTip(tr("Cumulative cost to each exit: double-click or type to edit"));
    m_latencyView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_latencyView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    layout->addWidget(m_latencyView);

    auto *units = new QFormLayout;
    m_unit = new QComboBox(this);
    for (CostUnit unit : kUnits)
        m_unit->addItem(QString::fromStdString(std::string(costUnitName(unit))));
    m_reference = new QLineEdit(this);
    m_reference->setPlaceholderText(tr("none"));
    m_reference->setToolTip(tr("The cost of the plain model without exits: relative budgets are fractions of it"));
    units->addRow(tr("unit"), m_unit);
    units->addRow(tr("reference"), m_reference);
    layout->addLayout(units);
    layout->addStretch(1);

    connect(m_latencyModel, &LatencyTableModel::profileEdited, m_document, &Document::editLatency);
    connect(m_latencyModel, &LatencyTableModel::editRefused, this,
            [this](const QString &message) { emit m_document->inputError(tr("Latency"), message); });
    connect(m_unit, qOverload<int>(&QComboBox::activated), this, &DataPanel::unitChosen);
    connect(m_reference, &QLineEdit::editingFinished, this, &DataPanel::referenceEdited);
    connect(m_document, &Document::inputsChanged, this, &DataPanel::showInputs);
    connect(m_document, &Document::latencyChanged, this, &DataPanel::showLatency);
    showInputs();
    showLatency();
}

void DataPanel::showInputs()
{
    showFile(m_val, m_document->valPath());
    showFile(m_test, m_document->testPath());
    const Trace *val = m_document->val();
    if (!val) {
        m_summary->setText(tr("Open a val trace (File ▸ Open traces, or drop files here)."));
        return;
    }
    const int samples = static_cast<int>(val->samples());
    QString text = val->classes() > 0 ? tr("%1 exits, %Ln samples, %2 classes", nullptr, samples).arg(val->exits()).arg(val->classes())
                                      : tr("%1 exits, %Ln samples", nullptr, samples).arg(val->exits());
    text = val->hasCorrectness() ? tr("%1; labels known").arg(text) : tr("%1; no labels (label-free)").arg(text);
    if (const Trace *test = m_document->test())
        text = tr("%1; test: %Ln samples", nullptr, static_cast<int>(test->samples())).arg(text);
    m_summary->setText(text);
}

void DataPanel::showLatency()
{
    const LatencyProfile *profile = m_document->latency();
    showFile(m_latency, m_document->latencyPath() == QLatin1String("costs") ? tr("typed costs") : m_document->latencyPath());
    m_latencyModel->setProfile(profile ? std::optional<LatencyProfile>(*profile) : std::nullopt);
    // As tall as its rows (the dock's spare room goes below the unit and reference), up to
    // ten: more exits scroll, rather than pushing the Policies dock off the window.
    m_latencyView->setFixedHeight(m_latencyView->horizontalHeader()->sizeHint().height()
                                  + std::clamp(m_latencyModel->rowCount(), 2, 10) * m_latencyView->verticalHeader()->defaultSectionSize()
                                  + 2 * m_latencyView->frameWidth());
    m_unit->setEnabled(profile != nullptr);
    m_reference->setEnabled(profile != nullptr);
    if (!profile)
        return;
    for (int i = 0; i < m_unit->count(); ++i)
        if (kUnits[i] == profile->unit)
            m_unit->setCurrentIndex(i);
    m_reference->setText(profile->reference ? QString::number(*profile->reference, 'g', 10) : QString());
}

void DataPanel::typeCosts()
{
    QString current;
    if (const LatencyProfile *profile = m_document->latency())
        for (double c : profile->cumulative)
            current += (current.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(c, 'g', 10);
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Costs"), tr("Cumulative cost per exit (c1,...,cK):"), QLineEdit::Normal,
                                               current, &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    InputRequest request;
    request.costs = text.trimmed();
    if (const LatencyProfile *profile = m_document->latency())
        request.costUnit = QString::fromStdString(std::string(costUnitName(profile->unit)));
    m_document->open(request);
}

void DataPanel::unitChosen(int index)
{
    const LatencyProfile *profile = m_document->latency();
    if (!profile || index < 0 || kUnits[index] == profile->unit)
        return;
    LatencyProfile edited = *profile;
    edited.unit = kUnits[index];
    m_document->editLatency(edited, tr("cost unit: %1").arg(m_unit->itemText(index)));
}

void DataPanel::referenceEdited()
{
    const LatencyProfile *profile = m_document->latency();
    if (!profile)
        return;
    const QString text = m_reference->text().trimmed();
    std::optional<double> reference;
    if (!text.isEmpty()) {
        reference = parseDecimal(text.toStdString());
        if (!reference || !(*reference > 0)) {
            emit m_document->inputError(tr("Latency"), tr("reference: '%1' is not a positive number").arg(text));
            showLatency();
            return;
        }
    }
    if (reference == profile->reference)
        return;
    LatencyProfile edited = *profile;
    edited.reference = reference;
    m_document->editLatency(edited, text.isEmpty() ? tr("no reference cost") : tr("reference cost: %1").arg(text));
}

} // namespace exitscope::gui

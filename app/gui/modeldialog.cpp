#include "modeldialog.h"

#include "core/common/inputerror.h"
#include "core/model/deviceinfo.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTextDocument>
#include <QVBoxLayout>

namespace exitscope::gui {

namespace {

// The dataset kinds of docs/datasets.md, as the spec spells them.
const QStringList kKinds{QStringLiteral("cifar10"), QStringLiteral("cifar100"), QStringLiteral("mnist"),
                         QStringLiteral("folder"),  QStringLiteral("npy"),      QStringLiteral("npz")};

QString lastFolder()
{
    return QSettings().value(QStringLiteral("lastFolder")).toString();
}

void rememberFolder(const QString &path)
{
    QSettings().setValue(QStringLiteral("lastFolder"), QFileInfo(path).absolutePath());
}

QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *w = new QWidget(parent);
    auto *layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    // Line edits and expanding labels take the room left.
    for (QWidget *child : widgets)
        layout->addWidget(child, qobject_cast<QLineEdit *>(child) || child->sizePolicy().horizontalPolicy() == QSizePolicy::Expanding ? 1 : 0);
    return w;
}

} // namespace

ModelDialog::ModelDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Open model and dataset"));
    setObjectName(QStringLiteral("modelDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_model = lineEdit(QStringLiteral("model"), tr("multi-exit TorchScript model (.pt)"));
    auto *browseModel = new QPushButton(tr("Browse…"), this);
    connect(browseModel, &QPushButton::clicked, this, &ModelDialog::browseModel);
    form->addRow(tr("&Model:"), row(this, {m_model, browseModel}));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItems(kKinds);
    m_kind->setCurrentText(QStringLiteral("npy"));
    m_kind->setToolTip(tr("The kind of files Browse looks for (the spec's kind:)"));
    m_dataset = lineEdit(QStringLiteral("dataset"), tr("kind:path[,labels][?key=value&…]"));
    m_dataset->setToolTip(tr("Dataset spec (docs/datasets.md), e.g. mnist:/data/fashion-mnist?val=5000&seed=1"));
    auto *browseData = new QPushButton(tr("Browse…"), this);
    connect(browseData, &QPushButton::clicked, this, [this]() { browseDataset(m_dataset); });
    form->addRow(tr("&Dataset:"), row(this, {m_kind, m_dataset, browseData}));

    m_val = lineEdit(QStringLiteral("val"), tr("0.5"));
    m_val->setToolTip(tr("val=: the share (0..1) or the number of samples that form the val split"));
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, 1 << 30);
    m_seed->setToolTip(tr("seed=: of the split's permutation"));
    form->addRow(tr("&Val split:"), row(this, {m_val, new QLabel(tr("seed"), this), m_seed}));
    m_mean = lineEdit(QStringLiteral("mean"), tr("e.g. 0.4914,0.4822,0.4465"));
    m_std = lineEdit(QStringLiteral("std"), tr("e.g. 0.2470,0.2435,0.2616"));
    form->addRow(tr("&Normalize:"), row(this, {new QLabel(tr("mean"), this), m_mean, new QLabel(tr("std"), this), m_std}));

    m_valDataset = lineEdit(QStringLiteral("valDataset"), tr("optional: held-out training data; the dataset is then the test set"));
    auto *browseVal = new QPushButton(tr("Browse…"), this);
    connect(browseVal, &QPushButton::clicked, this, [this]() { browseDataset(m_valDataset); });
    form->addRow(tr("Val d&ataset:"), row(this, {m_valDataset, browseVal}));

    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("device"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA"), QStringLiteral("cuda"));
    QString deviceNote;
    if (!cudaAvailable()) {
        // Greyed out, with the reason beside it and on the item.
        auto *items = qobject_cast<QStandardItemModel *>(m_device->model());
        QStandardItem *cuda = items->item(1);
        cuda->setFlags(cuda->flags() & ~Qt::ItemIsEnabled);
        deviceNote = QString::fromStdString(cudaUnavailableReason());
        cuda->setToolTip(deviceNote);
    }
    auto *deviceLabel = new QLabel(deviceNote.isEmpty() ? QString() : tr("CUDA unavailable: %1").arg(deviceNote), this);
    deviceLabel->setObjectName(QStringLiteral("deviceNote"));
    deviceLabel->setEnabled(false); // greyed, as the item it explains
    deviceLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("all cores"));
    m_batch = new QSpinBox(this);
    m_batch->setObjectName(QStringLiteral("batchSize"));
    m_batch->setRange(1, 65536);
    m_batch->setValue(64);
    m_batch->setToolTip(tr("Samples per batch while collecting traces"));
    form->addRow(tr("D&evice:"), row(this, {m_device, deviceLabel}));
    form->addRow(tr("&Threads:"), row(this, {m_threads, new QLabel(tr("batch size"), this), m_batch}));
    m_profileBatches = lineEdit(QStringLiteral("profileBatchSizes"), tr("e.g. 1, 8, 64"));
    m_profileBatches->setText(QStringLiteral("1"));
    m_profileBatches->setToolTip(tr("The latency is profiled at each batch size; tuning starts with the first, "
                                    "the latency view chooses another"));
    m_batchesError = new QLabel(this);
    m_batchesError->setObjectName(QStringLiteral("profileBatchSizesError"));
    m_batchesError->setStyleSheet(QStringLiteral("color: #c0392b"));
    form->addRow(tr("&Profile at batch sizes:"), row(this, {m_profileBatches, m_batchesError}));
    layout->addLayout(form);

    auto *found = new QGroupBox(tr("What was found"), this);
    auto *foundLayout = new QVBoxLayout(found);
    m_state = new QLabel(found);
    m_state->setObjectName(QStringLiteral("probeState"));
    m_state->setWordWrap(true);
    m_summary = new QLabel(found);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMinimumHeight(120);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    foundLayout->addWidget(m_state);
    foundLayout->addWidget(m_summary, 1);
    layout->addWidget(found, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Collect traces and profile"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    // The spec is the truth; the option fields read and write its query.
    connect(m_dataset, &QLineEdit::textChanged, this, &ModelDialog::specEdited);
    connect(m_val, &QLineEdit::textEdited, this, [this](const QString &v) { optionEdited(QStringLiteral("val"), v); });
    connect(m_mean, &QLineEdit::textEdited, this, [this](const QString &v) { optionEdited(QStringLiteral("mean"), v); });
    connect(m_std, &QLineEdit::textEdited, this, [this](const QString &v) { optionEdited(QStringLiteral("std"), v); });
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) {
        if (!m_syncing)
            optionEdited(QStringLiteral("seed"), v == 0 ? QString() : QString::number(v));
    });
    connect(m_profileBatches, &QLineEdit::textChanged, this, &ModelDialog::updateOk);
    for (QLineEdit *edit : {m_model, m_valDataset})
        connect(edit, &QLineEdit::textChanged, this, &ModelDialog::scheduleProbe);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ModelDialog::scheduleProbe);

    // A probe a moment after the last edit: typing a path does not load a model per key.
    m_probeTimer.setSingleShot(true);
    m_probeTimer.setInterval(400);
    connect(&m_probeTimer, &QTimer::timeout, this, &ModelDialog::probe);
    m_state->setText(tr("Choose a model and a dataset."));
    resize(720, 640);
}

QLineEdit *ModelDialog::lineEdit(const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QLineEdit *ModelDialog::field(const QString &name) const
{
    return findChild<QLineEdit *>(name);
}

void ModelDialog::setRequest(const ModelRequest &r)
{
    m_model->setText(r.model);
    m_dataset->setText(r.dataset);
    m_valDataset->setText(r.valDataset);
    m_device->setCurrentIndex(std::max(0, m_device->findData(r.device)));
    m_threads->setValue(r.threads);
    m_batch->setValue(r.batchSize);
    m_profileBatches->setText(batchSizeList(r.profileBatchSizes));
    const int colon = static_cast<int>(r.dataset.indexOf(QLatin1Char(':')));
    if (colon > 0 && kKinds.contains(r.dataset.left(colon)))
        m_kind->setCurrentText(r.dataset.left(colon));
}

ModelRequest ModelDialog::request() const
{
    ModelRequest r;
    r.model = m_model->text().trimmed();
    r.dataset = m_dataset->text().trimmed();
    r.valDataset = m_valDataset->text().trimmed();
    r.device = m_device->currentData().toString();
    r.threads = m_threads->value();
    r.batchSize = m_batch->value();
    try {
        r.profileBatchSizes = parseBatchSizes(m_profileBatches->text(), "batch sizes");
    } catch (const InputError &) {
        // OK is disabled while they do not read (updateOk): the request keeps the default.
    }
    return r;
}

QString ModelDialog::summaryText() const
{
    QTextDocument doc;
    doc.setHtml(m_state->text() + QStringLiteral("<br>") + m_summary->text());
    return doc.toPlainText();
}

QString ModelDialog::optionOf(const QString &spec, const QString &key)
{
    const qsizetype q = spec.lastIndexOf(QLatin1Char('?'));
    if (q < 0)
        return {};
    for (const QString &pair : spec.mid(q + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts))
        if (pair.section(QLatin1Char('='), 0, 0) == key)
            return pair.section(QLatin1Char('='), 1);
    return {};
}

QString ModelDialog::withOption(const QString &spec, const QString &key, const QString &value)
{
    const qsizetype q = spec.lastIndexOf(QLatin1Char('?'));
    const QString base = q < 0 ? spec : spec.left(q);
    QStringList pairs = q < 0 ? QStringList() : spec.mid(q + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts);
    bool replaced = false;
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        if (pairs[i].section(QLatin1Char('='), 0, 0) != key)
            continue;
        if (value.isEmpty()) {
            pairs.removeAt(i--);
        } else if (!replaced) {
            pairs[i] = key + QLatin1Char('=') + value;
            replaced = true;
        }
    }
    if (!replaced && !value.isEmpty())
        pairs << key + QLatin1Char('=') + value;
    return pairs.isEmpty() ? base : base + QLatin1Char('?') + pairs.join(QLatin1Char('&'));
}

void ModelDialog::optionEdited(const QString &key, const QString &value)
{
    if (m_syncing)
        return;
    m_dataset->setText(withOption(m_dataset->text(), key, value.trimmed()));
}

void ModelDialog::specEdited()
{
    // A typed spec fills the option fields (without writing back into it).
    m_syncing = true;
    const QString spec = m_dataset->text();
    for (QLineEdit *edit : {m_val, m_mean, m_std}) {
        const QString value = optionOf(spec, edit->objectName());
        if (edit->text() != value && !edit->hasFocus())
            edit->setText(value);
    }
    m_seed->setValue(optionOf(spec, QStringLiteral("seed")).toInt());
    m_syncing = false;
    scheduleProbe();
}

void ModelDialog::browseModel()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a multi-exit TorchScript model"), lastFolder(),
                                                      tr("TorchScript model (*.pt *.pth *.zip);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberFolder(path);
    m_model->setText(path);
}

void ModelDialog::browseDataset(QLineEdit *target)
{
    const QString kind = m_kind->currentText();
    QString paths;
    if (kind == QLatin1String("npy")) {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Inputs .npy (and, optionally, the labels .npy)"),
                                                                lastFolder(), tr("NumPy arrays (*.npy)"));
        if (files.isEmpty())
            return;
        paths = files.join(QLatin1Char(','));
        // The inputs first: of two, the larger file.
        if (files.size() == 2 && QFileInfo(files[1]).size() > QFileInfo(files[0]).size())
            paths = files[1] + QLatin1Char(',') + files[0];
    } else if (kind == QLatin1String("npz")) {
        paths = QFileDialog::getOpenFileName(this, tr("Dataset .npz"), lastFolder(), tr("NumPy archive (*.npz)"));
    } else {
        paths = QFileDialog::getExistingDirectory(this, tr("Dataset folder (%1)").arg(kind), lastFolder());
    }
    if (paths.isEmpty())
        return;
    rememberFolder(paths.section(QLatin1Char(','), 0, 0));
    // The kind and path replace the old ones; the options stay.
    const QString old = target->text();
    const qsizetype q = old.lastIndexOf(QLatin1Char('?'));
    target->setText(kind + QLatin1Char(':') + paths + (q < 0 ? QString() : old.mid(q)));
}

void ModelDialog::scheduleProbe()
{
    m_probed = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_jobs.cancel(QStringLiteral("probe"));
    if (m_model->text().trimmed().isEmpty() || m_dataset->text().trimmed().isEmpty()) {
        m_probeTimer.stop();
        m_state->setText(tr("Choose a model and a dataset."));
        m_summary->clear();
        return;
    }
    m_probeTimer.start();
}

void ModelDialog::probe()
{
    m_state->setText(tr("Reading the model and the dataset…"));
    const ModelRequest r = request();
    m_jobs.start<ModelProbe>(
        QStringLiteral("probe"), tr("Reading the model"), this, [r](const JobContext &context) { return probeModel(r, context); },
        [this](std::shared_ptr<ModelProbe> found) {
            m_probed = true;
            m_state->setText(tr("Found:"));
            m_summary->setText(probeText(*found));
            updateOk();
            emit probeFinished(true);
        },
        [this](const QString &error) {
            m_state->setText(tr("<font color=#c0392b>%1</font>").arg(error.toHtmlEscaped()));
            m_summary->clear();
            emit probeFinished(false);
        });
}

void ModelDialog::updateOk()
{
    // OK needs a probe that succeeded and batch sizes that read.
    QString error;
    try {
        parseBatchSizes(m_profileBatches->text(), "batch sizes");
    } catch (const InputError &e) {
        error = QString::fromStdString(e.what());
    }
    m_batchesError->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_probed && error.isEmpty());
}

} // namespace exitscope::gui

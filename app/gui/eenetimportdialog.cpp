#include "eenetimportdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace exitscope::gui {

EenetImportDialog::EenetImportDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import EENet outputs"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("EENet's evaluation writes <tt>logits_single.pth</tt>: the softmax outputs of every exit "
                                "on its val split (thresholds are chosen there) and its test split (reported). The "
                                "latency comes from <tt>seconds.csv</tt> (cumulative milliseconds per exit), else from "
                                "<tt>flops.pth</tt>; with neither, type the costs in the Data panel."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_logits = addFileRow(QStringLiteral("logits"), tr("&Logits:"), tr("EENet logits (*.pth);;All files (*)"));
    m_seconds = addFileRow(QStringLiteral("seconds"), tr("&Seconds (optional):"), tr("EENet seconds.csv (*.csv);;All files (*)"));
    m_flops = addFileRow(QStringLiteral("flops"), tr("&FLOPs (optional):"), tr("EENet flops (*.pth);;All files (*)"));
    m_logits->setPlaceholderText(QStringLiteral("logits_single.pth"));
    m_seconds->setPlaceholderText(QStringLiteral("seconds.csv"));
    m_flops->setPlaceholderText(QStringLiteral("flops.pth"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_logits, &QLineEdit::textChanged, this, &EenetImportDialog::updateOk);
    // A typed path: the files EENet writes beside it are filled in once the typing ends.
    connect(m_logits, &QLineEdit::editingFinished, this, [this]() { setLogits(m_logits->text().trimmed()); });
    updateOk();
    resize(560, sizeHint().height());
}

QLineEdit *EenetImportDialog::addFileRow(const QString &name, const QString &label, const QString &filter)
{
    auto *row = new QHBoxLayout;
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this, edit, filter, label]() {
        QSettings settings;
        const QString start = edit->text().isEmpty() ? settings.value(QStringLiteral("lastFolder")).toString() : edit->text();
        const QString path = QFileDialog::getOpenFileName(this, QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')),
                                                          start, filter);
        if (path.isEmpty())
            return;
        settings.setValue(QStringLiteral("lastFolder"), QFileInfo(path).absolutePath());
        if (edit == m_logits)
            setLogits(path);
        else
            edit->setText(path);
    });
    row->addWidget(edit, 1);
    row->addWidget(browse);
    // A label of its own with the field as buddy: the row of a layout gets none (the
    // mnemonic would show as a literal '&').
    auto *text = new QLabel(label, this);
    text->setBuddy(edit);
    m_form->addRow(text, row);
    return edit;
}

void EenetImportDialog::setLogits(const QString &path)
{
    m_logits->setText(path);
    // EENet writes its files side by side.
    const QDir folder = QFileInfo(path).dir();
    const QString seconds = folder.filePath(QStringLiteral("seconds.csv")), flops = folder.filePath(QStringLiteral("flops.pth"));
    if (m_seconds->text().isEmpty() && QFileInfo(seconds).isFile())
        m_seconds->setText(seconds);
    if (m_flops->text().isEmpty() && QFileInfo(flops).isFile() && QFileInfo(flops) != QFileInfo(path))
        m_flops->setText(flops);
}

void EenetImportDialog::setSeconds(const QString &path)
{
    m_seconds->setText(path);
}

void EenetImportDialog::setFlops(const QString &path)
{
    m_flops->setText(path);
}

InputRequest EenetImportDialog::request() const
{
    InputRequest request;
    request.eenetLogits = m_logits->text().trimmed();
    request.eenetSeconds = m_seconds->text().trimmed();
    request.eenetFlops = m_flops->text().trimmed();
    return request;
}

QLineEdit *EenetImportDialog::field(const QString &name) const
{
    return findChild<QLineEdit *>(name);
}

void EenetImportDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_logits->text().trimmed().isEmpty());
}

} // namespace exitscope::gui

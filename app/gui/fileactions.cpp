#include "fileactions.h"

#include "document.h"
#include "eenetimportdialog.h"
#include "recentlist.h"

#include "core/common/inputerror.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace exitscope::gui {

namespace {

const QString kRecent = QStringLiteral("recentFiles");
const QString kFolder = QStringLiteral("lastFolder");
constexpr int kRecentCount = 10;

} // namespace

FileActions::FileActions(Document *document, QWidget *window, QMenu *recentMenu)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_recentMenu(recentMenu)
{
    fillRecentMenu();
}

QString FileActions::askOpen(const QString &title, const QString &filter)
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(m_window, title, settings.value(kFolder).toString(), filter);
    if (!path.isEmpty())
        settings.setValue(kFolder, QFileInfo(path).absolutePath());
    return path;
}

QString FileActions::askSave(const QString &title, const QString &filter, const QString &suffix)
{
    QSettings settings;
    QFileDialog dialog(m_window, title, settings.value(kFolder).toString(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().front();
    settings.setValue(kFolder, QFileInfo(path).absolutePath());
    return path;
}

bool FileActions::askAaai21Direction(const QString &path, Direction *direction)
{
    // The AAAI21 files do not say which way their scores point (the CLI's
    // --lower-is-confident / --higher-is-confident).
    QMessageBox box(QMessageBox::Question, tr("Score direction"),
                    tr("%1 holds AAAI21 confidence scores. Which scores are more confident?").arg(QFileInfo(path).fileName()),
                    QMessageBox::Cancel, m_window);
    QAbstractButton *lower = box.addButton(tr("Lower (entropy)"), QMessageBox::AcceptRole);
    QAbstractButton *higher = box.addButton(tr("Higher (probability)"), QMessageBox::AcceptRole);
    box.exec();
    if (box.clickedButton() == lower)
        *direction = Direction::LowerIsConfident;
    else if (box.clickedButton() == higher)
        *direction = Direction::HigherIsConfident;
    else
        return false;
    return true;
}

void FileActions::openTraces()
{
    QSettings settings;
    const QStringList paths = QFileDialog::getOpenFileNames(m_window, tr("Open traces (val, and test)"),
                                                            settings.value(kFolder).toString(),
                                                            tr("Traces and sessions (*.npz *_confidence.npy *.exitscope);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(kFolder, QFileInfo(paths.front()).absolutePath());
    openPaths(paths);
}

void FileActions::openTestTrace()
{
    openOne(&InputRequest::test, tr("Open test trace"), tr("Traces (*.npz *_confidence.npy);;All files (*)"));
}

void FileActions::openLatency()
{
    openOne(&InputRequest::latency, tr("Open latency"), tr("Latency profiles (*.json);;EENet seconds.csv (*.csv);;All files (*)"));
}

void FileActions::openConfig()
{
    openOne(&InputRequest::config, tr("Open threshold config"), tr("Threshold configs (*.json);;All files (*)"));
}

void FileActions::importEenet(const QString &logits, const QString &seconds, const QString &flops)
{
    auto *dialog = new EenetImportDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!seconds.isEmpty())
        dialog->setSeconds(seconds);
    if (!flops.isEmpty())
        dialog->setFlops(flops);
    if (!logits.isEmpty())
        dialog->setLogits(logits);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() { open(dialog->request()); });
    dialog->open();
}

void FileActions::openOne(QString InputRequest::*field, const QString &title, const QString &filter)
{
    const QString path = askOpen(title, filter);
    if (path.isEmpty())
        return;
    InputRequest request;
    request.*field = path;
    open(request);
}

QString FileActions::kindOf(const QString &path, bool valTaken)
{
    const QString name = QFileInfo(path).fileName().toLower();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("npz") || name.endsWith(QLatin1String("_confidence.npy")))
        return name.contains(QLatin1String("test")) && (valTaken || !name.contains(QLatin1String("val"))) ? QStringLiteral("test")
                                                                                                          : QStringLiteral("val");
    if (suffix == QLatin1String("exitscope"))
        return QStringLiteral("session");
    if (suffix == QLatin1String("pth"))
        return name.contains(QLatin1String("flops")) ? QStringLiteral("eenet-flops") : QStringLiteral("eenet");
    if (suffix == QLatin1String("csv"))
        return QStringLiteral("latency"); // EENet's seconds.csv
    if (suffix == QLatin1String("json")) {
        // Both are JSON (a config holds a latency profile too): the top-level format says which.
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() > (16 << 20))
            return {};
        const QString format = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("format")).toString();
        if (format == QLatin1String("exitscope-latency"))
            return QStringLiteral("latency");
        if (format == QLatin1String("exitscope-thresholds"))
            return QStringLiteral("config");
    }
    return {};
}

void FileActions::openPaths(const QStringList &paths)
{
    for (const QString &path : paths)
        if (m_openSession && kindOf(path, false) == QLatin1String("session")) {
            // A session is the whole window's state: it is opened alone.
            if (paths.size() > 1)
                emit m_document->message(tr("%1 is a session: it was opened alone, without the other files").arg(path));
            m_openSession(path);
            return;
        }
    InputRequest request;
    QStringList unknown;
    bool valTaken = m_document->hasVal();
    // Val first: a test trace is named as such only beside a val trace.
    QStringList sorted = paths;
    std::stable_sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return !QFileInfo(a).fileName().contains(QLatin1String("test")) && QFileInfo(b).fileName().contains(QLatin1String("test"));
    });
    QString eenetLogits, eenetFlops, csv;
    for (const QString &path : sorted) {
        const QString kind = kindOf(path, valTaken || !request.val.isEmpty());
        if (kind == QLatin1String("eenet") && eenetLogits.isEmpty())
            eenetLogits = path;
        else if (kind == QLatin1String("eenet-flops"))
            eenetFlops = path;
        else if (kind == QLatin1String("latency") && QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
            csv = request.latency = path;
        else if (kind == QLatin1String("val") && request.val.isEmpty())
            request.val = path;
        else if ((kind == QLatin1String("test") || kind == QLatin1String("val")) && request.test.isEmpty())
            request.test = path;
        else if (kind == QLatin1String("latency"))
            request.latency = path;
        else if (kind == QLatin1String("config"))
            request.config = path;
        else
            unknown << QFileInfo(path).fileName();
    }
    if (!eenetLogits.isEmpty() || !eenetFlops.isEmpty()) {
        // EENet's files: its dialog, with the seconds.csv dropped beside them.
        if (request.latency == csv)
            request.latency.clear();
        importEenet(eenetLogits, csv, eenetFlops);
    }
    if (!unknown.isEmpty())
        emit m_document->inputError(tr("Cannot open"),
                                    tr("%1: not a trace (.npz, _confidence.npy, EENet .pth), latency profile, seconds.csv or "
                                       "threshold config")
                                        .arg(unknown.join(QStringLiteral(", "))));
    if (!request.val.isEmpty() || !request.test.isEmpty() || !request.latency.isEmpty() || !request.config.isEmpty())
        open(request);
}

void FileActions::open(InputRequest request)
{
    for (const QString &trace : {request.val, request.test})
        if (!aaai21CorrectPartner(trace).isEmpty() && !askAaai21Direction(trace, &request.aaai21Direction))
            return;
    const std::pair<QString, QString> entries[] = {
        {QStringLiteral("val"), request.val},
        {QStringLiteral("test"), request.test},
        {QStringLiteral("latency"), request.latency},
        {QStringLiteral("config"), request.config},
        {QStringLiteral("eenet"), request.eenetLogits},
    };
    for (const auto &[kind, path] : entries)
        if (!path.isEmpty())
            remember(kind, QFileInfo(path).absoluteFilePath());
    m_document->open(request);
}

QStringList FileActions::recentFiles() const
{
    return QSettings().value(kRecent).toStringList();
}

void FileActions::remember(const QString &kind, const QString &path)
{
    rememberRecent(kRecent, kind + QLatin1Char('|') + path, kRecentCount);
    fillRecentMenu();
}

void FileActions::fillRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    int n = 0;
    for (const QString &entry : recent) {
        const QString kind = entry.section(QLatin1Char('|'), 0, 0);
        const QString path = entry.section(QLatin1Char('|'), 1);
        QAction *action = m_recentMenu->addAction(tr("&%1 %2 (%3)").arg(++n % 10).arg(QFileInfo(path).fileName(), kind));
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, kind, path]() {
            InputRequest request;
            if (kind == QLatin1String("val"))
                request.val = path;
            else if (kind == QLatin1String("test"))
                request.test = path;
            else if (kind == QLatin1String("latency"))
                request.latency = path;
            else if (kind == QLatin1String("eenet"))
                return importEenet(path); // its seconds.csv and flops.pth asked again
            else
                request.config = path;
            open(request);
        });
    }
    finishRecentMenu(m_recentMenu, kRecent, this, [this]() { fillRecentMenu(); });
}

void FileActions::exportConfig()
{
    exportTo(tr("Export threshold config"), tr("Threshold configs (*.json)"), QStringLiteral("json"),
             [this](const QString &path) { m_document->exportConfig(path); });
}

void FileActions::exportCurves()
{
    exportTo(tr("Export curves"), tr("CSV (*.csv)"), QStringLiteral("csv"),
             [this](const QString &path) { m_document->exportCurves(path); });
}

void FileActions::exportTo(const QString &title, const QString &filter, const QString &suffix,
                           const std::function<void(const QString &)> &write)
{
    const QString path = askSave(title, filter, suffix);
    if (path.isEmpty())
        return;
    try {
        write(path);
        emit m_document->message(tr("wrote %1").arg(path));
    } catch (const InputError &e) {
        emit m_document->inputError(title, QString::fromStdString(e.what()));
    } catch (const std::exception &e) {
        emit m_document->inputError(title, tr("%1: %2").arg(path, QString::fromStdString(e.what())));
    }
}

} // namespace exitscope::gui

#include "sessioncontroller.h"

#include "document.h"
#include "modelrunner.h"
#include "recentlist.h"

#include "core/common/atomicfile.h"
#include "core/common/filehash.h"
#include "core/common/inputerror.h"
#include "core/io/tracefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>
#include <QWidget>

namespace exitscope::gui {

namespace {

const QString kRecent = QStringLiteral("recentSessions");
const QString kFolder = QStringLiteral("lastFolder");
const QString kAutosave = QStringLiteral("session/autosaveSeconds");
const QString kSlot = QStringLiteral("load"); // opening a session replaces any other reading of files
const QString kSaveSlot = QStringLiteral("saveSession");
const QString kSuffix = QStringLiteral("exitscope");
constexpr int kRecentCount = 10;

QString qstr(const std::string &s)
{
    return QString::fromStdString(s);
}

QString recoveryFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

// Traces in another session's side folder are written again beside this one: a session
// never depends on another session's files.
bool inSideFolder(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    return folder.endsWith(QStringLiteral(".d")) && QFileInfo(folder.chopped(2)).isFile();
}

QString shortHash(const QString &sha256)
{
    return sha256.left(12);
}

} // namespace

// What the worker found on reopening: the traces read again, and what differs.
struct SessionController::Reopened
{
    LoadedInputs inputs;
    QStringList changed; // val or test trace: the sweep's rows are dropped
    QStringList notes; // latency source or model changed or missing: the session's copy is used
};

SessionController::SessionController(Document *document, ModelRunner *runner, QWidget *window, QMenu *recentMenu)
    : QObject(window)
    , m_document(document)
    , m_runner(runner)
    , m_window(window)
    , m_recentMenu(recentMenu)
{
    static int windows = 0; // one recovery file per window of this process
    m_recoveryPath = QDir(recoveryFolder())
                         .filePath(QStringLiteral("recovery-%1-%2.exitscope").arg(QCoreApplication::applicationPid()).arg(++windows));
    for (auto signal : {&Document::inputsChanged, &Document::latencyChanged, &Document::settingsChanged, &Document::sweepChanged})
        connect(m_document, signal, this, &SessionController::markDirty);
    connect(m_document, &Document::currentPolicyChanged, this, &SessionController::markDirty);
    connect(&m_document->undoStack(), &QUndoStack::indexChanged, this, &SessionController::stateChanged);
    connect(&m_document->undoStack(), &QUndoStack::cleanChanged, this, &SessionController::stateChanged);
    connect(&m_document->jobs(), &JobRunner::jobFinished, this, [this](const QString &slot, bool succeeded) {
        if (slot == kSlot && !succeeded)
            m_restoring = false; // cancelled or failed: no session came
    });
    connect(&m_autosave, &QTimer::timeout, this, &SessionController::autosaveNow);
    setAutosaveInterval(QSettings().value(kAutosave, 60).toInt());
    fillRecentMenu();
}

SessionController::~SessionController() = default; // the recovery file stays (a crash looks alike)

// --- state

bool SessionController::isModified() const
{
    const bool undoChanged = !m_document->undoStack().isClean();
    return m_path.isEmpty() ? undoChanged : undoChanged || m_dirty;
}

bool SessionController::needsSaving() const
{
    return m_document->hasVal() && (isModified() || (m_path.isEmpty() && m_dirty));
}

bool SessionController::saving() const
{
    return m_document->jobs().isRunning(kSaveSlot);
}

bool SessionController::opening() const
{
    return m_restoring;
}

void SessionController::markDirty()
{
    if (m_restoring)
        return;
    ++m_changes;
    m_dirty = true;
    emit stateChanged();
}

void SessionController::setPath(const QString &path)
{
    m_path = path;
    emit stateChanged();
}

void SessionController::markSaved()
{
    m_dirty = false;
    m_document->undoStack().setClean();
    emit stateChanged();
}

// --- capture and save

Session SessionController::capture(const QString &sessionPath) const
{
    const Document *d = m_document;
    Session s;
    s.tool = QStringLiteral("exitscope " EXITSCOPE_VERSION);
    s.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString side = QFileInfo(sessionSideFolder(sessionPath)).fileName();
    const QString ownSide = QFileInfo(sessionSideFolder(sessionPath)).absoluteFilePath();
    const auto trace = [&](const QString &path, const std::optional<TraceOrigin> &origin, const QString &name) {
        SessionTrace t;
        const QString folder = QFileInfo(path).absolutePath();
        if (origin && folder == ownSide) {
            t.file = {side + QLatin1Char('/') + QFileInfo(path).fileName(), origin->sha256}; // saved here before
        } else if (origin && !inSideFolder(path)) {
            t.file = {QFileInfo(path).absoluteFilePath(), origin->sha256};
            if (!origin->aaai21CorrectSha256.isEmpty()) {
                t.aaai21Correct = SessionFile{QFileInfo(aaai21CorrectPartner(path)).absoluteFilePath(), origin->aaai21CorrectSha256};
                t.aaai21Direction = origin->aaai21Direction;
            }
        } else {
            t.file = {side + QLatin1Char('/') + name, QString()}; // written beside: hashed once written
        }
        return t;
    };
    if (d->val())
        s.val = trace(d->valPath(), d->valOrigin(), QStringLiteral("val.npz"));
    if (d->test())
        s.test = trace(d->testPath(), d->testOrigin(), QStringLiteral("test.npz"));
    if (const LatencyProfile *latency = d->latency()) {
        s.latency = *latency;
        s.latencyLabel = d->latencyPath();
        if (d->latencyProfiles().size() > 1)
            s.latencyBatches = d->latencyProfilesToSave();
        if (!d->latencySha256().isEmpty())
            s.latencySource = SessionFile{QFileInfo(d->latencyPath()).absoluteFilePath(), d->latencySha256()};
    }
    if (m_runner && m_runner->hasCollected() && m_runner->lastRequest()) {
        SessionModel model{*m_runner->lastRequest(), QString()};
        model.request.model = QFileInfo(model.request.model).absoluteFilePath();
        s.model = model; // hashed by saveTo's job
    }
    s.settings = d->settings();
    s.currentPolicy = d->currentPolicy();
    s.cursorBudget = d->cursorBudget();
    if (!d->policyState().policy.thresholds.empty() && d->latency())
        s.operatingPoint = d->policyState();
    if (!d->sweepRows().empty())
        s.sweep = SessionSweep{d->sweepSettings(), d->sweepScale(), d->sweepResult() != nullptr, d->sweepRows()};
    return s;
}

void SessionController::saveTo(const QString &path)
{
    if (!m_document->hasVal())
        throw InputError(path.toStdString(), "nothing to save yet: open traces (or a model and a dataset) first");
    if (saving())
        throw InputError(path.toStdString(), "a save is still being written");
    checkOutputIsNotInput(path.toStdString(), {m_document->valPath().toStdString(), m_document->testPath().toStdString(),
                                               m_document->latencyPath().toStdString()});
    Session s = capture(path);
    s.autosaveOf = path == m_recoveryPath ? m_path : QString();
    // The traces only the window holds go beside the session; they and the session file
    // appear together or not at all. Writing and hashing them can take seconds for big
    // traces: a job, with the traces shared (a Trace copy shares its data).
    std::vector<std::pair<Trace, QString>> sides;
    if (s.val && s.val->file.sha256.isEmpty())
        sides.emplace_back(*m_document->val(), QStringLiteral("val.npz"));
    if (s.test && s.test->file.sha256.isEmpty())
        sides.emplace_back(*m_document->test(), QStringLiteral("test.npz"));
    const int changes = m_changes;
    m_document->jobs().runWaiting(
        kSaveSlot, tr("Saving the session"), [path, s = std::move(s), sides = std::move(sides)](const JobContext &context) mutable {
            std::vector<std::string> targets;
            QDir folder;
            if (!sides.empty())
                folder = QDir(qstr(createFolder(sessionSideFolder(path).toStdString())));
            for (const auto &side : sides)
                targets.push_back(folder.filePath(side.second).toStdString());
            targets.push_back(path.toStdString());
            AtomicFileSet files(targets);
            if (s.model && QFileInfo(s.model->request.model).isFile())
                s.model->sha256 = qstr(sha256OfFile(s.model->request.model.toStdString()));
            for (std::size_t i = 0; i < sides.size(); ++i) {
                writeTraceFile(sides[i].first, files[i].temporaryPath());
                const QString sha = qstr(sha256OfFile(files[i].temporaryPath()));
                (sides[i].second == QLatin1String("val.npz") ? s.val : s.test)->file.sha256 = sha;
            }
            writeSession(s, qstr(files[sides.size()].temporaryPath()));
            context.throwIfCancelled(); // a cancelled save leaves nothing
            files.commit();
        });
    if (path == m_recoveryPath)
        return;
    setPath(QFileInfo(path).absoluteFilePath());
    if (changes == m_changes) // else something changed while it was written (a sweep's rows came)
        markSaved();
    remember(m_path);
    emit saved(m_path);
}

bool SessionController::save()
{
    return m_path.isEmpty() ? saveAs() : saveReporting(m_path);
}

bool SessionController::saveReporting(const QString &path)
{
    try {
        saveTo(path);
        emit message(tr("saved the session %1").arg(path));
        return true;
    } catch (const std::exception &e) {
        emit error(tr("Save session"), qstr(e.what()));
        return false;
    }
}

bool SessionController::saveAs()
{
    QSettings settings;
    QFileDialog dialog(m_window, tr("Save session"), m_path.isEmpty() ? settings.value(kFolder).toString() : m_path,
                       tr("exitscope sessions (*.exitscope)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(kSuffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    const QString path = dialog.selectedFiles().front();
    settings.setValue(kFolder, QFileInfo(path).absolutePath());
    return saveReporting(path);
}

// --- open

void SessionController::open(const QString &path)
{
    openFile(path, false);
}

void SessionController::openInteractively()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open session"), settings.value(kFolder).toString(),
                                                      tr("exitscope sessions (*.exitscope);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kFolder, QFileInfo(path).absolutePath());
    open(path);
}

void SessionController::openFile(const QString &path, bool recovery)
{
    Session session;
    try {
        session = readSession(path);
        if (!session.val)
            throw InputError(path.toStdString(), "sources.val: missing; a session holds at least the val trace");
    } catch (const std::exception &e) {
        emit error(tr("Open session"), qstr(e.what()));
        return;
    }
    m_restoring = true;
    const auto work = [session, path](const JobContext &context) {
        Reopened r;
        InputRequest request;
        const auto need = [&path](const SessionFile &f, const char *field, const QString &what) {
            const QString resolved = resolveSessionPath(path, f.path);
            if (!QFileInfo(resolved).isFile())
                throw InputError(path.toStdString(), std::string(field) + ": " + tr("%1 %2 is missing; the session cannot be opened without it")
                                                                                   .arg(what, resolved).toStdString());
            return resolved;
        };
        request.val = need(session.val->file, "sources.val.path", tr("the val trace"));
        if (session.val->aaai21Correct)
            request.aaai21Direction = session.val->aaai21Direction;
        if (session.test)
            request.test = need(session.test->file, "sources.test.path", tr("the test trace"));
        r.inputs = loadInputs(request, context);
        const auto compare = [&r](const QString &what, const QString &file, const QString &saved, const QString &now) {
            if (saved != now)
                r.changed << tr("%1 %2 changed since the session was saved (SHA-256 was %3…, is now %4…)")
                                 .arg(what, file, shortHash(saved), shortHash(now));
        };
        compare(tr("the val trace"), request.val, session.val->file.sha256, r.inputs.valOrigin->sha256);
        if (session.val->aaai21Correct)
            compare(tr("the val trace's correctness"), aaai21CorrectPartner(request.val), session.val->aaai21Correct->sha256,
                    r.inputs.valOrigin->aaai21CorrectSha256);
        if (session.test) {
            compare(tr("the test trace"), request.test, session.test->file.sha256, r.inputs.testOrigin->sha256);
            if (session.test->aaai21Correct)
                compare(tr("the test trace's correctness"), aaai21CorrectPartner(request.test), session.test->aaai21Correct->sha256,
                        r.inputs.testOrigin->aaai21CorrectSha256);
        }
        // The latency and the model: the session holds what it needs of them (the latency as
        // it was, the traces collected); a change is told, not used.
        const auto note = [&r, &path](const QString &what, const SessionFile &f, const QString &consequence) {
            const QString resolved = resolveSessionPath(path, f.path);
            if (!QFileInfo(resolved).isFile())
                r.notes << tr("%1 %2 is missing; %3").arg(what, resolved, consequence);
            else if (qstr(sha256OfFile(resolved.toStdString())) != f.sha256)
                r.notes << tr("%1 %2 changed since the session was saved; %3").arg(what, resolved, consequence);
        };
        if (session.latencySource)
            note(tr("the latency file"), *session.latencySource, tr("the latency as the session saved it is used"));
        if (session.model && !session.model->sha256.isEmpty())
            note(tr("the model"), SessionFile{session.model->request.model, session.model->sha256},
                 tr("the traces saved with the session are used; collect them again to use the new model"));
        return r;
    };
    m_document->jobs().start<Reopened>(
        kSlot, tr("Opening the session"), this, work,
        [this, session, path, recovery](std::shared_ptr<Reopened> r) { apply(session, path, *r, recovery); },
        [this](const QString &message) {
            m_restoring = false;
            emit error(tr("Open session"), message);
        });
}

void SessionController::apply(const Session &session, const QString &path, Reopened &r, bool recovery)
{
    LoadedInputs in = std::move(r.inputs);
    in.replaceAll = true; // nothing of what was open before stays
    if (session.latency) {
        in.latency = session.latency; // as the window had it: edits included
        in.latencyPath = session.latencyLabel;
        in.latencySha256 = session.latencySource ? session.latencySource->sha256 : QString();
        in.latencyProfiles = session.latencyBatches; // the batch sizes to choose from
    }
    try {
        m_document->setInputs(std::move(in));
    } catch (const InputError &e) {
        m_restoring = false;
        emit error(tr("Open session"), tr("%1: %2").arg(path, qstr(e.what())));
        return;
    }
    m_document->setSettings(session.settings);
    m_document->setCurrentPolicy(session.currentPolicy);
    if (session.operatingPoint)
        m_document->applyPolicyState(*session.operatingPoint);
    if (session.sweep && r.changed.isEmpty())
        m_document->restoreSweep(session.sweep->rows, session.sweep->settings, session.sweep->scale, session.sweep->complete);
    m_document->restoreCursor(session.cursorBudget);
    if (session.model && m_runner)
        m_runner->setCollected(session.model->request);
    m_document->undoStack().clear(); // the history starts at the state saved
    m_restoring = false;
    if (recovery) {
        m_path = session.autosaveOf;
        m_dirty = true; // restored, not saved
        m_document->undoStack().setClean();
        emit stateChanged();
        discardRecovery(path);
        emit message(tr("restored the autosaved state%1").arg(m_path.isEmpty() ? QString() : tr(" of %1").arg(m_path)));
    } else {
        m_path = QFileInfo(path).absoluteFilePath();
        markSaved();
        remember(m_path);
        emit message(tr("opened the session %1").arg(m_path));
    }
    for (const QString &note : r.notes)
        emit message(note);
    if (!r.changed.isEmpty()) {
        QString text = tr("The session's traces changed since it was saved:");
        for (const QString &change : r.changed)
            text += QStringLiteral("\n• ") + change;
        text += QStringLiteral("\n\n") + tr("The files as they are now are open; the sweep's results were dropped (they were "
                                       "computed on the old data): run the sweep again.");
        if (!recovery)
            m_dirty = true; // what is shown is no longer what the session says
        emit stateChanged();
        emit sourcesChanged(text);
    }
    emit opened(path);
}

// --- recent sessions

QStringList SessionController::recentSessions() const
{
    return QSettings().value(kRecent).toStringList();
}

void SessionController::remember(const QString &path)
{
    rememberRecent(kRecent, path, kRecentCount);
    fillRecentMenu();
}

void SessionController::fillRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = recentSessions();
    int n = 0;
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(++n % 10).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path]() { open(path); });
    }
    finishRecentMenu(m_recentMenu, kRecent, this, [this]() { fillRecentMenu(); });
}

// --- autosave and recovery

int SessionController::autosaveInterval() const
{
    return m_autosaveSeconds;
}

void SessionController::setAutosaveInterval(int seconds)
{
    m_autosaveSeconds = seconds;
    m_autosave.stop();
    if (seconds > 0) {
        m_autosave.setInterval(1000 * seconds);
        m_autosave.start();
    }
}

bool SessionController::autosaveNow()
{
    if (!needsSaving() || m_restoring || saving())
        return false;
    return writeRecovery();
}

bool SessionController::writeRecovery()
{
    if (!m_recoveryLock) {
        QDir().mkpath(recoveryFolder());
        m_recoveryLock = std::make_unique<QLockFile>(m_recoveryPath + QStringLiteral(".lock"));
        m_recoveryLock->setStaleLockTime(0); // held while this window lives; stale only when its process is gone
        if (!m_recoveryLock->tryLock(0)) {
            m_recoveryLock.reset();
            return false;
        }
    }
    try {
        saveTo(m_recoveryPath);
        return true;
    } catch (const std::exception &e) {
        emit message(tr("autosave failed: %1").arg(qstr(e.what())));
        return false;
    }
}

void SessionController::removeRecovery()
{
    discardRecovery(m_recoveryPath);
    m_recoveryLock.reset();
}

void SessionController::discardRecovery(const QString &recoveryFile)
{
    QFile::remove(recoveryFile);
    QDir(sessionSideFolder(recoveryFile)).removeRecursively();
}

QStringList SessionController::orphanedRecoveryFiles()
{
    QDir folder(recoveryFolder());
    QStringList orphans;
    for (const QFileInfo &file : folder.entryInfoList({QStringLiteral("recovery-*.exitscope")}, QDir::Files, QDir::Time)) {
        QLockFile probe(file.absoluteFilePath() + QStringLiteral(".lock"));
        probe.setStaleLockTime(0);
        if (probe.tryLock(0)) // nobody holds it: its window is gone (the probe lets go at once)
            orphans << file.absoluteFilePath();
    }
    return orphans;
}

void SessionController::restoreRecovery(const QString &recoveryFile)
{
    openFile(recoveryFile, true);
}

void SessionController::offerRecovery()
{
    const QStringList orphans = orphanedRecoveryFiles();
    if (orphans.isEmpty())
        return;
    const QString file = orphans.front();
    QString of;
    try {
        of = readSession(file).autosaveOf;
    } catch (const std::exception &) {
        discardRecovery(file); // unreadable: nothing to offer
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Restore autosaved work"),
                    of.isEmpty() ? tr("exitscope did not close normally. The window's unsaved work was autosaved at %1. Restore it?")
                                       .arg(QLocale().toString(QFileInfo(file).lastModified(), QLocale::ShortFormat))
                                 : tr("exitscope did not close normally while %1 had unsaved changes, autosaved at %2. "
                                      "Restore them?")
                                       .arg(QFileInfo(of).fileName(),
                                            QLocale().toString(QFileInfo(file).lastModified(), QLocale::ShortFormat)),
                    QMessageBox::NoButton, m_window);
    QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == restore)
        restoreRecovery(file);
    else
        discardRecovery(file);
}

} // namespace exitscope::gui

#include "jobrunner.h"

#include "core/common/inputerror.h"
#include "core/common/internalerror.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace exitscope::gui {

namespace {

// Workers run niced, so that the GUI thread wins a busy CPU: with every core sweeping,
// a thread at the same priority waits its turn (gaps of 200 ms were measured on 2 cores).
// On Linux the nice value belongs to the thread and the threads it starts inherit it (the
// sweep's own pool, EENet's training).
void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (!lowered) {
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
        lowered = true;
    }
#endif
}

} // namespace

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
{
    // Sweeps start threads of their own; the pool only needs room for the jobs that may
    // overlap (a sweep, evaluators being rebuilt, a solve at the budget cursor, a cancelled
    // job still winding down).
    m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &JobRunner::progressChanged);
}

JobRunner::~JobRunner()
{
    cancelAll();
    m_pool.waitForDone();
}

std::shared_ptr<JobRunner::Job> JobRunner::open(const QString &slot, const QString &title, QObject *receiver)
{
    cancel(slot);
    auto job = std::make_shared<Job>();
    job->id = m_nextId++;
    job->generation = m_generation;
    job->independent = m_independent.contains(slot);
    job->slot = slot;
    job->title = title;
    job->receiver = receiver;
    job->mutex = std::make_shared<std::mutex>();
    job->update = std::make_shared<ProgressUpdate>();
    job->warned = std::make_shared<std::set<std::string>>();
    job->started.start();
    // Called on worker threads: only the shared state under the mutex is touched.
    job->context.progress = Progress([mutex = job->mutex, update = job->update](const ProgressUpdate &u) {
        const std::lock_guard<std::mutex> lock(*mutex);
        *update = u;
    });
    // Workers post to `this` directly: posting is thread-safe, and the runner outlives
    // every worker (its destructor waits for them).
    JobRunner *self = this;
    const quint64 id = job->id;
    job->context.warn = [self, id, mutex = job->mutex, warned = job->warned](const JobWarning &w) {
        {
            const std::lock_guard<std::mutex> lock(*mutex);
            if (!warned->insert(w.id).second)
                return; // one line per kind of warning and job ("budget-clamped" may come per row)
        }
        QMetaObject::invokeMethod(
            self,
            [self, id, message = QString::fromStdString(w.message)]() {
                for (const auto &job : std::as_const(self->m_jobs))
                    if (job->id == id && self->isCurrent(*job))
                        emit self->warning(message);
            },
            Qt::QueuedConnection);
    };
    m_jobs.insert(slot, job);
    if (!m_progressTimer.isActive())
        m_progressTimer.start();
    emit jobStarted(slot);
    return job;
}

void JobRunner::run(const std::shared_ptr<Job> &job, std::function<void(const JobContext &)> work,
                    std::function<void()> deliver, std::function<void(const QString &)> failed)
{
    JobRunner *self = this;
    const quint64 id = job->id;
    const JobContext context = job->context;
    // The worker owns copies of everything it reads; `this` is reached only through
    // queued calls, run on the GUI thread.
    // The future is not kept: results travel by the queued call below, and the pool is
    // waited for in the destructor.
    const QFuture<void> future = QtConcurrent::run(&m_pool, [self, id, context, work = std::move(work), deliver = std::move(deliver),
                                failed = std::move(failed)]() mutable {
        lowerThisThreadsPriority();
        QString error;
        bool ok = false, cancelled = false;
        try {
            work(context);
            ok = true;
        } catch (const Cancelled &) {
            cancelled = true;
        } catch (const InputError &e) {
            error = QString::fromStdString(e.what());
        } catch (const InternalError &e) {
            error = QStringLiteral("internal error (a bug in Exitscope, please report it): %1").arg(QString::fromStdString(e.what()));
        } catch (const std::bad_alloc &) {
            error = QStringLiteral("not enough memory");
        } catch (const std::exception &e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            self,
            [self, id, ok, cancelled, error, deliver = std::move(deliver), failed = std::move(failed)]() {
                std::shared_ptr<Job> job;
                for (const auto &j : std::as_const(self->m_jobs))
                    if (j->id == id)
                        job = j;
                if (!job)
                    return; // cancelled or superseded: the slot was freed already
                const bool deliverable = !cancelled && self->isCurrent(*job) && job->receiver;
                // The slot is freed before delivering, so that deliver() may start the next
                // job there; the signals follow, so that idle() means nothing is pending.
                self->m_jobs.remove(job->slot);
                if (deliverable && ok)
                    deliver();
                else if (deliverable && failed)
                    failed(error);
                if (deliverable && ok)
                    emit self->jobSucceeded(job->title, job->started.elapsed());
                self->finish(job->slot, ok && deliverable);
            },
            Qt::QueuedConnection);
    });
    Q_UNUSED(future)
}

void JobRunner::runWaiting(const QString &slot, const QString &title, std::function<void(const JobContext &)> work)
{
    keepAcrossGenerations(slot);
    QEventLoop loop;
    bool finished = false, succeeded = false;
    QString error;
    const QMetaObject::Connection done = connect(this, &JobRunner::jobFinished, &loop, [&](const QString &finishedSlot) {
        if (finishedSlot == slot) {
            finished = true;
            loop.quit();
        }
    });
    // deliver and failed run, if at all, before jobFinished: while this frame is alive.
    start<bool>(
        slot, title, this,
        [work = std::move(work)](const JobContext &context) {
            work(context);
            return true;
        },
        [&succeeded](std::shared_ptr<bool>) { succeeded = true; }, [&error](const QString &message) { error = message; });
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    disconnect(done);
    if (!succeeded)
        throw InputError(std::string(), (error.isEmpty() ? tr("%1: cancelled").arg(title) : error).toStdString());
}

bool JobRunner::isCurrent(const Job &job) const
{
    return (job.independent || job.generation == m_generation) && !job.context.cancelled();
}

void JobRunner::finish(const QString &slot, bool succeeded)
{
    emit jobFinished(slot, succeeded);
    if (m_jobs.isEmpty()) {
        m_progressTimer.stop();
        emit progressChanged();
        emit idle();
    }
}

void JobRunner::postIfCurrent(Token token, std::function<void()> f)
{
    // Called from workers: see open().
    JobRunner *self = this;
    QMetaObject::invokeMethod(
        self,
        [self, token, f = std::move(f)]() {
            for (const auto &job : std::as_const(self->m_jobs))
                if (job->id == token.job && self->isCurrent(*job) && job->receiver) {
                    f();
                    return;
                }
        },
        Qt::QueuedConnection);
}

void JobRunner::cancel(const QString &slot)
{
    const auto it = m_jobs.constFind(slot);
    if (it == m_jobs.cend())
        return;
    (*it)->context.cancel.cancel();
    m_jobs.erase(it);
    finish(slot, false);
}

void JobRunner::cancelAll()
{
    const QStringList running = m_jobs.keys();
    for (const QString &slot : running)
        cancel(slot);
}

void JobRunner::newGeneration()
{
    ++m_generation;
    const QStringList running = m_jobs.keys();
    for (const QString &slot : running)
        if (!m_independent.contains(slot))
            cancel(slot);
}

bool JobRunner::isRunning(const QString &slot) const
{
    return m_jobs.contains(slot);
}

JobRunner::Status JobRunner::status() const
{
    Status status;
    status.jobs = static_cast<int>(m_jobs.size());
    std::shared_ptr<Job> oldest;
    for (const auto &job : m_jobs)
        if (!oldest || job->id < oldest->id)
            oldest = job;
    if (!oldest)
        return status;
    status.running = true;
    status.title = oldest->title;
    const std::lock_guard<std::mutex> lock(*oldest->mutex);
    status.fraction = oldest->update->fraction;
    status.message = QString::fromStdString(oldest->update->message);
    status.secondsLeft = oldest->update->secondsLeft;
    return status;
}

bool JobRunner::waitForIdle(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_jobs.isEmpty() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return m_jobs.isEmpty();
}

} // namespace exitscope::gui

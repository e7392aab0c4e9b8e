#pragma once

#include "core/jobs/jobcontext.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>
#include <mutex>
#include <set>

namespace exitscope::gui {

// Runs everything slow (reading traces, building evaluators, sweeps, solving at a budget)
// on a thread pool, after KDAB/hotspot's job tracker: each job carries the generation it
// was started in, the core JobContext (cancel handle, progress, warnings), and a QPointer to
// the object that receives its result. Results come back queued to the GUI thread as
// values and are dropped when the job was cancelled, its generation is stale (the inputs
// changed) or the receiver is gone. Workers never touch a widget: progress is stored under
// a mutex and read by a 100 ms GUI timer (throttled), warnings are queued.
//
// A job lives in a named slot ("sweep", "evaluators"...): starting a job in a slot cancels
// the one there. cancel() frees the slot at once (the GUI reacts within a timer tick, far
// under 200 ms); the worker stops at its next cancel check and its result is dropped.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override; // cancels every job and waits for the workers

    // What the status bar shows of the running jobs: the oldest one still running.
    struct Status
    {
        bool running = false;
        QString title; // "Sweep", "Reading traces"
        double fraction = 0;
        QString message;
        double secondsLeft = -1; // negative while unknown
        int jobs = 0;
    };

    // Starts work(context) on the pool. On success, deliver(result) runs on the GUI thread
    // unless the job was cancelled, superseded or its generation is stale, or `receiver` is
    // gone; on an exception, failed(message) runs under the same conditions (core
    // InputError messages name the file and field). Cancelled is not a failure: nothing runs.
    template <typename T>
    void start(const QString &slot, const QString &title, QObject *receiver, std::function<T(const JobContext &)> work,
               std::function<void(std::shared_ptr<T>)> deliver, std::function<void(const QString &)> failed = {})
    {
        auto job = open(slot, title, receiver);
        auto result = std::make_shared<std::shared_ptr<T>>();
        run(job, [work = std::move(work), result](const JobContext &context) { *result = std::make_shared<T>(work(context)); },
            [deliver = std::move(deliver), result]() { deliver(std::move(*result)); }, std::move(failed));
    }

    // Names one job for streamed partial results (sweep rows): postIfCurrent(token, f) runs
    // f on the GUI thread (queued) only while that job is current.
    struct Token
    {
        quint64 job = 0;
    };
    void postIfCurrent(Token token, std::function<void()> f);

    // start(), with the job's token handed to the work.
    template <typename T>
    void startStreaming(const QString &slot, const QString &title, QObject *receiver,
                        std::function<T(const JobContext &, Token)> work, std::function<void(std::shared_ptr<T>)> deliver,
                        std::function<void(const QString &)> failed = {})
    {
        auto job = open(slot, title, receiver);
        auto result = std::make_shared<std::shared_ptr<T>>();
        const Token token{job->id};
        run(job, [work = std::move(work), result, token](const JobContext &context) { *result = std::make_shared<T>(work(context, token)); },
            [deliver = std::move(deliver), result]() { deliver(std::move(*result)); }, std::move(failed));
    }

    // Runs work on the pool while the caller waits, for writes whose caller needs the outcome
    // now (saving before the window closes). The event loop keeps running (painting, the
    // status bar's progress, other jobs' results) but holds user input back, so nothing the
    // work captured changes under it. The slot is kept across generations. Returns when it
    // succeeded; throws InputError with the failure's message (it names the file), or that
    // it was cancelled.
    void runWaiting(const QString &slot, const QString &title, std::function<void(const JobContext &)> work);

    void cancel(const QString &slot);
    void cancelAll();
    // Jobs in this slot do not depend on the inputs (trace collection, which itself sets
    // them as it goes): a new generation neither cancels them nor drops their results.
    void keepAcrossGenerations(const QString &slot) { m_independent.insert(slot); }
    const QSet<QString> &independentSlots() const { return m_independent; }
    // The inputs changed: cancels every job; results of jobs started before are dropped.
    void newGeneration();
    quint64 generation() const { return m_generation; }

    bool isRunning(const QString &slot) const;
    bool isIdle() const { return m_jobs.isEmpty(); }
    Status status() const;
    // For tests and --screenshot: runs the event loop until no job runs (false on timeout).
    bool waitForIdle(int timeoutMs);

signals:
    void jobStarted(const QString &slot);
    // Finished, failed or cancelled; the slot is free.
    void jobFinished(const QString &slot, bool succeeded);
    // A job succeeded and its result was delivered: its title and how long it ran.
    void jobSucceeded(const QString &title, qint64 milliseconds);
    void progressChanged(); // throttled: at most every 100 ms while jobs run
    void warning(const QString &message); // a job's warning, once per warning id and job
    void idle(); // the last running job finished

private:
    struct Job
    {
        quint64 id = 0;
        quint64 generation = 0;
        bool independent = false; // keepAcrossGenerations
        QString slot, title;
        QPointer<QObject> receiver;
        JobContext context;
        std::shared_ptr<std::mutex> mutex; // guards update and warned
        std::shared_ptr<ProgressUpdate> update;
        std::shared_ptr<std::set<std::string>> warned;
        QElapsedTimer started;
    };

    std::shared_ptr<Job> open(const QString &slot, const QString &title, QObject *receiver);
    void run(const std::shared_ptr<Job> &job, std::function<void(const JobContext &)> work, std::function<void()> deliver,
             std::function<void(const QString &)> failed);
    bool isCurrent(const Job &job) const;
    void finish(const QString &slot, bool succeeded); // signals for a job already removed

    QThreadPool m_pool;
    QHash<QString, std::shared_ptr<Job>> m_jobs; // running, by slot
    QSet<QString> m_independent;
    quint64 m_generation = 1;
    quint64 m_nextId = 1;
    QTimer m_progressTimer;
};

} // namespace exitscope::gui

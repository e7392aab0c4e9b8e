#pragma once

// Runs exitscope-cli (EXITSCOPE_CLI, set by tests/CMakeLists.txt) for end-to-end tests.

#include "testsupport.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

namespace exitscope::test {

struct Run
{
    int status = -1; // -1 when the process crashed (or could not start, or ran past the limit)
    QString out, err;
    long maxRssKiB = 0; // the process's peak resident memory (wait4's ru_maxrss)
};

// Runs the CLI with `arguments`, stdin empty and stdout and stderr into temporary files
// (no pipe to drain), and waits for it with wait4, which also gives its peak memory. A
// run past `limitMs` is killed.
inline Run cli(const QStringList &arguments, int limitMs = 300000)
{
    Run run;
    QTemporaryFile out, err;
    if (!out.open() || !err.open())
        qFatal("cannot create the files for the CLI's output");
    std::vector<QByteArray> words{QByteArrayLiteral(EXITSCOPE_CLI)};
    for (const QString &a : arguments)
        words.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&files, out.handle(), 1);
    posix_spawn_file_actions_adddup2(&files, err.handle(), 2);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    if (spawned != 0)
        return run;

    int status = 0;
    rusage usage{};
    QElapsedTimer clock;
    clock.start();
    bool killed = false;
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (done < 0 && errno != EINTR)
            return run;
        if (!killed && clock.elapsed() > limitMs) {
            ::kill(pid, SIGKILL);
            killed = true;
        }
        QThread::msleep(5);
    }
    run.status = WIFEXITED(status) && !killed ? WEXITSTATUS(status) : -1;
    run.maxRssKiB = usage.ru_maxrss;
    out.seek(0);
    err.seek(0);
    run.out = QString::fromUtf8(out.readAll());
    run.err = QString::fromUtf8(err.readAll());
    return run;
}

// Expands "@relative" to that file in ../shared/data and "%" anywhere in an argument to
// `dir` and a slash ("%out.npz" is that file in `dir`, "npy:%x.npy,%y.npy" a spec of two);
// returns the shared files named, for the caller's REQUIRE_SHARED_FILE (which must run in
// the test function itself: it returns from it).
inline QStringList expandPaths(QStringList &arguments, const QTemporaryDir &dir)
{
    QStringList shared;
    for (QString &a : arguments) {
        if (a.startsWith('@')) {
            a = sharedDataPath(a.mid(1));
            shared << a;
        } else {
            a.replace('%', dir.path() + '/');
        }
    }
    return shared;
}

} // namespace exitscope::test

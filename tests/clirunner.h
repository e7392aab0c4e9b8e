#pragma once

// Runs exitscope-cli (EXITSCOPE_CLI, set by tests/CMakeLists.txt) for end-to-end tests.

#include "testsupport.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace exitscope::test {

struct Run
{
    int status = -1; // -1 when the process crashed
    QString out, err;
};

inline Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(EXITSCOPE_CLI), arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// Expands "@relative" to that file in ../shared/data and "%name" to that file in `dir`;
// returns the shared files named, for the caller's REQUIRE_SHARED_FILE (which must run in
// the test function itself: it returns from it).
inline QStringList expandPaths(QStringList &arguments, const QTemporaryDir &dir)
{
    QStringList shared;
    for (QString &a : arguments) {
        if (a.startsWith('@')) {
            a = sharedDataPath(a.mid(1));
            shared << a;
        } else if (a.startsWith('%')) {
            a = dir.filePath(a.mid(1));
        }
    }
    return shared;
}

} // namespace exitscope::test

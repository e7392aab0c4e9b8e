#pragma once

// Runs exitscope-cli (EXITSCOPE_CLI, set by tests/CMakeLists.txt) for end-to-end tests.

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

} // namespace exitscope::test

#pragma once

// Helpers shared by the tests: the real files in ../shared/data, temporary folders, and
// asserting on InputError messages.

#include "core/common/inputerror.h"
#include "core/data/trace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>
#include <string>

namespace exitscope::test {

inline QString sharedDataPath(const QString &relative)
{
    const QString root = qEnvironmentVariableIsSet("EXITSCOPE_SHARED_DATA")
        ? qEnvironmentVariable("EXITSCOPE_SHARED_DATA")
        : QStringLiteral(EXITSCOPE_SHARED_DATA);
    return QDir(root).filePath(relative);
}

inline std::string str(const QString &s)
{
    return s.toStdString();
}

// Writes bytes to dir/name and returns the path.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
        qFatal("cannot write test file %s", qPrintable(path));
    return path;
}

// A full-probability trace's contents cut to the k largest probabilities of every row, most
// probable first and the lower class first on ties (as a full trace's argmax).
inline TraceContents keepTopk(TraceContents c, int k)
{
    const std::size_t rows = static_cast<std::size_t>(c.exits) * static_cast<std::size_t>(c.samples);
    std::vector<std::int32_t> order(static_cast<std::size_t>(c.classes));
    for (std::size_t row = 0; row < rows; ++row) {
        const float *p = c.probabilities.data() + row * c.classes;
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [p](std::int32_t a, std::int32_t b) { return p[a] > p[b]; });
        for (int i = 0; i < k; ++i) {
            c.topkIndices.push_back(order[i]);
            c.topkProbabilities.push_back(p[order[i]]);
        }
    }
    c.topk = k;
    c.probabilities.clear();
    return c;
}

} // namespace exitscope::test

// Skips the test where `path` (a file in ../shared/data) is absent, as in a new user's
// clone; under CI=true, where the shared data is always there, fails instead.
#define REQUIRE_SHARED_FILE(path)                                                                                \
    do {                                                                                                         \
        if (!QFileInfo::exists(path)) {                                                                          \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                            \
                QFAIL(qPrintable(QStringLiteral("shared data missing under CI: ") + (path)));                    \
            QSKIP(qPrintable(QStringLiteral("shared data not found (a fresh clone has no ../shared): ") + (path))); \
        }                                                                                                        \
    } while (false)

// Declares `var` as the path of a file in ../shared/data, which must exist.
#define SHARED_DATA(var, relative)                                                                               \
    const QString var = exitscope::test::sharedDataPath(QString(relative));                               \
    REQUIRE_SHARED_FILE(var)

// Runs `statement`, which must throw InputError whose message contains `fragment`.
#define EXPECT_INPUT_ERROR(statement, fragment)                                                                  \
    do {                                                                                                         \
        bool thrown_ = false;                                                                                    \
        const std::string fragment_ = (fragment);                                                                \
        try {                                                                                                    \
            statement;                                                                                           \
        } catch (const exitscope::InputError &e_) {                                                              \
            thrown_ = true;                                                                                      \
            const std::string message_ = e_.what();                                                              \
            if (message_.find(fragment_) == std::string::npos)                                                    \
                QFAIL(qPrintable(QStringLiteral("error message \"%1\" lacks \"%2\"")                             \
                                     .arg(QString::fromStdString(message_), QString::fromStdString(fragment_)))); \
        }                                                                                                        \
        if (!thrown_)                                                                                            \
            QFAIL("expected an InputError, none was thrown");                                                    \
    } while (false)

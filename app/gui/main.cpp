// exitscope: the desktop window. With --screenshot it opens what the command line names,
// runs its sweep, writes the window to a PNG and exits (no display needed).

#include "commandline.h"
#include "document.h"
#include "language.h"
#include "mainwindow.h"
#include "palettechoice.h"
#include "sessioncontroller.h"

#include "app/buildinfo/buildinfo.h"
#include "core/common/inputerror.h"

#include <QApplication>
#include <QIcon>
#include <QSaveFile>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace exitscope;
using namespace exitscope::gui;

namespace {

constexpr int kBadInput = 3;

void printError(const QString &message)
{
    std::fprintf(stderr, "exitscope: error: %s\n", qPrintable(message));
}

// The window at a fixed size, once the sweep (if any) finished, as a PNG written atomically.
int screenshot(const CommandLine &cl)
{
    LoadedInputs loaded;
    try {
        if (!cl.model && cl.session.isEmpty())
            loaded = loadInputs(cl.inputs);
    } catch (const InputError &e) {
        printError(QString::fromStdString(e.what()));
        return kBadInput;
    }
    MainWindow window;
    int status = 0;
    window.setErrorHandler([&status](const QString &message) {
        printError(message);
        status = kBadInput;
    });
    window.resize(1600, 1000);
    window.show();
    Document *document = window.document();
    SessionController *session = window.sessionController();
    session->setAutosaveInterval(0); // a screenshot is not work to recover
    QObject::connect(session, &SessionController::sourcesChanged, &window, [](const QString &text) {
        std::fprintf(stderr, "exitscope: warning: %s\n", qPrintable(text));
    });
    if (!cl.session.isEmpty()) {
        window.openCommandLine(cl); // the session's sources read and hashed, then its state
    } else if (cl.model) {
        // Trace collection, then profiling, then the sweep: each starts the next, so the
        // runner is idle only once all of them finished (or one failed).
        window.openCommandLine(cl);
    } else {
        try {
            document->setInputs(std::move(loaded));
        } catch (const InputError &e) {
            printError(QString::fromStdString(e.what()));
            return kBadInput;
        }
        if (!cl.compare.empty())
            window.showComparison(cl.compare);
        if (cl.sweep) {
            document->setSettings(*cl.sweep);
            if (status == 0)
                document->startSweep();
        }
    }
    // Evaluators, then the sweep, then the policy it loads at the budget cursor.
    // A job may start once the last one is done (--run-for-real after the sweep): idle
    // after the queued calls too.
    do {
        while (status == 0 && (!document->jobs().isIdle() || session->opening()))
            document->jobs().waitForIdle(600000);
        QApplication::processEvents();
    } while (status == 0 && (!document->jobs().isIdle() || session->opening()));
    if (status != 0)
        return status;
    window.refreshNow();
    QApplication::processEvents();
    const QImage image = window.grab().toImage();
    QSaveFile file(cl.screenshot);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        printError(QStringLiteral("%1: cannot write the screenshot (%2)").arg(cl.screenshot, file.errorString()));
        return kBadInput;
    }
    std::printf("wrote %s (%dx%d)\n", qPrintable(cl.screenshot), image.width(), image.height());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // A screenshot, --help and --version need no display: the offscreen platform, unless
    // the caller chose one.
    if (needsNoDisplay(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Exitscope"));
    QApplication::setApplicationName(QStringLiteral("exitscope"));
    // The desktop entry and icon packaging/ installs; the icon from the resources when the
    // theme has none (a build not installed).
    QGuiApplication::setDesktopFileName(QStringLiteral("org.exitscope.Exitscope"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.exitscope.Exitscope"), QIcon(QStringLiteral(":/icons/exitscope.svg"))));
    QApplication::setApplicationVersion(QStringLiteral(EXITSCOPE_VERSION " (git %1)").arg(QLatin1String(gitRevision())));

    CommandLine cl;
    try {
        cl = parseCommandLine(QApplication::arguments());
    } catch (const UsageError &e) {
        printError(QString::fromStdString(e.what()));
        std::fprintf(stderr, "Run 'exitscope --help' for the options.\n");
        return 2;
    } catch (const InputError &e) {
        printError(QString::fromStdString(e.what()));
        return kBadInput;
    }
    if (cl.version) {
        std::fputs(versionText("exitscope", std::string("Qt ") + qVersion() + " (built with " QT_VERSION_STR ")").c_str(), stdout);
        return 0;
    }
    if (!cl.text.isEmpty()) {
        std::fputs(qPrintable(cl.text), stdout);
        return 0;
    }
    applyPaletteChoice(cl.palette); // checked by the parser
    installLanguage(cl.language.value_or(storedLanguage())); // before the first window: it is not retranslated
    if (!cl.screenshot.isEmpty())
        return screenshot(cl);

    MainWindow window;
    window.setAskOnClose(true);
    window.show();
    if (cl.model || !cl.inputs.val.isEmpty() || !cl.inputs.eenetLogits.isEmpty() || !cl.inputs.latency.isEmpty()
        || !cl.inputs.costs.isEmpty() || !cl.session.isEmpty())
        QTimer::singleShot(0, &window, [&window, cl]() { window.openCommandLine(cl); });
    else // a window that crashed before left its autosave: offered when nothing else was asked for
        QTimer::singleShot(0, &window, [&window]() { window.sessionController()->offerRecovery(); });
    return app.exec();
}

#include "console.h"

#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>

#include <unistd.h>

namespace exitscope::cli {

namespace {

// Copied into every console context: the signal handler and the job share one flag.
CancelHandle g_interrupted;

extern "C" void onInterrupt(int)
{
    g_interrupted.cancel();
}

} // namespace

JobContext consoleContext(std::function<std::string(const ProgressUpdate &)> describe)
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    JobContext context;
    context.cancel = g_interrupted;
    const bool terminal = ::isatty(STDERR_FILENO);
    auto lastLine = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now() - std::chrono::seconds(2));
    context.progress = Progress([terminal, lastLine, describe](const ProgressUpdate &update) {
        const double fraction = update.fraction;
        const auto now = std::chrono::steady_clock::now();
        const bool last = fraction >= 1.0;
        if (!terminal && !last && now - *lastLine < std::chrono::seconds(1))
            return;
        *lastLine = now;
        std::cerr << (terminal ? "\r" : "") << describe(update) << (terminal ? "        " : "\n");
        if (terminal && last)
            std::cerr << "\n";
        std::cerr << std::flush;
    });
    return context;
}

JobContext consoleContext()
{
    return consoleContext([](const ProgressUpdate &update) {
        return "[" + std::to_string(static_cast<int>(update.fraction * 100)) + "%] " + update.message;
    });
}

int interruptedNothingWritten()
{
    std::cerr << "exitscope-cli: interrupted: nothing written\n";
    return 130;
}

} // namespace exitscope::cli

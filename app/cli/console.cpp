#include "console.h"

#include <chrono>
#include <cmath>
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

std::string timeLeftText(double seconds, bool lowerBound)
{
    if (!(seconds > 0))
        return {};
    const std::string about = lowerBound ? "at least " : "about ";
    const long rounded = std::lround(std::ceil(seconds));
    if (rounded < 120)
        return about + std::to_string(rounded) + " s left";
    if (rounded < 2 * 3600)
        return about + std::to_string((rounded + 30) / 60) + " min left";
    return about + std::to_string(rounded / 3600) + " h " + std::to_string(rounded % 3600 / 60) + " min left";
}

JobContext consoleContext(std::function<std::string(const ProgressUpdate &)> describe,
                          std::function<std::string(const ProgressUpdate &)> timeLeft)
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    JobContext context;
    context.cancel = g_interrupted;
    const bool terminal = ::isatty(STDERR_FILENO);
    // What was printed last, shared by the context's copies (reports are serialized).
    struct Printed
    {
        std::chrono::steady_clock::time_point at;
        std::string text;
        bool last = false;
    };
    auto printed = std::make_shared<Printed>();
    printed->at = std::chrono::steady_clock::now() - std::chrono::seconds(2);
    context.progress = Progress([terminal, printed, describe, timeLeft](const ProgressUpdate &update) {
        const bool last = update.fraction >= 1.0;
        const auto now = std::chrono::steady_clock::now();
        if (printed->last || (!terminal && !last && now - printed->at < std::chrono::seconds(1)))
            return;
        const std::string text = describe(update);
        if (text == printed->text && !last)
            return;
        printed->at = now;
        printed->text = text;
        printed->last = last;
        const std::string left = timeLeft ? timeLeft(update) : timeLeftText(update.secondsLeft);
        const std::string line = left.empty() ? text : text + ", " + left;
        std::cerr << (terminal ? "\r" : "") << line << (terminal ? "\x1b[K" : "\n");
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

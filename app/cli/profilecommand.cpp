#include "commands.h"

#include "console.h"
#include "textreport.h"

#include "core/common/atomicfile.h"
#include "core/model/latencyprofiler.h"

#include <algorithm>
#include <iostream>

namespace exitscope::cli {

int runProfileCommand(const ProfileOptions &o)
{
    checkOutputIsNotInput(o.out, {o.model});
    const MultiExitModel model = MultiExitModel::load(o.model, o.device);
    ProfilerOptions options;
    options.inputShape = o.inputShape;
    options.batchSizes = o.batchSizes;
    options.warmupRuns = o.warmup;
    options.minSeconds = o.minSeconds;
    options.maxSeconds = std::max(o.maxSeconds, o.minSeconds);
    options.targetSpread = o.targetSpread;
    options.threads = o.threads;

    const JobContext context = consoleContext();
    const std::optional<std::vector<LatencyProfile>> profiles = profileLatency(model, options, context);
    if (!profiles)
        return interruptedNothingWritten();
    writeLatencyProfiles(*profiles, o.out);

    std::cout << "model       " << o.model << " (K = " << model.exits() << ")\n"
              << "times       milliseconds per batch; stage and head: medians of each part alone; cumulative: mean "
                 "time from the input to the end of exit k's head\n";
    for (const LatencyProfile &p : *profiles) {
        std::cout << "\nbatch size " << p.provenance.batchSize << "\n";
        printLatencyProfile(std::cout, p);
        const double spread = p.largestRelativeSpread();
        if (spread > options.targetSpread)
            std::cout << "note: the spread did not settle within " << options.maxSeconds << " s (IQR up to "
                      << formatNumber(100 * spread, 1) << "% of the median, target "
                      << formatNumber(100 * options.targetSpread, 1) << "%): a busy machine?\n";
    }
    std::cout << "\nwrote " << o.out << "\n";
    return 0;
}

} // namespace exitscope::cli

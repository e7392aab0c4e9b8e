#include "commands.h"

#include "atomicfile.h"
#include "inputerror.h"
#include "tracecollector.h"
#include "tracefile.h"

#include <csignal>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace exitscope::cli {

namespace {

CancelToken g_cancel; // SIGINT/SIGTERM: stop between batches, write nothing

extern "C" void onTraceSignal(int)
{
    g_cancel.cancel();
}

} // namespace

int runTraceCommand(const TraceOptions &o)
{
    const DatasetSpec spec = parseDatasetSpec(o.dataset);
    const std::unique_ptr<Dataset> data = openDataset(spec);
    const MultiExitModel model = MultiExitModel::load(o.model, o.device);
    setInferenceThreads(o.threads);
    const DatasetSplit split = splitDataset(data->size(), spec.options.valFraction, spec.options.seed);

    std::signal(SIGINT, onTraceSignal);
    std::signal(SIGTERM, onTraceSignal);
    SolverContext context;
    context.cancel = &g_cancel;
    const bool terminal = ::isatty(STDERR_FILENO);
    int lastPercent = -1;
    context.progress = [&](double fraction, const std::string &split) {
        const int percent = static_cast<int>(fraction * 100);
        if (percent == lastPercent || (!terminal && percent % 10 != 0))
            return;
        lastPercent = percent;
        std::cerr << (terminal ? "\r" : "") << "[" << percent << "%] " << split << (terminal ? "   " : "\n") << std::flush;
    };
    const std::optional<CollectedTraces> traces = collectTraces(model, *data, split, o.batchSize, context);
    if (terminal)
        std::cerr << "\n";
    if (!traces) {
        std::cerr << "exitscope-cli: interrupted: nothing written\n";
        return 130;
    }

    std::error_code error;
    std::filesystem::create_directories(o.outDir, error);
    if (error || !std::filesystem::is_directory(o.outDir))
        throw InputError(o.outDir, "cannot create output folder: " + error.message());
    const std::filesystem::path dir(o.outDir);
    AtomicFile val((dir / "val.npz").string()), test((dir / "test.npz").string()); // both or neither
    writeTraceFile(traces->val, val.temporaryPath());
    writeTraceFile(traces->test, test.temporaryPath());
    val.commit();
    test.commit();
    std::cout << "wrote " << val.path() << " (N = " << traces->val.samples() << ") and " << test.path()
              << " (N = " << traces->test.samples() << "): K = " << traces->val.exits() << ", C = " << traces->val.classes()
              << (traces->val.hasLabels() ? ", labels known" : ", no labels") << "\n";
    return 0;
}

} // namespace exitscope::cli

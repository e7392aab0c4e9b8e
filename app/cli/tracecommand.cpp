#include "commands.h"

#include "console.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/io/tracefile.h"
#include "core/model/tracecollector.h"

#include <filesystem>
#include <iostream>

namespace exitscope::cli {

int runTraceCommand(const TraceOptions &o)
{
    std::vector<std::string> inputs = datasetSourceFiles(o.dataset, o.valDataset);
    inputs.push_back(o.model);
    for (const char *name : {"val.npz", "test.npz"})
        checkOutputIsNotInput((std::filesystem::path(o.outDir) / name).string(), inputs);
    const DatasetSources sources = openDatasetSources(o.dataset, o.valDataset);
    const MultiExitModel model = MultiExitModel::load(o.model, o.device);

    // Interrupted, it stops between batches and writes nothing.
    const JobContext context = consoleContext();
    const std::optional<CollectedTraces> traces
        = collectTraces(model, sources, TraceCollectionOptions{o.batchSize, o.topk, o.threads}, context);
    if (!traces)
        return interruptedNothingWritten();

    const std::filesystem::path dir = createFolder(o.outDir);
    AtomicFileSet files({(dir / "val.npz").string(), (dir / "test.npz").string()}); // both or neither
    AtomicFile &val = files[0], &test = files[1];
    writeTraceFile(traces->val, val.temporaryPath());
    writeTraceFile(traces->test, test.temporaryPath());
    files.commit();
    std::cout << "wrote " << val.path() << " (N = " << traces->val.samples() << ") and " << test.path()
              << " (N = " << traces->test.samples() << "): K = " << traces->val.exits() << ", C = " << traces->val.classes()
              << (traces->val.topk() > 0 ? ", top-" + std::to_string(traces->val.topk()) + " probabilities" : std::string())
              << (traces->val.hasLabels() ? ", labels known" : ", no labels") << "\n";
    return 0;
}

} // namespace exitscope::cli

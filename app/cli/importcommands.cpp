#include "commands.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/io/aaai21import.h"
#include "core/io/eenetimport.h"
#include "core/io/tracefile.h"

#include <filesystem>
#include <iostream>

namespace exitscope::cli {

void runImportAaai21(const ImportAaai21Options &o)
{
    checkOutputIsNotInput(o.out, {o.confidence, o.correct});
    const Trace trace = importAaai21(o.confidence, o.correct,
                                     o.lowerIsConfident ? Direction::LowerIsConfident : Direction::HigherIsConfident,
                                     o.divisor);
    writeTraceFile(trace, o.out);
    std::cout << "wrote " << o.out << ": K = " << trace.exits() << " exits, N = " << trace.samples() << " samples\n";
}

void runImportEenet(const ImportEenetOptions &o)
{
    const std::filesystem::path dir = o.outDir;
    std::vector<std::string> paths{(dir / "val.npz").string(), (dir / "test.npz").string()};
    if (!o.seconds.empty() || !o.flops.empty()) // either makes the latency profile
        paths.push_back((dir / "latency.json").string());
    for (const std::string &path : paths)
        checkOutputIsNotInput(path, {o.logits, o.seconds, o.flops});
    const EenetImport imported = importEenet(o.logits, o.seconds, o.flops);
    createFolder(o.outDir);

    AtomicFileSet files(paths); // all or none
    AtomicFile &val = files[0], &test = files[1];
    writeTraceFile(imported.val, val.temporaryPath());
    writeTraceFile(imported.test, test.temporaryPath());
    if (imported.latency)
        writeLatencyProfile(*imported.latency, files[2].temporaryPath());
    files.commit();

    std::cout << "wrote " << val.path() << " (N = " << imported.val.samples() << "), " << test.path()
              << " (N = " << imported.test.samples() << "): K = " << imported.val.exits()
              << ", C = " << imported.val.classes() << "\n";
    if (imported.latency)
        std::cout << "wrote " << files[2].path() << " (" << costUnitName(imported.latency->unit) << ")\n";
    else
        std::cout << "no latency profile written: give --seconds or --flops\n";
}

} // namespace exitscope::cli

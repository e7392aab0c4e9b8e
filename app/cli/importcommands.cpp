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
    const Trace trace = importAaai21(o.confidence, o.correct,
                                     o.lowerIsConfident ? Direction::LowerIsConfident : Direction::HigherIsConfident,
                                     o.divisor);
    writeTraceFile(trace, o.out);
    std::cout << "wrote " << o.out << ": K = " << trace.exits() << " exits, N = " << trace.samples() << " samples\n";
}

void runImportEenet(const ImportEenetOptions &o)
{
    const EenetImport imported = importEenet(o.logits, o.seconds, o.flops);
    const std::filesystem::path dir = createFolder(o.outDir);

    // All files or none: each is written to a temporary name, renamed once all are done.
    AtomicFile val((dir / "val.npz").string()), test((dir / "test.npz").string()),
        latency((dir / "latency.json").string());
    writeTraceFile(imported.val, val.temporaryPath());
    writeTraceFile(imported.test, test.temporaryPath());
    if (imported.latency)
        writeLatencyProfile(*imported.latency, latency.temporaryPath());
    val.commit();
    test.commit();
    if (imported.latency)
        latency.commit();

    std::cout << "wrote " << val.path() << " (N = " << imported.val.samples() << "), " << test.path()
              << " (N = " << imported.test.samples() << "): K = " << imported.val.exits()
              << ", C = " << imported.val.classes() << "\n";
    if (imported.latency)
        std::cout << "wrote " << latency.path() << " (" << costUnitName(imported.latency->unit) << ")\n";
    else
        std::cout << "no latency profile written: give --seconds or --flops\n";
}

} // namespace exitscope::cli

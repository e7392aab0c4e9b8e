// Exitscope trace files (.npz, docs/trace-format.md): readTraceFile, which reads every
// array it knows and validates them together (Trace::build).
#include "fuzzsupport.h"

#include "core/io/tracefile.h"

using namespace exitscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = fuzz::writeScratchFile("trace.npz", {reinterpret_cast<const char *>(data), size});
    fuzz::expectValueOrInputError("readTraceFile", [&] { readTraceFile(path); });
    return 0;
}

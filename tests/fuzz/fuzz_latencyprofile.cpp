// Latency profiles (JSON, docs/latency-profile.md): readLatencyProfile with no batch size
// (the main profile) and with batch size 7, which walks the `batches` of a multi-batch
// file (every one when none was measured at 7; the seeds have one that was).
#include "fuzzsupport.h"

#include "core/data/latencyprofile.h"

using namespace exitscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = fuzz::writeScratchFile("latency.json", {reinterpret_cast<const char *>(data), size});
    fuzz::expectValueOrInputError("readLatencyProfile", [&] { readLatencyProfile(path); });
    fuzz::expectValueOrInputError("readLatencyProfile(batch 7)", [&] { readLatencyProfile(path, 7); });
    return 0;
}

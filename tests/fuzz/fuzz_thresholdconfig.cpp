// Threshold configs (JSON, docs/threshold-config.md): readThresholdConfig, with its latency
// profile, budget, split predictions and a learned policy's scorer.
#include "fuzzsupport.h"

#include "core/data/thresholdconfig.h"

using namespace exitscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = fuzz::writeScratchFile("thresholds.json", {reinterpret_cast<const char *>(data), size});
    fuzz::expectValueOrInputError("readThresholdConfig", [&] { readThresholdConfig(path); });
    return 0;
}

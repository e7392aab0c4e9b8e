// EENet's seconds.csv (one cumulative latency in ms per line or comma): readSecondsCsv.
#include "fuzzsupport.h"

#include "core/data/latencyprofile.h"

using namespace exitscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = fuzz::writeScratchFile("seconds.csv", {reinterpret_cast<const char *>(data), size});
    fuzz::expectValueOrInputError("readSecondsCsv", [&] { readSecondsCsv(path); });
    return 0;
}

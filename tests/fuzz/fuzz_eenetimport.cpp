// EENet's evaluation files through importEenet: file 0 of the input is logits_single.pth,
// file 1 (when there and not empty) seconds.csv, else file 2 (when there) flops.pth, as the
// import command takes them.
#include "fuzzsupport.h"

#include "core/io/eenetimport.h"

using namespace exitscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::vector<std::string_view> files = fuzz::splitFiles(data, size);
    fuzz::clearScratch();
    const std::string logits = fuzz::writeScratchFile("logits_single.pth", files[0]);
    const std::string seconds = files.size() > 1 && !files[1].empty() ? fuzz::writeScratchFile("seconds.csv", files[1]) : "";
    const std::string flops = files.size() > 2 ? fuzz::writeScratchFile("flops.pth", files[2]) : "";
    fuzz::expectValueOrInputError("importEenet", [&] { importEenet(logits, seconds, flops); });
    return 0;
}

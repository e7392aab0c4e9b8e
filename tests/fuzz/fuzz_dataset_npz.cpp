// NumPy .npz datasets through openDataset, every sample read: file 0 of the input is the
// spec's options, file 1 the archive with arrays "inputs" and optional "labels"
// (layOutDataset).
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return exitscope::fuzz::fuzzDataset(exitscope::fuzz::DatasetFiles::Npz, data, size);
}

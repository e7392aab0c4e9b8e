// NumPy datasets through openDataset, every sample read (per batch, from the file): file 0
// of the input is the spec's options, file 1 the inputs .npy, file 2 (when there) the
// labels .npy (layOutDataset).
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return exitscope::fuzz::fuzzDataset(exitscope::fuzz::DatasetFiles::Npy, data, size);
}

// MNIST IDX files through openDataset, every sample read: file 0 of the input is the
// spec's options, files 1 and 2 the test images and labels, files 3 and 4 the train pair
// (layOutDataset). Gzip'd IDX (a later issue) is one more DatasetFiles kind, with the
// ".gz" names, and a harness like this one that names it.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return exitscope::fuzz::fuzzDataset(exitscope::fuzz::DatasetFiles::Idx, data, size);
}

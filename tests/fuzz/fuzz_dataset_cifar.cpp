// CIFAR-10/100 binary batches through openDataset, every sample read: file 0 of the input
// is the spec's options, file 1 test_batch.bin, test.bin and train.bin, files 1 to 5
// data_batch_1.bin to data_batch_5.bin (layOutDataset); read as CIFAR-10 and as CIFAR-100.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return exitscope::fuzz::fuzzDataset(exitscope::fuzz::DatasetFiles::Cifar, data, size);
}

// Image folders through openDataset, every sample read: file 0 of the input is the spec's
// options (e.g. resize=4x4), file i >= 1 an image in class folder c<(i-1) % 3>
// (layOutDataset). stb_image is compiled into this harness with the fuzzer's
// instrumentation (stbimage.cpp), so its PNG and JPEG decoders are covered and checked.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return exitscope::fuzz::fuzzDataset(exitscope::fuzz::DatasetFiles::Folder, data, size);
}

// Dataset spec strings (docs/datasets.md), "kind:path[,labels][?key=value&...]":
// parseDatasetSpec, then the split its val and seed options ask for.
#include "fuzzsupport.h"

#include "core/model/dataset.h"

using namespace exitscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::expectValueOrInputError("parseDatasetSpec", [&] {
        const DatasetSpec spec = parseDatasetSpec({reinterpret_cast<const char *>(data), size});
        splitDataset(10, spec.options.valFraction, spec.options.seed);
    });
    return 0;
}

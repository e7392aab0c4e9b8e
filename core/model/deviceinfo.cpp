#include "core/model/deviceinfo.h"

#include <torch/cuda.h>

namespace exitscope {

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

std::string cudaUnavailableReason()
{
    if (torch::cuda::is_available())
        return {};
    // LibTorch does not tell a CPU-only build from a CUDA build without a visible GPU.
    return "a CPU-only LibTorch build, or no GPU visible";
}

} // namespace exitscope

// Files written by torch.save, read with LibTorch's unpickler (core/io/torchpickle.cpp):
// readTorchTensorSequence, readTorchNumberList and readTorchTensorDict on the same bytes.
#include "fuzzsupport.h"

#include "core/io/torchpickle.h"

using namespace exitscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = fuzz::writeScratchFile("fuzz.pth", {reinterpret_cast<const char *>(data), size});
    fuzz::expectValueOrInputError("readTorchTensorSequence", [&] { readTorchTensorSequence(path); });
    fuzz::expectValueOrInputError("readTorchNumberList", [&] { readTorchNumberList(path); });
    fuzz::expectValueOrInputError("readTorchTensorDict", [&] { readTorchTensorDict(path); });
    return 0;
}

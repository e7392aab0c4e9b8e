#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace exitscope {

// Files written by Python's torch.save, read with LibTorch's unpickler. This header is
// plain C++ so that callers need no torch headers (they cost ~45 s per translation unit).

struct FloatTensor
{
    std::vector<std::int64_t> shape;
    std::vector<float> values; // C order
};

// torch.save((t0, t1, ...)) or torch.save([t0, t1, ...]) of numeric tensors, as float32.
std::vector<FloatTensor> readTorchTensorSequence(const std::string &path);
// torch.save([x0, x1, ...]) of Python numbers (or a 1-D tensor).
std::vector<double> readTorchNumberList(const std::string &path);
// torch.save({'key': tensor or [tensors] or (tensors), ...}) with string keys, as float32;
// a lone tensor reads as a sequence of one.
std::map<std::string, std::vector<FloatTensor>> readTorchTensorDict(const std::string &path);

} // namespace exitscope

#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace exitscope {

// A tensor as a file states it: a strided view (sizes, strides and an offset, in elements)
// into a storage of `storageElements` elements. A torch.save file states all four, and
// nothing in LibTorch's unpickler checks that the view stays inside the storage, so a
// crafted file would have a reader copy memory past it.
struct TensorGeometry
{
    std::vector<std::int64_t> sizes;
    std::vector<std::int64_t> strides;
    std::int64_t storageOffset = 0;
    std::int64_t storageElements = 0;
};

// Refuses, before any element is read, a view that reaches past its storage: negative
// sizes, strides or offset, a rank mismatch, or a largest element index (the offset plus
// each (size - 1) x stride, by the checked size arithmetic) at or past the storage's end.
// `where` names the file and the tensor.
void checkTensorGeometry(const TensorGeometry &geometry, const std::string &where);

} // namespace exitscope

#pragma once

// LibTorch values to Exitscope's plain types, for the translation units that already
// include torch (multiexitmodel.cpp, torchpickle.cpp). It includes torch headers itself,
// so no plain header may include it.

#include "core/io/torchpickle.h" // FloatTensor

#include <ATen/core/ivalue.h>

#include <optional>
#include <vector>

namespace exitscope {

// The elements of a tuple or a list; nothing for any other value.
inline std::optional<std::vector<c10::IValue>> sequenceItems(const c10::IValue &value)
{
    if (value.isTuple()) {
        const auto &elements = value.toTupleRef().elements();
        return std::vector<c10::IValue>(elements.begin(), elements.end());
    }
    if (value.isList()) {
        const auto list = value.toListRef();
        return std::vector<c10::IValue>(list.begin(), list.end());
    }
    return std::nullopt;
}

// A float32 copy on the host, in C order.
inline FloatTensor toFloatTensor(const at::Tensor &tensor)
{
    const at::Tensor dense = tensor.to(at::kCPU, at::kFloat).contiguous();
    FloatTensor out;
    out.shape.assign(dense.sizes().begin(), dense.sizes().end());
    const float *data = dense.data_ptr<float>();
    out.values.assign(data, data + dense.numel());
    return out;
}

} // namespace exitscope

// The only file of core/ that reads pickles: keep torch includes to the minimum.
#include "core/io/torchpickle.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/io/torchvalue.h"

#include <ATen/core/ivalue.h>
#include <torch/csrc/jit/serialization/pickle.h>

namespace exitscope {

namespace {

c10::IValue loadPickle(const std::string &path)
{
    const std::string bytes = readTextFile(path);
    if (bytes.empty())
        throw InputError(path, "empty file, expected a file written by torch.save");
    try {
        return torch::jit::pickle_load(std::vector<char>(bytes.begin(), bytes.end()));
    } catch (const std::exception &e) {
        std::string reason = e.what();
        reason = reason.substr(0, reason.find('\n'));
        throw InputError(path, "not a readable torch.save file (truncated or another format?): " + reason);
    }
}

// Numeric tensors only: a bool or complex tensor is not what these files hold.
FloatTensor numericToFloatTensor(const at::Tensor &tensor, const std::string &where)
{
    if (!tensor.is_floating_point() && tensor.scalar_type() != at::kLong && tensor.scalar_type() != at::kInt
        && tensor.scalar_type() != at::kShort && tensor.scalar_type() != at::kByte)
        throw InputError(where, std::string("unsupported tensor dtype ") + std::string(tensor.dtype().name()));
    return toFloatTensor(tensor);
}

std::string kindOf(const c10::IValue &value)
{
    return value.tagKind();
}

} // namespace

std::vector<FloatTensor> readTorchTensorSequence(const std::string &path)
{
    const c10::IValue value = loadPickle(path);
    const std::optional<std::vector<c10::IValue>> sequence = sequenceItems(value);
    if (!sequence)
        throw InputError(path, "expected a tuple or list of tensors, found " + kindOf(value));
    const std::vector<c10::IValue> &items = *sequence;
    std::vector<FloatTensor> tensors;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string where = path + "[" + std::to_string(i) + "]";
        if (!items[i].isTensor())
            throw InputError(where, "expected a tensor, found " + kindOf(items[i]));
        tensors.push_back(numericToFloatTensor(items[i].toTensor(), where));
    }
    return tensors;
}

std::vector<double> readTorchNumberList(const std::string &path)
{
    const c10::IValue value = loadPickle(path);
    std::vector<double> numbers;
    if (value.isTensor()) {
        const FloatTensor t = numericToFloatTensor(value.toTensor(), path);
        if (t.shape.size() != 1)
            throw InputError(path, "expected a 1-D tensor of numbers");
        numbers.assign(t.values.begin(), t.values.end());
        return numbers;
    }
    const std::optional<std::vector<c10::IValue>> sequence = sequenceItems(value);
    if (!sequence)
        throw InputError(path, "expected a list of numbers, found " + kindOf(value));
    const std::vector<c10::IValue> &items = *sequence;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].isDouble())
            numbers.push_back(items[i].toDouble());
        else if (items[i].isInt())
            numbers.push_back(static_cast<double>(items[i].toInt()));
        else
            throw InputError(path + "[" + std::to_string(i) + "]", "expected a number, found " + kindOf(items[i]));
    }
    return numbers;
}

std::map<std::string, std::vector<FloatTensor>> readTorchTensorDict(const std::string &path)
{
    const c10::IValue value = loadPickle(path);
    if (!value.isGenericDict())
        throw InputError(path, "expected a dict of tensors, found " + kindOf(value));
    std::map<std::string, std::vector<FloatTensor>> entries;
    for (const auto &entry : value.toGenericDict()) {
        if (!entry.key().isString())
            throw InputError(path, "expected string keys, found " + kindOf(entry.key()));
        const std::string key = entry.key().toStringRef();
        const std::string where = path + "['" + key + "']";
        const c10::IValue &item = entry.value();
        const std::vector<c10::IValue> items = sequenceItems(item).value_or(std::vector<c10::IValue>{item});
        std::vector<FloatTensor> &tensors = entries[key];
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string at = item.isTensor() ? where : where + "[" + std::to_string(i) + "]";
            if (!items[i].isTensor())
                throw InputError(at, "expected a tensor, found " + kindOf(items[i]));
            tensors.push_back(numericToFloatTensor(items[i].toTensor(), at));
        }
    }
    return entries;
}

} // namespace exitscope

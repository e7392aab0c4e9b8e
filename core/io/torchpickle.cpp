// The only file of core/ that reads pickles: keep torch includes to the minimum.
#include "core/io/torchpickle.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/io/tensorgeometry.h"
#include "core/io/torchvalue.h"

#include <ATen/core/ivalue.h>
#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>
#include <torch/csrc/jit/serialization/import_read.h>
#include <torch/csrc/jit/serialization/storage_context.h>
#include <torch/csrc/jit/serialization/unpickler.h>

#include <algorithm>
#include <cstring>

namespace exitscope {

namespace {

// The file's bytes for LibTorch's zip reader; a read past the end reads nothing.
class BytesReadAdapter final : public caffe2::serialize::ReadAdapterInterface
{
public:
    explicit BytesReadAdapter(const std::string &bytes)
        : m_bytes(bytes)
    {
    }
    std::size_t size() const override { return m_bytes.size(); }
    std::size_t read(std::uint64_t pos, void *buf, std::size_t n, const char * = "") const override
    {
        if (pos >= m_bytes.size())
            return 0;
        n = std::min<std::size_t>(n, m_bytes.size() - pos);
        std::memcpy(buf, m_bytes.data() + pos, n);
        return n;
    }

private:
    const std::string &m_bytes;
};

// torch::jit::pickle_load, except that every storage is made here from its record, sized
// by the bytes the record holds: LibTorch sizes a storage by the element count the pickle
// states, which a crafted file can set past the record's end. With true sizes,
// checkTensorGeometry can hold each tensor's view to the data that is really there.
c10::IValue loadPickle(const std::string &path)
{
    const std::string bytes = readTextFile(path);
    if (bytes.empty())
        throw InputError(path, "empty file, expected a file written by torch.save");
    try {
        caffe2::serialize::PyTorchStreamReader reader(std::make_shared<BytesReadAdapter>(bytes));
        auto storages = std::make_shared<torch::jit::DeserializationStorageContext>();
        const std::string dataDir = "data/"; // what torch.save names the storages' records
        for (const std::string &name : reader.getAllRecords()) {
            if (name.compare(0, dataDir.size(), dataDir) != 0)
                continue;
            auto [data, size] = reader.getRecord(name);
            storages->addStorage(name.substr(dataDir.size()),
                                 c10::Storage(c10::Storage::use_byte_size_t(), size, std::move(data), nullptr, false));
        }
        return torch::jit::readArchiveAndTensors("data", "", "", c10::nullopt, c10::nullopt, c10::nullopt, reader,
                                                 torch::jit::Unpickler::defaultTypeParser, storages);
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
    // The file states the view and the storage separately; reading is safe only inside it.
    const std::int64_t itemSize = static_cast<std::int64_t>(tensor.element_size());
    checkTensorGeometry({tensor.sizes().vec(), tensor.strides().vec(), tensor.storage_offset(),
                         static_cast<std::int64_t>(tensor.storage().nbytes()) / itemSize},
                        where);
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

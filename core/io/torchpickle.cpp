// The only file of core/ that reads pickles: keep torch includes to the minimum.
#include "core/io/torchpickle.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/io/tensorgeometry.h"
#include "core/io/torchvalue.h"

#include <ATen/core/ivalue.h>
#include <c10/core/CPUAllocator.h>
#include <caffe2/serialize/versions.h>
#include <torch/csrc/jit/serialization/storage_context.h>
#include <torch/csrc/jit/serialization/unpickler.h>

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace exitscope {

namespace {

// The records of a torch.save file: a zip archive whose entries share one folder
// ("<folder>/data.pkl", "<folder>/data/<key>" for each storage, "<folder>/version"), read
// with libzip as .npz members are. LibTorch's PyTorchStreamReader reads the same records,
// but its constructor leaks its zip state whenever it refuses a file (LibTorch 1.13), and a
// reader of users' files refuses many. `bytes` must outlive it.
class TorchArchive
{
public:
    TorchArchive(const std::string &bytes, const std::string &path)
        : m_path(path)
    {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source)
            m_zip.reset(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
        if (!m_zip) {
            const std::string reason = zip_error_strerror(&error);
            zip_error_fini(&error);
            if (source)
                zip_source_free(source);
            throw InputError(path, "not a readable torch.save file (truncated or another format?): " + reason);
        }
        zip_error_fini(&error);
        const zip_int64_t n = zip_get_num_entries(m_zip.get(), 0);
        for (zip_int64_t i = 0; i < n; ++i) {
            const char *name = zip_get_name(m_zip.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
            const std::string entry = name ? name : "";
            if (i == 0)
                m_folder = entry.substr(0, entry.find('/') + 1);
            if (m_folder.empty() || entry.compare(0, m_folder.size(), m_folder) != 0)
                fail("entry '" + entry + "' is not in the archive's folder" + (m_folder.empty() ? "" : " '" + m_folder + "'"));
            m_records.push_back(entry.substr(m_folder.size()));
        }
        if (m_records.empty())
            fail("the archive is empty");
        const std::string text = read(has(".data/version") ? ".data/version" : "version");
        const std::size_t end = text.find_last_not_of(" \t\r\n") + 1;
        const bool digits = end > 0 && end <= 19
            && std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        m_version = digits ? std::stoull(text.substr(0, end)) : 0;
        if (m_version < caffe2::serialize::kMinSupportedFileFormatVersion
            || m_version > caffe2::serialize::kMaxSupportedFileFormatVersion)
            fail("unsupported format version '" + text.substr(0, std::min<std::size_t>(end, 20)) + "' (this LibTorch reads "
                 + std::to_string(caffe2::serialize::kMinSupportedFileFormatVersion) + " to "
                 + std::to_string(caffe2::serialize::kMaxSupportedFileFormatVersion) + ")");
    }

    const std::vector<std::string> &records() const { return m_records; }
    bool has(const std::string &record) const
    {
        return std::find(m_records.begin(), m_records.end(), record) != m_records.end();
    }
    std::uint64_t version() const { return m_version; }

    // A whole record, as many bytes as it really holds: read in chunks, never sized by the
    // size its entry claims. libzip checks the CRC at the end.
    std::string read(const std::string &record) const
    {
        if (!has(record))
            fail("no record '" + record + "' in the archive");
        zip_file_t *file = zip_fopen(m_zip.get(), (m_folder + record).c_str(), ZIP_FL_ENC_RAW);
        if (!file)
            fail("cannot read record '" + record + "': " + zip_strerror(m_zip.get()));
        std::string bytes;
        char chunk[65536];
        zip_int64_t got = 0;
        while ((got = zip_fread(file, chunk, sizeof chunk)) > 0)
            bytes.append(chunk, static_cast<std::size_t>(got));
        const std::string reason = got < 0 ? zip_file_strerror(file) : "";
        zip_fclose(file);
        if (got < 0)
            fail("corrupt record '" + record + "': " + reason);
        return bytes;
    }

private:
    [[noreturn]] void fail(const std::string &what) const
    {
        throw InputError(m_path, "not a readable torch.save file: " + what);
    }

    struct Discard
    {
        void operator()(zip_t *zip) const { zip_discard(zip); }
    };

    std::string m_path;
    std::unique_ptr<zip_t, Discard> m_zip; // freed also when the constructor throws
    std::string m_folder; // with its trailing '/'
    std::vector<std::string> m_records; // names within the folder
    std::uint64_t m_version = 0;
};

// torch::jit::pickle_load, except that the records are read by TorchArchive and every
// storage is made here from its record, sized by the bytes the record holds: LibTorch sizes
// a storage by the element count the pickle states, which a crafted file can set past the
// record's end. With true sizes, checkTensorGeometry can hold each tensor's view to the
// data that is really there.
c10::IValue loadPickle(const std::string &path)
{
    const std::string bytes = readTextFile(path);
    if (bytes.empty())
        throw InputError(path, "empty file, expected a file written by torch.save");
    const TorchArchive archive(bytes, path);
    const std::string pickle = archive.read("data.pkl");
    auto storages = std::make_shared<torch::jit::DeserializationStorageContext>();
    const std::string dataDir = "data/"; // what torch.save names the storages' records
    for (const std::string &name : archive.records()) {
        if (name.compare(0, dataDir.size(), dataDir) != 0)
            continue;
        const std::string data = archive.read(name);
        c10::Storage storage(c10::Storage::use_byte_size_t(), data.size(), c10::GetDefaultCPUAllocator(), false);
        if (!data.empty())
            std::memcpy(storage.data(), data.data(), data.size());
        storages->addStorage(name.substr(dataDir.size()), storage);
    }
    std::size_t position = 0;
    const auto readPickle = [&pickle, &position](char *buffer, std::size_t n) {
        n = std::min(n, pickle.size() - position);
        std::memcpy(buffer, pickle.data() + position, n);
        position += n;
        return n;
    };
    const auto readRecord = [&path](const std::string &key) -> at::DataPtr {
        throw InputError(path, "not a readable torch.save file: the pickle names storage '" + key
                                   + "', which the archive lacks");
    };
    try {
        torch::jit::Unpickler unpickler(readPickle, nullptr, nullptr, readRecord, c10::nullopt, false,
                                        torch::jit::Unpickler::defaultTypeParser, storages);
        unpickler.set_version(archive.version());
        return unpickler.parse_ivalue();
    } catch (const InputError &) {
        throw;
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

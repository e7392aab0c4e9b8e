// The binary dataset formats: CIFAR-10/100 batches, MNIST IDX files (core/model/idxfile.h), NumPy .npy and .npz.
#include "core/model/dataset.h"

#include "core/common/atomicfile.h"
#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"
#include "core/common/shapetext.h"
#include "core/io/npy.h"
#include "core/io/npzarchive.h"
#include "core/model/idxfile.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace exitscope {

namespace fs = std::filesystem;

namespace {

std::ifstream openBinary(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "cannot open file (missing or unreadable)");
    return in;
}

void readAt(std::ifstream &in, std::uint64_t offset, void *dst, std::size_t n, const std::string &path)
{
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(static_cast<char *>(dst), static_cast<std::streamsize>(n));
    if (static_cast<std::size_t>(in.gcount()) != n)
        throw InputError(path, "truncated: cannot read " + std::to_string(n) + " bytes at offset " + std::to_string(offset));
}

// One file and a sample's byte offset within it, for formats that spread over several files.
struct SampleLocation
{
    std::uint32_t file;
    std::uint64_t offset;
};

// CIFAR-10 and CIFAR-100 binary batches: fixed-size records of label byte(s) then 3x32x32
// pixel bytes, R, G and B planes.
class CifarDataset : public Dataset
{
public:
    CifarDataset(const DatasetSpec &spec)
    {
        const bool hundred = spec.kind == DatasetKind::Cifar100;
        const std::uint64_t labelBytes = hundred ? 2 : 1;
        m_record = labelBytes + 3072;
        m_numClasses = hundred ? 100 : 10;
        m_sampleShape = {3, 32, 32};
        m_where = spec.path;
        std::vector<std::string> names;
        std::error_code ec; // a path the system cannot look up (a name too long) reads as a file: "cannot open"
        if (fs::is_directory(spec.path, ec)) {
            if (hundred)
                names = {spec.options.part == DatasetPart::Train ? "train.bin" : "test.bin"};
            else if (spec.options.part == DatasetPart::Train)
                names = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"};
            else
                names = {"test_batch.bin"};
            for (const auto &n : names)
                m_files.push_back((fs::path(spec.path) / n).string());
        } else {
            m_files.push_back(spec.path);
        }
        for (std::uint32_t f = 0; f < m_files.size(); ++f) {
            const std::string &path = m_files[f];
            const std::uint64_t size = inputFileSize(path);
            if (size == 0 || size % m_record != 0)
                throw InputError(path, "file length " + std::to_string(size) + " is not a positive multiple of the "
                                     + (hundred ? "CIFAR-100" : "CIFAR-10") + " record size " + std::to_string(m_record));
            std::ifstream in = openBinary(path);
            for (std::uint64_t r = 0; r < size / m_record; ++r) {
                unsigned char label[2];
                readAt(in, r * m_record, label, labelBytes, path);
                const int value = label[labelBytes - 1]; // CIFAR-100: coarse, then fine; we use fine
                if (value >= m_numClasses)
                    throw InputError(path, "record " + std::to_string(r) + ": label " + std::to_string(value)
                                         + " out of range [0, " + std::to_string(m_numClasses) + ")");
                m_labels.push_back(value);
                m_locations.push_back({f, r * m_record + labelBytes});
            }
        }
        m_size = static_cast<std::int64_t>(m_labels.size());
        setNormalization(spec.options.mean, spec.options.std);
    }

protected:
    void readSamples(const std::vector<std::int64_t> &indices, float *dst) const override
    {
        std::vector<std::ifstream> streams(m_files.size());
        unsigned char pixels[3072];
        for (auto i : indices) {
            const SampleLocation &loc = m_locations[static_cast<std::size_t>(i)];
            if (!streams[loc.file].is_open())
                streams[loc.file] = openBinary(m_files[loc.file]);
            readAt(streams[loc.file], loc.offset, pixels, sizeof pixels, m_files[loc.file]);
            for (std::size_t k = 0; k < sizeof pixels; ++k)
                *dst++ = static_cast<float>(pixels[k]) / 255.0f;
        }
    }

private:
    std::uint64_t m_record = 0;
    std::vector<std::string> m_files;
    std::vector<SampleLocation> m_locations;
};

// The first of an IDX file's names that exists in dir: MNIST mirrors spell them with '-'
// or '.', plain or gzip'd (as the authors and Debian ship them). When none does, the
// message lists what the folder holds.
std::string findIdx(const std::string &dir, const std::string &prefix, const std::string &format)
{
    std::error_code ec; // a path the system cannot look up (a name too long): no file in it
    if (!fs::is_directory(dir, ec) && (!ec || ec == std::errc::no_such_file_or_directory))
        throw InputError(dir, "not a folder (an mnist dataset names the folder that holds the IDX files)");
    const std::vector<std::string> names{prefix + "-" + format, prefix + "." + format, prefix + "-" + format + ".gz",
                                         prefix + "." + format + ".gz"};
    for (const auto &n : names)
        if (fs::is_regular_file(fs::path(dir) / n, ec))
            return (fs::path(dir) / n).string();
    std::vector<std::string> held;
    for (const auto &entry : fs::directory_iterator(dir, ec))
        held.push_back(entry.path().filename().string() + (entry.is_directory(ec) ? "/" : ""));
    std::sort(held.begin(), held.end());
    std::string list;
    const std::size_t shown = std::min<std::size_t>(held.size(), 12);
    for (std::size_t i = 0; i < shown; ++i)
        list += (i ? ", " : "") + held[i];
    if (held.size() > shown)
        list += " and " + std::to_string(held.size() - shown) + " more";
    throw InputError(dir, "no " + names[0] + " file in this folder (nor " + names[1] + " or either with .gz); it holds "
                              + (held.empty() ? std::string("nothing") : list));
}

std::string partPrefix(const DatasetSpec &spec)
{
    return spec.options.part == DatasetPart::Train ? "train" : "t10k";
}

// MNIST and Fashion-MNIST: an IDX3 file of unsigned-byte images and an IDX1 file of labels,
// plain or gzip'd.
class MnistDataset : public Dataset
{
public:
    MnistDataset(const DatasetSpec &spec)
        : m_images(findIdx(spec.path, partPrefix(spec) + "-images", "idx3-ubyte"),
                   0x00000803, "unsigned-byte images, 3 dimensions")
    {
        m_where = spec.path;
        const std::vector<std::uint64_t> &dims = m_images.dimensions();
        if (dims[1] == 0 || dims[2] == 0 || dims[1] > 65536 || dims[2] > 65536)
            throw InputError(m_images.path(), "header says images of " + std::to_string(dims[1]) + "x" + std::to_string(dims[2])
                                                  + ", expected 1 to 65536 rows and columns");
        m_sampleShape = {1, static_cast<std::int64_t>(dims[1]), static_cast<std::int64_t>(dims[2])};
        m_size = static_cast<std::int64_t>(dims[0]);

        const IdxFile labels(findIdx(spec.path, partPrefix(spec) + "-labels", "idx1-ubyte"),
                             0x00000801, "unsigned-byte labels, 1 dimension");
        if (labels.dimensions()[0] != dims[0])
            throw InputError(labels.path(), std::to_string(labels.dimensions()[0]) + " labels for " + std::to_string(dims[0])
                                                + " images in " + m_images.path());
        const std::vector<unsigned char> bytes = labels.readAll();
        m_numClasses = 10;
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            if (bytes[i] >= m_numClasses)
                throw InputError(labels.path(), "label " + std::to_string(i) + " is " + std::to_string(bytes[i]) + ", out of range [0, 10)");
            m_labels.push_back(bytes[i]);
        }
        setNormalization(spec.options.mean, spec.options.std);
    }

protected:
    void readSamples(const std::vector<std::int64_t> &indices, float *dst) const override
    {
        const std::size_t per = static_cast<std::size_t>(sampleElements());
        std::vector<unsigned char> pixels(per * indices.size());
        m_images.readRecords(indices, per, pixels.data());
        for (unsigned char p : pixels)
            *dst++ = static_cast<float>(p) / 255.0f;
    }

private:
    IdxFile m_images;
};

// Checks labels against the sample count and, when known, the class count.
void checkLabels(const std::vector<std::int64_t> &labels, std::int64_t samples, std::int64_t classes, const std::string &where)
{
    if (static_cast<std::int64_t>(labels.size()) != samples)
        throw InputError(where, std::to_string(labels.size()) + " labels for " + std::to_string(samples) + " samples");
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] < 0 || (classes > 0 && labels[i] >= classes))
            throw InputError(where, "label " + std::to_string(i) + " is " + std::to_string(labels[i]) + ", out of range [0, "
                                 + (classes > 0 ? std::to_string(classes) : std::string("inf")) + ")");
}

std::vector<std::int64_t> sampleShapeOf(const NpyHeader &h, const std::string &where)
{
    if (h.shape.empty())
        throw InputError(where, "inputs must have at least one dimension (N x ...), found a scalar");
    std::vector<std::int64_t> sample(h.shape.begin() + 1, h.shape.end());
    // Samples of no elements are no inputs, and no bytes back their count: (2^40, 0) claimed
    // 2^40 of them, and reading them all never ended.
    if (checkedElementCount(sample, where) == 0)
        throw InputError(where, "inputs of shape " + shapeText(h.shape) + " have samples of no elements");
    return sample;
}

// NumPy .npy inputs (N x ...) read per batch straight from the file, with labels in memory.
class NpyDataset : public Dataset
{
public:
    NpyDataset(const DatasetSpec &spec)
    {
        m_where = spec.path;
        m_header = readNpyFileHeader(spec.path); // refuses data shorter than the header claims
        m_dataOffset = m_header.dataOffset;
        m_sampleShape = sampleShapeOf(m_header, spec.path);
        if (m_header.fortranOrder && m_sampleShape.size() > 0)
            throw InputError(spec.path, "Fortran-order inputs cannot be read by sample; save them with numpy.ascontiguousarray");
        m_size = m_header.shape[0];
        m_numClasses = spec.options.classes;
        if (!spec.labelsPath.empty()) {
            m_labels = readNpyFileAsIntegers(spec.labelsPath);
            checkLabels(m_labels, m_size, m_numClasses, spec.labelsPath);
        }
        setNormalization(spec.options.mean, spec.options.std);
    }

protected:
    void readSamples(const std::vector<std::int64_t> &indices, float *dst) const override
    {
        std::ifstream in = openBinary(m_where);
        const std::size_t per = static_cast<std::size_t>(sampleElements());
        const std::size_t item = m_header.itemSize();
        std::vector<unsigned char> raw(per * item);
        for (auto i : indices) {
            readAt(in, m_dataOffset + static_cast<std::uint64_t>(i) * raw.size(), raw.data(), raw.size(), m_where);
            convert(raw.data(), per, dst);
            dst += per;
        }
    }

private:
    template <typename T>
    static void copyAs(const unsigned char *src, std::size_t n, float *dst)
    {
        for (std::size_t k = 0; k < n; ++k) {
            T v;
            std::memcpy(&v, src + k * sizeof(T), sizeof(T));
            dst[k] = static_cast<float>(v);
        }
    }
    // .npy data is little-endian, as is every platform Exitscope builds on.
    void convert(const unsigned char *src, std::size_t n, float *dst) const
    {
        switch (m_header.type) {
        case NpyType::Bool:
        case NpyType::UInt8: copyAs<std::uint8_t>(src, n, dst); break;
        case NpyType::Int8: copyAs<std::int8_t>(src, n, dst); break;
        case NpyType::Int16: copyAs<std::int16_t>(src, n, dst); break;
        case NpyType::Int32: copyAs<std::int32_t>(src, n, dst); break;
        case NpyType::Int64: copyAs<std::int64_t>(src, n, dst); break;
        case NpyType::Float32: copyAs<float>(src, n, dst); break;
        case NpyType::Float64: copyAs<double>(src, n, dst); break;
        }
        if (m_header.type == NpyType::Bool)
            for (std::size_t k = 0; k < n; ++k)
                dst[k] = dst[k] != 0.0f ? 1.0f : 0.0f;
    }

    NpyHeader m_header;
    std::uint64_t m_dataOffset = 0;
};

// A .npz with arrays "inputs" and optionally "labels". Members may be deflate-compressed and
// cannot be read by offset, so the inputs are held in memory.
class NpzDataset : public Dataset
{
public:
    NpzDataset(const DatasetSpec &spec)
    {
        m_where = spec.path;
        NpzReader npz(spec.path);
        if (!npz.has("inputs"))
            throw InputError(spec.path, "no array named \"inputs\" in the archive");
        const NpyHeader h = npz.header("inputs");
        m_sampleShape = sampleShapeOf(h, npz.where("inputs"));
        m_size = h.shape[0];
        m_inputs = npz.floats("inputs");
        m_numClasses = spec.options.classes;
        if (npz.has("labels")) {
            m_labels = npz.integers("labels");
            checkLabels(m_labels, m_size, m_numClasses, npz.where("labels"));
        }
        setNormalization(spec.options.mean, spec.options.std);
    }

protected:
    void readSamples(const std::vector<std::int64_t> &indices, float *dst) const override
    {
        const std::size_t per = static_cast<std::size_t>(sampleElements());
        for (auto i : indices) {
            std::copy_n(m_inputs.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(i) * per), per, dst);
            dst += per;
        }
    }

private:
    std::vector<float> m_inputs;
};

} // namespace

std::unique_ptr<Dataset> openCifarDataset(const DatasetSpec &spec)
{
    return std::make_unique<CifarDataset>(spec);
}

std::unique_ptr<Dataset> openMnistDataset(const DatasetSpec &spec)
{
    return std::make_unique<MnistDataset>(spec);
}

std::unique_ptr<Dataset> openNpyDataset(const DatasetSpec &spec)
{
    return std::make_unique<NpyDataset>(spec);
}

std::unique_ptr<Dataset> openNpzDataset(const DatasetSpec &spec)
{
    return std::make_unique<NpzDataset>(spec);
}

} // namespace exitscope

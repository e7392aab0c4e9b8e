// The binary dataset formats: CIFAR-10/100 batches, MNIST IDX files, NumPy .npy and .npz.
#include "core/model/dataset.h"

#include "core/common/atomicfile.h"
#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"
#include "core/io/npy.h"
#include "core/io/npzarchive.h"

#include <algorithm>
#include <cstdio>
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

std::uint64_t fileSize(const std::string &path)
{
    refuseFolderInput(path);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw InputError(path, "cannot open file (missing or unreadable)");
    return size;
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
        if (fs::is_directory(spec.path)) {
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
            const std::uint64_t size = fileSize(path);
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

std::uint32_t bigEndian32(const unsigned char *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// The first of the candidate names that exists in dir (MNIST mirrors differ in '-' vs '.').
std::string findIn(const std::string &dir, const std::vector<std::string> &names)
{
    for (const auto &n : names)
        if (fs::exists(fs::path(dir) / n))
            return (fs::path(dir) / n).string();
    throw InputError(dir, "no " + names.front() + " file in this folder");
}

// MNIST and Fashion-MNIST: an IDX3 file of unsigned-byte images and an IDX1 file of labels.
class MnistDataset : public Dataset
{
public:
    MnistDataset(const DatasetSpec &spec)
    {
        const std::string prefix = spec.options.part == DatasetPart::Train ? "train" : "t10k";
        m_where = spec.path;
        m_images = findIn(spec.path, {prefix + "-images-idx3-ubyte", prefix + "-images.idx3-ubyte"});
        const std::string labels = findIn(spec.path, {prefix + "-labels-idx1-ubyte", prefix + "-labels.idx1-ubyte"});

        std::ifstream in = openBinary(m_images);
        unsigned char header[16];
        readAt(in, 0, header, sizeof header, m_images);
        if (bigEndian32(header) != 0x00000803)
            throw InputError(m_images, "wrong IDX magic " + hex(bigEndian32(header)) + ", expected 0x00000803 (unsigned-byte images, 3 dimensions)");
        const std::uint64_t count = bigEndian32(header + 4), rows = bigEndian32(header + 8), cols = bigEndian32(header + 12);
        const std::uint64_t size = fileSize(m_images);
        m_sampleShape = {1, static_cast<std::int64_t>(rows), static_cast<std::int64_t>(cols)};
        const auto want = 16 + static_cast<std::uint64_t>(checkedByteCount(
            {static_cast<std::int64_t>(count), static_cast<std::int64_t>(rows), static_cast<std::int64_t>(cols)}, 1, m_images));
        if (rows == 0 || cols == 0 || rows > 65536 || cols > 65536 || size != want)
            throw InputError(m_images, "header promises " + std::to_string(count) + " images of " + std::to_string(rows) + "x"
                                 + std::to_string(cols) + " (" + std::to_string(want)
                                 + " bytes) but the file has " + std::to_string(size) + " bytes");
        m_size = static_cast<std::int64_t>(count);

        std::ifstream lin = openBinary(labels);
        unsigned char lheader[8];
        readAt(lin, 0, lheader, sizeof lheader, labels);
        if (bigEndian32(lheader) != 0x00000801)
            throw InputError(labels, "wrong IDX magic " + hex(bigEndian32(lheader)) + ", expected 0x00000801 (unsigned-byte labels, 1 dimension)");
        const std::uint64_t lcount = bigEndian32(lheader + 4);
        const std::uint64_t lsize = fileSize(labels);
        if (lsize != 8 + lcount)
            throw InputError(labels, "header promises " + std::to_string(lcount) + " labels (" + std::to_string(8 + lcount)
                                 + " bytes) but the file has " + std::to_string(lsize) + " bytes");
        if (lcount != count)
            throw InputError(labels, std::to_string(lcount) + " labels for " + std::to_string(count) + " images in " + m_images);
        std::vector<unsigned char> bytes(lcount);
        readAt(lin, 8, bytes.data(), bytes.size(), labels);
        m_numClasses = 10;
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            if (bytes[i] >= m_numClasses)
                throw InputError(labels, "label " + std::to_string(i) + " is " + std::to_string(bytes[i]) + ", out of range [0, 10)");
            m_labels.push_back(bytes[i]);
        }
        setNormalization(spec.options.mean, spec.options.std);
    }

protected:
    void readSamples(const std::vector<std::int64_t> &indices, float *dst) const override
    {
        std::ifstream in = openBinary(m_images);
        const std::size_t per = static_cast<std::size_t>(sampleElements());
        std::vector<unsigned char> pixels(per);
        for (auto i : indices) {
            readAt(in, 16 + static_cast<std::uint64_t>(i) * per, pixels.data(), per, m_images);
            for (std::size_t k = 0; k < per; ++k)
                *dst++ = static_cast<float>(pixels[k]) / 255.0f;
        }
    }

private:
    static std::string hex(std::uint32_t v)
    {
        char text[16];
        std::snprintf(text, sizeof text, "0x%08x", v);
        return text;
    }
    std::string m_images;
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
    return std::vector<std::int64_t>(h.shape.begin() + 1, h.shape.end());
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

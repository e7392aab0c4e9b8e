#include "core/model/idxfile.h"

#include "core/common/atomicfile.h"
#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace exitscope {

namespace fs = std::filesystem;

namespace {

std::uint32_t bigEndian32(const unsigned char *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A gzip stream read through zlib; closed when it goes out of scope.
class GzipReader
{
public:
    explicit GzipReader(const std::string &path)
        : m_path(path)
        , m_file(gzopen(path.c_str(), "rb"))
    {
        if (!m_file)
            throw InputError(path, "cannot open file (missing or unreadable)");
        gzbuffer(m_file, 1 << 17);
    }
    ~GzipReader() { gzclose_r(m_file); }
    GzipReader(const GzipReader &) = delete;
    GzipReader &operator=(const GzipReader &) = delete;

    // Up to n decompressed bytes; fewer only at the end of the stream. A corrupt or
    // truncated stream is an InputError saying how far it got.
    std::size_t read(void *dst, std::size_t n)
    {
        std::size_t total = 0;
        auto *out = static_cast<unsigned char *>(dst);
        while (total < n) {
            const auto chunk = static_cast<unsigned>(std::min<std::size_t>(n - total, 1u << 30));
            const int got = gzread(m_file, out + total, chunk);
            if (got < 0 || (got == 0 && !gzeof(m_file)))
                failed();
            if (got == 0)
                break;
            total += static_cast<std::size_t>(got);
        }
        int status = Z_OK;
        gzerror(m_file, &status);
        if (status != Z_OK)
            failed(); // zlib reports a stream cut short (Z_BUF_ERROR) only here
        return total;
    }

    // Reads the rest of the stream without keeping it: the decompressed bytes still there,
    // counted up to `limit` + 1 (enough to know that there are more than `limit`).
    std::uint64_t countRemaining(std::uint64_t limit)
    {
        std::vector<unsigned char> buffer(1 << 16);
        std::uint64_t count = 0;
        while (count <= limit) {
            const std::size_t got = read(buffer.data(), buffer.size());
            count += got;
            if (got < buffer.size())
                break;
        }
        return count;
    }

    void rewind()
    {
        if (gzrewind(m_file) != 0)
            failed();
    }

private:
    [[noreturn]] void failed() const
    {
        int status = Z_OK;
        std::string message = gzerror(m_file, &status);
        if (message.compare(0, m_path.size() + 2, m_path + ": ") == 0)
            message.erase(0, m_path.size() + 2); // zlib prefixes the path
        const std::string reason = status == Z_BUF_ERROR ? "the gzip stream is truncated" : "corrupt gzip data";
        throw InputError(m_path, reason + " (zlib: " + (message.empty() ? "read error" : message) + ")");
    }

    std::string m_path;
    gzFile m_file;
};

} // namespace

std::string idxMagicText(std::uint32_t magic)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", magic);
    return text;
}

IdxFile::IdxFile(std::string path, std::uint32_t magic, const std::string &what)
    : m_path(std::move(path))
    , m_compressed(endsWith(m_path, ".gz"))
{
    if (m_compressed)
        openCompressed(magic, what);
    else
        openPlain(magic, what);
}

void IdxFile::checkMagic(std::uint32_t found, std::uint32_t expected, const std::string &what) const
{
    if (found != expected)
        throw InputError(m_path, "wrong IDX magic " + idxMagicText(found) + ", expected " + idxMagicText(expected) + " (" + what
                                     + ")" + (m_compressed ? " after decompression" : ""));
}

std::uint64_t IdxFile::claimedBytes() const
{
    std::vector<std::int64_t> shape;
    for (std::uint64_t d : m_dimensions)
        shape.push_back(static_cast<std::int64_t>(d));
    return static_cast<std::uint64_t>(checkedByteCount(shape, 1, m_path));
}

namespace {

// "3 images of 2x2", "2 labels": what the header promises, in words.
std::string promise(const std::vector<std::uint64_t> &dims, std::uint64_t totalBytes)
{
    std::string text = std::to_string(dims.empty() ? 0 : dims[0]) + (dims.size() > 1 ? " images of " : " labels");
    for (std::size_t i = 1; i < dims.size(); ++i)
        text += (i > 1 ? "x" : "") + std::to_string(dims[i]);
    return text + " (" + std::to_string(totalBytes) + " bytes)";
}

} // namespace

void IdxFile::openPlain(std::uint32_t magic, const std::string &what)
{
    const std::uint64_t size = inputFileSize(m_path);
    std::ifstream in(m_path, std::ios::binary);
    if (!in)
        throw InputError(m_path, "cannot open file (missing or unreadable)");
    const std::size_t rank = magic & 0xff;
    std::vector<unsigned char> header(4 + 4 * rank);
    in.read(reinterpret_cast<char *>(header.data()), static_cast<std::streamsize>(header.size()));
    if (static_cast<std::size_t>(in.gcount()) < 4)
        throw InputError(m_path, "truncated: " + std::to_string(size) + " bytes, shorter than an IDX header");
    checkMagic(bigEndian32(header.data()), magic, what);
    if (static_cast<std::size_t>(in.gcount()) != header.size())
        throw InputError(m_path, "truncated: " + std::to_string(size) + " bytes, shorter than the " + std::to_string(header.size())
                                     + "-byte IDX header");
    for (std::size_t i = 0; i < rank; ++i)
        m_dimensions.push_back(bigEndian32(header.data() + 4 + 4 * i));
    m_dataOffset = header.size();
    m_dataBytes = claimedBytes();
    if (size != m_dataOffset + m_dataBytes)
        throw InputError(m_path, "header promises " + promise(m_dimensions, m_dataOffset + m_dataBytes) + " but the file has "
                                     + std::to_string(size) + " bytes");
}

void IdxFile::openCompressed(std::uint32_t magic, const std::string &what)
{
    const std::uint64_t compressedSize = inputFileSize(m_path);
    GzipReader gz(m_path);
    const std::size_t rank = magic & 0xff;
    std::vector<unsigned char> header(4 + 4 * rank);
    const std::size_t got = gz.read(header.data(), header.size());
    if (got < 4)
        throw InputError(m_path, "decompresses to " + std::to_string(got) + " bytes, shorter than an IDX header");
    checkMagic(bigEndian32(header.data()), magic, what);
    if (got != header.size())
        throw InputError(m_path, "decompresses to " + std::to_string(got) + " bytes, shorter than the "
                                     + std::to_string(header.size()) + "-byte IDX header");
    for (std::size_t i = 0; i < rank; ++i)
        m_dimensions.push_back(bigEndian32(header.data() + 4 + 4 * i));
    m_dataBytes = claimedBytes();
    const std::uint64_t total = checkedAdd(static_cast<std::int64_t>(m_dataBytes), static_cast<std::int64_t>(header.size()),
                                           m_path, "the IDX file's size");
    if (total / kMaxDeflateRatio > compressedSize)
        throw InputError(m_path, "header promises " + promise(m_dimensions, total) + " from " + std::to_string(compressedSize)
                                     + " compressed bytes: implausible (deflate expands at most "
                                     + std::to_string(kMaxDeflateRatio) + "-fold)");
    // Pass 1: what the stream really holds, streamed and counted, before any allocation.
    const std::uint64_t present = header.size() + gz.countRemaining(m_dataBytes);
    if (present != total)
        throw InputError(m_path, "header promises " + promise(m_dimensions, total) + " but the file decompresses to "
                                     + (present > total ? "more than " + std::to_string(total) : std::to_string(present))
                                     + " bytes");
    // Pass 2: the data, into memory of the size now known to be there.
    gz.rewind();
    gz.read(header.data(), header.size());
    m_data.resize(static_cast<std::size_t>(m_dataBytes));
    if (gz.read(m_data.data(), m_data.size()) != m_data.size())
        throw InputError(m_path, "the file changed while it was read");
}

std::vector<unsigned char> IdxFile::readAll() const
{
    std::vector<unsigned char> bytes(static_cast<std::size_t>(m_dataBytes));
    if (!bytes.empty())
        readRecords({0}, bytes.size(), bytes.data());
    return bytes;
}

void IdxFile::readRecords(const std::vector<std::int64_t> &records, std::size_t size, unsigned char *dst) const
{
    std::ifstream in;
    if (!m_compressed) {
        in.open(m_path, std::ios::binary);
        if (!in)
            throw InputError(m_path, "cannot open file (missing or unreadable)");
    }
    for (std::int64_t r : records) {
        const std::uint64_t offset = static_cast<std::uint64_t>(r) * size;
        if (r < 0 || offset + size > m_dataBytes)
            throw InputError(m_path, "record " + std::to_string(r) + " lies beyond the data");
        if (m_compressed) {
            std::memcpy(dst, m_data.data() + offset, size);
        } else {
            in.seekg(static_cast<std::streamoff>(m_dataOffset + offset));
            in.read(reinterpret_cast<char *>(dst), static_cast<std::streamsize>(size));
            if (static_cast<std::size_t>(in.gcount()) != size)
                throw InputError(m_path, "truncated: cannot read " + std::to_string(size) + " bytes at offset "
                                             + std::to_string(m_dataOffset + offset));
        }
        dst += size;
    }
}

} // namespace exitscope

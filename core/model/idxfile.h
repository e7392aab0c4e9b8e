#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace exitscope {

// One IDX file (the MNIST format: a big-endian magic whose last byte is the number of
// dimensions, their sizes, then the unsigned-byte data), plain or gzip'd as the data
// sets' authors and Debian ship them (a name ending in ".gz"). A plain file is read at
// offsets when asked; a gzip'd one cannot be, so it is decompressed once, streaming, into
// memory. Either way the header's claim is checked against the bytes really there (after
// decompression) before anything is allocated for them. Every error is an InputError
// naming the file.
class IdxFile
{
public:
    // Opens `path` and checks its magic (e.g. 0x00000803: unsigned bytes, 3 dimensions;
    // `what` says that in words for the message) and the data's size.
    IdxFile(std::string path, std::uint32_t magic, const std::string &what);

    const std::string &path() const { return m_path; }
    bool compressed() const { return m_compressed; }
    const std::vector<std::uint64_t> &dimensions() const { return m_dimensions; }
    // Bytes of data: the product of the dimensions.
    std::uint64_t dataBytes() const { return m_dataBytes; }

    // All of the data (labels).
    std::vector<unsigned char> readAll() const;
    // Equally sized records, e.g. the images of one batch: record r is the `size` bytes at
    // r * size within the data; one file handle for all of them.
    void readRecords(const std::vector<std::int64_t> &records, std::size_t size, unsigned char *dst) const;

private:
    void openPlain(std::uint32_t magic, const std::string &what);
    void openCompressed(std::uint32_t magic, const std::string &what);
    void checkMagic(std::uint32_t found, std::uint32_t expected, const std::string &what) const;
    std::uint64_t claimedBytes() const;

    std::string m_path;
    bool m_compressed = false;
    std::vector<std::uint64_t> m_dimensions;
    std::uint64_t m_dataOffset = 0; // plain files: where the data starts
    std::uint64_t m_dataBytes = 0;
    std::vector<unsigned char> m_data; // gzip'd files: the decompressed data
};

// "0x00000803".
std::string idxMagicText(std::uint32_t magic);

} // namespace exitscope

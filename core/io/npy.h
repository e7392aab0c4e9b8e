#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace exitscope {

// Element types Exitscope reads from NumPy files (little-endian; C or Fortran order).
enum class NpyType { Bool, UInt8, Int8, Int16, Int32, Int64, Float32, Float64 };

struct NpyHeader
{
    NpyType type = NpyType::Float64;
    std::vector<std::int64_t> shape;
    bool fortranOrder = false; // column-major in the file; readers return C order
    std::uint64_t dataOffset = 0; // bytes before the data: magic, version, header length and dict

    // Elements and data bytes, by the checked size arithmetic (core/common/checkedsize.h):
    // readNpyHeader has already refused a shape whose product overflows.
    std::int64_t count() const;
    std::int64_t dataBytes() const;
    std::size_t itemSize() const;
};

// Reads up to n bytes into dst and returns how many it read (fewer only at the end).
using ByteReader = std::function<std::size_t(void *dst, std::size_t n)>;

// Parses the magic, version and header dict of a .npy stream; `where` names the file or
// archive member in every error. `streamBytes` is the stream's size (or an upper bound on
// it): a header whose data would not fit is refused here ("truncated"), before any reader
// allocates what the header claims.
NpyHeader readNpyHeader(const ByteReader &read, std::uint64_t streamBytes, const std::string &where);

// The data part, converted to the wanted element type and to C order. Integer targets
// refuse float data; every read refuses a stream shorter than the header promises
// ("truncated"). Fortran-order data takes one extra copy for the transposition.
std::vector<double> readNpyDoubles(const ByteReader &read, const NpyHeader &header, const std::string &where);
std::vector<float> readNpyFloats(const ByteReader &read, const NpyHeader &header, const std::string &where);
std::vector<std::int64_t> readNpyIntegers(const ByteReader &read, const NpyHeader &header, const std::string &where);

// A version-1.0 header (padded to 64 bytes as NumPy does) for data that follows it.
std::string npyHeaderBytes(NpyType type, const std::vector<std::int64_t> &shape);

// A whole .npy file on disk.
struct NpyDoubleArray
{
    std::vector<std::int64_t> shape;
    std::vector<double> values;
};
NpyDoubleArray readNpyFileAsDoubles(const std::string &path);
std::vector<std::int64_t> readNpyFileAsIntegers(const std::string &path);
// Just the header of a .npy file, checked against the file's size.
NpyHeader readNpyFileHeader(const std::string &path);

} // namespace exitscope

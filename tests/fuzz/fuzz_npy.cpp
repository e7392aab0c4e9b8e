// .npy streams in memory: readNpyHeader, then each of readNpyDoubles, readNpyFloats and
// readNpyIntegers on the data after it (what .npy files and .npz members go through).
#include "fuzzsupport.h"

#include "core/io/npy.h"

#include <algorithm>
#include <cstring>

using namespace exitscope;

namespace {

// A ByteReader over the fuzz input from `offset` on.
ByteReader memoryReader(const std::uint8_t *data, std::size_t size, std::size_t offset)
{
    return [data, size, pos = std::min(offset, size)](void *dst, std::size_t n) mutable {
        const std::size_t take = std::min(n, size - pos);
        if (take > 0) // dst may be null when n is 0 (an empty array's data())
            std::memcpy(dst, data + pos, take);
        pos += take;
        return take;
    };
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string where = "fuzz.npy";
    NpyHeader header;
    bool parsed = false;
    fuzz::expectValueOrInputError("readNpyHeader", [&] {
        header = readNpyHeader(memoryReader(data, size, 0), size, where);
        parsed = true;
    });
    if (!parsed)
        return 0;
    const auto offset = static_cast<std::size_t>(header.dataOffset);
    fuzz::expectValueOrInputError("readNpyDoubles", [&] { readNpyDoubles(memoryReader(data, size, offset), header, where); });
    fuzz::expectValueOrInputError("readNpyFloats", [&] { readNpyFloats(memoryReader(data, size, offset), header, where); });
    fuzz::expectValueOrInputError("readNpyIntegers", [&] { readNpyIntegers(memoryReader(data, size, offset), header, where); });
    return 0;
}

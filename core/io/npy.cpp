#include "core/io/npy.h"

#include "core/common/atomicfile.h"
#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"
#include "core/common/shapetext.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>

namespace exitscope {

namespace {

struct TypeInfo
{
    NpyType type;
    const char *descr; // without the byte-order character
    std::size_t size;
};
constexpr TypeInfo kTypes[] = {
    {NpyType::Bool, "b1", 1},    {NpyType::UInt8, "u1", 1},   {NpyType::Int8, "i1", 1},
    {NpyType::Int16, "i2", 2},   {NpyType::Int32, "i4", 4},   {NpyType::Int64, "i8", 8},
    {NpyType::Float32, "f4", 4}, {NpyType::Float64, "f8", 8},
};

const TypeInfo &infoOf(NpyType type)
{
    for (const auto &info : kTypes)
        if (info.type == type)
            return info;
    return kTypes[0];
}

bool isFloat(NpyType type)
{
    return type == NpyType::Float32 || type == NpyType::Float64;
}

// The header is a Python dict literal with three fixed keys; this small strict parser
// accepts exactly what NumPy writes (any key order, optional trailing comma).
class HeaderParser
{
public:
    HeaderParser(std::string text, std::string where)
        : m_text(std::move(text))
        , m_where(std::move(where))
    {
    }

    NpyHeader parse()
    {
        std::string descr;
        bool fortran = false;
        bool haveDescr = false, haveFortran = false, haveShape = false;
        NpyHeader header;
        expect('{');
        while (!peekIs('}')) {
            const std::string key = quoted();
            expect(':');
            if (key == "descr") {
                descr = quoted();
                haveDescr = true;
            } else if (key == "fortran_order") {
                fortran = boolean();
                haveFortran = true;
            } else if (key == "shape") {
                header.shape = tuple();
                haveShape = true;
            } else {
                fail("unexpected header key '" + key + "'");
            }
            if (!peekIs('}'))
                expect(',');
        }
        expect('}');
        if (!haveDescr || !haveFortran || !haveShape)
            fail("header lacks one of 'descr', 'fortran_order', 'shape'");
        header.fortranOrder = fortran;
        header.type = typeFromDescr(descr);
        return header;
    }

private:
    [[noreturn]] void fail(const std::string &what) const
    {
        throw InputError(m_where, "malformed .npy header (" + what + "): " + m_text);
    }
    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    bool peekIs(char c)
    {
        skipSpace();
        return m_pos < m_text.size() && m_text[m_pos] == c;
    }
    void expect(char c)
    {
        if (!peekIs(c))
            fail(std::string("expected '") + c + "'");
        ++m_pos;
    }
    std::string quoted()
    {
        skipSpace();
        if (m_pos >= m_text.size() || (m_text[m_pos] != '\'' && m_text[m_pos] != '"'))
            fail("expected a quoted string");
        const char quote = m_text[m_pos++];
        const auto end = m_text.find(quote, m_pos);
        if (end == std::string::npos)
            fail("unterminated string");
        std::string value = m_text.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        return value;
    }
    bool boolean()
    {
        skipSpace();
        for (const auto &[word, value] : {std::pair{"True", true}, std::pair{"False", false}}) {
            if (m_text.compare(m_pos, std::strlen(word), word) == 0) {
                m_pos += std::strlen(word);
                return value;
            }
        }
        fail("expected True or False");
    }
    std::vector<std::int64_t> tuple()
    {
        std::vector<std::int64_t> dims;
        expect('(');
        while (!peekIs(')')) {
            skipSpace();
            std::size_t digits = 0;
            std::int64_t value = 0;
            while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
                if (value > std::numeric_limits<std::int64_t>::max() / 10)
                    fail("dimension too large");
                value = value * 10 + (m_text[m_pos++] - '0');
                ++digits;
            }
            if (digits == 0)
                fail("expected a dimension");
            dims.push_back(value);
            if (!peekIs(')'))
                expect(',');
        }
        expect(')');
        return dims;
    }
    NpyType typeFromDescr(const std::string &descr) const
    {
        if (descr.size() >= 2 && descr[0] == '>' && descr.substr(1) != "b1" && descr.substr(1) != "u1"
            && descr.substr(1) != "i1")
            throw InputError(m_where, "big-endian arrays ('" + descr + "') are not supported; convert with "
                                      "array.astype(array.dtype.newbyteorder('<'))");
        const std::string body = (descr.size() >= 1 && (descr[0] == '<' || descr[0] == '|' || descr[0] == '='
                                                         || descr[0] == '>'))
            ? descr.substr(1)
            : descr;
        for (const auto &info : kTypes)
            if (body == info.descr)
                return info.type;
        throw InputError(m_where, "unsupported dtype '" + descr
                                      + "'; expected one of bool, uint8, int8, int16, int32, int64, float32, float64");
    }

    std::string m_text;
    std::string m_where;
    std::size_t m_pos = 0;
};

void readExactly(const ByteReader &read, void *dst, std::size_t n, const std::string &where, const char *what)
{
    const std::size_t got = read(dst, n);
    if (got != n) {
        std::ostringstream msg;
        msg << "truncated " << what << ": expected " << n << " bytes, found " << got;
        throw InputError(where, msg.str());
    }
}

template <typename Target, typename Source>
void convertChunk(const unsigned char *src, std::size_t count, Target *dst)
{
    for (std::size_t i = 0; i < count; ++i) {
        Source value;
        std::memcpy(&value, src + i * sizeof(Source), sizeof(Source));
        dst[i] = static_cast<Target>(value);
    }
}

// Reorders column-major data (as numpy.asfortranarray writes it) into row-major order.
template <typename T>
std::vector<T> fortranToC(const std::vector<T> &in, const std::vector<std::int64_t> &shape)
{
    if (shape.size() < 2)
        return in;
    const std::size_t rank = shape.size();
    std::vector<std::size_t> fortranStride(rank, 1); // each at most the element count, already checked
    for (std::size_t d = 1; d < rank; ++d)
        fortranStride[d] = fortranStride[d - 1] * static_cast<std::size_t>(shape[d - 1]);
    std::vector<T> out(in.size());
    std::vector<std::int64_t> index(rank, 0);
    for (std::size_t c = 0; c < out.size(); ++c) {
        std::size_t f = 0;
        for (std::size_t d = 0; d < rank; ++d)
            f += static_cast<std::size_t>(index[d]) * fortranStride[d];
        out[c] = in[f];
        for (std::size_t d = rank; d-- > 0;) { // next C-order index: last axis fastest
            if (++index[d] < shape[d])
                break;
            index[d] = 0;
        }
    }
    return out;
}

// Streams the data in chunks, converting each element; never holds a second full copy.
template <typename Target>
std::vector<Target> readConverted(const ByteReader &read, const NpyHeader &header, const std::string &where)
{
    const std::size_t count = static_cast<std::size_t>(header.count());
    const std::size_t bytes = static_cast<std::size_t>(header.dataBytes());
    const std::size_t itemSize = header.itemSize();
    std::vector<Target> out(count);
    const NpyType type = header.type;
    const bool same = (std::is_same_v<Target, double> && type == NpyType::Float64)
        || (std::is_same_v<Target, float> && type == NpyType::Float32)
        || (std::is_same_v<Target, std::int64_t> && type == NpyType::Int64);
    if (same) {
        readExactly(read, out.data(), bytes, where, "array data");
        if (header.fortranOrder)
            return fortranToC(out, header.shape);
        return out; // not in a ?: expression, which would copy instead of move
    }
    constexpr std::size_t kChunkItems = 1 << 14;
    std::vector<unsigned char> chunk(kChunkItems * itemSize);
    for (std::size_t done = 0; done < count;) {
        const std::size_t n = std::min(kChunkItems, count - done);
        const std::size_t got = read(chunk.data(), n * itemSize);
        if (got != n * itemSize) {
            std::ostringstream msg;
            msg << "truncated array data: expected " << bytes << " bytes, found "
                << done * itemSize + got;
            throw InputError(where, msg.str());
        }
        Target *dst = out.data() + done;
        switch (type) {
        case NpyType::Bool:
        case NpyType::UInt8: convertChunk<Target, std::uint8_t>(chunk.data(), n, dst); break;
        case NpyType::Int8: convertChunk<Target, std::int8_t>(chunk.data(), n, dst); break;
        case NpyType::Int16: convertChunk<Target, std::int16_t>(chunk.data(), n, dst); break;
        case NpyType::Int32: convertChunk<Target, std::int32_t>(chunk.data(), n, dst); break;
        case NpyType::Int64: convertChunk<Target, std::int64_t>(chunk.data(), n, dst); break;
        case NpyType::Float32: convertChunk<Target, float>(chunk.data(), n, dst); break;
        case NpyType::Float64: convertChunk<Target, double>(chunk.data(), n, dst); break;
        }
        done += n;
    }
    if (header.fortranOrder)
        return fortranToC(out, header.shape);
    return out;
}

} // namespace

std::int64_t NpyHeader::count() const
{
    return checkedElementCount(shape, "array shape");
}

std::int64_t NpyHeader::dataBytes() const
{
    return checkedByteCount(shape, itemSize(), "array shape");
}

std::size_t NpyHeader::itemSize() const
{
    return infoOf(type).size;
}

NpyHeader readNpyHeader(const ByteReader &read, std::uint64_t streamBytes, const std::string &where)
{
    unsigned char prefix[8];
    const std::size_t got = read(prefix, sizeof prefix);
    if (got == 0)
        throw InputError(where, "empty file, expected a NumPy .npy array");
    if (got < sizeof prefix || std::memcmp(prefix, "\x93NUMPY", 6) != 0)
        throw InputError(where, "not a NumPy .npy array (the magic string \\x93NUMPY is missing)");
    const int major = prefix[6];
    std::size_t headerLength = 0;
    std::size_t lengthBytes = 2;
    if (major == 1) {
        unsigned char len[2];
        readExactly(read, len, 2, where, ".npy header");
        headerLength = len[0] | (len[1] << 8);
    } else if (major == 2 || major == 3) {
        unsigned char len[4];
        lengthBytes = 4;
        readExactly(read, len, 4, where, ".npy header");
        headerLength = len[0] | (len[1] << 8) | (len[2] << 16) | (static_cast<std::size_t>(len[3]) << 24);
        if (headerLength > (1u << 20))
            throw InputError(where, "implausible .npy header length " + std::to_string(headerLength));
    } else {
        throw InputError(where, "unsupported .npy format version " + std::to_string(major));
    }
    std::string text(headerLength, '\0');
    readExactly(read, text.data(), headerLength, where, ".npy header");
    NpyHeader header = HeaderParser(text, where).parse();
    for (auto d : header.shape)
        if (d > (std::int64_t(1) << 40))
            throw InputError(where, "implausible array shape " + shapeText(header.shape));
    header.dataOffset = sizeof prefix + lengthBytes + headerLength;
    // The claim is checked against the bytes there before anyone allocates for it.
    const auto claimed = static_cast<std::uint64_t>(checkedByteCount(header.shape, header.itemSize(), where));
    const std::uint64_t present = streamBytes > header.dataOffset ? streamBytes - header.dataOffset : 0;
    if (claimed > present)
        throw InputError(where, "truncated: the header claims " + std::to_string(claimed) + " bytes of data (shape "
                                    + shapeText(header.shape) + "), the file has " + std::to_string(present)
                                    + " after the header");
    return header;
}

std::vector<double> readNpyDoubles(const ByteReader &read, const NpyHeader &header, const std::string &where)
{
    return readConverted<double>(read, header, where);
}

std::vector<float> readNpyFloats(const ByteReader &read, const NpyHeader &header, const std::string &where)
{
    return readConverted<float>(read, header, where);
}

std::vector<std::int64_t> readNpyIntegers(const ByteReader &read, const NpyHeader &header, const std::string &where)
{
    if (isFloat(header.type))
        throw InputError(where, std::string("expected an integer array, found dtype ") + infoOf(header.type).descr);
    return readConverted<std::int64_t>(read, header, where);
}

std::string npyHeaderBytes(NpyType type, const std::vector<std::int64_t> &shape)
{
    NpyHeader h;
    h.type = type;
    h.shape = shape;
    const char order = (type == NpyType::Bool || type == NpyType::UInt8 || type == NpyType::Int8) ? '|' : '<';
    std::string dict = std::string("{'descr': '") + order + infoOf(type).descr
        + "', 'fortran_order': False, 'shape': " + shapeText(h.shape) + ", }";
    // magic(6) + version(2) + length(2) + dict + padding + '\n', total a multiple of 64.
    const std::size_t unpadded = 10 + dict.size() + 1;
    dict.append((64 - unpadded % 64) % 64, ' ');
    dict += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    out += static_cast<char>(dict.size() & 0xff);
    out += static_cast<char>((dict.size() >> 8) & 0xff);
    return out + dict;
}

namespace {

// Opens a .npy file, reads its header (checked against the file's size) and hands both
// to `body`.
template <typename Body>
auto withNpyFile(const std::string &path, Body &&body)
{
    refuseFolderInput(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "cannot open file (missing or unreadable)");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg(); // -1 for what cannot seek: reads as empty
    in.seekg(0);
    const ByteReader read = [&in](void *dst, std::size_t n) {
        in.read(static_cast<char *>(dst), static_cast<std::streamsize>(n));
        return static_cast<std::size_t>(in.gcount());
    };
    const NpyHeader header = readNpyHeader(read, size > 0 ? static_cast<std::uint64_t>(size) : 0, path);
    return body(read, header);
}

} // namespace

NpyDoubleArray readNpyFileAsDoubles(const std::string &path)
{
    return withNpyFile(path, [&path](const ByteReader &read, const NpyHeader &header) {
        return NpyDoubleArray{header.shape, readNpyDoubles(read, header, path)};
    });
}

std::vector<std::int64_t> readNpyFileAsIntegers(const std::string &path)
{
    return withNpyFile(path, [&path](const ByteReader &read, const NpyHeader &header) {
        return readNpyIntegers(read, header, path);
    });
}

NpyHeader readNpyFileHeader(const std::string &path)
{
    return withNpyFile(path, [](const ByteReader &, const NpyHeader &header) { return header; });
}

} // namespace exitscope

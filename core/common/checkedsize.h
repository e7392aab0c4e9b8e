#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace exitscope {

// The one size arithmetic for numbers a file states (shapes, strides, offsets, item sizes).
// Each dimension may be plausible while their product is not: an overflow is bad input, so
// these compute in 64 bits and throw InputError(where, ...) naming the shape instead of
// wrapping around into a small allocation that is then written past.

// a * b and a + b of non-negative sizes; `what` names the quantity in the message.
std::int64_t checkedMultiply(std::int64_t a, std::int64_t b, const std::string &where, const std::string &what);
std::int64_t checkedAdd(std::int64_t a, std::int64_t b, const std::string &where, const std::string &what);

// The number of elements of an array of `shape` (1 for a scalar); a negative dimension or a
// product past 2^63 - 1 is an InputError naming `where` and the shape.
std::int64_t checkedElementCount(const std::vector<std::int64_t> &shape, const std::string &where);

// The same array's size in bytes at `itemSize` bytes an element, checked the same way.
std::int64_t checkedByteCount(const std::vector<std::int64_t> &shape, std::size_t itemSize, const std::string &where);

// Deflate's largest expansion, output bytes per input byte: compressed data (a zip member,
// a .gz file) that claims more than this many times its compressed size is a bomb or a
// lie, refused before it is read.
constexpr std::uint64_t kMaxDeflateRatio = 1032;

} // namespace exitscope

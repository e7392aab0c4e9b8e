#include "core/common/checkedsize.h"

#include "core/common/inputerror.h"
#include "core/common/shapetext.h"

namespace exitscope {

namespace {

// a op b when both are sizes and the result fits; otherwise an InputError naming `what`.
template <typename Overflows>
std::int64_t checkedOp(std::int64_t a, std::int64_t b, const char *op, Overflows overflows, const std::string &where,
                       const std::string &what)
{
    std::int64_t result = 0;
    if (a < 0 || b < 0 || overflows(a, b, &result))
        throw InputError(where, what + " is not a size that fits in 64 bits (" + std::to_string(a) + op
                                    + std::to_string(b) + " overflows or is negative)");
    return result;
}

} // namespace

std::int64_t checkedMultiply(std::int64_t a, std::int64_t b, const std::string &where, const std::string &what)
{
    return checkedOp(a, b, " x ", [](auto x, auto y, auto *r) { return __builtin_mul_overflow(x, y, r); }, where, what);
}

std::int64_t checkedAdd(std::int64_t a, std::int64_t b, const std::string &where, const std::string &what)
{
    return checkedOp(a, b, " + ", [](auto x, auto y, auto *r) { return __builtin_add_overflow(x, y, r); }, where, what);
}

std::int64_t checkedElementCount(const std::vector<std::int64_t> &shape, const std::string &where)
{
    std::int64_t count = 1;
    for (const std::int64_t d : shape) {
        if (d < 0)
            throw InputError(where, "negative dimension in shape " + shapeText(shape));
        if (__builtin_mul_overflow(count, d, &count))
            throw InputError(where, "shape " + shapeText(shape)
                                        + " has more elements than fit in 64 bits (the product of its dimensions overflows)");
    }
    return count;
}

std::int64_t checkedByteCount(const std::vector<std::int64_t> &shape, std::size_t itemSize, const std::string &where)
{
    std::int64_t bytes = 0;
    if (__builtin_mul_overflow(checkedElementCount(shape, where), static_cast<std::int64_t>(itemSize), &bytes))
        throw InputError(where, "shape " + shapeText(shape) + " at " + std::to_string(itemSize)
                                    + " bytes an element has more bytes than fit in 64 bits");
    return bytes;
}

} // namespace exitscope

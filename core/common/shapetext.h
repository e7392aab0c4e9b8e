#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace exitscope {

enum class ShapeStyle {
    Tuple, // "(3, 32, 32)", "(5,)", "()": as NumPy and PyTorch print shapes, and .npy headers hold them
    Cross, // "8x3x32x32": a latency profile's input_shape (docs/latency-profile.md)
};

// The one way to write an array's shape as text.
std::string shapeText(const std::vector<std::int64_t> &shape, ShapeStyle style = ShapeStyle::Tuple);

} // namespace exitscope

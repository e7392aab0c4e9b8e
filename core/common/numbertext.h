#pragma once

#include <string>

namespace exitscope {

// A number for a table or a message: fixed precision, "-" for NaN (unknown).
std::string formatNumber(double value, int precision = 4);
// (value - base) / base in percent, "12.3%"; "-" unless base > 0.
std::string formatPercentDifference(double value, double base);

} // namespace exitscope

#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace exitscope {

// A number for a table or a message: fixed precision, "-" for NaN (unknown).
std::string formatNumber(double value, int precision = 4);
// The one reader of numbers that people type or files hold as text: a finite decimal
// ("12", "-0.5", "+1.5e-3"), nothing else (no hex, no "inf" or "nan", no trailing text);
// nullopt otherwise.
std::optional<double> parseDecimal(std::string_view text);
// (value - base) / base in percent, signed: "+12.3%", "-4.0%", "0.0%"; "-" unless base > 0.
std::string formatPercentDifference(double value, double base);

} // namespace exitscope

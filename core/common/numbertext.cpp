#include "core/common/numbertext.h"

#include <charconv>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace exitscope {

std::string formatNumber(double value, int precision)
{
    if (std::isnan(value))
        return "-";
    std::ostringstream out;
    out << std::fixed << std::setprecision(precision) << value;
    return out.str();
}

std::optional<double> parseDecimal(std::string_view text)
{
    // One optional sign, then a digit or a point (from_chars takes '-' but not '+').
    const std::string_view body = text.substr(!text.empty() && (text.front() == '+' || text.front() == '-') ? 1 : 0);
    if (body.empty() || !(std::isdigit(static_cast<unsigned char>(body.front())) || body.front() == '.'))
        return std::nullopt;
    if (text.front() == '+')
        text.remove_prefix(1);
    double value = 0;
    // chars_format::general: decimal digits with an optional exponent; hex is not accepted.
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string formatPercentDifference(double value, double base)
{
    if (!(base > 0))
        return "-";
    const double percent = 100.0 * (value - base) / base;
    return (percent >= 0.05 ? "+" : "") + formatNumber(percent, 1) + "%";
}

} // namespace exitscope

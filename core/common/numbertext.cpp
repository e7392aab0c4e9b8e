#include "core/common/numbertext.h"

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

std::string formatPercentDifference(double value, double base)
{
    return base > 0 ? formatNumber(100.0 * (value - base) / base, 1) + "%" : "-";
}

} // namespace exitscope

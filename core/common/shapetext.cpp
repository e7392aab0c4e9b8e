#include "core/common/shapetext.h"

namespace exitscope {

std::string shapeText(const std::vector<std::int64_t> &shape, ShapeStyle style)
{
    std::string text;
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i == 0 ? "" : style == ShapeStyle::Tuple ? ", " : "x") + std::to_string(shape[i]);
    if (style == ShapeStyle::Cross)
        return text;
    return "(" + text + (shape.size() == 1 ? ",)" : ")");
}

} // namespace exitscope

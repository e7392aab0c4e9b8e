#include "core/io/tensorgeometry.h"

#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"
#include "core/common/shapetext.h"

namespace exitscope {

void checkTensorGeometry(const TensorGeometry &g, const std::string &where)
{
    const std::string view = "tensor of shape " + shapeText(g.sizes) + ", strides " + shapeText(g.strides)
        + ", storage offset " + std::to_string(g.storageOffset);
    if (g.sizes.size() != g.strides.size())
        throw InputError(where, view + ": " + std::to_string(g.sizes.size()) + " sizes but "
                                    + std::to_string(g.strides.size()) + " strides");
    if (g.storageOffset < 0 || g.storageElements < 0)
        throw InputError(where, view + ": negative storage offset or storage size");
    for (std::size_t d = 0; d < g.sizes.size(); ++d)
        if (g.sizes[d] < 0 || g.strides[d] < 0)
            throw InputError(where, view + ": negative size or stride in dimension " + std::to_string(d));
    if (checkedElementCount(g.sizes, where) == 0)
        return; // an empty view reads nothing, wherever it points
    std::int64_t largest = g.storageOffset;
    for (std::size_t d = 0; d < g.sizes.size(); ++d)
        largest = checkedAdd(largest, checkedMultiply(g.sizes[d] - 1, g.strides[d], where, view), where, view);
    if (largest >= g.storageElements)
        throw InputError(where, view + " reaches element " + std::to_string(largest) + " of a storage of "
                                    + std::to_string(g.storageElements) + " elements (the view runs past its storage)");
}

} // namespace exitscope

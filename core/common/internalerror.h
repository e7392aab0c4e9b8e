#pragma once

#include <stdexcept>
#include <string>

namespace exitscope {

// A bug in Exitscope: a caller broke a documented precondition (a state used out of
// order, an empty list where the code above guarantees one). Never caused by a file or a
// setting, so the CLI gives it its own exit status and asks for a bug report instead of
// blaming the input. A std::logic_error, so generic code still sees a logic error.
class InternalError : public std::logic_error
{
public:
    explicit InternalError(const std::string &what)
        : std::logic_error(what)
    {
    }
};

} // namespace exitscope

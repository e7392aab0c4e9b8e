#pragma once

#include <stdexcept>
#include <string>

namespace exitscope {

// A bad file or a bad argument: the message says what was wrong and where
// (file, array, field, index; expected vs found). The CLI maps it to exit status 3,
// the GUI shows it; it never means a bug in Exitscope.
class InputError : public std::runtime_error
{
public:
    InputError(const std::string &where, const std::string &what)
        : std::runtime_error(where.empty() ? what : where + ": " + what)
        , m_where(where)
    {
    }
    const std::string &where() const { return m_where; }

private:
    std::string m_where;
};

} // namespace exitscope

#pragma once

#include <stdexcept>
#include <string>

namespace exitscope {

// A bad file or a bad argument: the message says what was wrong and where. `where` names
// a file (its path, maybe with a field: "cfg.json: budget.kind"), or a setting in plain
// words ("input shape", "budgets", "test trace"), never a command-line flag: the CLI maps
// setting names to its flags and the GUI to its widgets. The CLI maps it to exit status
// 3, the GUI shows it; it never means a bug in Exitscope (that is InternalError).
class InputError : public std::runtime_error
{
public:
    InputError(const std::string &where, const std::string &what)
        : std::runtime_error(where.empty() ? what : where + ": " + what)
        , m_where(where)
        , m_detail(what)
    {
    }
    const std::string &where() const { return m_where; }
    // The message without `where`, for callers that name the place their own way.
    const std::string &detail() const { return m_detail; }

private:
    std::string m_where;
    std::string m_detail;
};

} // namespace exitscope

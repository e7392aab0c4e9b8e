#include "errorreport.h"

#include "core/common/inputerror.h"

#include <new>
#include <utility>

namespace exitscope::cli {

namespace {

// Core names settings in plain words (docs/cli.md: the GUI names them by its widgets); this
// is the one place that knows which flag sets each of them.
constexpr std::pair<std::string_view, std::string_view> kSettingFlags[] = {
    {"policies", "--policies"},
    {"budget", "--budget"},
    {"budgets", "--budgets"},
    {"test trace", "--test"},
    {"val trace", "--val"},
    {"label-free", "--label-free"},
    {"measure", "--measure"},
    {"input shape", "--input-shape"},
    {"batch sizes", "--batch-sizes"},
    {"exits", "--exits"},
    {"samples", "--samples"},
    {"classes", "--classes"},
    {"divide scores by", "--divide-scores-by"},
    {"threads", "--threads"},
    {"costs", "--costs"},
    {"dataset spec", "--dataset"},
    {"val dataset spec", "--val-dataset"},
    {"val samples", "--val-samples"},
    {"device", "--device"},
};

int reportBug(const std::string &message, const std::string &commandLine, std::ostream &err)
{
    err << "exitscope-cli: internal error: " << message << "\n"
        << "This is a bug in Exitscope, not a problem with your input. Please report it with the command line, "
           "the version and the message above:\n"
        << "  command line: " << commandLine << "\n"
        << "  version:      exitscope-cli " << EXITSCOPE_VERSION << "\n";
    return kInternalError;
}

} // namespace

std::optional<std::string_view> flagForSetting(std::string_view setting)
{
    for (const auto &[name, flag] : kSettingFlags)
        if (name == setting)
            return flag;
    return std::nullopt;
}

int reportFailure(std::exception_ptr failure, const std::string &commandLine, std::ostream &err)
{
    try {
        std::rethrow_exception(failure);
    } catch (const InputError &e) {
        const std::optional<std::string_view> flag = flagForSetting(e.where());
        err << "exitscope-cli: error: " << (flag ? std::string(*flag) + ": " + e.detail() : std::string(e.what())) << "\n";
        return kBadInput;
    } catch (const std::bad_alloc &) {
        // Only input too large for this machine allocates without bound (traces, datasets).
        err << "exitscope-cli: error: out of memory\n";
        return kBadInput;
    } catch (const std::exception &e) {
        // A failure no check anticipated (InternalError or a library's exception): still a
        // message and no partial output, but not blamed on the user's input.
        return reportBug(e.what(), commandLine, err);
    } catch (...) {
        return reportBug("an exception that is not a std::exception", commandLine, err);
    }
}

} // namespace exitscope::cli

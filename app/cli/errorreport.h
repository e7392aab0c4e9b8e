#pragma once

// How exitscope-cli turns a failed command into a message on stderr and an exit status.
// A library of its own (exitscope_cli_report) so that tst_cli checks it directly.

#include <exception>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace exitscope::cli {

constexpr int kUsageError = 2;
constexpr int kBadInput = 3;
constexpr int kInternalError = 70; // EX_SOFTWARE (sysexits.h): a bug in Exitscope

// The command-line flag of a core setting name ("input shape" -> "--input-shape"); none
// for file names and anything else that is not a setting.
std::optional<std::string_view> flagForSetting(std::string_view setting);

// Writes the message for the exception `failure` (thrown by a command) to `err` and
// returns the exit status: kBadInput for an InputError (its setting named by the flag) and
// for running out of memory (input too large to hold); kInternalError, with a request to
// report the bug, for anything else. `commandLine` and the version go into that request.
int reportFailure(std::exception_ptr failure, const std::string &commandLine, std::ostream &err);

} // namespace exitscope::cli

#pragma once

#include "core/solvers/solver.h"

#include <functional>
#include <string>

namespace exitscope::cli {

// A context for long commands run from a terminal or a script: SIGINT/SIGTERM cancel it
// (the command stops at its next check), and progress goes to stderr, one line updated in
// place on a terminal, at most a line a second (and the last) in a log. `describe` turns
// an update (fraction done, message, seconds left) into the text of the line.
JobContext consoleContext(std::function<std::string(const ProgressUpdate &update)> describe);
// The same with lines "[42%] message".
JobContext consoleContext();

// For commands that write nothing when interrupted: says so on stderr; returns 130.
int interruptedNothingWritten();

} // namespace exitscope::cli

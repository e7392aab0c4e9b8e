#pragma once

#include "core/solvers/solver.h"

#include <functional>
#include <string>

namespace exitscope::cli {

// A context for long commands run from a terminal or a script: SIGINT/SIGTERM cancel it
// (the command stops at its next check), and progress goes to stderr, one line updated in
// place on a terminal, at most a line a second (and the last) in a log. `describe` turns
// an update (fraction done, message) into the text of the line; the console adds the time
// left when it is known ("[12/153] best at budget 0.6 x reference, about 40 s left").
// Each text is printed once: an update that says nothing new (the same text) and every
// update after the last (fraction 1) print nothing.
// `timeLeft`, when given, replaces the update's own estimate ("about 3 min left"; empty
// when unknown).
JobContext consoleContext(std::function<std::string(const ProgressUpdate &update)> describe,
                          std::function<std::string(const ProgressUpdate &update)> timeLeft = {});
// The same with lines "[42%] message".
JobContext consoleContext();

// "about 40 s left", "about 3 min left" ("at least ..." for a lower bound); empty while
// unknown (negative) or done (0).
std::string timeLeftText(double seconds, bool lowerBound = false);

// For commands that write nothing when interrupted: says so on stderr; returns 130.
int interruptedNothingWritten();

} // namespace exitscope::cli

#pragma once

#include <string>

namespace exitscope {

// The git revision the programs were built from: 12 hex digits, "-modified" appended when
// tracked files differed from it, "unknown" when not built from a git checkout.
const char *gitRevision();

// What --version prints: the program and version, the git revision, the LibTorch it runs
// with (and whether it can use CUDA here), then `qtLine` ("Qt 6.4.2", or why there is none).
std::string versionText(const std::string &program, const std::string &qtLine);

} // namespace exitscope

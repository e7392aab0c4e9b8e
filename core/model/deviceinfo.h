#pragma once

// Plain C++ on purpose (no torch headers): the window asks what this LibTorch can run on.

#include <string>

namespace exitscope {

// Whether the LibTorch this program links can run on a CUDA device now (a CUDA build and a
// visible GPU).
bool cudaAvailable();
// Why not, in words, when cudaAvailable() is false; empty when it is available.
std::string cudaUnavailableReason();

} // namespace exitscope

#pragma once

#include "core/data/trace.h"

#include <string>

namespace exitscope {

// Exitscope's trace file: a NumPy .npz that numpy.savez can write (docs/trace-format.md).
Trace readTraceFile(const std::string &path);
// Writes only what cannot be derived (probabilities, not the predictions they imply),
// atomically; reading the file back gives identical arrays.
void writeTraceFile(const Trace &trace, const std::string &path);

} // namespace exitscope

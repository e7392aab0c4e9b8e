#pragma once

namespace exitscope::bench {

// exitscope-bench drag [--samples N] [--exits K] [--moves M]: the window's cost of one
// mouse move of a threshold drag (see dragbench.cpp). Returns the process's exit status.
int benchDrag(int argc, char **argv);

} // namespace exitscope::bench

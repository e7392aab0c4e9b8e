#include "commands.h"

#include "core/data/synth.h"
#include "core/io/tracefile.h"

#include <iostream>

namespace exitscope::cli {

void runSynth(const SynthOptionsCli &o)
{
    SynthOptions options;
    options.exits = o.exits;
    options.samples = o.samples;
    options.classes = o.classes;
    options.seed = o.seed;
    const Trace trace = synthesize(options);
    writeTraceFile(trace, o.out);
    std::cout << "wrote " << o.out << ": K = " << trace.exits() << ", N = " << trace.samples()
              << ", C = " << trace.classes() << ", seed " << o.seed << "\n";
}

} // namespace exitscope::cli

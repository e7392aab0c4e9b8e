// exitscope-bench: speed and memory figures of the engine.
//   exitscope-bench eval [--samples N] [--exits K] [--repeats R]
//       time of one evaluation (threshold policy applied to a trace), median of R runs
//   exitscope-bench load FILE.npz
//       peak resident memory while reading a trace, relative to its float32 payload

#include "evaluation.h"
#include "synth.h"
#include "tracefile.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

using namespace exitscope;

namespace {

long argValue(int argc, char **argv, const char *name, long fallback)
{
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return std::atol(argv[i + 1]);
    return fallback;
}

double peakResidentMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

int benchEval(int argc, char **argv)
{
    const long samples = argValue(argc, argv, "--samples", 50000);
    const int exits = static_cast<int>(argValue(argc, argv, "--exits", 5));
    const int repeats = static_cast<int>(argValue(argc, argv, "--repeats", 2000));
    const Trace trace = synthesize({exits, samples, 10, 1});
    std::vector<double> cost;
    for (int k = 0; k < exits; ++k)
        cost.push_back(k + 1.0);
    std::vector<double> times;
    double checksum = 0;
    for (int r = 0; r < repeats; ++r) {
        // A new threshold each run, as while dragging.
        const ThresholdPolicy policy{Measure::MaxProb, Direction::HigherIsConfident,
                                     std::vector<double>(exits - 1, 0.5 + 0.4 * r / repeats)};
        const auto start = std::chrono::steady_clock::now();
        const Evaluation e = evaluate(trace, policy, cost);
        const auto stop = std::chrono::steady_clock::now();
        checksum += e.meanCost;
        times.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
    }
    std::sort(times.begin(), times.end());
    std::cout << "evaluate: N = " << samples << ", K = " << exits << ", " << repeats << " runs: median "
              << times[times.size() / 2] << " us, min " << times.front() << " us, p90 "
              << times[times.size() * 9 / 10] << " us (checksum " << checksum << ")\n";
    return 0;
}

int benchLoad(int argc, char **argv)
{
    if (argc < 3) {
        std::cerr << "usage: exitscope-bench load FILE.npz\n";
        return 2;
    }
    const double before = peakResidentMiB();
    const auto start = std::chrono::steady_clock::now();
    const Trace trace = readTraceFile(argv[2]);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double payload = static_cast<double>(trace.exits()) * trace.samples() * std::max(trace.classes(), 1) * 4.0 / (1 << 20);
    const double peak = peakResidentMiB();
    std::cout << "load: K = " << trace.exits() << ", N = " << trace.samples() << ", C = " << trace.classes() << " in "
              << seconds << " s; float32 payload " << payload << " MiB; peak RSS " << peak << " MiB (" << before
              << " MiB before loading); peak / payload = " << peak / payload << "\n";
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "eval")
        return benchEval(argc, argv);
    if (command == "load")
        return benchLoad(argc, argv);
    std::cerr << "usage: exitscope-bench eval [--samples N] [--exits K] [--repeats R] | load FILE.npz\n";
    return 2;
}

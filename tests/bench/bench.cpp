// exitscope-bench: speed and memory figures of the engine.
//   exitscope-bench eval [--samples N] [--exits K] [--repeats R]
//       time of one evaluation (threshold policy applied to a trace), median of R runs
//   exitscope-bench load FILE.npz
//       peak resident memory while reading a trace, relative to its float32 payload
//   exitscope-bench solve --policy P [--trace T.npz --costs c1,..,cK | --samples N --exits K --classes C]
//                         [--budgets B] [--slope k]
//       milliseconds per budget of one solver, over B budgets across the cost range
//   exitscope-bench profile --model M.pt --input-shape 3,32,32 [--batch B] [--threads T] [--device D]
//                           [--warmup-seconds S] [--min-seconds S]
//       repeatability: two latency profiles of the same model in one process, per-exit
//       medians side by side and their largest relative difference

#include "core/data/synth.h"
#include "core/eval/evaluation.h"
#include "core/io/tracefile.h"
#include "core/model/latencyprofiler.h"
#include "core/solvers/solver.h"

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

std::string argText(int argc, char **argv, const char *name, const std::string &fallback)
{
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return argv[i + 1];
    return fallback;
}

int benchSolve(int argc, char **argv)
{
    const std::string policy = argText(argc, argv, "--policy", "best");
    const std::string tracePath = argText(argc, argv, "--trace", "");
    std::vector<double> costs;
    Trace trace = tracePath.empty()
        ? synthesize({static_cast<int>(argValue(argc, argv, "--exits", 5)), argValue(argc, argv, "--samples", 50000),
                      static_cast<int>(argValue(argc, argv, "--classes", 10)), 1})
        : readTraceFile(tracePath);
    const std::string costText = argText(argc, argv, "--costs", "");
    for (std::size_t at = 0; at < costText.size();) {
        const std::size_t comma = costText.find(',', at);
        costs.push_back(std::stod(costText.substr(at, comma - at)));
        at = comma == std::string::npos ? costText.size() : comma + 1;
    }
    if (costs.empty())
        for (int k = 0; k < trace.exits(); ++k)
            costs.push_back(k + 1.0);
    const int budgets = static_cast<int>(argValue(argc, argv, "--budgets", 10));
    SolverOptions options;
    const std::string slope = argText(argc, argv, "--slope", "");
    if (!slope.empty())
        options.ipppSlope = std::stod(slope);
    std::vector<double> times;
    for (int b = 0; b < budgets; ++b) {
        // Budgets spread over the middle of the cost range, where the choice matters.
        const double budget = costs.front() + (costs.back() - costs.front()) * (0.2 + 0.6 * b / std::max(1, budgets - 1));
        SolverProblem problem{trace, costs, budget, BudgetKind::Mean, options, {}};
        const auto start = std::chrono::steady_clock::now();
        const SolverResult r = solve(policy, problem);
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (argValue(argc, argv, "--verbose", 0))
            std::cout << "  budget " << budget << ": " << r.iterations << " iterations, " << r.milliseconds << " ms\n";
        if (!r.feasible && r.isPolicy)
            std::cout << "  budget " << budget << ": val cost " << r.valCost << " over budget\n";
    }
    std::sort(times.begin(), times.end());
    std::cout << "solve " << policy << ": N = " << trace.samples() << ", K = " << trace.exits() << ", " << budgets
              << " budgets: median " << times[times.size() / 2] << " ms, max " << times.back() << " ms per budget\n";
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

std::vector<std::int64_t> parseShape(const std::string &text)
{
    std::vector<std::int64_t> shape;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t comma = text.find(',', at);
        shape.push_back(std::atol(text.substr(at, comma - at).c_str()));
        at = comma == std::string::npos ? text.size() : comma + 1;
    }
    return shape;
}

int benchProfile(int argc, char **argv)
{
    const MultiExitModel model = MultiExitModel::load(argText(argc, argv, "--model", ""), argText(argc, argv, "--device", "cpu"));
    ProfilerOptions options;
    options.threads = static_cast<int>(argValue(argc, argv, "--threads", 1));
    options.inputShape = parseShape(argText(argc, argv, "--input-shape", ""));
    options.batchSizes = {static_cast<int>(argValue(argc, argv, "--batch", 1))};
    options.warmupSeconds = std::atof(argText(argc, argv, "--warmup-seconds", "0.2").c_str());
    options.minSeconds = std::atof(argText(argc, argv, "--min-seconds", "1").c_str());
    std::vector<LatencyProfile> profiles;
    for (int repeat = 0; repeat < 2; ++repeat)
        profiles.push_back(profileLatency(model, options)->front());
    double worst = 0;
    std::cout << "exit  median 1 (ms)  median 2 (ms)  difference\n";
    for (int k = 0; k < model.exits(); ++k) {
        const double a = profiles[0].median[k], b = profiles[1].median[k];
        const double difference = std::abs(a - b) / std::min(a, b);
        worst = std::max(worst, difference);
        std::cout << k << "     " << a << "      " << b << "      " << 100 * difference << "%\n";
    }
    std::cout << "profile: " << model.device() << ", " << profiles[0].provenance.threads << " thread(s), batch " << options.batchSizes[0]
              << ", " << profiles[0].provenance.runs << " and " << profiles[1].provenance.runs
              << " timed runs; largest per-exit median difference " << 100 * worst << "%\n";
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
    if (command == "solve")
        return benchSolve(argc, argv);
    if (command == "profile")
        return benchProfile(argc, argv);
    std::cerr << "usage: exitscope-bench eval [--samples N] [--exits K] [--repeats R] | load FILE.npz | solve --policy P ... | profile --model M.pt --input-shape S\n";
    return 2;
}

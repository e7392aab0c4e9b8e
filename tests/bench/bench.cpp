// exitscope-bench: speed and memory figures of the engine.
//   exitscope-bench eval [--samples N] [--exits K] [--repeats R]
//       time of one evaluation (threshold policy applied to a trace), median of R runs
//   exitscope-bench interactive [--samples N] [--exits K] [--classes C] [--bins B] [--steps S]
//       the Evaluator while a threshold is dragged: one threshold change -> new evaluation
//       and all K-1 histograms, median and p90 over S steps, 3 runs, at exit 0 and K-2, for
//       max-prob and a learned EENet policy; against evaluate() from scratch
//   exitscope-bench load FILE.npz
//       peak resident memory while reading a trace, relative to its float32 payload
//   exitscope-bench solve --policy P [--trace T.npz --costs c1,..,cK | --samples N --exits K --classes C]
//                         [--budgets B] [--slope k]
//       milliseconds per budget of one solver, over B budgets across the cost range
//   exitscope-bench sweep [--samples N --exits K --classes C --budgets B --policies p1,p2,... --threads T --repeats R]
//       a sweep over val and test synth traces (seeds 1 and 2) as `exitscope-cli sweep --test`
//       runs it: wall and CPU seconds of the whole sweep, and per policy the summed time of
//       its budgets' searches; each figure as the median of R runs (3) with min and max
//   exitscope-bench profile --model M.pt --input-shape 3,32,32 [--batch B] [--threads T] [--device D]
//                           [--warmup-seconds S] [--min-seconds S]
//       repeatability: two latency profiles of the same model in one process, per-exit
//       medians side by side and their largest relative difference
//   exitscope-bench drag [--samples N] [--exits K] [--moves M]
//       the window (offscreen unless QT_QPA_PLATFORM says otherwise) while exit 1's
//       threshold line is dragged back and forth: from each mouse move until the window has
//       re-evaluated and redrawn (no event pending, the trade-off plot's operating point the
//       document's); prints `drag: median X ms, p99 Y ms` (built with the GUI only)

#ifdef EXITSCOPE_BENCH_DRAG
#include "dragbench.h"
#endif

#include "core/data/synth.h"
#include "core/eval/evaluation.h"
#include "core/eval/evaluator.h"
#include "core/eval/learnedscorer.h"
#include "core/io/tracefile.h"
#include "core/model/latencyprofiler.h"
#include "core/solvers/solver.h"
#include "core/solvers/sweep.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
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
    const std::optional<PolicyId> policy = parsePolicy(argText(argc, argv, "--policy", "best"));
    if (!policy) {
        std::cerr << "unknown policy\n";
        return 2;
    }
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
        const SolverResult r = solve(*policy, problem);
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (argValue(argc, argv, "--verbose", 0))
            std::cout << "  budget " << budget << ": " << r.iterations << " iterations, " << r.milliseconds << " ms\n";
        if (!r.feasible && r.isPolicy)
            std::cout << "  budget " << budget << ": val cost " << r.valCost << " over budget\n";
    }
    std::sort(times.begin(), times.end());
    std::cout << "solve " << policyName(*policy) << ": N = " << trace.samples() << ", K = " << trace.exits() << ", " << budgets
              << " budgets: median " << times[times.size() / 2] << " ms, max " << times.back() << " ms per budget\n";
    return 0;
}

// Microseconds of `work`, run `repeats` times, sorted.
template <typename Work>
std::vector<double> timesMicroseconds(int repeats, Work work)
{
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        work(r);
        times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times;
}

// Per exit but the last, the scores `policy` reads (as the Evaluator does), sorted: their
// quantiles are the thresholds of the benchmark.
std::vector<std::vector<double>> sortedScores(const Trace &trace, const ThresholdPolicy &policy)
{
    const std::int64_t n = trace.samples();
    const std::vector<double> learned = policy.scorer ? policy.scorer->scores(trace) : std::vector<double>();
    std::vector<std::vector<double>> rows;
    for (int k = 0; k + 1 < trace.exits(); ++k) {
        const double *s = policy.scorer ? learned.data() + k * n : trace.scores(policy.measure, k);
        rows.emplace_back(s, s + n);
        std::sort(rows.back().begin(), rows.back().end());
    }
    return rows;
}

double quantile(const std::vector<double> &sorted, double q)
{
    return sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1))];
}

int benchInteractive(int argc, char **argv)
{
    const long samples = argValue(argc, argv, "--samples", 50000);
    const int exits = static_cast<int>(argValue(argc, argv, "--exits", 5));
    const int classes = static_cast<int>(argValue(argc, argv, "--classes", 10));
    const int bins = static_cast<int>(argValue(argc, argv, "--bins", 64));
    const int steps = static_cast<int>(argValue(argc, argv, "--steps", 200));
    if (exits < 2 || steps < 1) {
        std::cerr << "interactive: needs --exits 2 or more (a threshold to move) and --steps 1 or more\n";
        return 2;
    }
    const Trace trace = synthesize({exits, samples, classes, 1});
    std::vector<double> costs;
    for (int k = 0; k < exits; ++k)
        costs.push_back(k + 1.0);

    // A learned policy: EENet trained briefly on a small val trace (its scores are what
    // matters here, not their quality).
    SolverProblem problem{synthesize({exits, 2000, classes, 2}), costs, 0.5 * (costs.front() + costs.back()),
                          BudgetKind::Mean, {}, {}};
    problem.options.eenetEpochs = 40;
    problem.options.eenetRestarts = 1;
    const SolverResult eenet = solve(PolicyId::Eenet, problem);

    auto start = std::chrono::steady_clock::now();
    Evaluator ev(trace, costs, {false, bins});
    std::cout << "interactive: N = " << samples << ", K = " << exits << ", C = " << classes << ", " << bins
              << " bins; Evaluator built (stored measures sorted) in "
              << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() << " ms\n";

    const ThresholdPolicy maxProb{Measure::MaxProb, Direction::HigherIsConfident, std::vector<double>(exits - 1, 0), nullptr};
    double checksum = 0;
    for (ThresholdPolicy policy : {maxProb, eenet.policy}) {
        const std::string name(measureName(policy.measure));
        const std::vector<std::vector<double>> sorted = sortedScores(trace, policy);
        for (int k = 0; k + 1 < exits; ++k)
            policy.thresholds[k] = quantile(sorted[k], 0.5);
        start = std::chrono::steady_clock::now();
        ev.setPolicy(policy, "bench");
        std::cout << name << ": first setPolicy (full pass" << (policy.scorer ? ", scores computed and sorted" : "")
                  << ") " << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count()
                  << " ms; ";
        ev.setPolicy(policy, "bench");
        const auto full = timesMicroseconds(50, [&](int) { ev.setPolicy(policy, "bench"); });
        const auto scratch = timesMicroseconds(50, [&](int) { checksum += evaluate(trace, policy, costs).meanCost; });
        std::cout << "setPolicy again median " << full[full.size() / 2] << " us; evaluate() from scratch median "
                  << scratch[scratch.size() / 2] << " us\n";
        for (int exit : {0, exits - 2}) {
            // The drag: the threshold walks the 2%..98% quantiles of the exit's scores and back,
            // in `steps` moves; the jump: it alternates between the 1% and 99% quantiles.
            std::vector<double> drag, jump;
            for (int i = 0; i < steps; ++i) {
                const double along = 1.0 - std::abs(1.0 - 2.0 * i / steps);
                drag.push_back(quantile(sorted[exit], 0.02 + 0.96 * along));
                jump.push_back(quantile(sorted[exit], i % 2 ? 0.99 : 0.01));
            }
            for (const auto &[kind, walk] : {std::pair{"drag", &drag}, std::pair{"jump", &jump}}) {
                std::cout << "  " << name << ", exit " << exit << ", " << kind << ":";
                for (int run = 0; run < 3; ++run) {
                    ev.setPolicy(policy, "bench");
                    const auto times = timesMicroseconds(steps, [&](int i) {
                        ev.setThreshold(exit, (*walk)[i]);
                        // What a window reads after the move.
                        checksum += ev.evaluation().meanCost;
                        for (const ExitHistogram &h : ev.histograms())
                            checksum += static_cast<double>(h.counts[static_cast<std::size_t>(i) % h.counts.size()] + h.goOn);
                    });
                    std::cout << " run " << run + 1 << " median " << times[times.size() / 2] << " us, p90 "
                              << times[times.size() * 9 / 10] << " us;";
                }
                std::cout << "\n";
            }
        }
    }
    std::cout << "(checksum " << checksum << ")\n";
    return 0;
}

// "median (min .. max)" of a few runs.
std::string spread(std::vector<double> values, int digits)
{
    std::sort(values.begin(), values.end());
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(digits);
    out << values[values.size() / 2] << " (" << values.front() << " .. " << values.back() << ")";
    return out.str();
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

int benchSweep(int argc, char **argv)
{
    const int exits = static_cast<int>(argValue(argc, argv, "--exits", 5));
    const long samples = argValue(argc, argv, "--samples", 50000);
    const int classes = static_cast<int>(argValue(argc, argv, "--classes", 100));
    const int budgets = static_cast<int>(argValue(argc, argv, "--budgets", 100));
    const int repeats = static_cast<int>(std::max(1L, argValue(argc, argv, "--repeats", 3)));
    SweepRequest request{synthesize({exits, samples, classes, 1}), synthesize({exits, samples, classes, 2}), {}, {},
                         BudgetKind::Mean, {}, {}, static_cast<int>(argValue(argc, argv, "--threads", 0)), {}};
    std::stringstream names(argText(argc, argv, "--policies", "heuristic,branchynet,msdnet,selfxit,patience,best,oracle"));
    for (std::string name; std::getline(names, name, ',');) {
        const std::optional<PolicyId> id = parsePolicy(name);
        if (!id) {
            std::cerr << "unknown policy '" << name << "'\n";
            return 2;
        }
        request.policies.push_back(*id);
    }
    for (int k = 0; k < exits; ++k)
        request.costs.push_back(k + 1.0);
    // As `--budgets 1.2:4.8:100` with costs 1..5: from just above the first exit to just
    // below the last.
    const double from = 1 + 0.05 * (exits - 1), to = exits - 0.05 * (exits - 1);
    for (int b = 0; b < budgets; ++b)
        request.budgets.push_back(budgets == 1 ? from : from + (to - from) * b / (budgets - 1));

    std::vector<double> wall, cpu;
    std::map<PolicyId, std::vector<double>> perPolicy; // summed solve seconds per run
    for (int r = 0; r < repeats; ++r) {
        const double cpuBefore = cpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        const auto sweep = runSweep(request);
        wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        cpu.push_back(cpuSeconds() - cpuBefore);
        std::map<PolicyId, double> sums;
        for (const SweepRow &row : sweep->rows)
            sums[row.policy] += row.result.milliseconds / 1000;
        for (const auto &[policy, seconds] : sums)
            perPolicy[policy].push_back(seconds);
    }
    std::cout << "sweep: N = " << samples << ", K = " << exits << ", C = " << classes << ", " << budgets << " budgets, val and test, "
              << (request.threads > 0 ? request.threads : static_cast<int>(std::thread::hardware_concurrency()))
              << " threads, " << repeats << " runs, median (min .. max)\n"
              << "  total wall s    " << spread(wall, 3) << "\n"
              << "  total cpu s     " << spread(cpu, 3) << "\n";
    for (PolicyId policy : request.policies)
        std::cout << "  " << policyName(policy) << std::string(16 - policyName(policy).size(), ' ') << spread(perPolicy[policy], 3)
                  << " s summed over budgets\n";
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
    if (command == "interactive")
        return benchInteractive(argc, argv);
    if (command == "load")
        return benchLoad(argc, argv);
    if (command == "solve")
        return benchSolve(argc, argv);
    if (command == "profile")
        return benchProfile(argc, argv);
    if (command == "sweep")
        return benchSweep(argc, argv);
#ifdef EXITSCOPE_BENCH_DRAG
    if (command == "drag")
        return exitscope::bench::benchDrag(argc, argv);
#endif
    std::cerr << "usage: exitscope-bench eval [--samples N] [--exits K] [--repeats R] | interactive ... | load FILE.npz | solve --policy P ... | profile --model M.pt --input-shape S | sweep ... | drag ...\n";
    return 2;
}

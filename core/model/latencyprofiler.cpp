#include "core/model/latencyprofiler.h"

#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"
#include "core/common/random.h"
#include "core/common/shapetext.h"
#include "core/data/thresholdconfig.h" // currentTimeIso8601
#include "core/jobs/torchthreads.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace exitscope {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

double secondsSince(Clock::time_point from)
{
    return std::chrono::duration<double>(Clock::now() - from).count();
}

// One batch size's timed runs, in milliseconds: cumulative[k][r] = input to the end of
// head k in run r; stage/head[k][r] = that part alone; reference[r] = the chain without
// early-exit heads.
struct Samples
{
    std::vector<std::vector<double>> cumulative, stage, head;
    std::vector<double> reference;

    explicit Samples(int exits)
        : cumulative(exits)
        , stage(exits)
        , head(exits)
    {
    }
};

class ChainTimer
{
public:
    ChainTimer(const MultiExitModel &model, const FloatTensor &input)
        : m_model(model)
        , m_input(input)
    {
    }

    // The early-exit chain: every stage and every head.
    void timeExits(Samples *samples) const
    {
        const int exits = m_model.exits();
        const Clock::time_point start = Clock::now();
        MultiExitModel::State state = m_model.inputState(m_input);
        Clock::time_point last = start;
        for (int k = 0; k < exits; ++k) {
            state = m_model.runStage(k, state);
            m_model.synchronize();
            const Clock::time_point stageEnd = Clock::now();
            m_model.runExit(k, state); // copies the logits to the host: the decision needs them there
            const Clock::time_point headEnd = Clock::now();
            if (samples) {
                samples->stage[k].push_back(millisecondsBetween(last, stageEnd));
                samples->head[k].push_back(millisecondsBetween(stageEnd, headEnd));
                samples->cumulative[k].push_back(millisecondsBetween(start, headEnd));
            }
            last = headEnd;
        }
    }

    // The same network without early exits: all stages, then the last head.
    void timeReference(Samples *samples) const
    {
        const int exits = m_model.exits();
        const Clock::time_point start = Clock::now();
        MultiExitModel::State state = m_model.inputState(m_input);
        for (int k = 0; k < exits; ++k)
            state = m_model.runStage(k, state);
        m_model.runExit(exits - 1, state);
        if (samples)
            samples->reference.push_back(millisecondsBetween(start, Clock::now()));
    }

private:
    const MultiExitModel &m_model;
    const FloatTensor &m_input;
};

double relativeSpread(const std::vector<double> &values)
{
    const double median = interpolatedQuantile(values, 0.5);
    return median > 0 ? (interpolatedQuantile(values, 0.75) - interpolatedQuantile(values, 0.25)) / median : 0.0;
}

bool settled(const Samples &samples, double target)
{
    for (const auto &exit : samples.cumulative)
        if (relativeSpread(exit) > target)
            return false;
    return relativeSpread(samples.reference) <= target;
}

double mean(const std::vector<double> &values)
{
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

LatencyProfile summarize(const Samples &samples, const MultiExitModel &model, const std::vector<std::int64_t> &shape)
{
    LatencyProfile p;
    p.unit = CostUnit::Milliseconds;
    for (std::size_t k = 0; k < samples.cumulative.size(); ++k) {
        const std::vector<double> &c = samples.cumulative[k];
        p.cumulative.push_back(mean(c));
        p.median.push_back(interpolatedQuantile(c, 0.5));
        p.iqr.push_back(interpolatedQuantile(c, 0.75) - interpolatedQuantile(c, 0.25));
        p.p90.push_back(interpolatedQuantile(c, 0.9));
        p.p99.push_back(interpolatedQuantile(c, 0.99));
        p.stageMedian.push_back(interpolatedQuantile(samples.stage[k], 0.5));
        p.headMedian.push_back(interpolatedQuantile(samples.head[k], 0.5));
    }
    // Means of per-run prefixes can only grow with k; keep that exact against rounding.
    for (std::size_t k = 1; k < p.cumulative.size(); ++k)
        p.cumulative[k] = std::max(p.cumulative[k], p.cumulative[k - 1]);
    p.reference = mean(samples.reference);
    p.provenance.source = ProfileSource::Measured;
    p.provenance.device = model.device();
    p.provenance.threads = TorchThreads::current();
    p.provenance.batchSize = static_cast<int>(shape.front());
    p.provenance.inputShape = shapeText(shape, ShapeStyle::Cross);
    p.provenance.libtorchVersion = libtorchVersion();
    p.provenance.date = currentTimeIso8601();
    p.provenance.runs = static_cast<int>(samples.reference.size());
    return p;
}

} // namespace

double interpolatedQuantile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0.0;
    const double position = q * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(below), values.end());
    const double low = values[below];
    if (below + 1 >= values.size())
        return low;
    const double high = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(below) + 1, values.end());
    return low + (position - static_cast<double>(below)) * (high - low);
}

std::optional<std::vector<LatencyProfile>> profileLatency(const MultiExitModel &model, const ProfilerOptions &o,
                                                          const JobContext &context)
{
    model.requireStaged("per-exit latency", "; for a monolithic model give a latency profile file or the exit costs instead");
    if (o.inputShape.empty())
        throw InputError("input shape", "give the shape of one sample, e.g. 3,32,32");
    for (std::int64_t d : o.inputShape)
        if (d <= 0)
            throw InputError("input shape", "dimensions must be positive, found " + std::to_string(d));
    if (o.batchSizes.empty())
        throw InputError("batch sizes", "give at least one batch size");
    const TorchThreads threads(o.threads);

    std::vector<LatencyProfile> profiles;
    Random random(o.seed);
    for (std::size_t b = 0; b < o.batchSizes.size(); ++b) {
        if (o.batchSizes[b] <= 0)
            throw InputError("batch sizes", "batch sizes must be positive, found " + std::to_string(o.batchSizes[b]));
        FloatTensor input;
        input.shape = o.inputShape;
        input.shape.insert(input.shape.begin(), o.batchSizes[b]);
        const std::int64_t elements = checkedElementCount(input.shape, "input shape");
        input.values.resize(static_cast<std::size_t>(elements));
        for (float &v : input.values)
            v = static_cast<float>(random.normal());

        const ChainTimer timer(model, input);
        const auto reportProgress = [&](double withinBatch) {
            context.progress.report((static_cast<double>(b) + withinBatch) / static_cast<double>(o.batchSizes.size()),
                                    "batch size " + std::to_string(o.batchSizes[b]));
        };
        const Clock::time_point warmupStart = Clock::now();
        for (int run = 0; run < o.warmupRuns || secondsSince(warmupStart) < o.warmupSeconds; ++run) {
            if (context.cancelled())
                return std::nullopt;
            timer.timeExits(nullptr);
            timer.timeReference(nullptr);
        }

        Samples samples(model.exits());
        const Clock::time_point start = Clock::now();
        double nextCheck = o.minSeconds;
        for (int run = 1;; ++run) {
            if (context.cancelled())
                return std::nullopt;
            timer.timeExits(&samples);
            timer.timeReference(&samples);
            const double elapsed = secondsSince(start);
            if (elapsed >= o.maxSeconds)
                break;
            if (run >= o.minRuns && elapsed >= nextCheck) {
                if (settled(samples, o.targetSpread))
                    break;
                nextCheck = elapsed + 0.25;
                reportProgress(elapsed / o.maxSeconds);
            }
        }
        profiles.push_back(summarize(samples, model, input.shape));
        reportProgress(1.0);
    }
    return profiles;
}

} // namespace exitscope

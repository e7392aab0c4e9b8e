#include "core/model/earlyexitrun.h"

#include "core/common/inputerror.h"
#include "core/common/internalerror.h"
#include "core/data/probabilities.h"
#include "core/eval/learnedscorer.h"
#include "core/jobs/torchthreads.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <sstream>

namespace exitscope {

namespace {

using Clock = std::chrono::steady_clock;

// The smallest value with at least p * N values at or below it: evaluate()'s cost quantile.
double lowerQuantile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const double needed = std::ceil(p * static_cast<double>(values.size()));
    const auto at = static_cast<std::size_t>(std::max(1.0, needed)) - 1;
    return values[std::min(at, values.size() - 1)];
}

} // namespace

ExitDecider::ExitDecider(ThresholdPolicy policy, int exits)
    : m_policy(std::move(policy))
    , m_exits(exits)
{
}

bool ExitDecider::leaves(int exit, const float *probabilities, int classes, History &history) const
{
    const ProbabilitySummary s = summarizeProbabilities(probabilities, classes);
    history.patience = s.prediction == history.previousPrediction ? history.patience + 1 : 1;
    history.previousPrediction = s.prediction;
    if (exit >= m_exits - 1)
        return true;
    double score = 0;
    switch (m_policy.measure) {
    case Measure::MaxProb: score = s.maxProb; break;
    case Measure::Entropy: score = normalizedEntropy(s.entropy, classes); break;
    case Measure::Margin: score = s.margin; break;
    case Measure::Patience: score = history.patience; break;
    case Measure::Learned:
        score = m_policy.scorer->score(exit, probabilities, s.maxProb, normalizedEntropy(s.entropy, classes),
                                       history.learned.data());
        history.learned.push_back(score);
        break;
    case Measure::Given:
        throw InternalError("ExitDecider: a running model has no given scores");
    }
    return confidentEnough(m_policy.direction, score, m_policy.thresholds[static_cast<std::size_t>(exit)]);
}

void requireEarlyExit(const MultiExitModel &model)
{
    model.requireStaged("a real early-exit run", "; a monolithic model always runs every exit");
}

std::optional<EarlyExitRun> runEarlyExit(const MultiExitModel &model, const Dataset &data,
                                         const std::vector<std::int64_t> &indices, const ThresholdPolicy &policy,
                                         const EarlyExitOptions &options, const JobContext &context)
{
    requireEarlyExit(model);
    const TorchThreads threads(options.threads);
    const int exits = model.exits();
    const ExitDecider decider(policy, exits);
    const int batchSize = std::max(1, options.batchSize);
    const int warmupRuns = options.warmupRuns;

    EarlyExitRun run;
    const std::size_t n = indices.size();
    run.indices = indices;
    run.exitOf.assign(n, 0);
    run.predictions.assign(n, 0);
    run.milliseconds.assign(n, 0.0);

    // One batch through the model; leaving samples get their exit, prediction and time.
    const auto runBatch = [&](const DatasetBatch &batch, std::size_t offset, bool record) {
        const Clock::time_point start = Clock::now();
        MultiExitModel::State state = model.inputState(FloatTensor{batch.shape, batch.inputs});
        std::vector<std::size_t> running(batch.indices.size()); // positions within the batch
        std::iota(running.begin(), running.end(), std::size_t{0});
        std::vector<ExitDecider::History> histories(running.size());
        for (int k = 0; k < exits && !running.empty(); ++k) {
            state = model.runStage(k, state);
            const FloatTensor logits = model.runExit(k, state);
            const auto classes = static_cast<int>(logits.shape[1]);
            std::vector<float> probabilities(static_cast<std::size_t>(classes));
            std::vector<std::size_t> leaving, staying;
            std::vector<std::int64_t> stayingRows;
            for (std::size_t r = 0; r < running.size(); ++r) {
                softmax(logits.values.data() + r * static_cast<std::size_t>(classes), classes, probabilities.data());
                ExitDecider::History &history = histories[running[r]];
                if (decider.leaves(k, probabilities.data(), classes, history)) {
                    leaving.push_back(running[r]);
                    if (record) {
                        run.exitOf[offset + running[r]] = static_cast<std::uint8_t>(k);
                        run.predictions[offset + running[r]] = history.previousPrediction;
                    }
                } else {
                    staying.push_back(running[r]);
                    stayingRows.push_back(static_cast<std::int64_t>(r));
                }
            }
            const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            if (record)
                for (std::size_t p : leaving)
                    run.milliseconds[offset + p] = elapsed;
            if (!leaving.empty() && !staying.empty())
                state = model.selectSamples(state, stayingRows);
            running = std::move(staying);
        }
    };

    if (n > 0 && warmupRuns > 0) {
        const DatasetBatch first = data.readBatch(indices, 0, static_cast<std::size_t>(batchSize));
        for (int i = 0; i < warmupRuns; ++i)
            runBatch(first, 0, false);
    }

    double timed = 0;
    for (std::size_t begin = 0; begin < n; begin += static_cast<std::size_t>(batchSize)) {
        if (context.cancelled())
            return std::nullopt;
        const DatasetBatch batch = data.readBatch(indices, begin, static_cast<std::size_t>(batchSize));
        const Clock::time_point start = Clock::now();
        runBatch(batch, begin, true);
        timed += std::chrono::duration<double>(Clock::now() - start).count();
        context.progress.report(static_cast<double>(begin + batch.indices.size()) / static_cast<double>(n), "run");
    }
    run.wallSeconds = timed;
    run.threads = TorchThreads::current();
    return run;
}

EarlyExitCheck compareWithEvaluation(const EarlyExitRun &run, const Trace &trace, const Evaluation &evaluation)
{
    EarlyExitCheck check;
    check.samples = static_cast<std::int64_t>(run.indices.size());
    for (std::size_t j = 0; j < run.indices.size(); ++j) {
        const int expected = evaluation.exitOf[j];
        const std::int32_t expectedPrediction = trace.predictions(expected)[j];
        const bool exitDiffers = run.exitOf[j] != expected;
        const bool predictionDiffers = run.predictions[j] != expectedPrediction;
        check.exitMismatches += exitDiffers;
        check.predictionMismatches += predictionDiffers;
        if ((exitDiffers || predictionDiffers) && check.examples.size() < 5) {
            std::ostringstream text;
            text << "sample " << run.indices[j] << ": ran to exit " << int(run.exitOf[j]) << " predicting "
                 << run.predictions[j] << ", the trace says exit " << expected << " predicting " << expectedPrediction;
            check.examples.push_back(text.str());
        }
    }
    check.measuredMean = run.milliseconds.empty()
        ? 0.0
        : std::accumulate(run.milliseconds.begin(), run.milliseconds.end(), 0.0) / static_cast<double>(run.milliseconds.size());
    check.measuredP90 = lowerQuantile(run.milliseconds, 0.9);
    check.predictedMean = evaluation.meanCost;
    check.predictedP90 = evaluation.p90Cost;
    return check;
}

} // namespace exitscope

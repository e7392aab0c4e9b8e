// The latency profiler and real early-exit runs (library and exitscope-cli), on the shared
// TorchScript models and small .npy datasets written here.

#include "clirunner.h"
#include "core/data/synth.h"
#include "core/data/thresholdconfig.h"
#include "core/eval/learnedscorer.h"
#include "core/io/npy.h"
#include "core/io/tracefile.h"
#include "core/model/dataset.h"
#include "core/model/earlyexitrun.h"
#include "core/jobs/torchthreads.h"
#include "core/model/latencyprofiler.h"
#include "core/model/multiexitmodel.h"
#include "core/model/runreport.h"
#include "core/model/tracecollector.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <random>
#include <tuple>
#include <utility>

using namespace exitscope;
using namespace exitscope::test;

namespace {

// A quick profile: enough runs to check the structure, not to trust the numbers.
ProfilerOptions quickOptions(std::vector<std::int64_t> shape, std::vector<int> batchSizes)
{
    ProfilerOptions o;
    o.inputShape = std::move(shape);
    o.batchSizes = std::move(batchSizes);
    o.warmupRuns = 2;
    o.warmupSeconds = 0;
    o.minRuns = 20;
    o.minSeconds = 0;
    o.maxSeconds = 0.3;
    return o;
}

// Thresholds at each exit's median score: a policy under which samples leave at every exit.
ThresholdPolicy medianPolicy(const Trace &trace, Measure measure)
{
    ThresholdPolicy policy;
    policy.measure = measure;
    policy.direction = trace.direction(measure);
    for (int k = 0; k + 1 < trace.exits(); ++k) {
        std::vector<double> scores(trace.scores(measure, k), trace.scores(measure, k) + trace.samples());
        std::nth_element(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(scores.size() / 2), scores.end());
        policy.thresholds.push_back(scores[scores.size() / 2]);
    }
    return policy;
}

} // namespace

class TestMeasurement : public QObject
{
    Q_OBJECT

private slots:
    void profileHasEveryPart()
    {
        SHARED_DATA(modelPath, "torchscript/mlp4_staged.pt");
        const MultiExitModel model = MultiExitModel::load(str(modelPath));
        const auto profiles = profileLatency(model, quickOptions({32}, {1, 4}));
        QVERIFY(profiles);
        QCOMPARE(profiles->size(), std::size_t(2));
        for (std::size_t b = 0; b < 2; ++b) {
            const LatencyProfile &p = (*profiles)[b];
            p.validate("profile");
            QCOMPARE(p.exits(), 4);
            QCOMPARE(p.unit, CostUnit::Milliseconds);
            QCOMPARE(p.provenance.batchSize, b == 0 ? 1 : 4);
            QCOMPARE(p.provenance.inputShape, std::string(b == 0 ? "1x32" : "4x32"));
            QCOMPARE(p.provenance.device, std::string("cpu"));
            QCOMPARE(p.provenance.source, ProfileSource::Measured);
            QVERIFY(p.provenance.libtorchVersion.rfind("1.", 0) == 0 || p.provenance.libtorchVersion.rfind("2.", 0) == 0);
            QVERIFY(p.provenance.runs >= 20);
            QVERIFY(p.provenance.threads >= 1);
            QCOMPARE(p.median.size(), std::size_t(4));
            QCOMPARE(p.stageMedian.size(), std::size_t(4));
            QCOMPARE(p.headMedian.size(), std::size_t(4));
            QVERIFY(p.reference && *p.reference > 0);
            for (int k = 0; k < 4; ++k) {
                QVERIFY(p.cumulative[k] > 0);
                QVERIFY(p.stageMedian[k] > 0 && p.headMedian[k] > 0);
                QVERIFY(p.median[k] <= p.p90[k] && p.p90[k] <= p.p99[k]);
                QVERIFY(p.iqr[k] >= 0);
                if (k > 0)
                    QVERIFY(p.median[k] >= p.median[k - 1]);
            }
        }

        // One file for both batch sizes; each reads back by its batch size.
        QTemporaryDir dir;
        const std::string path = str(dir.filePath("latency.json"));
        writeLatencyProfiles(*profiles, path);
        QCOMPARE(readLatencyProfile(path).provenance.batchSize, 1);
        const LatencyProfile four = readLatencyProfile(path, 4);
        QCOMPARE(four.provenance.batchSize, 4);
        QCOMPARE(four.cumulative, (*profiles)[1].cumulative);
        QCOMPARE(four.iqr, (*profiles)[1].iqr);
        QCOMPARE(four.headMedian, (*profiles)[1].headMedian);
        QCOMPARE(readLatencyProfile(path, 16).provenance.batchSize, 1); // not measured: the main profile
    }

    void profileRefuses()
    {
        SHARED_DATA(staged, "torchscript/mlp4_staged.pt");
        SHARED_DATA(traced, "torchscript/mlp4_traced_tuple.pt");
        const MultiExitModel monolithic = MultiExitModel::load(str(traced));
        EXPECT_INPUT_ERROR(profileLatency(monolithic, quickOptions({32}, {1})), "per-exit latency needs the staged layout");
        const MultiExitModel model = MultiExitModel::load(str(staged));
        EXPECT_INPUT_ERROR(profileLatency(model, quickOptions({31}, {1})), "stages[0] failed on the input of shape (1, 31)");
        EXPECT_INPUT_ERROR(profileLatency(model, quickOptions({}, {1})), "input shape: give the shape of one sample");
        EXPECT_INPUT_ERROR(profileLatency(model, quickOptions({32}, {0})), "batch sizes must be positive");
    }

    void quantiles()
    {
        QCOMPARE(interpolatedQuantile({3, 1, 2, 4}, 0.5), 2.5);
        QCOMPARE(interpolatedQuantile({3, 1, 2, 4}, 0.0), 1.0);
        QCOMPARE(interpolatedQuantile({3, 1, 2, 4}, 1.0), 4.0);
        QCOMPARE(interpolatedQuantile({10, 0}, 0.9), 9.0);
    }

    // A real early-exit run decides exactly as the evaluation of the same samples' trace,
    // for every measure the model can compute, alone and in shrinking batches.
    void runMatchesEvaluation_data()
    {
        QTest::addColumn<int>("measure");
        QTest::addColumn<int>("batchSize");
        for (const Measure m : {Measure::MaxProb, Measure::Entropy, Measure::Margin, Measure::Patience})
            for (const int batch : {1, 7}) {
                const std::string name = std::string(measureName(m)) + " batch " + std::to_string(batch);
                QTest::newRow(name.c_str()) << static_cast<int>(m) << batch;
            }
    }
    void runMatchesEvaluation()
    {
        QFETCH(int, measure);
        QFETCH(int, batchSize);
        SHARED_DATA(modelPath, "torchscript/mlp4_staged.pt");
        QTemporaryDir dir;
        const std::unique_ptr<Dataset> data = openDataset(parseDatasetSpec(str(writeMlpDataset(dir, 120))));
        const MultiExitModel model = MultiExitModel::load(str(modelPath));
        std::vector<std::int64_t> indices(120);
        std::iota(indices.begin(), indices.end(), std::int64_t{0});
        const std::optional<Trace> trace = collectTrace(model, *data, indices, TraceCollectionOptions{64, 0, 0});
        QVERIFY(trace);
        ThresholdPolicy policy = medianPolicy(*trace, static_cast<Measure>(measure));
        if (static_cast<Measure>(measure) == Measure::Patience)
            policy.thresholds.assign(3, 2.0); // two exits in a row agreeing
        checkPolicy(*trace, policy, "policy");
        const std::vector<double> costs{1, 2, 3, 4};
        const Evaluation evaluation = evaluate(*trace, policy, costs);
        int exitsUsed = 0;
        for (const ExitOutcome &e : evaluation.exits)
            exitsUsed += e.hits > 0;
        QVERIFY2(exitsUsed >= 2, "the policy should spread samples over several exits");

        const std::optional<EarlyExitRun> run = runEarlyExit(model, *data, indices, policy, EarlyExitOptions{batchSize, 1, 0});
        QVERIFY(run);
        const EarlyExitCheck check = compareWithEvaluation(*run, *trace, evaluation);
        QCOMPARE(check.samples, std::int64_t(120));
        QVERIFY2(check.exitMismatches == 0 && check.predictionMismatches == 0,
                 check.examples.empty() ? "" : check.examples.front().c_str());
        QCOMPARE(check.predictedMean, evaluation.meanCost);
        for (std::size_t j = 0; j < 120; ++j)
            QVERIFY(run->milliseconds[j] > 0);
        if (batchSize == 1) {
            // A sample that runs further takes longer: the median time at the latest exit
            // used is above that at the earliest (medians, so a stray slow sample cannot decide).
            // Timing on a busy 2-core machine can still swap them once, so up to three runs
            // may show it; a run that never attributes time to exits fails all three.
            const auto earliestAndLatest = [](const EarlyExitRun &r) {
                std::vector<std::vector<double>> timesAt(4);
                for (std::size_t j = 0; j < r.exitOf.size(); ++j)
                    timesAt[r.exitOf[j]].push_back(r.milliseconds[j]);
                std::vector<double> medians;
                for (const std::vector<double> &times : timesAt)
                    if (!times.empty())
                        medians.push_back(interpolatedQuantile(times, 0.5));
                return std::make_pair(medians.front(), medians.back());
            };
            auto [earliest, latest] = earliestAndLatest(*run);
            for (int retry = 0; retry < 2 && latest <= earliest; ++retry)
                std::tie(earliest, latest) = earliestAndLatest(
                    *runEarlyExit(model, *data, indices, policy, EarlyExitOptions{batchSize, 1, 0}));
            QVERIFY2(latest > earliest, qPrintable(QString("median %1 ms at the latest exit used, %2 ms at the earliest")
                                                        .arg(latest).arg(earliest)));
        }
        QVERIFY(check.measuredP90 >= *std::min_element(run->milliseconds.begin(), run->milliseconds.end()));
    }

    // A learned (EENet) policy: the per-sample scorer equals the whole-trace one, and a run
    // with it matches its evaluation.
    void runWithLearnedScorer()
    {
        SHARED_DATA(modelPath, "torchscript/mlp4_staged.pt");
        QTemporaryDir dir;
        const std::unique_ptr<Dataset> data = openDataset(parseDatasetSpec(str(writeMlpDataset(dir, 60))));
        const MultiExitModel model = MultiExitModel::load(str(modelPath));
        std::vector<std::int64_t> indices(60);
        std::iota(indices.begin(), indices.end(), std::int64_t{0});
        const Trace trace = *collectTrace(model, *data, indices, TraceCollectionOptions{16, 0, 0});

        std::mt19937 random(3);
        std::normal_distribution<double> normal;
        std::vector<LearnedScorer::Normalizer> normalizers;
        for (int k = 0; k < 3; ++k) {
            LearnedScorer::Normalizer n;
            const int inputs = LearnedScorer::inputCount(LearnedScorer::Input::Probabilities, 10, k);
            n.hiddenWeight = Eigen::MatrixXd::NullaryExpr(4, inputs, [&]() { return normal(random); });
            n.hiddenBias = Eigen::VectorXd::NullaryExpr(4, [&]() { return normal(random); });
            n.outputWeight = Eigen::VectorXd::NullaryExpr(4, [&]() { return normal(random); });
            normalizers.push_back(n);
        }
        auto scorer = std::make_shared<const LearnedScorer>(LearnedScorer::Input::Probabilities, 10, normalizers, "scorer");
        const std::vector<double> whole = scorer->scores(trace);
        for (std::int64_t j = 0; j < trace.samples(); ++j) {
            std::vector<double> earlier;
            for (int k = 0; k < 3; ++k) {
                const float *p = trace.contents().probabilities.data() + (k * trace.samples() + j) * 10;
                const double one = scorer->score(k, p, trace.scores(Measure::MaxProb, k)[j], trace.scores(Measure::Entropy, k)[j],
                                                 earlier.data());
                QVERIFY(std::abs(one - whole[k * trace.samples() + j]) < 1e-12);
                earlier.push_back(one);
            }
        }
        ThresholdPolicy policy;
        policy.measure = Measure::Learned;
        policy.scorer = scorer;
        for (int k = 0; k < 3; ++k) {
            std::vector<double> s(whole.begin() + k * 60, whole.begin() + (k + 1) * 60);
            std::sort(s.begin(), s.end());
            policy.thresholds.push_back(s[40]);
        }
        const Evaluation evaluation = evaluate(trace, policy, {1, 2, 3, 4});
        const EarlyExitCheck check = compareWithEvaluation(*runEarlyExit(model, *data, indices, policy, EarlyExitOptions{5, 0, 0}), trace, evaluation);
        QCOMPARE(check.exitMismatches, std::int64_t(0));
        QCOMPARE(check.predictionMismatches, std::int64_t(0));
    }

    // The val trace is handed over before the test split runs: cancelling in the callback
    // leaves the test split uncollected. The job's thread count holds only during the job.
    void valTraceFirst()
    {
        SHARED_DATA(modelPath, "torchscript/mlp4_staged.pt");
        QTemporaryDir dir;
        const std::unique_ptr<Dataset> data = openDataset(parseDatasetSpec(str(writeMlpDataset(dir, 50))));
        const MultiExitModel model = MultiExitModel::load(str(modelPath));
        const DatasetSplit split = splitDataset(50, 0.4, 7);
        const int threadsBefore = TorchThreads::current();
        const int jobThreads = threadsBefore == 1 ? 2 : 1;

        std::vector<std::string> messages;
        JobContext context{CancelHandle(), Progress([&](const ProgressUpdate &u) { messages.push_back(u.message); }), {}};
        std::vector<std::int64_t> valSamples;
        int threadsInJob = 0;
        const auto cancelOnVal = [&](const Trace &val) {
            valSamples.push_back(val.samples());
            threadsInJob = TorchThreads::current();
            QVERIFY(std::find(messages.begin(), messages.end(), "test") == messages.end());
            context.cancel.cancel();
        };
        const TraceCollectionOptions options{16, 0, jobThreads};
        QVERIFY(!collectTraces(model, *data, split, options, context, cancelOnVal));
        QCOMPARE(valSamples, std::vector<std::int64_t>{20});
        QCOMPARE(threadsInJob, jobThreads);
        QCOMPARE(TorchThreads::current(), threadsBefore);

        // Not cancelled: the same val trace, then the test trace.
        std::optional<Trace> handedOver;
        const std::optional<CollectedTraces> traces
            = collectTraces(model, *data, split, options, {}, [&](const Trace &val) { handedOver = val; });
        QVERIFY(traces && handedOver);
        QCOMPARE(handedOver->identity(), traces->val.identity());
        QCOMPARE(traces->test.samples(), std::int64_t(30));
    }

    // The run report sets a run beside its evaluation: hits, accuracy, latency in ms and
    // the warnings, each with its id.
    void runReport()
    {
        const Trace trace = synthesize({3, 40, 10, 2});
        ThresholdPolicy policy = medianPolicy(trace, Measure::MaxProb);
        const LatencyProfile costs = latencyProfileFromCosts({1, 2, 3}, CostUnit::Relative, "costs");
        const Evaluation evaluation = evaluate(trace, policy, costs.cumulative);
        EarlyExitRun run; // as the evaluation says, one sample predicting otherwise
        for (std::int64_t j = 0; j < 40; ++j) {
            run.indices.push_back(j);
            run.exitOf.push_back(evaluation.exitOf[j]);
            run.predictions.push_back(trace.predictions(evaluation.exitOf[j])[j]);
            run.milliseconds.push_back(1.0 + evaluation.exitOf[j]);
        }
        run.predictions[5] = (trace.contents().labels[5] + 1) % 10;
        run.wallSeconds = 0.5;
        run.threads = 2;

        RunReport r = reportRun(run, trace, evaluation, costs, "cpu", 1, std::nullopt);
        QCOMPARE(r.check.exitMismatches, std::int64_t(0));
        QCOMPARE(r.check.predictionMismatches, std::int64_t(1));
        QVERIFY(!r.agrees());
        QCOMPARE(r.runHits, r.evaluatedHits);
        QCOMPARE(r.evaluatedAccuracy, evaluation.accuracy);
        const bool fifthWasRight = trace.predictions(evaluation.exitOf[5])[5] == trace.contents().labels[5];
        QCOMPARE(r.accuracy, evaluation.accuracy - (fifthWasRight ? 1.0 / 40 : 0.0));
        QCOMPARE(r.throughput, 80.0);
        QCOMPARE(r.threads, 2);
        QVERIFY(!r.predictedMean && !r.predictedP90); // relative costs are not time
        std::vector<std::string> ids;
        for (const JobWarning &w : r.warnings)
            ids.push_back(w.id);
        QCOMPARE(ids, (std::vector<std::string>{"profile-not-measured", "profile-not-time"}));
        QVERIFY(r.warnings[0].message.find("source: costs") != std::string::npos);

        // Measured in seconds elsewhere, at batch 1 on one thread; the machine slowed down since.
        LatencyProfile measured = latencyProfileFromCosts({0.001, 0.002, 0.003}, CostUnit::Seconds, "latency");
        measured.provenance = {ProfileSource::Measured, "cpu", 1, 1, "32", "1.13.1", "", 50, ""};
        measured.reference = 0.0025;
        run.threads = 1;
        r = reportRun(run, trace, evaluation, measured, "cpu", 4, 0.0030);
        QCOMPARE(*r.predictedMean, evaluation.meanCost * 1000);
        QCOMPARE(*r.predictedP90, evaluation.p90Cost * 1000);
        QCOMPARE(*r.referenceNow, 0.0030);
        ids.clear();
        for (const JobWarning &w : r.warnings)
            ids.push_back(w.id);
        // The batch size named as the cause (not a machine 2000% slower); the threads as
        // such, in a whole sentence; the drift with its corrected prediction.
        QCOMPARE(ids, (std::vector<std::string>{"profile-batch-differs", "batches-shrink", "machine-speed-changed"}));
        QVERIFY(r.warnings[0].message.find("measured at batch size 1, this run is batch size 4") != std::string::npos);
        QVERIFY(r.warnings[2].message.find("(+20.0%, same batch size and threads)") != std::string::npos);
        QVERIFY(r.machineSpeedChanged);
        QCOMPARE(*r.driftCorrectedMean, *r.predictedMean * 1.2);
        QCOMPARE(*r.driftCorrectedP90, *r.predictedP90 * 1.2);

        r = reportRun(run, trace, evaluation, measured, "cpu", 1, 0.0026); // 4% slower: not a change
        QVERIFY(!r.machineSpeedChanged);
        QVERIFY(r.warnings.empty());
        QCOMPARE(*r.driftCorrectedMean, *r.predictedMean * 1.04); // still computed, for --json
        run.threads = 4;
        r = reportRun(run, trace, evaluation, measured, "cpu", 1, std::nullopt);
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QCOMPARE(r.warnings[0].id, std::string("profile-conditions-differ"));
        QCOMPARE(r.warnings[0].message, std::string("the profile was measured on cpu with 1 thread(s); this run is on cpu with 4 thread(s)"));
        QVERIFY(!r.driftCorrectedMean);
    }

    void runRefusesMonolithic()
    {
        SHARED_DATA(traced, "torchscript/mlp4_traced_tuple.pt");
        QTemporaryDir dir;
        const std::unique_ptr<Dataset> data = openDataset(parseDatasetSpec(str(writeMlpDataset(dir, 10))));
        const MultiExitModel model = MultiExitModel::load(str(traced));
        ThresholdPolicy policy;
        policy.thresholds = {0.5, 0.5, 0.5};
        EXPECT_INPUT_ERROR(runEarlyExit(model, *data, {0, 1}, policy, EarlyExitOptions{1, 0, 0}), "needs the staged layout");
    }

    // profile -> trace -> solve -> run from the command line.
    void commandLineEndToEnd()
    {
        SHARED_DATA(modelPath, "torchscript/mlp4_staged.pt");
        QTemporaryDir dir;
        const QString spec = writeMlpDataset(dir, 200, "classes=10&seed=3");
        const QString latency = dir.filePath("latency.json");
        Run run = cli({"profile", "--model", modelPath, "--input-shape", "32", "--batch-sizes", "1,4", "--threads", "1",
                       "--min-seconds", "0", "--max-seconds", "0.3", "-o", latency});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("batch size 4"));
        QCOMPARE(readLatencyProfile(str(latency), 4).provenance.batchSize, 4);

        run = cli({"trace", "--model", modelPath, "--dataset", spec, "--out-dir", dir.filePath("traces")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        // Halfway between the first and the last exit's measured cost: a budget every
        // profile allows, however slow this build (sanitizers) or busy the machine.
        const std::vector<double> costs = readLatencyProfile(str(latency)).cumulative;
        const QString budget = QString::number((costs.front() + costs.back()) / 2, 'g', 17);
        const QString config = dir.filePath("config.json");
        run = cli({"solve", "--val", dir.filePath("traces/val.npz"), "--latency", latency, "--policy", "msdnet", "--budget", budget,
                   "--label-free", "-o", config});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        // Tuned for batches of 4: the config carries the batch-4 profile.
        const QString config4 = dir.filePath("config4.json");
        run = cli({"solve", "--val", dir.filePath("traces/val.npz"), "--latency", latency, "--batch-size", "4", "--policy",
                   "msdnet", "--budget", "0.6", "--relative", "--label-free", "-o", config4});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("latency profile of batch size 4"), qPrintable(run.out));
        QCOMPARE(readThresholdConfig(str(config4)).latency.provenance.batchSize, 4);
        QCOMPARE(readThresholdConfig(str(config4)).latency.cumulative, readLatencyProfile(str(latency), 4).cumulative);

        const QString samples = dir.filePath("samples.csv");
        run = cli({"run", "--model", modelPath, "--dataset", spec, "--config", config, "--threads", "1", "--json",
                   "--samples-csv", samples});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report["samples"].toInt(), 100);
        QCOMPARE(report["exit_mismatches"].toInt(), 0);
        QCOMPARE(report["prediction_mismatches"].toInt(), 0);
        QVERIFY(report["measured_mean_ms"].toDouble() > 0);
        QVERIFY(report["predicted_mean_ms"].toDouble() > 0);
        QVERIFY(report["reference_now_ms"].toDouble() > 0); // re-timed after the run: is the machine as fast as when profiled?
        QCOMPARE(report["reference_profiled_ms"].toDouble(), *readLatencyProfile(str(latency)).reference);
        QCOMPARE(report["exit_hits"].toArray().size(), 4);
        QCOMPARE(report["threads"].toInt(), 1);
        for (const QJsonValue &warning : report["warnings"].toArray()) { // measured here, at batch 1, on 1 thread
            const QString id = warning.toObject()["id"].toString();
            QVERIFY2(id == "machine-speed-changed", qPrintable(id));
            QVERIFY(!warning.toObject()["message"].toString().isEmpty());
        }
        QFile csv(samples);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 101);

        // Batches, with the profile measured at that size (from --latency, or the config's
        // when it was tuned for that size): no batch mismatch.
        for (const QStringList &profileFrom : {QStringList{"--config", config, "--latency", latency}, QStringList{"--config", config4}}) {
            run = cli(QStringList{"run", "--model", modelPath, "--dataset", spec, "--batch-size", "4", "--threads", "1"} + profileFrom);
            QVERIFY2(run.status == 0, qPrintable(run.err));
            QVERIFY(run.out.contains("100 / 100 as the trace-based evaluation said"));
            QVERIFY(run.out.contains("batches shrink"));
            QVERIFY2(!run.out.contains("measured at batch size"), qPrintable(run.out));
            QVERIFY(run.out.contains("measured vs predicted: (measured - predicted) / predicted"));
        }
        // Batches of 4 against the config's batch-1 profile: the batch size is named as the
        // cause (runReport checks that the speed drift is not blamed).
        run = cli({"run", "--model", modelPath, "--dataset", spec, "--config", config, "--batch-size", "4", "--threads", "1", "--json"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonObject batch4 = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QStringList ids;
        for (const QJsonValue &warning : batch4["warnings"].toArray())
            ids << warning.toObject()["id"].toString();
        QVERIFY2(ids.contains("profile-batch-differs"), qPrintable(ids.join(' ')));
        QVERIFY(!ids.contains("profile-conditions-differ"));
        QCOMPARE(batch4["drift_corrected_mean_ms"].toDouble(),
                 batch4["predicted_mean_ms"].toDouble() * batch4["reference_now_ms"].toDouble()
                     / batch4["reference_profiled_ms"].toDouble());
    }

    // The usual protocol: thresholds tuned on held-out training samples, reported and run on
    // the whole test set. trace takes the val samples from --val-dataset (a seeded subset
    // with val=N) and all of --dataset as test; run, given the same flags, runs all of it.
    void separateValAndTestSources()
    {
        SHARED_DATA(modelPath, "torchscript/mlp4_staged.pt");
        QTemporaryDir trainDir, testDir, dir;
        const QString train = writeMlpDataset(trainDir, 60, "classes=10"), test = writeMlpDataset(testDir, 30, "classes=10");
        const QString valSpec = train + "&val=20&seed=4";
        Run run = cli({"trace", "--model", modelPath, "--dataset", test, "--val-dataset", valSpec, "--out-dir", dir.filePath("traces")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const Trace val = readTraceFile(str(dir.filePath("traces/val.npz")));
        const Trace testTrace = readTraceFile(str(dir.filePath("traces/test.npz")));
        QCOMPARE(val.samples(), std::int64_t(20));
        QCOMPARE(testTrace.samples(), std::int64_t(30));
        // The val trace is the model on the seeded subset of the training samples, in order.
        const std::vector<std::int64_t> picked = splitDatasetAt(60, 20, 4).val;
        const DatasetBatch batch = openDataset(parseDatasetSpec(str(train)))->read(picked);
        const std::vector<FloatTensor> logits = MultiExitModel::load(str(modelPath)).forwardAll(FloatTensor{batch.shape, batch.inputs});
        for (std::size_t j = 0; j < picked.size(); ++j) {
            QCOMPARE(val.contents().labels[j], static_cast<std::int32_t>(picked[j] % 10));
            const float *z = logits[3].values.data() + j * 10;
            QCOMPARE(val.predictions(3)[j], static_cast<std::int32_t>(std::max_element(z, z + 10) - z));
        }
        for (std::int64_t j = 0; j < 30; ++j) // every test sample, in order
            QCOMPARE(testTrace.contents().labels[static_cast<std::size_t>(j)], static_cast<std::int32_t>(j % 10));

        const QString config = dir.filePath("config.json");
        run = cli({"solve", "--val", dir.filePath("traces/val.npz"), "--test", dir.filePath("traces/test.npz"), "--costs", "1,2,3,4",
                   "--policy", "msdnet", "--budget", "2.5", "--label-free", "-o", config});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = cli({"run", "--model", modelPath, "--dataset", test, "--val-dataset", valSpec, "--config", config, "--threads", "1",
                   "--warmup", "0", "--json"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report["samples"].toInt(), 30);
        QCOMPARE(report["exit_mismatches"].toInt(), 0);
        run = cli({"run", "--model", modelPath, "--dataset", test, "--val-dataset", valSpec, "--config", config, "--threads", "1",
                   "--warmup", "0"});
        QVERIFY2(run.out.contains("samples      30 (all of "), qPrintable(run.out));
        // Without --val-dataset the one file is split as before: its test half.
        run = cli({"run", "--model", modelPath, "--dataset", test, "--config", config, "--threads", "1", "--warmup", "0", "--json"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object()["samples"].toInt(), 15);

        // A val= on the test spec beside a val dataset is ambiguous; a count above the samples is refused.
        run = cli({"trace", "--model", modelPath, "--dataset", test + "&val=0.5", "--val-dataset", train, "--out-dir", dir.filePath("bad")});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains("--dataset: val= splits one dataset in two, but a separate val dataset is given"), qPrintable(run.err));
        run = cli({"trace", "--model", modelPath, "--dataset", test, "--val-dataset", train + "&val=61", "--out-dir", dir.filePath("bad")});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains("val=61 asks for more validation samples than the 60 there are"), qPrintable(run.err));
        run = cli({"trace", "--model", modelPath, "--dataset", test, "--val-dataset", "mnist", "--out-dir", dir.filePath("bad")});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains("--val-dataset: \"mnist\" lacks a kind"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("bad")));
    }

    void commandLineBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("profile: monolithic") << QStringList{"profile", "--model", "@torchscript/mlp4_traced_tuple.pt", "--input-shape", "32", "-o", "%out.json"}
                                             << "per-exit latency needs the staged layout";
        QTest::newRow("profile: input shape") << QStringList{"profile", "--model", "@torchscript/mlp4_staged.pt", "--input-shape", "16", "-o", "%out.json"}
                                              << "stages[0] failed on the input of shape (1, 16)";
        QTest::newRow("profile: cuda") << QStringList{"profile", "--model", "@torchscript/mlp4_staged.pt", "--input-shape", "32", "--device", "cuda", "-o", "%out.json"}
                                       << "CUDA is not available";
        QTest::newRow("profile: missing model") << QStringList{"profile", "--model", "/nonexistent/m.pt", "--input-shape", "32", "-o", "%out.json"}
                                                << "/nonexistent/m.pt";
        QTest::newRow("run: monolithic") << QStringList{"run", "--model", "@torchscript/mlp4_traced_tuple.pt", "--dataset", "$", "--config", "&"}
                                         << "needs the staged layout";
        QTest::newRow("run: exit count") << QStringList{"run", "--model", "@torchscript/cnn3_staged_untrained.pt", "--dataset", "$", "--config", "&"}
                                         << "has 3 thresholds (K = 4 exits), but the model has K = 3";
        QTest::newRow("run: missing config") << QStringList{"run", "--model", "@torchscript/mlp4_staged.pt", "--dataset", "$", "--config", "/nonexistent/c.json"}
                                             << "/nonexistent/c.json";
    }
    void commandLineBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        // A config for mlp4 (K = 4), written through the library.
        ThresholdConfig config;
        config.policy.thresholds = {0.9, 0.8, 0.7};
        config.latency.cumulative = {1, 2, 3, 4};
        writeThresholdConfig(config, str(dir.filePath("config.json")));
        for (const QString &file : expandPaths(arguments, dir))
            REQUIRE_SHARED_FILE(file);
        for (QString &a : arguments) {
            if (a == "$")
                a = writeMlpDataset(dir, 20);
            else if (a == "&")
                a = dir.filePath("config.json");
        }
        const Run run = cli(arguments);
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("out.json")));
    }
};

QTEST_GUILESS_MAIN(TestMeasurement)
#include "tst_measurement.moc"

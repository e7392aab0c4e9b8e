// The only file of core/ that trains with LibTorch: torch headers are slow to compile and
// clash with Qt's `slots` macro, so they stay here, as few as will do, and out of headers.
#include "core/solvers/eenetsolver.h"

#include "core/common/inputerror.h"
#include "core/common/random.h"
#include "core/eval/learnedscorer.h"
#include "core/jobs/torchthreads.h"
#include "core/solvers/policysolvers.h"
#include "core/solvers/quantilerule.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/optim/adam.h>

#include <Eigen/Core>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace exitscope {

namespace {

constexpr std::int64_t kMinSamples = 50;
constexpr int kHidden = 8; // units of each normalizer's hidden layer
constexpr double kWeightDecay = 1e-3; // of the normalizers: without it they overfit the val split
constexpr double kNoExit = 2.0; // a threshold above every sigmoid score: nobody leaves there
constexpr double kReachTemperature = 0.05; // softness of "still running" in the BCE weights
constexpr double kReachFloor = 0.05; // every sample keeps some weight at every exit
constexpr double kCostWeight = 10; // of the budget term against the KL term (weight 1)
constexpr int kHeadSteps = 5; // distribution-head steps per normalizer step
constexpr int kProgressEvery = 10; // epochs

using FloatRows = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using FloatMap = Eigen::Map<FloatRows>;
using ConstFloatMap = Eigen::Map<const FloatRows>;

ConstFloatMap matrixOf(const at::Tensor &t)
{
    return ConstFloatMap(t.data_ptr<float>(), t.size(0), t.dim() > 1 ? t.size(1) : 1);
}

// A normalizer's first layer, P Wp^T + Q Wq^T + b, for constant float inputs P (N x C, the
// trace's probabilities, not copied; N x 0 for given-score traces) and Q (N x S, the other
// features), by Eigen: Debian's LibTorch multiplies through the reference BLAS,
// several times slower, and these products are most of an epoch. One autograd node.
struct FirstLayer : torch::autograd::Function<FirstLayer>
{
    static at::Tensor forward(torch::autograd::AutogradContext *context, const at::Tensor &p, const at::Tensor &q,
                              const at::Tensor &pWeight, const at::Tensor &qWeight, const at::Tensor &bias)
    {
        context->save_for_backward({p, q});
        at::Tensor out = at::empty({q.size(0), qWeight.size(0)}, q.options());
        FloatMap result(out.data_ptr<float>(), out.size(0), out.size(1));
        result.noalias() = matrixOf(q) * matrixOf(qWeight.contiguous()).transpose();
        if (p.size(1) > 0)
            result.noalias() += matrixOf(p) * matrixOf(pWeight.contiguous()).transpose();
        result.rowwise() += matrixOf(bias.contiguous()).row(0);
        return out;
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *context,
                                                   torch::autograd::variable_list outputGrads)
    {
        const auto saved = context->get_saved_variables();
        const at::Tensor grad = outputGrads[0].contiguous();
        const ConstFloatMap g = matrixOf(grad);
        const auto weightGrad = [&](const at::Tensor &x) {
            at::Tensor out = at::empty({grad.size(1), x.size(1)}, x.options());
            FloatMap(out.data_ptr<float>(), out.size(0), out.size(1)).noalias() = g.transpose() * matrixOf(x);
            return out;
        };
        at::Tensor biasGrad = at::empty({1, grad.size(1)}, grad.options());
        FloatMap(biasGrad.data_ptr<float>(), 1, grad.size(1)) = g.colwise().sum();
        return {at::Tensor(), at::Tensor(), context->needs_input_grad(2) ? weightGrad(saved[0]) : at::Tensor(),
                weightGrad(saved[1]), biasGrad};
    }
};

// A normalizer's output logit, A w^T + b, for hidden activations A (N x H) and w (1 x H).
struct OutputLayer : torch::autograd::Function<OutputLayer>
{
    static at::Tensor forward(torch::autograd::AutogradContext *context, const at::Tensor &hidden,
                              const at::Tensor &weight, const at::Tensor &bias)
    {
        const at::Tensor a = hidden.contiguous(), w = weight.contiguous();
        context->save_for_backward({a, w});
        at::Tensor out = at::empty({a.size(0)}, a.options());
        FloatMap(out.data_ptr<float>(), a.size(0), 1).noalias() = matrixOf(a) * matrixOf(w).transpose();
        out.add_(bias);
        return out;
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *context,
                                                   torch::autograd::variable_list outputGrads)
    {
        const auto saved = context->get_saved_variables();
        const at::Tensor grad = outputGrads[0].contiguous();
        const ConstFloatMap g(grad.data_ptr<float>(), grad.size(0), 1);
        at::Tensor hiddenGrad = at::empty_like(saved[0]), weightGrad = at::empty_like(saved[1]);
        FloatMap(hiddenGrad.data_ptr<float>(), hiddenGrad.size(0), hiddenGrad.size(1)).noalias()
            = g * matrixOf(saved[1]);
        FloatMap(weightGrad.data_ptr<float>(), 1, weightGrad.size(1)).noalias() = g.transpose() * matrixOf(saved[0]);
        return {hiddenGrad, weightGrad, grad.sum().reshape({1})};
    }
};

// What exit k's normalizer reads of its own exit: the probabilities (shared with the trace)
// and the standardized scalar features, with the mean and deviation to fold into the
// exported weights.
struct ExitFeatures
{
    at::Tensor probabilities; // N x C; N x 0 for given-score traces
    at::Tensor scalars; // N x S
    std::vector<double> mean, deviation; // S
};

ExitFeatures exitFeatures(const Trace &trace, LearnedScorer::Input input, int k)
{
    const std::int64_t n = trace.samples();
    ExitFeatures f;
    std::vector<const double *> columns;
    if (input == LearnedScorer::Input::Probabilities) {
        const float *p = trace.contents().probabilities.data() + static_cast<std::size_t>(k) * n * trace.classes();
        f.probabilities = at::from_blob(const_cast<float *>(p), {n, trace.classes()}, at::kFloat); // read only
        columns = {trace.scores(Measure::MaxProb, k), trace.scores(Measure::Entropy, k)};
    } else {
        f.probabilities = at::zeros({n, 0}, at::kFloat);
        columns = {trace.scores(Measure::Given, k)};
    }
    const auto s = static_cast<std::int64_t>(columns.size());
    f.scalars = at::empty({n, s}, at::kFloat);
    auto out = f.scalars.accessor<float, 2>();
    for (std::int64_t c = 0; c < s; ++c) {
        const double *v = columns[c];
        const double mean = std::accumulate(v, v + n, 0.0) / static_cast<double>(n);
        double squares = 0;
        for (std::int64_t j = 0; j < n; ++j)
            squares += (v[j] - mean) * (v[j] - mean);
        const double deviation = std::sqrt(squares / static_cast<double>(n));
        f.mean.push_back(mean);
        f.deviation.push_back(deviation > 1e-12 ? deviation : 1.0);
        for (std::int64_t j = 0; j < n; ++j)
            out[j][c] = static_cast<float>((v[j] - mean) / f.deviation.back());
    }
    return f;
}

// MSDNet's quantile rule (core/solvers/quantilerule.h) on learned scores, kNoExit where
// nobody leaves: exit k takes the share p[k] of all samples. `scores` is (K-1) x N,
// exit-major; p has K entries.
std::vector<double> quantileThresholds(const std::vector<double> &scores, std::int64_t n, const std::vector<double> &p)
{
    // A selection per exit (the scores change every epoch, so sorting them would cost more).
    std::vector<std::int64_t> running(static_cast<std::size_t>(n));
    std::iota(running.begin(), running.end(), 0);
    std::vector<double> values;
    return sequentialQuantiles(p, static_cast<int>(p.size()) - 1, n, [&](int k, std::int64_t take) {
        if (take == 0)
            return std::make_pair(kNoExit, std::int64_t{0});
        const double *score = scores.data() + static_cast<std::size_t>(k) * n;
        values.clear();
        for (std::int64_t j : running)
            values.push_back(score[j]);
        std::nth_element(values.begin(), values.begin() + (take - 1), values.end(), std::greater<double>());
        const double t = values[take - 1];
        const auto stays = std::remove_if(running.begin(), running.end(), [&](std::int64_t j) { return score[j] >= t; });
        const auto left = static_cast<std::int64_t>(running.end() - stays);
        running.erase(stays, running.end());
        return std::make_pair(t, left);
    });
}

// The val split with the learned scores as given scores, to try many thresholds with the
// ordinary evaluation (same rule, same statistics) without recomputing the scores.
class ScoredSplit
{
public:
    explicit ScoredSplit(const Trace &val)
    {
        const TraceContents &c = val.contents();
        m_base.exits = val.exits();
        m_base.samples = val.samples();
        m_base.classes = val.classes();
        const std::size_t kn = static_cast<std::size_t>(val.exits()) * val.samples();
        if (val.hasPredictions())
            m_base.predictions.assign(val.predictions(0), val.predictions(0) + kn);
        if (val.hasLabels())
            m_base.labels = c.labels;
        else if (val.hasCorrectness())
            m_base.correct.assign(val.correct(0), val.correct(0) + kn);
    }
    Trace with(const std::vector<double> &learned) const
    {
        TraceContents c = m_base;
        c.givenScores = learned;
        c.givenScores.resize(static_cast<std::size_t>(c.exits) * c.samples, 0.0); // the last exit's: unused
        c.givenDirection = Direction::HigherIsConfident;
        return Trace::build(std::move(c), "eenet scores");
    }

private:
    TraceContents m_base;
};

struct Outcome
{
    std::vector<double> thresholds;
    double objective = 0;
    double cost = 0;
};

// Thresholds for the exit distribution p by the quantile rule; when their val cost exceeds
// the budget, p is tilted towards cheaper exits, p_k ~ p_k exp(-lambda c_k / c_max), with
// the smallest lambda (bisection) that meets it.
Outcome fitBudget(const SolverProblem &problem, const Trace &scored, const std::vector<double> &learned,
                  const std::vector<double> &p, bool agreement, const JobContext &context)
{
    const std::int64_t n = scored.samples();
    double costScale = 0;
    for (double c : problem.costs)
        costScale = std::max(costScale, std::abs(c));
    costScale = costScale > 0 ? costScale : 1.0;
    const auto outcomeAt = [&](double lambda) {
        context.throwIfCancelled();
        std::vector<double> tilted(p.size());
        double total = 0;
        for (std::size_t k = 0; k < p.size(); ++k)
            total += tilted[k] = p[k] * std::exp(-lambda * problem.costs[k] / costScale);
        for (double &v : tilted)
            v /= total;
        Outcome o;
        o.thresholds = quantileThresholds(learned, n, tilted);
        const Evaluation e = evaluate(scored, {Measure::Given, Direction::HigherIsConfident, o.thresholds}, problem.costs);
        o.objective = agreement ? e.agreement : e.accuracy;
        o.cost = budgetCost(e, problem.kind);
        return o;
    };
    Outcome best = outcomeAt(0);
    if (best.cost <= problem.budget)
        return best;
    double low = 0, high = 1;
    Outcome feasible = outcomeAt(high);
    while (feasible.cost > problem.budget && high < 1e6) {
        low = high;
        high *= 4;
        feasible = outcomeAt(high);
    }
    if (feasible.cost > problem.budget) { // even the cheapest exit alone is too dear
        std::vector<double> cheapest(p.size(), 0.0);
        cheapest[std::min_element(problem.costs.begin(), problem.costs.end()) - problem.costs.begin()] = 1;
        std::vector<double> thresholds = quantileThresholds(learned, n, cheapest);
        const Evaluation e = evaluate(scored, {Measure::Given, Direction::HigherIsConfident, thresholds}, problem.costs);
        return {thresholds, agreement ? e.agreement : e.accuracy, budgetCost(e, problem.kind)};
    }
    for (int step = 0; step < 40 && high - low > 1e-6 * high; ++step) {
        const double middle = 0.5 * (low + high);
        Outcome o = outcomeAt(middle);
        if (o.cost <= problem.budget) {
            high = middle;
            feasible = std::move(o);
        } else {
            low = middle;
        }
    }
    return feasible;
}

// One restart's trainable state: per scored exit a normalizer, and the exit-distribution
// head's K logits.
struct Model
{
    struct Normalizer
    {
        // First layer: probabilities (C columns, none for given-score traces), then the
        // scalar features (S) and the earlier exits' scores (k) in one matrix.
        at::Tensor probabilityWeight, otherWeight, hiddenBias, outputWeight, outputBias;
    };
    std::vector<Normalizer> normalizers;
    at::Tensor head;

    std::vector<at::Tensor> normalizerParameters() const
    {
        std::vector<at::Tensor> out;
        for (const auto &n : normalizers)
            for (const at::Tensor &t : {n.probabilityWeight, n.otherWeight, n.hiddenBias, n.outputWeight, n.outputBias})
                if (t.requires_grad())
                    out.push_back(t);
        return out;
    }
};

Model initialModel(const std::vector<ExitFeatures> &features, const std::vector<at::Tensor> &targets, int exits,
                   std::uint64_t seed)
{
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto uniform = [&](std::int64_t rows, std::int64_t cols, double bound) {
        return (at::rand({rows, cols}, generator, at::kFloat) * (2 * bound) - bound).requires_grad_();
    };
    Model m;
    for (int k = 0; k < exits - 1; ++k) {
        const ExitFeatures &f = features[k];
        const std::int64_t classes = f.probabilities.size(1);
        const double bound = 1.0 / std::sqrt(static_cast<double>(classes + f.scalars.size(1) + k));
        Model::Normalizer n;
        n.probabilityWeight = classes > 0 ? uniform(kHidden, classes, bound) : at::zeros({kHidden, 0}, at::kFloat);
        n.otherWeight = uniform(kHidden, f.scalars.size(1) + k, bound);
        n.hiddenBias = uniform(1, kHidden, bound);
        n.outputWeight = uniform(1, kHidden, 1.0 / std::sqrt(double(kHidden)));
        // Start at the exit's base rate: the first epochs need not learn it.
        const double rate = std::clamp(targets[k].mean().item<double>(), 0.01, 0.99);
        n.outputBias = at::full({1}, std::log(rate / (1 - rate)), at::kFloat).requires_grad_();
        m.normalizers.push_back(n);
    }
    m.head = at::zeros({exits}, at::kFloat).requires_grad_();
    return m;
}

// Logits of every scored exit; each normalizer reads the earlier exits' scores detached, so
// its loss trains only itself.
std::vector<at::Tensor> forward(const Model &m, const std::vector<ExitFeatures> &features)
{
    std::vector<at::Tensor> logits, earlier;
    for (std::size_t k = 0; k < m.normalizers.size(); ++k) {
        const Model::Normalizer &n = m.normalizers[k];
        std::vector<at::Tensor> others{features[k].scalars};
        if (k > 0)
            others.push_back(at::stack(earlier, 1));
        const at::Tensor hidden = FirstLayer::apply(features[k].probabilities, at::cat(others, 1), n.probabilityWeight,
                                                    n.otherWeight, n.hiddenBias);
        logits.push_back(OutputLayer::apply(at::sigmoid(hidden), n.outputWeight, n.outputBias));
        earlier.push_back(at::sigmoid(logits.back()).detach());
    }
    return logits;
}

// The model as plain Eigen weights, the standardization folded into the first layer.
LearnedScorer exportScorer(const Model &m, const std::vector<ExitFeatures> &features, LearnedScorer::Input input,
                           int classes)
{
    const auto toEigen = [](const at::Tensor &t) {
        const at::Tensor c = t.detach().to(at::kDouble).contiguous();
        return Eigen::MatrixXd(Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            c.data_ptr<double>(), c.size(0), c.dim() > 1 ? c.size(1) : 1));
    };
    std::vector<LearnedScorer::Normalizer> out;
    for (std::size_t k = 0; k < m.normalizers.size(); ++k) {
        const Model::Normalizer &n = m.normalizers[k];
        const ExitFeatures &f = features[k];
        const int own = LearnedScorer::inputCount(input, classes, 0);
        const int scalarsAt = own - static_cast<int>(f.mean.size());
        LearnedScorer::Normalizer e;
        e.hiddenWeight.resize(kHidden, LearnedScorer::inputCount(input, classes, static_cast<int>(k)));
        e.hiddenBias = toEigen(n.hiddenBias).transpose();
        if (classes > 0)
            e.hiddenWeight.leftCols(classes) = toEigen(n.probabilityWeight);
        const Eigen::MatrixXd other = toEigen(n.otherWeight);
        e.hiddenWeight.rightCols(other.cols()) = other;
        for (std::size_t s = 0; s < f.mean.size(); ++s) {
            const int column = static_cast<int>(s);
            e.hiddenWeight.col(scalarsAt + column) = other.col(column) / f.deviation[s];
            e.hiddenBias -= other.col(column) * (f.mean[s] / f.deviation[s]);
        }
        e.outputWeight = toEigen(n.outputWeight).transpose();
        e.outputBias = n.outputBias.item<double>();
        out.push_back(std::move(e));
    }
    return LearnedScorer(input, classes, std::move(out), "eenet");
}

std::vector<double> toDoubles(const at::Tensor &t)
{
    const at::Tensor c = t.detach().to(at::kDouble).contiguous();
    return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

// One epoch: a normalizer step on the correctness loss, then the head's steps.
// Polls for cancellation between its parts: an epoch on a large trace takes a while.
void trainEpoch(Model &m, torch::optim::Adam &normalizerOptimizer, torch::optim::Adam &headOptimizer,
                const std::vector<ExitFeatures> &features, const std::vector<at::Tensor> &targets,
                const at::Tensor &costs, double budget, const JobContext &context)
{
    const int scored = static_cast<int>(m.normalizers.size());
    const std::vector<at::Tensor> logits = forward(m, features);
    const at::Tensor scores = at::sigmoid(at::stack(logits, 0)).detach(); // (K-1) x N
    const std::int64_t n = scores.size(1);

    // Where the current policy (quantile thresholds for the head's p) has each sample
    // still running, softly: the BCE weights of each exit.
    const std::vector<double> p = toDoubles(at::softmax(m.head, 0));
    context.throwIfCancelled();
    const std::vector<double> thresholds = quantileThresholds(toDoubles(scores), n, p);
    context.throwIfCancelled();
    at::Tensor reach = at::ones({n}, at::kFloat);
    at::Tensor loss = at::zeros({}, at::kFloat);
    for (int k = 0; k < scored; ++k) {
        const at::Tensor weight = (reach + kReachFloor) / (reach + kReachFloor).sum();
        loss = loss + at::binary_cross_entropy_with_logits(logits[k], targets[k], weight, {}, at::Reduction::Sum);
        reach = reach * (1 - at::sigmoid((scores[k] - thresholds[k]) / kReachTemperature));
    }
    normalizerOptimizer.zero_grad();
    (loss / scored).backward();
    normalizerOptimizer.step();
    context.throwIfCancelled();

    // The exits the learned confidences ask for, leaving at exit k with probability g_k:
    // q_k = g_k prod_{j<k} (1 - g_j); the head's p is pulled towards their mean and
    // towards the budget.
    at::Tensor running = at::ones({n}, at::kFloat);
    std::vector<at::Tensor> leave;
    for (int k = 0; k < scored; ++k) {
        leave.push_back((running * scores[k]).mean());
        running = running * (1 - scores[k]);
    }
    leave.push_back(running.mean());
    at::Tensor wanted = at::stack(leave).clamp_min(1e-6);
    wanted = wanted / wanted.sum();
    for (int step = 0; step < kHeadSteps; ++step) {
        const at::Tensor logP = at::log_softmax(m.head, 0);
        const at::Tensor kl = (wanted * (wanted.log() - logP)).sum();
        const at::Tensor cost = (logP.exp() * costs).sum();
        const at::Tensor headLoss = kl + kCostWeight * (cost - budget).abs() / budget;
        headOptimizer.zero_grad();
        headLoss.backward();
        headOptimizer.step();
    }
}

// What EENet needs beyond checkProblem's checks.
void checkEenetProblem(const SolverProblem &problem)
{
    checkProblem(PolicyId::Eenet, problem);
    const Trace &val = problem.val;
    if (val.exits() < 2)
        throw InputError("val trace", "EENet needs at least two exits, found " + std::to_string(val.exits()));
    if (val.samples() < kMinSamples)
        throw InputError("val trace", "has " + std::to_string(val.samples()) + " samples; EENet needs at least "
                                          + std::to_string(kMinSamples) + " to train its score normalizers");
    if (!val.hasProbabilities() && !val.hasMeasure(Measure::Given))
        throw InputError("val trace", "keeps only the top-" + std::to_string(val.topk())
                                          + " probabilities, but EENet's score normalizers read all C of them "
                                            "(exit_probs) or given scores (exit_scores): use a trace that stores "
                                            "all probabilities, or leave eenet out");
    if (problem.options.eenetEpochs < 1 || problem.options.eenetRestarts < 1
        || !(problem.options.eenetLearningRate > 0))
        throw InputError("eenet", "epochs and restarts must be at least 1 and the learning rate positive");
}

// EENet trains for each budget on its own: nothing to do once for every budget.
class Eenet : public PreparedPolicy
{
public:
    using PreparedPolicy::PreparedPolicy;
    SolverResult solve(double budget, const std::vector<ThresholdPolicy> &, const JobContext &context) const override
    {
        const PreparedTrace &t = trace();
        return solveEenet(SolverProblem{t.val(), t.costs(), budget, t.kind(), t.options(), {}}, context);
    }
};

} // namespace

SolverResult solveEenet(const SolverProblem &problem, const JobContext &context)
{
    checkEenetProblem(problem);
    const auto start = std::chrono::steady_clock::now();
    const Trace &val = problem.val;
    const SolverOptions &options = problem.options;
    const int exits = val.exits();
    const bool agreement = options.labelFree || !val.hasCorrectness();
    const LearnedScorer::Input input
        = val.hasProbabilities() ? LearnedScorer::Input::Probabilities : LearnedScorer::Input::GivenScore;
    const int classes = input == LearnedScorer::Input::Probabilities ? val.classes() : 0;

    const TorchThreads singleThreaded(1); // float sums, and so the result, independent of the machine
    std::vector<ExitFeatures> features;
    std::vector<at::Tensor> targets;
    for (int k = 0; k < exits - 1; ++k) {
        context.throwIfCancelled();
        features.push_back(exitFeatures(val, input, k));
        const std::uint8_t *right = agreement ? val.agreesWithFinal(k) : val.correct(k);
        targets.push_back(at::from_blob(const_cast<std::uint8_t *>(right), {val.samples()}, at::kByte).to(at::kFloat));
    }
    const at::Tensor costs = at::tensor(std::vector<float>(problem.costs.begin(), problem.costs.end()), at::kFloat);
    const ScoredSplit split(val);

    SolverResult result;
    result.policyId = PolicyId::Eenet;
    result.policy.measure = Measure::Learned;
    result.policy.direction = Direction::HigherIsConfident;
    bool haveBest = false;
    const int epochs = options.eenetEpochs, restarts = options.eenetRestarts;
    for (int restart = 0; restart < restarts; ++restart) {
        Model m = initialModel(features, targets, exits, Random::derivedSeed(options.seed + 0x51ED27ull * (restart + 1)));
        torch::optim::Adam normalizerOptimizer(
            m.normalizerParameters(), torch::optim::AdamOptions(options.eenetLearningRate).weight_decay(kWeightDecay));
        torch::optim::Adam headOptimizer({m.head}, torch::optim::AdamOptions(options.eenetLearningRate));
        for (int epoch = 0; epoch < epochs; ++epoch) {
            context.throwIfCancelled();
            if (epoch % kProgressEvery == 0)
                context.progress.report((restart * epochs + epoch) / double(restarts * epochs),
                                 "EENet restart " + std::to_string(restart + 1) + "/" + std::to_string(restarts)
                                     + ", epoch " + std::to_string(epoch) + "/" + std::to_string(epochs));
            trainEpoch(m, normalizerOptimizer, headOptimizer, features, targets, costs, problem.budget, context);
            ++result.iterations;
        }
        auto scorer = std::make_shared<const LearnedScorer>(exportScorer(m, features, input, classes));
        const std::vector<double> learned = scorer->scores(val);
        context.throwIfCancelled();
        const Outcome o = fitBudget(problem, split.with(learned), learned, toDoubles(at::softmax(m.head, 0)), agreement, context);
        const bool feasible = o.cost <= problem.budget;
        // Feasible beats infeasible; then the higher objective, or among infeasible the lower cost.
        const bool better = !haveBest || (feasible && !result.feasible)
            || (feasible == result.feasible
                && (feasible ? o.objective > result.valObjective : o.cost < result.valCost));
        if (better) {
            haveBest = true;
            result.policy.thresholds = o.thresholds;
            result.policy.scorer = std::move(scorer);
            result.valObjective = o.objective;
            result.valCost = o.cost;
            result.feasible = feasible;
        }
    }
    if (haveBest) {
        result.note = "best of " + std::to_string(restarts) + " restarts, " + std::to_string(epochs) + " epochs each";
        if (!result.feasible)
            result.note += "; even the cheapest exit alone exceeds the budget";
    }
    context.progress.report(1.0, "EENet done");
    result.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

PreparedPolicyPtr prepareEenet(PreparedTracePtr trace)
{
    return std::make_unique<Eenet>(std::move(trace));
}

} // namespace exitscope

#include "core/data/trace.h"

#include "core/common/inputerror.h"
#include "core/data/probabilities.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace exitscope {

struct Trace::Data
{
    TraceContents contents;
    std::vector<std::int32_t> predictions; // derived from probabilities, or the given ones
    std::vector<std::uint8_t> correct;
    std::vector<std::uint8_t> agrees;
    bool agreementExact = false;
    std::vector<double> scores[5]; // indexed by Measure, Learned excepted
};

namespace {

constexpr double kProbabilitySumTolerance = 1e-3;

std::string at(int exit, std::int64_t sample)
{
    return "exit " + std::to_string(exit) + ", sample " + std::to_string(sample);
}

void requireSize(std::size_t actual, std::size_t expected, const char *array, const std::string &shape,
                 const std::string &where)
{
    if (actual != expected) {
        std::ostringstream msg;
        msg << array << " has " << actual << " values, expected " << shape << " = " << expected;
        throw InputError(where, msg.str());
    }
}

int index(Measure measure)
{
    return static_cast<int>(measure);
}

// Fills predictions and the max-prob, normalized entropy and margin scores of every
// (exit, sample) from scoreRow(row), which also validates the row.
template <typename ScoreRow>
void deriveScores(const TraceContents &c, bool hasMargin, std::vector<std::int32_t> &predictions,
                  std::vector<double> (&scores)[5], ScoreRow scoreRow)
{
    const std::size_t kn = static_cast<std::size_t>(c.exits) * c.samples;
    predictions.resize(kn);
    auto &maxProb = scores[index(Measure::MaxProb)];
    auto &entropy = scores[index(Measure::Entropy)];
    auto &margin = scores[index(Measure::Margin)];
    maxProb.resize(kn);
    entropy.resize(kn);
    if (hasMargin)
        margin.resize(kn);
    for (std::size_t row = 0; row < kn; ++row) {
        const ProbabilitySummary s = scoreRow(row);
        predictions[row] = s.prediction;
        maxProb[row] = s.maxProb;
        entropy[row] = normalizedEntropy(s.entropy, c.classes);
        if (hasMargin)
            margin[row] = s.margin;
    }
}

// Scores from the full probability vectors, computed as a running model's exit decisions
// compute them (core/probabilities.h), after checking each row.
void deriveFromProbabilities(const TraceContents &c, std::vector<std::int32_t> &predictions,
                             std::vector<double> (&scores)[5], const std::string &where)
{
    const int classes = c.classes;
    deriveScores(c, true, predictions, scores, [&](std::size_t row) {
        const float *p = c.probabilities.data() + row * classes;
        for (int cls = 0; cls < classes; ++cls) {
            const float v = p[cls];
            if (!std::isfinite(v) || v < -1e-6f || v > 1.0f + 1e-6f) {
                std::ostringstream msg;
                msg << "exit_probs at " << at(static_cast<int>(row / c.samples), row % c.samples) << ", class "
                    << cls << " is " << v << "; probabilities must be finite and in [0, 1]";
                throw InputError(where, msg.str());
            }
        }
        const ProbabilitySummary s = summarizeProbabilities(p, classes);
        if (std::abs(s.sum - 1.0) > kProbabilitySumTolerance) {
            std::ostringstream msg;
            msg << "exit_probs at " << at(static_cast<int>(row / c.samples), row % c.samples) << " sum to " << s.sum
                << ", expected 1 (softmax probabilities, not logits?)";
            throw InputError(where, msg.str());
        }
        return s;
    });
}

// Scores from the k largest probabilities, validated in the same pass. The C - k classes
// not stored share the leftover mass r = 1 - sum evenly: the completion with the most
// entropy, so the entropy is an upper bound (exact when k = C). Margin needs the second
// largest.
void deriveFromTopk(const TraceContents &c, std::vector<std::int32_t> &predictions,
                    std::vector<double> (&scores)[5], const std::string &where)
{
    const int k = c.topk, classes = c.classes;
    std::vector<std::int32_t> sorted(k); // a row's classes, sorted to find repeats
    deriveScores(c, k >= 2 || k == classes, predictions, scores, [&](std::size_t row) {
        const std::int32_t *cls = c.topkIndices.data() + row * k;
        const float *p = c.topkProbabilities.data() + row * k;
        const auto sample = [&]() { return at(static_cast<int>(row / c.samples), row % c.samples); };
        double sum = 0.0, h = 0.0;
        for (int i = 0; i < k; ++i) {
            const bool classOk = cls[i] >= 0 && cls[i] < classes;
            const bool probabilityOk = std::isfinite(p[i]) && p[i] >= -1e-6f && p[i] <= 1.0f + 1e-6f;
            if (!classOk || !probabilityOk || (i > 0 && p[i] > p[i - 1])) {
                std::ostringstream msg;
                if (!classOk)
                    msg << "exit_topk_indices at " << sample() << ", entry " << i << " is " << cls[i]
                        << ", expected a class index in [0, " << classes << ")";
                else if (!probabilityOk)
                    msg << "exit_topk_probs at " << sample() << ", entry " << i << " is " << p[i]
                        << "; probabilities must be finite and in [0, 1]";
                else
                    msg << "exit_topk_probs at " << sample() << ", entry " << i << " is " << p[i] << ", above entry "
                        << i - 1 << " (" << p[i - 1] << "); top-k probabilities must be non-increasing";
                throw InputError(where, msg.str());
            }
            sum += p[i];
            if (p[i] > 0.0f)
                h -= p[i] * std::log(static_cast<double>(p[i]));
        }
        std::copy(cls, cls + k, sorted.begin());
        std::sort(sorted.begin(), sorted.end());
        const auto repeat = std::adjacent_find(sorted.begin(), sorted.end());
        if (repeat != sorted.end())
            throw InputError(where, "exit_topk_indices at " + sample() + " names class " + std::to_string(*repeat)
                                        + " twice; a sample's top-k classes must be distinct");
        if (sum > 1.0 + kProbabilitySumTolerance) {
            std::ostringstream msg;
            msg << "exit_topk_probs at " << sample() << " sum to " << sum
                << ", more than 1 (softmax probabilities, not logits?)";
            throw InputError(where, msg.str());
        }
        const double rest = std::max(0.0, 1.0 - sum);
        if (k < classes && rest > 0.0)
            h -= rest * std::log(rest / (classes - k));
        return ProbabilitySummary{cls[0], p[0], h, k >= 2 ? p[0] - p[1] : p[0], sum};
    });
}

void checkClassIndices(const std::vector<std::int32_t> &values, int classes, const char *array, int exits,
                       std::int64_t samples, const std::string &where)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::int32_t v = values[i];
        if (v < 0 || (classes > 0 && v >= classes)) {
            std::ostringstream msg;
            msg << array << " at " << (exits > 0 ? at(static_cast<int>(i / samples), i % samples)
                                                 : "sample " + std::to_string(i))
                << " is " << v << ", expected a class index in [0, "
                << (classes > 0 ? std::to_string(classes) : std::string("inf")) << ")";
            throw InputError(where, msg.str());
        }
    }
}

} // namespace

Trace::Trace(std::shared_ptr<const Data> data)
    : m_data(std::move(data))
{
}

Trace Trace::build(TraceContents contents, const std::string &where)
{
    auto d = std::make_shared<Data>();
    d->contents = std::move(contents);
    const TraceContents &c = d->contents;
    const int K = c.exits;
    const std::int64_t N = c.samples;
    if (K < 1)
        throw InputError(where, "a trace needs at least one exit, found " + std::to_string(K));
    if (K > 255)
        throw InputError(where, "at most 255 exits are supported, found " + std::to_string(K));
    if (N < 1)
        throw InputError(where, "a trace needs at least one sample, found " + std::to_string(N));
    const std::size_t kn = static_cast<std::size_t>(K) * static_cast<std::size_t>(N);
    const std::string knShape = "K x N = " + std::to_string(K) + " x " + std::to_string(N);

    const bool hasTopk = c.topk != 0 || !c.topkIndices.empty() || !c.topkProbabilities.empty();
    std::vector<std::string> outputs; // the kinds of class output given: one at most
    if (!c.probabilities.empty())
        outputs.push_back("exit_probs");
    if (hasTopk)
        outputs.push_back("exit_topk_probs");
    if (!c.predictions.empty())
        outputs.push_back("exit_predictions");
    if (outputs.size() > 1)
        throw InputError(where, "found both " + outputs[0] + " and " + outputs[1] + "; give one of them "
                                "(predictions come from the probabilities)");

    if (!c.probabilities.empty()) {
        if (c.classes < 1)
            throw InputError(where, "exit_probs needs at least one class");
        requireSize(c.probabilities.size(), kn * c.classes, "exit_probs",
                    knShape + " x " + std::to_string(c.classes), where);
        deriveFromProbabilities(c, d->predictions, d->scores, where);
    } else if (hasTopk) {
        if (c.classes < 1)
            throw InputError(where, "exit_topk_probs needs the class count C (num_classes)");
        if (c.topk < 1 || c.topk > c.classes)
            throw InputError(where, "exit_topk_probs has k = " + std::to_string(c.topk) + ", expected 1 <= k <= C = "
                                        + std::to_string(c.classes));
        const std::string shape = knShape + " x " + std::to_string(c.topk);
        requireSize(c.topkIndices.size(), kn * c.topk, "exit_topk_indices", shape, where);
        requireSize(c.topkProbabilities.size(), kn * c.topk, "exit_topk_probs", shape, where);
        deriveFromTopk(c, d->predictions, d->scores, where);
    } else if (!c.predictions.empty()) {
        requireSize(c.predictions.size(), kn, "exit_predictions", knShape, where);
        checkClassIndices(c.predictions, c.classes, "exit_predictions", K, N, where);
        d->predictions = c.predictions;
    }

    if (!c.givenScores.empty()) {
        requireSize(c.givenScores.size(), kn, "exit_scores", knShape, where);
        for (std::size_t i = 0; i < kn; ++i) {
            if (!std::isfinite(c.givenScores[i])) {
                std::ostringstream msg;
                msg << "exit_scores at " << at(static_cast<int>(i / N), i % N) << " is " << c.givenScores[i]
                    << "; scores must be finite";
                throw InputError(where, msg.str());
            }
        }
        d->scores[index(Measure::Given)] = c.givenScores;
    }
    if (c.probabilities.empty() && !hasTopk && c.givenScores.empty())
        throw InputError(where, "the trace has no confidence scores: it needs exit_probs, exit_topk_probs or "
                                "exit_scores");

    if (!c.labels.empty()) {
        requireSize(c.labels.size(), static_cast<std::size_t>(N), "labels", "N = " + std::to_string(N), where);
        checkClassIndices(c.labels, c.classes, "labels", 0, N, where);
        if (d->predictions.empty())
            throw InputError(where, "labels need predictions to judge: add exit_probs, exit_topk_probs or "
                                    "exit_predictions, or give exit_correct instead");
        if (!c.correct.empty())
            throw InputError(where, "give labels or exit_correct, not both (correctness comes from the labels)");
        d->correct.resize(kn);
        for (std::size_t i = 0; i < kn; ++i)
            d->correct[i] = d->predictions[i] == c.labels[i % N] ? 1 : 0;
    } else if (!c.correct.empty()) {
        requireSize(c.correct.size(), kn, "exit_correct", knShape, where);
        for (std::size_t i = 0; i < kn; ++i) {
            if (c.correct[i] > 1) {
                std::ostringstream msg;
                msg << "exit_correct at " << at(static_cast<int>(i / N), i % N) << " is " << int(c.correct[i])
                    << ", expected 0 or 1";
                throw InputError(where, msg.str());
            }
        }
        d->correct = c.correct;
    }

    // Patience: how many exits in a row, ending at this one, predicted the same class.
    if (!d->predictions.empty()) {
        auto &patience = d->scores[index(Measure::Patience)];
        patience.resize(kn);
        for (std::int64_t j = 0; j < N; ++j) {
            patience[j] = 1;
            for (int k = 1; k < K; ++k) {
                const std::size_t at = static_cast<std::size_t>(k) * N + j;
                patience[at] = d->predictions[at] == d->predictions[at - N] ? patience[at - N] + 1 : 1;
            }
        }
    }

    // Agreement with the final exit: exact from predictions, else a lower bound from
    // correctness (right and right agree; a right and a wrong answer disagree; two wrong
    // answers may or may not agree and are counted as disagreeing).
    d->agrees.resize(kn);
    const std::size_t last = static_cast<std::size_t>(K - 1) * N;
    if (!d->predictions.empty()) {
        d->agreementExact = true;
        for (std::size_t i = 0; i < kn; ++i)
            d->agrees[i] = d->predictions[i] == d->predictions[last + i % N] ? 1 : 0;
    } else if (!d->correct.empty()) {
        for (std::size_t i = 0; i < kn; ++i)
            d->agrees[i] = (i >= last) || (d->correct[i] && d->correct[last + i % N]) ? 1 : 0;
    } else {
        // Neither predictions nor correctness: only the final exit agrees with itself.
        for (std::size_t i = last; i < kn; ++i)
            d->agrees[i] = 1;
    }
    return Trace(std::move(d));
}

int Trace::exits() const
{
    return m_data->contents.exits;
}

std::int64_t Trace::samples() const
{
    return m_data->contents.samples;
}

int Trace::classes() const
{
    return m_data->contents.classes;
}

const TraceContents &Trace::contents() const
{
    return m_data->contents;
}

bool Trace::hasProbabilities() const
{
    return !m_data->contents.probabilities.empty();
}

int Trace::topk() const
{
    return m_data->contents.topk;
}

bool Trace::hasLabels() const
{
    return !m_data->contents.labels.empty();
}

bool Trace::hasPredictions() const
{
    return !m_data->predictions.empty();
}

bool Trace::hasCorrectness() const
{
    return !m_data->correct.empty();
}

bool Trace::agreementIsExact() const
{
    return m_data->agreementExact;
}

bool Trace::hasMeasure(Measure measure) const
{
    return measure != Measure::Learned && !m_data->scores[index(measure)].empty();
}

std::vector<Measure> Trace::measures() const
{
    std::vector<Measure> out;
    for (Measure m : {Measure::Given, Measure::MaxProb, Measure::Entropy, Measure::Margin, Measure::Patience})
        if (hasMeasure(m))
            out.push_back(m);
    return out;
}

Direction Trace::direction(Measure measure) const
{
    return measure == Measure::Given ? m_data->contents.givenDirection : naturalDirection(measure);
}

const double *Trace::scores(Measure measure, int exit) const
{
    if (measure == Measure::Learned)
        return nullptr;
    const auto &values = m_data->scores[index(measure)];
    return values.empty() ? nullptr : values.data() + static_cast<std::size_t>(exit) * samples();
}

const std::uint8_t *Trace::correct(int exit) const
{
    return m_data->correct.empty() ? nullptr : m_data->correct.data() + static_cast<std::size_t>(exit) * samples();
}

const std::uint8_t *Trace::agreesWithFinal(int exit) const
{
    return m_data->agrees.data() + static_cast<std::size_t>(exit) * samples();
}

const std::int32_t *Trace::predictions(int exit) const
{
    return m_data->predictions.empty() ? nullptr
                                       : m_data->predictions.data() + static_cast<std::size_t>(exit) * samples();
}

double Trace::exitAccuracy(int exit) const
{
    const std::uint8_t *right = correct(exit);
    if (!right)
        return std::numeric_limits<double>::quiet_NaN();
    std::int64_t hits = 0;
    for (std::int64_t j = 0; j < samples(); ++j)
        hits += right[j];
    return static_cast<double>(hits) / static_cast<double>(samples());
}

} // namespace exitscope

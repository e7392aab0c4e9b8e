#include "core/eval/learnedscorer.h"

#include "core/common/inputerror.h"
#include "core/common/jsonutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace exitscope {

namespace {

constexpr const char *kModel = "eenet-mlp";
constexpr const char *kActivation = "sigmoid";
constexpr std::int64_t kRowBlock = 1024; // rows of features built at a time: bounded memory

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using FloatRows = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

template <typename Derived>
auto sigmoid(const Eigen::DenseBase<Derived> &z)
{
    return (1.0 + (-z.derived().array()).exp()).inverse();
}

std::string shape(Eigen::Index rows, Eigen::Index cols)
{
    return std::to_string(rows) + " x " + std::to_string(cols);
}

std::string normalizerName(std::size_t k)
{
    return "scorer.normalizers[" + std::to_string(k) + "]";
}

// A JSON array of numbers as a vector; errors name `field`.
Eigen::VectorXd vectorFromJson(const nlohmann::json &json, const std::string &where, const std::string &field)
{
    if (!json.is_array())
        throw InputError(where, field + ": expected an array of numbers, found " + json.type_name());
    Eigen::VectorXd v(static_cast<Eigen::Index>(json.size()));
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (!json[i].is_number())
            throw InputError(where, field + "[" + std::to_string(i) + "]: expected a number, found "
                                        + json[i].type_name());
        v[static_cast<Eigen::Index>(i)] = json[i].get<double>();
    }
    return v;
}

// A JSON array of equally long rows as a matrix; errors name `field`.
Eigen::MatrixXd matrixFromJson(const nlohmann::json &json, const std::string &where, const std::string &field)
{
    if (!json.is_array() || json.empty())
        throw InputError(where, field + ": expected a non-empty array of rows, found "
                                    + (json.is_array() ? std::string("an empty array") : json.type_name()));
    Eigen::MatrixXd m;
    for (std::size_t r = 0; r < json.size(); ++r) {
        const std::string rowName = field + "[" + std::to_string(r) + "]";
        const Eigen::VectorXd row = vectorFromJson(json[r], where, rowName);
        if (r == 0)
            m.resize(static_cast<Eigen::Index>(json.size()), row.size());
        else if (row.size() != m.cols())
            throw InputError(where, rowName + ": " + std::to_string(row.size()) + " values, expected "
                                        + std::to_string(m.cols()) + " like row 0");
        m.row(static_cast<Eigen::Index>(r)) = row.transpose();
    }
    return m;
}

} // namespace

LearnedScorer::LearnedScorer(Input input, int classes, std::vector<Normalizer> normalizers, const std::string &where)
    : m_input(input)
    , m_classes(input == Input::Probabilities ? classes : 0)
    , m_normalizers(std::move(normalizers))
{
    if (input == Input::Probabilities && classes < 1)
        throw InputError(where, "scorer.classes: a scorer of probabilities needs at least one class, found "
                                    + std::to_string(classes));
    for (std::size_t k = 0; k < m_normalizers.size(); ++k) {
        const Normalizer &n = m_normalizers[k];
        const std::string name = normalizerName(k);
        const Eigen::Index inputs = inputCount(input, m_classes, static_cast<int>(k));
        const Eigen::Index hidden = n.hiddenWeight.rows();
        if (hidden < 1 || n.hiddenWeight.cols() != inputs)
            throw InputError(where, name + ".hidden_weight: " + shape(n.hiddenWeight.rows(), n.hiddenWeight.cols())
                                        + ", expected H x " + std::to_string(inputs) + " (H >= 1; exit "
                                        + std::to_string(k) + " reads " + std::to_string(inputs) + " features)");
        if (n.hiddenBias.size() != hidden)
            throw InputError(where, name + ".hidden_bias: " + std::to_string(n.hiddenBias.size())
                                        + " values, expected H = " + std::to_string(hidden));
        if (n.outputWeight.size() != hidden)
            throw InputError(where, name + ".output_weight: " + std::to_string(n.outputWeight.size())
                                        + " values, expected H = " + std::to_string(hidden));
        if (!n.hiddenWeight.allFinite() || !n.hiddenBias.allFinite() || !n.outputWeight.allFinite()
            || !std::isfinite(n.outputBias))
            throw InputError(where, name + ": weights must be finite");
    }
}

int LearnedScorer::inputCount(Input input, int classes, int exit)
{
    return (input == Input::Probabilities ? classes + 2 : 1) + exit;
}

void LearnedScorer::checkFits(const Trace &trace, const std::string &where) const
{
    if (m_input == Input::Probabilities) {
        if (!trace.hasProbabilities()) {
            std::string why = "the learned scorer reads all C probabilities (exit_probs), which the trace lacks";
            if (trace.topk() > 0)
                why += " (it keeps only the top-" + std::to_string(trace.topk()) + ")";
            throw InputError(where, why);
        }
        if (trace.classes() != m_classes)
            throw InputError(where, "the learned scorer was trained on " + std::to_string(m_classes)
                                        + " classes, the trace has " + std::to_string(trace.classes()));
    } else if (!trace.hasMeasure(Measure::Given)) {
        throw InputError(where, "the learned scorer reads given scores (exit_scores), which the trace lacks");
    }
    if (scoredExits() != trace.exits() - 1)
        throw InputError(where, "the learned scorer has " + std::to_string(scoredExits())
                                    + " normalizers (one per exit but the last), but the trace has K = "
                                    + std::to_string(trace.exits()) + " exits");
}

std::vector<double> LearnedScorer::scores(const Trace &trace) const
{
    const std::int64_t n = trace.samples();
    const int classes = m_classes;
    std::vector<double> out(static_cast<std::size_t>(scoredExits()) * static_cast<std::size_t>(n));
    RowMatrix x;
    for (int k = 0; k < scoredExits(); ++k) {
        const Normalizer &net = m_normalizers[k];
        const int own = inputCount(m_input, classes, 0); // features of the exit itself
        x.resize(std::min(kRowBlock, n), inputCount(m_input, classes, k));
        for (std::int64_t start = 0; start < n; start += kRowBlock) {
            const Eigen::Index rows = std::min(kRowBlock, n - start);
            const auto column = [&](const double *values) { return Eigen::Map<const Eigen::VectorXd>(values + start, rows); };
            if (m_input == Input::Probabilities) {
                const std::size_t first = (static_cast<std::size_t>(k) * n + start) * classes;
                x.block(0, 0, rows, classes) = FloatRows(trace.contents().probabilities.data() + first, rows, classes).cast<double>();
                x.block(0, classes, rows, 1) = column(trace.scores(Measure::MaxProb, k));
                x.block(0, classes + 1, rows, 1) = column(trace.scores(Measure::Entropy, k));
            } else {
                x.block(0, 0, rows, 1) = column(trace.scores(Measure::Given, k));
            }
            for (int j = 0; j < k; ++j)
                x.block(0, own + j, rows, 1) = column(out.data() + j * n);
            const Eigen::ArrayXXd hidden = sigmoid((x.topRows(rows) * net.hiddenWeight.transpose()).rowwise()
                                                   + net.hiddenBias.transpose());
            const Eigen::ArrayXd logit = (hidden.matrix() * net.outputWeight).array() + net.outputBias;
            Eigen::Map<Eigen::ArrayXd>(out.data() + k * n + start, rows) = sigmoid(logit);
        }
    }
    return out;
}

double LearnedScorer::score(int exit, const float *probabilities, double maxProb, double entropy,
                            const double *earlier) const
{
    const Normalizer &net = m_normalizers.at(static_cast<std::size_t>(exit));
    const int own = inputCount(m_input, m_classes, 0);
    Eigen::RowVectorXd x(inputCount(m_input, m_classes, exit));
    if (m_input == Input::Probabilities) {
        for (int c = 0; c < m_classes; ++c)
            x[c] = probabilities[c];
        x[m_classes] = maxProb;
        x[m_classes + 1] = entropy;
    } else {
        x[0] = maxProb;
    }
    for (int j = 0; j < exit; ++j)
        x[own + j] = earlier[j];
    const Eigen::ArrayXd hidden = sigmoid((net.hiddenWeight * x.transpose()) + net.hiddenBias);
    return 1.0 / (1.0 + std::exp(-(hidden.matrix().dot(net.outputWeight) + net.outputBias)));
}

std::string_view scorerInputName(LearnedScorer::Input input)
{
    return input == LearnedScorer::Input::Probabilities ? "probabilities" : "given-score";
}

nlohmann::json learnedScorerToJson(const LearnedScorer &scorer)
{
    nlohmann::json normalizers = nlohmann::json::array();
    for (const auto &n : scorer.normalizers()) {
        nlohmann::json weight = nlohmann::json::array();
        for (Eigen::Index r = 0; r < n.hiddenWeight.rows(); ++r)
            weight.push_back(std::vector<double>(n.hiddenWeight.row(r).begin(), n.hiddenWeight.row(r).end()));
        normalizers.push_back({{"hidden_weight", weight},
                               {"hidden_bias", std::vector<double>(n.hiddenBias.begin(), n.hiddenBias.end())},
                               {"output_weight", std::vector<double>(n.outputWeight.begin(), n.outputWeight.end())},
                               {"output_bias", n.outputBias}});
    }
    const bool probabilities = scorer.input() == LearnedScorer::Input::Probabilities;
    return {{"model", kModel},
            {"input", std::string(scorerInputName(scorer.input()))},
            {"classes", scorer.classes()},
            {"features", probabilities ? "exit k: probabilities (C), max-prob, entropy, learned scores of exits 0..k-1"
                                       : "exit k: given score, learned scores of exits 0..k-1"},
            {"hidden_activation", kActivation},
            {"score", "sigmoid(output_weight . sigmoid(hidden_weight x + hidden_bias) + output_bias)"},
            {"normalizers", normalizers}};
}

LearnedScorer learnedScorerFromJson(const nlohmann::json &json, const std::string &where)
{
    JsonReader in(json, where, "scorer");
    const std::string model = in.string("model");
    if (model != kModel)
        throw InputError(where, "scorer.model: '" + model + "' is not " + kModel);
    const std::string activation = in.string("hidden_activation");
    if (activation != kActivation)
        throw InputError(where, "scorer.hidden_activation: '" + activation + "' is not " + kActivation);
    const std::string inputName = in.string("input");
    LearnedScorer::Input input;
    if (inputName == scorerInputName(LearnedScorer::Input::Probabilities))
        input = LearnedScorer::Input::Probabilities;
    else if (inputName == scorerInputName(LearnedScorer::Input::GivenScore))
        input = LearnedScorer::Input::GivenScore;
    else
        throw InputError(where, "scorer.input: '" + inputName + "' is not probabilities or given-score");
    const double classes = in.number("classes");
    if (classes != std::floor(classes) || classes < 0 || classes > 1e9)
        throw InputError(where, "scorer.classes: expected a class count, found " + in.raw("classes").dump());

    const nlohmann::json &list = in.raw("normalizers");
    if (!list.is_array())
        throw InputError(where, std::string("scorer.normalizers: expected an array, found ") + list.type_name());
    std::vector<LearnedScorer::Normalizer> normalizers;
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string name = normalizerName(k);
        JsonReader n(list[k], where, name);
        LearnedScorer::Normalizer net;
        net.hiddenWeight = matrixFromJson(n.raw("hidden_weight"), where, name + ".hidden_weight");
        net.hiddenBias = vectorFromJson(n.raw("hidden_bias"), where, name + ".hidden_bias");
        net.outputWeight = vectorFromJson(n.raw("output_weight"), where, name + ".output_weight");
        net.outputBias = n.number("output_bias");
        normalizers.push_back(std::move(net));
    }
    return LearnedScorer(input, static_cast<int>(classes), std::move(normalizers), where);
}

} // namespace exitscope

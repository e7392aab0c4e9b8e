#pragma once

#include "core/data/trace.h"

#include <Eigen/Core>
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace exitscope {

// EENet's score normalizers (docs/policies-eenet.md), one per exit but the last: small
// MLPs that map an exit's outputs, and the learned scores of the exits before it, to a
// confidence in (0, 1) that the exit is right. Plain Eigen, so that a learned policy is
// evaluated and exported without LibTorch; eenetsolver.cpp trains it. Immutable.
class LearnedScorer
{
public:
    // What a normalizer reads of its own exit besides the earlier learned scores.
    enum class Input {
        Probabilities, // the C softmax probabilities, max-prob, normalized entropy
        GivenScore, // the trace's given score (for traces without probabilities)
    };

    // score = sigmoid(outputWeight . sigmoid(hiddenWeight * x + hiddenBias) + outputBias)
    struct Normalizer
    {
        Eigen::MatrixXd hiddenWeight; // H x inputCount
        Eigen::VectorXd hiddenBias; // H
        Eigen::VectorXd outputWeight; // H
        double outputBias = 0;
    };

    // Checks every normalizer's shapes and values (finite) and throws InputError naming
    // the normalizer and the array that does not fit.
    LearnedScorer(Input input, int classes, std::vector<Normalizer> normalizers, const std::string &where);

    Input input() const { return m_input; }
    int classes() const { return m_classes; } // 0 for GivenScore
    int scoredExits() const { return static_cast<int>(m_normalizers.size()); } // K - 1
    const std::vector<Normalizer> &normalizers() const { return m_normalizers; }

    // Length of exit k's feature vector: [probabilities (C), max-prob, entropy] or
    // [given score], then the learned scores of exits 0..k-1.
    static int inputCount(Input input, int classes, int exit);

    // Throws InputError when the trace lacks what the scorer reads or has another shape.
    void checkFits(const Trace &trace, const std::string &where) const;

    // The learned scores of exits 0..K-2, exit-major ((K-1) x N; exit k at k * N). The
    // trace must fit (checkFits).
    std::vector<double> scores(const Trace &trace) const;
    // The same for one sample at exit k < K-1, from what a running model has: its C
    // probabilities at exit k with their max-prob and entropy (Probabilities input) or its
    // given score (GivenScore: pass it as maxProb), and its learned scores at exits 0..k-1.
    double score(int exit, const float *probabilities, double maxProb, double entropy, const double *earlier) const;

private:
    Input m_input;
    int m_classes;
    std::vector<Normalizer> m_normalizers;
};

std::string_view scorerInputName(LearnedScorer::Input input);

// The "scorer" object of a threshold config (docs/policies-eenet.md). Reading throws
// InputError naming the field and the shape that is wrong; `where` names the file.
nlohmann::json learnedScorerToJson(const LearnedScorer &scorer);
LearnedScorer learnedScorerFromJson(const nlohmann::json &json, const std::string &where);

} // namespace exitscope

// iPPP (Tan et al., "Empowering Adaptive Early-Exit Inference with Latency Awareness",
// AAAI 2021): the exit indicators smoothed by sigmoids of slope k, maximize the smoothed
// objective subject to the smoothed expected cost <= budget by an inexact proximal-point
// method with a quadratic penalty: T outer steps, each J accelerated projected-gradient
// steps on  -objective(t) + gamma/2 |t - t_outer|^2 + beta/2 max(cost(t)/budget - 1, 0)^2,
// warm-started by root finding of the smoothed cost along the all-ones direction.
//
// Works in the paper's orientation: scores s where LOWER is more confident and a sample
// leaves at exit b when s_b < t_b. Differences from the authors' code, on purpose: costs
// are divided by the budget in the penalty too (their beta was 2e7 for seconds and 500 for
// relative costs; here one beta fits all; ipppRawPenalty restores theirs), and the gradient is computed in O(N K) with
// suffix sums instead of O(N K^2) loops (the same value).

#include "core/common/pairwisesum.h"
#include "core/solvers/exitproblem.h"
#include "core/solvers/policysolvers.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace exitscope {

namespace {

using Array = Eigen::ArrayXd;

// np.mean's rounding, so that the paper mode follows the authors' code.
double mean(const Array &a)
{
    return pairwiseSum(a.data(), a.size()) / static_cast<double>(a.size());
}

class SmoothedProblem
{
public:
    // With `normalized`, costs are divided by the budget (constraint E[cost]/B - 1);
    // otherwise they stay in the profile's unit (E[cost] - B), as in the authors' penalty.
    // `factored` allows exp(-k (s - t)) = exp(-k s) exp(k t), one exp per threshold instead
    // of one per sample (about 2x faster; rounds differently from the authors' code).
    SmoothedProblem(const ExitProblem &p, double slope, bool normalized, bool factored)
        : m_exits(p.exits)
        , m_n(static_cast<double>(p.samples))
        , m_slope(slope)
    {
        const double perSample = p.capacity / m_n; // budget in weight units
        m_offset = normalized ? 1.0 : perSample;
        for (int b = 0; b < m_exits; ++b) {
            m_scaledCost.push_back(normalized ? p.weight[b] / perSample : p.weight[b]);
            Array objective(p.samples);
            for (std::int64_t j = 0; j < p.samples; ++j)
                objective[j] = p.objective[b][j];
            m_objective.push_back(std::move(objective));
        }
        for (int b = 0; b + 1 < m_exits; ++b)
            m_score.push_back(-Eigen::Map<const Array>(p.confidence[b], p.samples)); // lower is confident
        double largest = 0; // the factors must not overflow
        for (const Array &s : m_score)
            largest = std::max(largest, s.abs().maxCoeff());
        m_factored = factored && m_slope * largest < 300;
        if (m_factored)
            for (const Array &s : m_score)
                m_expScore.push_back((-m_slope * s).exp());
    }

    // Smoothed cost(t) over budget (E[cost]/B - 1 or E[cost] - B), keeping the exit
    // weights g_b for gradient().
    // (Every array is preallocated and written in place: no allocation per call.)
    double constraint(const Eigen::VectorXd &t)
    {
        Array &running = m_exitWeight[m_exits - 1];
        running.setOnes();
        double c = -m_offset;
        for (int b = 0; b + 1 < m_exits; ++b) {
            // continue = sigmoid(k (s - t)), leave = sigmoid(k (t - s)) = e * continue.
            if (m_factored && m_slope * std::abs(t[b]) < 300)
                m_scratch = m_expScore[b] * std::exp(m_slope * t[b]);
            else
                m_scratch = (-m_slope * (m_score[b] - t[b])).min(700.0).exp();
            m_continue[b] = 1.0 / (1.0 + m_scratch);
            m_leave[b] = m_scratch * m_continue[b];
            m_exitWeight[b] = m_leave[b] * running;
            running *= m_continue[b];
            m_scratch = m_exitWeight[b] * m_scaledCost[b];
            c += mean(m_scratch);
        }
        m_scratch = running * m_scaledCost[m_exits - 1];
        c += mean(m_scratch);
        return c;
    }

    // Gradient of -objective + beta/2 max(c, 0)^2 (the proximal term is added by the caller).
    Eigen::VectorXd gradient(const Eigen::VectorXd &t, double beta)
    {
        const double c = constraint(t);
        const double penalty = c > 0 ? beta * c : 0.0;
        // value_b = objective_b - penalty * cost_b: what leaving at exit b is worth.
        m_later = m_exitWeight[m_exits - 1] * (m_objective[m_exits - 1] - penalty * m_scaledCost[m_exits - 1]);
        Eigen::VectorXd grad(m_exits - 1);
        for (int b = m_exits - 2; b >= 0; --b) {
            m_value = m_exitWeight[b] * (m_objective[b] - penalty * m_scaledCost[b]);
            // d(leave_b)/dt_b = k leave_b continue_b; d(continue_b)/dt_b = -k leave_b continue_b.
            m_scratch = m_value * m_continue[b];
            const double stay = mean(m_scratch);
            m_scratch = m_leave[b] * m_later;
            grad[b] = m_slope * (-stay + mean(m_scratch));
            m_later += m_value;
        }
        return grad;
    }

    void prepare()
    {
        const Eigen::Index n = m_objective[0].size();
        m_continue.assign(m_exits - 1, Array(n));
        m_leave.assign(m_exits - 1, Array(n));
        m_exitWeight.assign(m_exits, Array(n));
        m_scratch.resize(n);
        m_value.resize(n);
        m_later.resize(n);
    }

private:
    int m_exits;
    double m_n;
    double m_slope;
    double m_offset;
    std::vector<double> m_scaledCost;
    std::vector<Array> m_objective;
    std::vector<Array> m_score;
    std::vector<Array> m_continue, m_leave, m_exitWeight;
    Array m_scratch, m_value, m_later;
    bool m_factored = false;
    std::vector<Array> m_expScore; // exp(-k s) per exit, when m_factored
};

// Brent's method (as scipy.optimize.brentq) on [a, b]; f(a) and f(b) of opposite signs.
template <typename F>
double brentRoot(F f, double a, double b, double fa, double fb)
{
    constexpr double xtol = 2e-12, rtol = 8.881784197001252e-16;
    double c = a, fc = fa, d = b - a, e = d;
    for (int iteration = 0; iteration < 200; ++iteration) {
        if ((fb > 0) == (fc > 0)) {
            c = a;
            fc = fa;
            d = e = b - a;
        }
        if (std::abs(fc) < std::abs(fb)) {
            a = b; b = c; c = a;
            fa = fb; fb = fc; fc = fa;
        }
        const double tol = 2 * rtol * std::abs(b) + 0.5 * xtol;
        const double m = 0.5 * (c - b);
        if (std::abs(m) <= tol || fb == 0)
            return b;
        if (std::abs(e) >= tol && std::abs(fa) > std::abs(fb)) {
            double p, q, r;
            const double s = fb / fa;
            if (a == c) {
                p = 2 * m * s;
                q = 1 - s;
            } else {
                q = fa / fc;
                r = fb / fc;
                p = s * (2 * m * q * (q - r) - (b - a) * (r - 1));
                q = (q - 1) * (r - 1) * (s - 1);
            }
            if (p > 0)
                q = -q;
            else
                p = -p;
            if (2 * p < std::min(3 * m * q - std::abs(tol * q), std::abs(e * q))) {
                e = d;
                d = p / q;
            } else {
                d = m;
                e = m;
            }
        } else {
            d = m;
            e = m;
        }
        a = b;
        fa = fb;
        b += std::abs(d) > tol ? d : (m > 0 ? tol : -tol);
        fb = f(b);
    }
    return b;
}

// The measure and the thresholds' box are the same at every budget.
class Ippp : public PreparedPolicy
{
public:
    explicit Ippp(PreparedTracePtr trace)
        : PreparedPolicy(std::move(trace))
        , m_measure(this->trace().chooseMeasure({Measure::Given, Measure::MaxProb}, PolicyId::Ippp))
    {
        // The box of the thresholds (paper orientation): [0, 1] for scores in [0, 1] such
        // as normalized entropy, [-1, 0] for minus a probability, else the scores' range.
        const ExitProblem p = this->trace().problem(m_measure, this->trace().costs().back());
        for (const double *row : p.confidence)
            for (std::int64_t j = 0; j < p.samples; ++j) {
                m_lo = std::min(m_lo, -row[j]);
                m_hi = std::max(m_hi, -row[j]);
            }
        if (m_lo >= 0 && m_hi <= 1) {
            m_lo = 0;
            m_hi = 1;
        } else if (m_lo >= -1 && m_hi <= 0) {
            m_lo = -1;
            m_hi = 0;
        }
    }

    SolverResult solve(double budget, const std::vector<ThresholdPolicy> &, const JobContext &context) const override;

private:
    Measure m_measure;
    double m_lo = HUGE_VAL, m_hi = -HUGE_VAL;
};

SolverResult Ippp::solve(double budget, const std::vector<ThresholdPolicy> &, const JobContext &context) const
{
    const SolverOptions &o = trace().options();
    const ExitProblem p = trace().problem(m_measure, budget);
    const int thresholds = p.exits - 1;
    SolverResult result;
    if (thresholds == 0) {
        result.policy = p.toPolicy({});
        return result;
    }
    const double lo = m_lo, hi = m_hi;
    auto project = [&](Eigen::VectorXd t) { return t.cwiseMax(lo).cwiseMin(hi); };

    // The paper's penalty also gets the paper's arithmetic, for comparison with its curves.
    SmoothedProblem smooth(p, o.ipppSlope, !o.ipppRawPenalty, !o.ipppRawPenalty);
    smooth.prepare();
    // Warm start: t = upper - r (1, ..., 1) with the smoothed cost on budget (the authors
    // find this root with costs divided by the budget, whatever their penalty's unit).
    SmoothedProblem normalized(p, o.ipppSlope, true, !o.ipppRawPenalty);
    normalized.prepare();
    auto along = [&](double r) {
        context.throwIfCancelled();
        return normalized.constraint(project(Eigen::VectorXd::Constant(thresholds, hi - r)));
    };
    const double width = hi - lo;
    const double f0 = along(0), f1 = along(width);
    double root;
    if ((f0 > 0) == (f1 > 0))
        root = std::abs(f0) < std::abs(f1) ? 0 : width; // no crossing: the closer end
    else
        root = brentRoot(along, 0, width, f0, f1);
    Eigen::VectorXd t = project(Eigen::VectorXd::Constant(thresholds, hi - root));

    // Inexact proximal point: keep the outer iterate whose step was smallest (as the
    // authors' code returns it).
    const double momentum = (o.ipppEta - o.ipppMu) / (o.ipppEta + o.ipppMu);
    Eigen::VectorXd bestT = t;
    double smallestStep = HUGE_VAL;
    for (int outer = 0; outer < o.ipppOuter; ++outer) {
        Eigen::VectorXd v = t, w = t;
        for (int inner = 0; inner < o.ipppInner; ++inner) {
            context.throwIfCancelled();
            const Eigen::VectorXd previous = v;
            const Eigen::VectorXd grad = smooth.gradient(w, o.ipppBeta) + o.ipppGamma * (w - t);
            v = project(w - grad / o.ipppEta);
            w = v + momentum * (v - previous);
        }
        const double step = (v - t).squaredNorm();
        if (step < smallestStep) {
            smallestStep = step;
            bestT = t;
        }
        t = v;
        ++result.iterations;
    }
    // Back to canonical thresholds; the paper leaves when s < t, Exitscope when s <= t.
    std::vector<double> tau;
    for (int b = 0; b < thresholds; ++b)
        tau.push_back(std::nextafter(-bestT[b], HUGE_VAL));
    result.policy = p.toPolicy(tau);
    return result;
}

} // namespace

PreparedPolicyPtr prepareIppp(PreparedTracePtr trace)
{
    return std::make_unique<Ippp>(std::move(trace));
}

} // namespace exitscope

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

#include "exitproblem.h"
#include "policysolvers.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace exitscope {

namespace {

using Array = Eigen::ArrayXd;

// numpy's pairwise summation (as in np.mean), so that rounding follows the authors' code.
double pairwiseSum(const double *a, std::ptrdiff_t n)
{
    if (n < 8) {
        double s = -0.0;
        for (std::ptrdiff_t i = 0; i < n; ++i)
            s += a[i];
        return s;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; ++j)
            r[j] = a[j];
        std::ptrdiff_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (int j = 0; j < 8; ++j)
                r[j] += a[i + j];
        double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            s += a[i];
        return s;
    }
    std::ptrdiff_t half = n / 2;
    half -= half % 8;
    return pairwiseSum(a, half) + pairwiseSum(a + half, n - half);
}

double mean(const Array &a)
{
    return pairwiseSum(a.data(), a.size()) / static_cast<double>(a.size());
}

class SmoothedProblem
{
public:
    // With `normalized`, costs are divided by the budget (constraint E[cost]/B - 1);
    // otherwise they stay in the profile's unit (E[cost] - B), as in the authors' penalty.
    SmoothedProblem(const ExitProblem &p, double slope, bool normalized)
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
            m_score.push_back(-Eigen::Map<const Array>(p.confidence[b].data(), p.samples)); // lower is confident
        m_exitWeight.resize(m_exits);
    }

    // Smoothed cost(t) over budget (E[cost]/B - 1 or E[cost] - B), keeping the exit
    // weights g_b for gradient().
    double constraint(const Eigen::VectorXd &t)
    {
        Array running = Array::Ones(m_score.empty() ? m_objective[0].size() : m_score[0].size());
        double c = -m_offset;
        for (int b = 0; b + 1 < m_exits; ++b) {
            // continue = sigmoid(k (s - t)), leave = sigmoid(k (t - s)) = e * continue.
            const Array e = (-m_slope * (m_score[b] - t[b])).min(700.0).exp();
            m_continue[b] = 1.0 / (1.0 + e);
            m_leave[b] = e * m_continue[b];
            m_exitWeight[b] = m_leave[b] * running;
            running *= m_continue[b];
            c += mean(m_exitWeight[b] * m_scaledCost[b]);
        }
        m_exitWeight[m_exits - 1] = running;
        c += mean(running * m_scaledCost[m_exits - 1]);
        return c;
    }

    // Gradient of -objective + beta/2 max(c, 0)^2 (the proximal term is added by the caller).
    Eigen::VectorXd gradient(const Eigen::VectorXd &t, double beta)
    {
        const double c = constraint(t);
        const double penalty = c > 0 ? beta * c : 0.0;
        // value_b = objective_b - penalty * cost_b: what leaving at exit b is worth.
        Array later = m_exitWeight[m_exits - 1] * (m_objective[m_exits - 1] - penalty * m_scaledCost[m_exits - 1]);
        Eigen::VectorXd grad(m_exits - 1);
        for (int b = m_exits - 2; b >= 0; --b) {
            const Array value = m_exitWeight[b] * (m_objective[b] - penalty * m_scaledCost[b]);
            // d(leave_b)/dt_b = k leave_b continue_b; d(continue_b)/dt_b = -k leave_b continue_b.
            grad[b] = m_slope * (-mean(value * m_continue[b]) + mean(m_leave[b] * later));
            later += value;
        }
        return grad;
    }

    void prepare()
    {
        m_continue.assign(m_exits - 1, Array());
        m_leave.assign(m_exits - 1, Array());
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

} // namespace

SolverResult solveIppp(const SolverProblem &problem, const SolverContext &context)
{
    const SolverOptions &o = problem.options;
    const ExitProblem p = makeExitProblem(problem, chooseMeasure(problem, {Measure::Given, Measure::MaxProb}, "ippp"));
    const int thresholds = p.exits - 1;
    SolverResult result;
    if (thresholds == 0) {
        result.policy = p.toPolicy({});
        return result;
    }
    // The box of the thresholds (paper orientation): [0, 1] for scores in [0, 1] such as
    // normalized entropy, [-1, 0] for minus a probability, else the scores' range.
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const auto &row : p.confidence)
        for (double c : row) {
            lo = std::min(lo, -c);
            hi = std::max(hi, -c);
        }
    if (lo >= 0 && hi <= 1) {
        lo = 0;
        hi = 1;
    } else if (lo >= -1 && hi <= 0) {
        lo = -1;
        hi = 0;
    }
    auto project = [&](Eigen::VectorXd t) { return t.cwiseMax(lo).cwiseMin(hi); };

    SmoothedProblem smooth(p, o.ipppSlope, !o.ipppRawPenalty);
    smooth.prepare();
    // Warm start: t = upper - r (1, ..., 1) with the smoothed cost on budget (the authors
    // find this root with costs divided by the budget, whatever their penalty's unit).
    SmoothedProblem normalized(p, o.ipppSlope, true);
    normalized.prepare();
    auto along = [&](double r) { return normalized.constraint(project(Eigen::VectorXd::Constant(thresholds, hi - r))); };
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
        if (context.cancelled()) {
            result.cancelled = true;
            break;
        }
        Eigen::VectorXd v = t, w = t;
        for (int inner = 0; inner < o.ipppInner; ++inner) {
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

} // namespace exitscope

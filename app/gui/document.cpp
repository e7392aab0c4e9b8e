#include "document.h"

#include "undocommands.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/io/sweepcsv.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace exitscope::gui {

namespace {

const QString kLoad = QStringLiteral("load");
const QString kEvaluators = QStringLiteral("evaluators");
const QString kPolicy = QStringLiteral("policy");
const QString kSweep = QStringLiteral("sweep");
const QString kSolve = QStringLiteral("solve");

bool samePolicy(const ThresholdPolicy &a, const ThresholdPolicy &b)
{
    return a.measure == b.measure && a.direction == b.direction && a.thresholds == b.thresholds && a.scorer == b.scorer;
}

// Policies whose solve at one budget takes milliseconds: the budget cursor solves them at
// once when the sweep has no row there.
bool isCheap(PolicyId policy)
{
    switch (policy) {
    case PolicyId::Heuristic:
    case PolicyId::BranchyNet:
    case PolicyId::MsdNet:
    case PolicyId::SelfXit:
    case PolicyId::Patience:
        return true;
    default:
        return false;
    }
}

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
{
    connect(&m_jobs, &JobRunner::warning, this, &Document::message);
}

Document::~Document()
{
    // Its owner is being torn down: nobody may hear the jobs cancelled or the undo stack
    // cleared (the listeners, the window among them, are half destroyed; UBSan saw
    // MainWindow::updateTitle called from ~QWidget).
    m_jobs.blockSignals(true);
    m_undo.blockSignals(true);
    m_jobs.cancelAll();
}

// --- inputs

void Document::open(const InputRequest &request)
{
    m_jobs.start<LoadedInputs>(
        kLoad, tr("Reading files"), this, [request](const JobContext &context) { return loadInputs(request, context); },
        [this](std::shared_ptr<LoadedInputs> loaded) {
            try {
                setInputs(std::move(*loaded));
            } catch (const InputError &e) {
                emit inputError(tr("Cannot open"), text(e.what()));
            }
        },
        [this](const QString &error) { emit inputError(tr("Cannot open"), error); });
}

void Document::setInputs(LoadedInputs in)
{
    if (in.latencyFromConfig && m_latency && !in.val) {
        // The open latency stays: the config's thresholds are applied with it.
        if (in.latency->cumulative != m_latency->cumulative)
            emit message(tr("%1: its latency profile differs from the open one, which stays").arg(in.configPath));
        in.latency.reset();
    }
    // Everything is checked against what will be there afterwards before anything changes.
    const std::optional<Trace> &val = in.val ? in.val : m_val;
    const QString valPath = in.val ? in.valPath : m_valPath;
    if (in.test) {
        if (!val)
            throw InputError(in.testPath.toStdString(), "open the val trace first: the test trace is checked against it");
        checkTestTrace(*val, *in.test, in.testPath.toStdString());
    }
    if (in.latency && val)
        in.latency->requireExits(val->exits(), in.latencyPath.toStdString());
    if (in.config) {
        if (!val)
            throw InputError(in.configPath.toStdString(), "open the val trace first: the config's thresholds apply to it");
        checkPolicy(*val, in.config->policy, in.configPath.toStdString());
    }

    const bool tracesChanged = in.val || in.test;
    if (in.replaceAll) {
        if (!in.test) {
            m_test.reset();
            m_testPath.clear();
            m_testOrigin.reset();
        }
        if (!in.latency) {
            m_latency.reset();
            m_latencyPath.clear();
            m_latencySha256.clear();
        }
        m_state = PolicyState{};
    }
    if (in.val) {
        m_val = std::move(in.val);
        m_valSummary = std::move(in.valSummary);
        m_valPath = in.valPath;
        m_valOrigin = in.valOrigin;
        if (m_test && !in.test && m_test->exits() != m_val->exits()) {
            emit message(tr("%1 closed: its exit count differs from the new val trace's").arg(m_testPath));
            m_test.reset();
            m_testPath.clear();
            m_testOrigin.reset();
        }
        if (m_latency && !in.latency && m_latency->exits() != m_val->exits()) {
            emit message(tr("%1 closed: its exit count differs from the new val trace's").arg(m_latencyPath));
            m_latency.reset();
            m_latencyPath.clear();
            m_latencySha256.clear();
            m_profiles.clear();
        }
    }
    if (in.test) {
        m_test = std::move(in.test);
        m_testPath = in.testPath;
        m_testOrigin = in.testOrigin;
    }
    if (tracesChanged) {
        // Thresholds of another trace mean nothing here: the history goes with it.
        m_undo.clear();
        if (!m_state.policy.thresholds.empty()) {
            try {
                checkPolicy(*m_val, m_state.policy, m_valPath.toStdString());
            } catch (const InputError &) {
                m_state = PolicyState{};
            }
        }
        if (m_state.policy.thresholds.empty())
            m_state.policy = defaultPolicy();
    }
    if (in.latency) {
        m_latencySha256 = in.latencySha256;
        m_profiles = in.latencyProfiles.empty() ? std::vector<LatencyProfile>{*in.latency} : std::move(in.latencyProfiles);
        if (m_latency && !tracesChanged) {
            m_latencyPath = in.latencyPath;
            m_undo.push(new LatencyCommand(this, *m_latency, *in.latency, tr("open latency %1").arg(in.latencyPath)));
        } else {
            m_latency = std::move(in.latency);
            m_latencyPath = in.latencyPath;
        }
    }
    if (m_latency && m_val && !(m_settings.to > m_settings.from)) {
        // The natural budget range: from the first exit's cost to the last's.
        SweepSettings s = m_settings;
        if (s.relative && !m_latency->reference)
            s.relative = false;
        const double scale = s.relative ? *m_latency->reference : 1.0;
        s.from = m_latency->cumulative.front() / scale;
        s.to = m_latency->cumulative.back() / scale;
        m_settings = s;
        m_cursorBudget = (s.from + s.to) / 2;
        emit settingsChanged();
    }
    emit inputsChanged();
    emit latencyChanged();
    invalidate();
    if (in.config) {
        // The budget cursor goes on with the config's policy, when it is one of ours.
        if (const std::optional<PolicyId> policy = parsePolicy(in.config->policyName); policy && *policy != PolicyId::Oracle)
            setCurrentPolicy(*policy);
        PolicyState state{in.config->policy, text(in.config->policyName), in.config->budget};
        if (tracesChanged)
            applyPolicyState(state);
        else
            loadPolicy(state, tr("open config %1").arg(in.configPath));
    }
    emit opened();
}

void Document::editLatency(const LatencyProfile &profile, const QString &what)
{
    if (!m_latency)
        return;
    try {
        profile.validate("latency");
        if (m_val)
            profile.requireExits(m_val->exits(), "latency");
    } catch (const InputError &e) {
        emit inputError(tr("Latency"), text(e.what()));
        emit latencyChanged(); // the table shows the profile as it stays
        return;
    }
    m_undo.push(new LatencyCommand(this, *m_latency, profile, what));
}

int Document::latencyBatchIndex() const
{
    if (!m_latency)
        return -1;
    for (std::size_t i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].provenance.batchSize == m_latency->provenance.batchSize)
            return static_cast<int>(i);
    return -1;
}

void Document::chooseLatencyBatch(int index)
{
    if (!m_latency || index < 0 || index >= static_cast<int>(m_profiles.size()) || index == latencyBatchIndex())
        return;
    const LatencyProfile &chosen = m_profiles[static_cast<std::size_t>(index)];
    m_undo.push(new LatencyCommand(this, *m_latency, chosen, tr("latency at batch size %1").arg(chosen.provenance.batchSize)));
}

std::vector<LatencyProfile> Document::latencyProfilesToSave() const
{
    if (!m_latency)
        return {};
    const int chosen = latencyBatchIndex();
    if (chosen < 0)
        return {*m_latency};
    std::vector<LatencyProfile> profiles = m_profiles;
    profiles[static_cast<std::size_t>(chosen)] = *m_latency;
    return profiles;
}

void Document::applyLatency(const LatencyProfile &profile)
{
    const bool costsChanged = !m_latency || m_latency->cumulative != profile.cumulative;
    m_latency = profile;
    if (m_settings.relative && !m_latency->reference) {
        m_settings.relative = false;
        emit settingsChanged();
    }
    emit latencyChanged();
    if (costsChanged) {
        invalidate(); // the sweep's curves and the evaluators are stale
    } else {
        // Unit or reference: the same numbers, shown in other words.
        emit settingsChanged();
        emit sweepChanged();
        emit evaluationChanged(0);
    }
}

// --- settings and units

void Document::setSettings(const SweepSettings &settings)
{
    if (settings == m_settings)
        return;
    SweepSettings s = settings;
    if (s.relative && !(m_latency && m_latency->reference)) {
        emit inputError(tr("Relative budgets"),
                        tr("relative budgets need the reference cost (the plain model without exits): set it in the "
                           "latency table or open a latency profile with one"));
        s.relative = false;
    }
    if (s.relative != m_settings.relative && m_latency) // the cursor stays at the same cost
        m_cursorBudget *= s.relative ? 1.0 / *m_latency->reference : *m_latency->reference;
    if (!(m_cursorBudget >= s.from && m_cursorBudget <= s.to) && s.to >= s.from)
        m_cursorBudget = (s.from + s.to) / 2; // the cursor stays within the range swept
    if (std::find(s.policies.begin(), s.policies.end(), m_currentPolicy) == s.policies.end())
        for (PolicyId id : s.policies)
            if (id != PolicyId::Oracle) {
                m_currentPolicy = id; // the cursor loads a policy that is swept
                emit currentPolicyChanged(id);
                break;
            }
    const bool labelFreeChanged = s.labelFree != m_settings.labelFree;
    m_settings = s;
    emit settingsChanged();
    if (labelFreeChanged)
        rebuildEvaluators(); // the histograms split by agreement instead of correctness
    emit evaluationChanged(0);
}

double Document::budgetScale() const
{
    return m_settings.relative && m_latency && m_latency->reference ? *m_latency->reference : 1.0;
}

QString Document::costUnitText() const
{
    if (!m_latency)
        return {};
    if (m_settings.relative && m_latency->reference)
        return tr("× reference");
    return text(std::string(costUnitName(m_latency->unit)));
}

QString Document::objectiveName() const
{
    const bool agreement = m_settings.labelFree || (m_val && !m_val->hasCorrectness());
    return agreement ? tr("agreement with the final exit") : tr("accuracy");
}

double Document::operatingCost(const Evaluator &evaluator) const
{
    const Evaluation &e = evaluator.evaluation();
    return (m_settings.kind == BudgetKind::P90 ? e.p90Cost : e.meanCost) / budgetScale();
}

double Document::objectiveOf(const Evaluation &evaluation) const
{
    const bool agreement = m_settings.labelFree || (m_val && !m_val->hasCorrectness());
    return agreement ? evaluation.agreement : evaluation.accuracy;
}

// --- evaluators

ThresholdPolicy Document::defaultPolicy() const
{
    ThresholdPolicy policy;
    if (!m_val)
        return policy;
    policy.measure = m_val->hasMeasure(Measure::Given) ? Measure::Given : Measure::MaxProb;
    if (!m_val->hasMeasure(policy.measure) && !m_val->measures().empty())
        policy.measure = m_val->measures().front();
    policy.direction = m_val->direction(policy.measure);
    // Each exit's threshold halfway through its score range: a start the user drags from.
    for (int k = 0; k + 1 < m_val->exits(); ++k) {
        double t = 0.5;
        if (m_valSummary)
            for (const TraceSummary::MeasureRange &r : m_valSummary->perExit[static_cast<std::size_t>(k)].scores)
                if (r.measure == policy.measure)
                    t = (r.lowest + r.highest) / 2;
        policy.thresholds.push_back(t);
    }
    return policy;
}

void Document::invalidate()
{
    m_jobs.newGeneration();
    m_rows.clear();
    m_sweep.reset();
    m_valEvaluator.reset();
    m_testEvaluator.reset();
    m_testProblem.clear();
    m_lent = false;
    m_prepared.clear();
    m_dragOrigin.reset();
    emit sweepChanged();
    rebuildEvaluators();
    emit policyChanged();
    emit evaluationChanged(0);
}

void Document::rebuildEvaluators()
{
    if (!m_val || !m_latency)
        return;
    m_valEvaluator.reset();
    m_testEvaluator.reset();
    m_lent = false;
    m_prepared.clear();
    const Trace val = *m_val;
    const std::optional<Trace> test = m_test;
    const std::vector<double> costs = m_latency->cumulative;
    const EvaluatorOptions options{m_settings.labelFree, 64};
    const ThresholdPolicy policy = m_state.policy;
    const std::string valPath = m_valPath.toStdString(), testPath = m_testPath.toStdString();
    m_jobs.start<Evaluators>(
        kEvaluators, tr("Evaluating"), this,
        [=](const JobContext &context) {
            Evaluators e;
            e.val = std::make_unique<Evaluator>(val, costs, options, context.part(0, test ? 0.5 : 1, "val"));
            e.val->setPolicy(policy, valPath);
            if (test) {
                e.test = std::make_unique<Evaluator>(*test, costs, options, context.part(0.5, 1, "test"));
                try {
                    checkPolicy(*test, policy, testPath);
                    e.test->setPolicy(policy, testPath);
                } catch (const InputError &error) {
                    e.testProblem = text(error.what());
                }
            }
            return e;
        },
        [this, policy](std::shared_ptr<Evaluators> e) {
            m_valEvaluator = std::move(e->val);
            m_testEvaluator = std::move(e->test);
            m_testProblem = e->testProblem;
            if (policy.scorer)
                m_prepared.push_front(policy.scorer);
            if (!samePolicy(policy, m_state.policy))
                installPolicy(); // edited while the evaluators were being built
            emit policyChanged();
            emit evaluationChanged(0);
        },
        [this](const QString &error) { emit inputError(tr("Evaluation"), error); });
}

bool Document::scorerPrepared(const ThresholdPolicy &policy) const
{
    return policy.measure != Measure::Learned
        || std::find(m_prepared.begin(), m_prepared.end(), policy.scorer) != m_prepared.end();
}

void Document::installPolicy()
{
    if (!m_valEvaluator || m_lent) {
        // Being built or lent: the policy is applied when they come back.
        emit policyChanged();
        emit evaluationChanged(0);
        return;
    }
    if (!scorerPrepared(m_state.policy)) {
        lendEvaluators();
        return;
    }
    try {
        m_valEvaluator->setPolicy(m_state.policy, m_valPath.toStdString());
    } catch (const InputError &e) {
        emit inputError(tr("Thresholds"), text(e.what()));
        m_state = PolicyState();
        m_state.policy = defaultPolicy();
        m_valEvaluator->setPolicy(m_state.policy, m_valPath.toStdString());
    }
    m_testProblem.clear();
    if (m_testEvaluator) {
        try {
            checkPolicy(*m_test, m_state.policy, m_testPath.toStdString());
            m_testEvaluator->setPolicy(m_state.policy, m_testPath.toStdString());
        } catch (const InputError &e) {
            m_testProblem = text(e.what());
        }
    }
    emit policyChanged();
    emit evaluationChanged(0);
}

void Document::lendEvaluators()
{
    // setPolicy with a learned scorer not seen before computes its scores (~90 ms at N =
    // 50,000): too long for the GUI thread, so the evaluators go to a worker and back.
    auto lent = std::make_shared<Evaluators>();
    lent->val = std::move(m_valEvaluator);
    lent->test = std::move(m_testEvaluator);
    m_lent = true;
    const ThresholdPolicy policy = m_state.policy;
    const Trace valTrace = *m_val;
    const std::optional<Trace> testTrace = m_test;
    const std::string valPath = m_valPath.toStdString(), testPath = m_testPath.toStdString();
    const auto giveBack = [this, policy](const std::shared_ptr<Evaluators> &e) {
        m_valEvaluator = std::move(e->val);
        m_testEvaluator = std::move(e->test);
        m_testProblem = e->testProblem;
        m_lent = false;
        m_prepared.push_front(policy.scorer);
        if (m_prepared.size() > 6) // the evaluator keeps the 8 most recent scorers
            m_prepared.pop_back();
    };
    m_jobs.start<std::shared_ptr<Evaluators>>(
        kPolicy, tr("Preparing the learned scorer"), this,
        [=](const JobContext &) {
            lent->val->setPolicy(policy, valPath);
            lent->testProblem.clear();
            if (lent->test) {
                try {
                    checkPolicy(*testTrace, policy, testPath);
                    lent->test->setPolicy(policy, testPath);
                } catch (const InputError &error) {
                    lent->testProblem = text(error.what());
                }
            }
            return lent;
        },
        [this, policy, giveBack](std::shared_ptr<std::shared_ptr<Evaluators>> e) {
            giveBack(*e);
            if (!samePolicy(policy, m_state.policy))
                installPolicy();
            emit policyChanged();
            emit evaluationChanged(0);
        },
        [this, lent, giveBack](const QString &error) {
            giveBack(lent);
            emit inputError(tr("Thresholds"), error);
        });
}

// --- thresholds and policies

void Document::applyThreshold(int exit, double threshold, const PolicyState &origin)
{
    if (exit < 0 || exit >= static_cast<int>(m_state.policy.thresholds.size()))
        return;
    const bool originChanged = origin.name != m_state.name || origin.budget.has_value() != m_state.budget.has_value();
    m_state.policy.thresholds[static_cast<std::size_t>(exit)] = threshold;
    m_state.name = origin.name;
    m_state.budget = origin.budget;
    if (m_valEvaluator && !m_lent && m_valEvaluator->hasPolicy()) {
        m_valEvaluator->setThreshold(exit, threshold);
        if (m_testEvaluator && m_testProblem.isEmpty() && m_testEvaluator->hasPolicy())
            m_testEvaluator->setThreshold(exit, threshold);
    }
    if (originChanged)
        emit policyChanged();
    emit evaluationChanged(exit);
}

void Document::previewThreshold(int exit, double threshold)
{
    if (!std::isfinite(threshold))
        return;
    if (!m_dragOrigin)
        m_dragOrigin = m_state;
    applyThreshold(exit, threshold, PolicyState{});
}

void Document::commitThreshold(int exit, double from, double to)
{
    const PolicyState origin = m_dragOrigin.value_or(m_state);
    m_dragOrigin.reset();
    if (from == to) {
        applyThreshold(exit, to, origin); // a click without a move: nothing to undo
        return;
    }
    m_undo.push(new ThresholdCommand(this, exit, from, to, origin));
}

void Document::setThreshold(int exit, double threshold)
{
    if (exit < 0 || exit >= static_cast<int>(m_state.policy.thresholds.size()))
        return;
    if (!std::isfinite(threshold)) {
        emit inputError(tr("Thresholds"), tr("threshold of exit %1: expected a finite number").arg(exit));
        return;
    }
    const double from = m_state.policy.thresholds[static_cast<std::size_t>(exit)];
    if (from != threshold)
        m_undo.push(new ThresholdCommand(this, exit, from, threshold, m_state));
}

void Document::loadPolicy(const PolicyState &state, const QString &what)
{
    m_undo.push(new PolicyCommand(this, m_state, state, what));
}

void Document::applyPolicyState(const PolicyState &state)
{
    m_state = state;
    installPolicy();
}

// --- sweeps and the budget cursor

void Document::cancelJobs()
{
    // The jobs the user started; the evaluators' own jobs are short and must come back.
    for (const QString &slot : {kSweep, kSolve, kLoad})
        m_jobs.cancel(slot);
    for (const QString &slot : m_jobs.independentSlots()) // trace collection, profiling
        m_jobs.cancel(slot);
    for (const QString &slot : m_userSlots) // the real run
        m_jobs.cancel(slot);
}

void Document::startSweep()
{
    if (!m_val || !m_latency) {
        emit inputError(tr("Sweep"), tr("open a val trace and a latency profile (or costs) first"));
        return;
    }
    const SweepSettings s = m_settings;
    const double scale = budgetScale();
    SweepRequest request{*m_val, m_test, m_latency->cumulative, {}, s.kind, s.policies, {}, 0, {}};
    request.options.labelFree = s.labelFree;
    for (int i = 0; i < s.count; ++i)
        request.budgets.push_back((s.count == 1 ? s.from : s.from + (s.to - s.from) * i / (s.count - 1)) * scale);
    try {
        if (s.count < 1 || !(s.to >= s.from))
            throw InputError("budgets", "the budget range needs FROM <= TO and a count of at least 1");
        checkSweep(request);
    } catch (const InputError &e) {
        emit inputError(tr("Sweep"), text(e.what()));
        return;
    }
    m_rows.clear();
    m_sweep.reset();
    m_sweepSettings = s;
    m_sweepScale = scale;
    emit sweepChanged();
    m_jobs.startStreaming<std::shared_ptr<const SweepResult>>(
        kSweep, tr("Sweep"), this,
        [this, request](const JobContext &context, JobRunner::Token token) {
            // Each row is copied and queued to the GUI thread, where it is dropped if the
            // sweep was cancelled or the inputs changed meanwhile.
            JobRunner *jobs = &m_jobs;
            return runSweep(request, context, [this, jobs, token](const SweepRow &row) {
                jobs->postIfCurrent(token, [this, row]() { onSweepRow(row); });
            });
        },
        [this](std::shared_ptr<std::shared_ptr<const SweepResult>> result) {
            m_sweep = *result;
            m_rows = m_sweep->rows; // with the Pareto marks
            emit sweepChanged();
            if (m_state.name == QLatin1String("manual") && m_undo.count() == 0)
                moveBudget(m_cursorBudget, true); // a fresh document shows a solved policy
        },
        [this](const QString &error) { emit inputError(tr("Sweep"), error); });
}

void Document::onSweepRow(const SweepRow &row)
{
    // A policy that cannot run is reported once, by the sweep's "policy-cannot-run" warning.
    m_rows.push_back(row);
    emit sweepChanged();
}

void Document::setCurrentPolicy(PolicyId policy)
{
    if (policy == m_currentPolicy)
        return;
    m_currentPolicy = policy;
    emit currentPolicyChanged(policy);
}

std::optional<PolicyState> Document::stateFromSweep(PolicyId policy, double budget) const
{
    const SweepRow *best = nullptr;
    const double scale = budgetScale();
    for (const SweepRow &row : m_rows)
        if (row.policy == policy && row.done && row.error.empty() && row.result.isPolicy
            && (!best || std::abs(row.budget / scale - budget) < std::abs(best->budget / scale - budget)))
            best = &row;
    if (!best)
        return std::nullopt;
    return PolicyState{best->result.policy, text(std::string(policyName(policy))),
                       Budget{best->budget / scale, m_settings.relative, m_sweepSettings.kind}};
}

void Document::moveBudget(double budget, bool final)
{
    if (!std::isfinite(budget))
        return;
    m_cursorBudget = budget;
    if (!final && !m_dragOrigin)
        m_dragOrigin = m_state;
    if (!m_val || !m_latency)
        return;
    if (const std::optional<PolicyState> state = stateFromSweep(m_currentPolicy, budget)) {
        acceptBudgetState(*state, final);
    } else if (isCheap(m_currentPolicy)) {
        solveAt(m_currentPolicy, budget, final);
    } else if (final) {
        m_dragOrigin.reset();
        emit message(tr("%1 has no solved budget yet: run a sweep with it (only the quick policies are solved at once)")
                         .arg(text(std::string(policyName(m_currentPolicy)))));
    }
}

void Document::acceptBudgetState(const PolicyState &state, bool final)
{
    if (!final) {
        applyPolicyState(state); // live while dragging; one undo step on release
        return;
    }
    const PolicyState origin = m_dragOrigin.value_or(m_state);
    m_dragOrigin.reset();
    applyPolicyState(origin);
    loadPolicy(state, tr("%1 at budget %2").arg(state.name).arg(QLocale().toString(state.budget ? state.budget->value : 0, 'g', 4)));
}

void Document::solveAt(PolicyId policy, double budget, bool final)
{
    SolverProblem problem{*m_val, m_latency->cumulative, budget * budgetScale(), m_settings.kind, {}, {}};
    problem.options.labelFree = m_settings.labelFree;
    const Budget recorded{budget, m_settings.relative, m_settings.kind};
    m_jobs.start<PolicyState>(
        kSolve, tr("Solving %1").arg(text(std::string(policyName(policy)))), this,
        [policy, problem, recorded](const JobContext &context) {
            const SolverResult result = solve(policy, problem, context);
            return PolicyState{result.policy, text(std::string(policyName(policy))), recorded};
        },
        [this, final](std::shared_ptr<PolicyState> state) { acceptBudgetState(*state, final); },
        [this](const QString &error) {
            m_dragOrigin.reset();
            emit inputError(tr("Budget"), error);
        });
}

void Document::loadCurvePoint(PolicyId policy, double budget)
{
    setCurrentPolicy(policy);
    if (policy == PolicyId::Oracle) {
        emit message(tr("the oracle is an upper bound (it knows each sample's answer), not thresholds to load"));
        return;
    }
    m_cursorBudget = budget;
    if (const std::optional<PolicyState> state = stateFromSweep(policy, budget))
        loadPolicy(*state, tr("%1 at budget %2").arg(state->name).arg(QLocale().toString(state->budget->value, 'g', 4)));
}

// --- sessions

void Document::restoreSweep(std::vector<SweepRow> rows, const SweepSettings &settings, double scale, bool complete)
{
    m_rows = std::move(rows);
    m_sweepSettings = settings;
    m_sweepScale = scale;
    if (complete) {
        auto result = std::make_shared<SweepResult>();
        result->rows = m_rows;
        result->complete = true;
        m_sweep = std::move(result);
    } else {
        m_sweep.reset();
    }
    emit sweepChanged();
}

void Document::restoreCursor(double budget)
{
    if (!std::isfinite(budget))
        return;
    m_cursorBudget = budget;
    emit settingsChanged(); // the cursor is drawn with the budget range
}

// --- exports

ThresholdConfig Document::operatingPointConfig() const
{
    if (!ready())
        throw InputError("thresholds", "nothing to export yet: open a val trace and a latency profile");
    ThresholdConfig config;
    config.policyName = m_state.name.toStdString();
    config.policy = m_state.policy;
    config.budget = m_state.budget;
    config.latency = *m_latency;
    config.tool = std::string("exitscope ") + EXITSCOPE_VERSION;
    config.created = currentTimeIso8601();
    config.val = predictSplit(m_valEvaluator->evaluation(), m_valPath.toStdString(), m_val->samples());
    if (const Evaluator *test = testEvaluator())
        config.test = predictSplit(test->evaluation(), m_testPath.toStdString(), m_test->samples());
    return config;
}

void Document::exportConfig(const QString &path)
{
    checkOutputIsNotInput(path.toStdString(), {m_valPath.toStdString(), m_testPath.toStdString(), m_latencyPath.toStdString()});
    writeThresholdConfig(operatingPointConfig(), path.toStdString());
    m_undo.setClean(); // what the window shows is saved
}

void Document::exportCurves(const QString &path) const
{
    if (m_rows.empty())
        throw InputError("curves", "nothing to export yet: run a sweep");
    checkOutputIsNotInput(path.toStdString(), {m_valPath.toStdString(), m_testPath.toStdString(), m_latencyPath.toStdString()});
    SweepResult result;
    result.rows = m_rows;
    result.complete = m_sweep != nullptr;
    writeTextFile(path.toStdString(), sweepCsv(result, m_sweepScale));
}

} // namespace exitscope::gui

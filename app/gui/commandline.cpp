#include "commandline.h"

#include "core/common/inputerror.h"
#include "core/common/numbertext.h"
#include "core/io/sweepcsv.h"
#include "core/solvers/tuningtext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace exitscope::gui {

namespace {

QCommandLineOption valued(const QString &name, const QString &description, const QString &value)
{
    return QCommandLineOption(name, description, value);
}

// What `exitscope-cli demo --out-dir DIR` left in DIR, opened as the demo printed it: the
// traces, this CPU's latency profile, the exported thresholds, and a sweep of the policies
// and budgets of its curve.csv.
void openDemo(const QString &dir, CommandLine &cl)
{
    const QDir demo(dir);
    const QString curve = demo.filePath(QStringLiteral("curve.csv"));
    if (!QFileInfo(curve).isFile())
        throw InputError(dir.toStdString(), "no demo output here (no curve.csv): run `exitscope-cli demo --out-dir "
                                                + dir.toStdString() + "` first");
    cl.inputs.val = demo.filePath(QStringLiteral("traces/val.npz"));
    cl.inputs.test = demo.filePath(QStringLiteral("traces/test.npz"));
    cl.inputs.latency = demo.filePath(QStringLiteral("latency.json"));
    cl.inputs.config = demo.filePath(QStringLiteral("thresholds.json"));
    SweepSettings s;
    std::vector<double> budgets;
    for (const SweepCsvRow &row : readSweepCsv(curve.toStdString())) {
        const std::optional<PolicyId> policy = parsePolicy(row.policy);
        if (!policy)
            throw InputError(curve.toStdString(), "line " + std::to_string(row.line) + ", column policy: unknown policy '" + row.policy + "'");
        if (std::find(s.policies.begin(), s.policies.end(), *policy) == s.policies.end())
            s.policies.push_back(*policy);
        if (std::find(budgets.begin(), budgets.end(), row.budget) == budgets.end())
            budgets.push_back(row.budget);
        s.relative = row.relative.value_or(false);
    }
    if (budgets.empty())
        throw InputError(curve.toStdString(), "no rows: the demo's sweep did not finish; run it again");
    s.from = *std::min_element(budgets.begin(), budgets.end());
    s.to = *std::max_element(budgets.begin(), budgets.end());
    s.count = static_cast<int>(budgets.size());
    cl.sweep = s;
}

// The sweep --policies and --budgets ask for, with their options.
SweepSettings sweepSettings(const QCommandLineParser &parser, const InputRequest &in)
{
    if (!parser.isSet("budgets"))
        throw UsageError("--policies needs --budgets FROM:TO:COUNT");
    if (!parser.isSet("model")
        && ((in.val.isEmpty() && in.eenetLogits.isEmpty())
            || (in.latency.isEmpty() && in.costs.isEmpty() && in.config.isEmpty() && in.eenetSeconds.isEmpty() && in.eenetFlops.isEmpty())))
        throw UsageError("a sweep needs --val (or --eenet-logits, or --model) and --latency or --costs (or --eenet-seconds)");
    SweepSettings s;
    if (parser.isSet("policies"))
        s.policies = parsePolicies(parser.value("policies").toStdString());
    if (s.policies.empty())
        throw InputError("--policies", "no policy given");
    const std::string budgets = parser.value("budgets").toStdString();
    if (budgets.find(':') == std::string::npos)
        throw InputError("--budgets", "the window sweeps a range: expected FROM:TO:COUNT, found '" + budgets + "'");
    const std::vector<double> list = parseBudgets(budgets, 1.0);
    s.from = list.front();
    s.to = list.back();
    s.count = static_cast<int>(list.size());
    if (parser.isSet("budget-kind")) {
        const std::optional<BudgetKind> kind = parseBudgetKind(parser.value("budget-kind").toStdString());
        if (!kind)
            throw InputError("--budget-kind", "expected mean or p90, found '" + parser.value("budget-kind").toStdString() + "'");
        s.kind = *kind;
    }
    s.relative = parser.isSet("relative");
    s.labelFree = parser.isSet("label-free");
    return s;
}

// --model and its options: what `exitscope-cli trace` takes (and `profile --batch-sizes`).
ModelRequest modelRequest(const QCommandLineParser &parser)
{
    if (!parser.isSet("model") || !parser.isSet("dataset"))
        throw UsageError("--model and --dataset go together");
    for (const char *option : {"val", "test", "eenet-logits", "demo"})
        if (parser.isSet(option))
            throw UsageError(std::string("--model excludes --") + option + ": the traces are collected from the model");
    ModelRequest r;
    r.model = parser.value("model");
    r.dataset = parser.value("dataset");
    r.valDataset = parser.value("val-dataset");
    if (parser.isSet("device"))
        r.device = parser.value("device");
    const auto count = [&parser](const char *option, int least) {
        bool ok = false;
        const int n = parser.value(option).toInt(&ok);
        if (!ok || n < least)
            throw InputError(std::string("--") + option, "expected a whole number of at least " + std::to_string(least) + ", found '"
                                                             + parser.value(option).toStdString() + "'");
        return n;
    };
    if (parser.isSet("threads"))
        r.threads = count("threads", 0);
    if (parser.isSet("batch-size"))
        r.batchSize = count("batch-size", 1);
    if (parser.isSet("profile-batch-sizes"))
        r.profileBatchSizes = parseBatchSizes(parser.value("profile-batch-sizes"), "--profile-batch-sizes");
    return r;
}

} // namespace

bool needsNoDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--screenshot" || a.rfind("--screenshot=", 0) == 0 || a == "--help" || a == "-h" || a == "--version"
            || a == "-v")
            return true;
    }
    return false;
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({
        valued("val", "Val trace (.npz, or an AAAI21 NAME_confidence.npy beside NAME_correct.npy)", "V"),
        valued("test", "Test trace", "T"),
        valued("latency", "Latency profile (.json) or EENet seconds.csv", "L"),
        valued("costs", "Cumulative cost per exit, c1,...,cK", "COSTS"),
        valued("cost-unit", "Unit of --costs: ms, s, flops or relative", "UNIT"),
        valued("reference", "Reference cost (the plain model without exits)", "R"),
        valued("config", "Threshold config to load", "C"),
        valued("eenet-logits", "EENet's logits_single.pth: its val and test splits (instead of --val/--test)", "P.pth"),
        valued("eenet-seconds", "With --eenet-logits: EENet's seconds.csv, the latency in ms", "S.csv"),
        valued("eenet-flops", "With --eenet-logits: EENet's flops.pth, the latency in FLOPs (without --eenet-seconds)", "F.pth"),
        valued("policies", "Policies to sweep, comma-separated", "P1,P2"),
        valued("budgets", "Budget range FROM:TO:COUNT", "FROM:TO:COUNT"),
        valued("budget-kind", "mean or p90", "KIND"),
        QCommandLineOption("relative", "Budgets are fractions of the reference cost"),
        QCommandLineOption("label-free", "Judge exits by agreement with the final exit"),
        QCommandLineOption("lower-is-confident", "AAAI21 .npy traces: lower scores are more confident (the default)"),
        QCommandLineOption("higher-is-confident", "AAAI21 .npy traces: higher scores are more confident"),
        valued("compare", "Show the Compare tab: the sweep's policies BASELINE,P2,... against the first", "P1,P2"),
        valued("screenshot", "Open, run the sweep, write the window to FILE.png and exit", "FILE.png"),
        valued("demo", "Open what `exitscope-cli demo --out-dir DIR` wrote and sweep as it did", "DIR"),
        valued("palette", "dark, light or system (the desktop's)", "PALETTE"),
        valued("language", "The window's language: en, de, zh_CN or system (default: the one chosen in View > Language)", "LANG"),
        valued("model", "Multi-exit TorchScript model: collect its traces and profile its latency (with --dataset)", "M.pt"),
        valued("dataset", "With --model: dataset spec, e.g. mnist:DIR?val=5000&seed=1 (docs/datasets.md)", "SPEC"),
        valued("val-dataset", "With --model: dataset spec of the val samples; --dataset is then the test set", "SPEC"),
        valued("device", "With --model: cpu, cuda or cuda:N", "DEVICE"),
        valued("threads", "With --model: LibTorch threads (default: all cores)", "N"),
        valued("batch-size", "With --model: samples per batch while collecting traces (default 64)", "B"),
        QCommandLineOption("run-for-real", "With --model: once traced and profiled, run the operating point for real "
                                           "(the Real run tab: predicted vs measured)"),
        valued("profile-batch-sizes", "With --model: profile the latency at these batch sizes; tuning follows the first (default 1)",
               "B1,B2,..."),
    });
    parser.addPositionalArgument("session", "A saved session (.exitscope) to open", "[SESSION.exitscope]");
    parser.addHelpOption();
    parser.addVersionOption();
    if (!parser.parse(arguments))
        throw UsageError(parser.errorText().toStdString());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && !positional.front().endsWith(QLatin1String(".exitscope"))))
        throw UsageError("unexpected argument '" + positional.back().toStdString() + "' (the one argument is a SESSION.exitscope)");
    CommandLine cl;
    if (parser.isSet("help") || parser.isSet("version")) {
        cl.text = parser.isSet("help") ? parser.helpText() : QString();
        cl.version = parser.isSet("version");
        return cl;
    }
    if (!positional.isEmpty()) {
        // A session holds the inputs, the settings and the sweep: only the view options go with it.
        for (const char *option : {"val", "test", "latency", "costs", "cost-unit", "reference", "config", "eenet-logits",
                                   "eenet-seconds", "eenet-flops", "policies", "budgets", "budget-kind", "relative",
                                   "label-free", "lower-is-confident", "higher-is-confident", "demo", "model", "dataset",
                                   "val-dataset", "device", "threads", "batch-size"})
            if (parser.isSet(option))
                throw UsageError(std::string("a session excludes --") + option + ": the session holds its inputs and settings");
        cl.session = positional.front();
    }
    InputRequest &in = cl.inputs;
    in.val = parser.value("val");
    in.test = parser.value("test");
    in.latency = parser.value("latency");
    in.costs = parser.value("costs");
    in.config = parser.value("config");
    in.eenetLogits = parser.value("eenet-logits");
    in.eenetSeconds = parser.value("eenet-seconds");
    in.eenetFlops = parser.value("eenet-flops");
    if (!in.eenetLogits.isEmpty() && (!in.val.isEmpty() || !in.test.isEmpty()))
        throw UsageError("--eenet-logits excludes --val and --test (the file holds both splits)");
    if (in.eenetLogits.isEmpty() && (!in.eenetSeconds.isEmpty() || !in.eenetFlops.isEmpty()))
        throw UsageError("--eenet-seconds and --eenet-flops need --eenet-logits");
    if (parser.isSet("cost-unit"))
        in.costUnit = parser.value("cost-unit");
    if (!in.latency.isEmpty() && !in.costs.isEmpty())
        throw UsageError("--costs excludes --latency");
    if (parser.isSet("lower-is-confident") && parser.isSet("higher-is-confident"))
        throw UsageError("--lower-is-confident excludes --higher-is-confident");
    in.aaai21Direction = parser.isSet("higher-is-confident") ? Direction::HigherIsConfident : Direction::LowerIsConfident;
    if (parser.isSet("reference")) {
        const std::optional<double> r = parseDecimal(parser.value("reference").toStdString());
        if (!r || !(*r > 0))
            throw InputError("--reference", "expected a positive number, found '" + parser.value("reference").toStdString() + "'");
        in.reference = r;
    }
    if (!in.test.isEmpty() && in.val.isEmpty())
        throw UsageError("--test needs --val");
    if (parser.isSet("model") || parser.isSet("dataset")) {
        cl.model = modelRequest(parser);
        cl.runForReal = parser.isSet("run-for-real");
    } else {
        for (const char *option : {"val-dataset", "device", "threads", "batch-size", "profile-batch-sizes", "run-for-real"})
            if (parser.isSet(option))
                throw UsageError(std::string("--") + option + " needs --model and --dataset");
    }
    if (parser.isSet("demo")) {
        for (const char *option : {"val", "test", "eenet-logits", "eenet-seconds", "eenet-flops", "latency", "costs", "config",
                                   "policies", "budgets", "relative", "budget-kind", "label-free"})
            if (parser.isSet(option))
                throw UsageError(std::string("--demo excludes --") + option + ": the demo's files and sweep are used");
        openDemo(parser.value("demo"), cl);
    } else {
        const bool sweepAsked = parser.isSet("policies") || parser.isSet("budgets");
        for (const char *option : {"relative", "budget-kind", "label-free", "compare"})
            if (parser.isSet(option) && !sweepAsked && cl.session.isEmpty())
                throw UsageError(std::string("--") + option + " needs --policies and --budgets");
        if (sweepAsked)
            cl.sweep = sweepSettings(parser, in);
    }
    if (parser.isSet("compare")) {
        try {
            cl.compare = parsePolicies(parser.value("compare").toStdString());
        } catch (const InputError &e) {
            throw InputError("--compare", e.detail());
        }
        if (cl.compare.size() < 2)
            throw InputError("--compare", "name the baseline and at least one policy to compare with it");
        for (PolicyId p : cl.compare) // a session's sweep is checked by the Compare tab once open
            if (cl.sweep && std::find(cl.sweep->policies.begin(), cl.sweep->policies.end(), p) == cl.sweep->policies.end())
                throw InputError("--compare", "'" + std::string(policyName(p)) + "' is not among the policies swept");
    }
    cl.screenshot = parser.value("screenshot");
    cl.palette = parser.value("palette");
    if (!cl.palette.isEmpty() && cl.palette != QLatin1String("dark") && cl.palette != QLatin1String("light")
        && cl.palette != QLatin1String("system"))
        throw InputError("--palette", "expected dark, light or system, found '" + cl.palette.toStdString() + "'");
    if (parser.isSet("language")) {
        const QString language = parser.value("language");
        if (language != QLatin1String("en") && language != QLatin1String("de") && language != QLatin1String("zh_CN")
            && language != QLatin1String("system"))
            throw InputError("--language", "expected en, de, zh_CN or system, found '" + language.toStdString() + "'");
        cl.language = language == QLatin1String("system") ? QString() : language;
    }
    if (!cl.screenshot.isEmpty() && in.val.isEmpty() && in.eenetLogits.isEmpty() && !cl.model && cl.session.isEmpty())
        throw UsageError("--screenshot needs --val (or --eenet-logits, --model or a SESSION.exitscope)");
    return cl;
}

} // namespace exitscope::gui

#pragma once

#include "document.h"
#include "inputloader.h"
#include "modelrequest.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>

namespace exitscope::gui {

// What `exitscope [options]` asks for (the CLI's flags and spellings):
//   (--val V --test T | --eenet-logits P.pth [--eenet-seconds S.csv | --eenet-flops F.pth])
//   (--latency L | --costs c1,...,cK [--cost-unit U]) [--reference R]
//   [--config C] [--policies P1,P2 --budgets FROM:TO:COUNT [--relative]
//   [--budget-kind mean|p90] [--label-free] [--compare BASELINE,P2,...]] [--palette dark|light|system]
//   [--language en|de|zh_CN|system] [--screenshot FILE.png]
// or `exitscope SESSION.exitscope [--compare ...] [--palette ...] [--screenshot FILE.png]`
// (a saved session, docs/session-format.md);
// or `exitscope --model M.pt --dataset SPEC [--val-dataset SPEC] [--device cpu|cuda]
// [--threads N] [--batch-size B] [--profile-batch-sizes B1,B2] [--run-for-real]` (traces
// collected, the latency profiled and, with --run-for-real, the operating point run as jobs) with
// the same sweep and view options; or `exitscope --demo DIR [--compare ...] [--palette ...] [--screenshot FILE.png]`: what
// `exitscope-cli demo` wrote in DIR.
struct CommandLine
{
    InputRequest inputs;
    std::optional<ModelRequest> model; // --model/--dataset: collect and profile instead of opening files
    bool runForReal = false; // --run-for-real (with --model): then run the operating point for real
    std::optional<SweepSettings> sweep; // --policies/--budgets: the sweep to run once open
    std::vector<PolicyId> compare; // --compare: the Compare tab, baseline first
    QString session; // a positional SESSION.exitscope: the window's state saved before
    QString screenshot;
    QString palette; // --palette dark|light|system (empty: system)
    std::optional<QString> language; // --language en|de|zh_CN|system ("" for system); unset: the stored choice
    QString text; // --help: print this and exit 0
    bool version = false; // --version: print the build's versions (main) and exit 0
};

// A command line that cannot be parsed (unknown option, missing value): exit status 2.
struct UsageError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// Parses the arguments (the first is the program). Throws UsageError, or InputError for a
// bad value (exit status 3), with the CLI's messages.
CommandLine parseCommandLine(const QStringList &arguments);

// Whether the arguments ask for --screenshot, --help or --version: then no display is
// needed (main() picks the offscreen platform before the application starts), so that
// they work on a server or in a package check.
bool needsNoDisplay(int argc, char **argv);

} // namespace exitscope::gui

#pragma once
// Opening the real window in a test: shared by the GUI suites.

#include "testsupport.h"

#include "document.h"
#include "explorerview.h"
#include "mainwindow.h"
#include "modelrunner.h"
#include "widgets/plots/exithistogramplot.h"

#include <qcustomplot.h>
#include <QAction>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace exitscope::gui {

// QSettings away from the user's, and cleared: every run starts from the same window state
// and recent files. Call it first in initTestCase().
inline void useTestSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ExitscopeTest"));
    QSettings().clear();
}

// A model request whose profile is quick: the structure, not trustworthy numbers.
inline ModelRequest quickProfile(ModelRequest r)
{
    r.profileMinSeconds = 0;
    r.profileMaxSeconds = 0.3;
    r.profileWarmup = 2;
    return r;
}

// What the model-driven suites open: the shared 4-exit MLP (staged, and its monolithic
// twin) and datasets the test writes: a small one (300 samples, 120 of them val) and a big
// one (60,000 samples: batch size 1 runs for seconds, so a cancel lands mid-way). Filled
// in initTestCase by SET_UP_MLP_MODELS.
struct MlpModels
{
    QTemporaryDir small, big; // each dataset in a folder of its own: x.npy, y.npy
    QString staged, monolithic, spec, bigDataset;

    // A request as the dialog makes it, with a quick profile.
    ModelRequest request(const QString &dataset, const QString &model = {}) const
    {
        ModelRequest r;
        r.model = model.isEmpty() ? staged : model;
        r.dataset = dataset;
        return quickProfile(r);
    }
};

// Skips (fails under CI) where ../shared is absent, as SHARED_DATA does.
#define SET_UP_MLP_MODELS(models)                                                                                \
    do {                                                                                                         \
        SHARED_DATA(staged_, "torchscript/mlp4_staged.pt");                                                      \
        SHARED_DATA(monolithic_, "torchscript/mlp4_traced_tuple.pt");                                            \
        (models).staged = staged_;                                                                               \
        (models).monolithic = monolithic_;                                                                       \
        (models).spec = exitscope::test::writeMlpDataset((models).small, 300, QStringLiteral("val=120&seed=3&classes=10")); \
        (models).bigDataset = exitscope::test::writeMlpDataset((models).big, 60000);                             \
    } while (false)

// Runs the model in the window to the end (traces, profiles, evaluators; a monolithic
// model has no latency to wait for): the milliseconds it took, -1 when it did not get there.
inline qint64 collectFromModel(MainWindow *window, const ModelRequest &r)
{
    QSignalSpy finished(window->modelRunner(), &ModelRunner::finished);
    QElapsedTimer timer;
    timer.start();
    window->modelRunner()->start(r);
    Document *d = window->document();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() && (d->ready() || !d->latency()) && d->jobs().isIdle(); }, 120000))
        return -1;
    return timer.elapsed();
}

// The window, shown at 1400 x 900 with nothing open; null when it is not exposed.
inline std::unique_ptr<MainWindow> shownWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// The window, shown at 1400 x 900, with `request` opened and evaluated; null when it does
// not get there (a test then fails on it).
inline std::unique_ptr<MainWindow> openWindow(const InputRequest &request)
{
    auto window = shownWindow();
    if (!window)
        return nullptr;
    window->document()->open(request);
    if (!QTest::qWaitFor([&] { return window->document()->ready() && window->document()->jobs().isIdle(); }, 60000))
        return nullptr;
    window->refreshNow();
    // The histograms are made for the opened trace's exits and laid out over the next
    // passes of the event loop (a hidden widget's 100x30 first, then a first guess): a
    // press aimed before they settle lands elsewhere. Settled = unchanged for 50 ms.
    const auto sizes = [&] {
        std::vector<QSize> all;
        for (const ExitHistogramPlot *plot : window->explorer()->histogramPlots())
            all.push_back(plot->customPlot()->size());
        return all;
    };
    std::vector<QSize> last;
    for (int tries = 0; tries < 100 && sizes() != last; ++tries) {
        last = sizes();
        QTest::qWait(50);
    }
    if (sizes() != last)
        return nullptr;
    window->refreshNow();
    return window;
}

// Runs a sweep of `policies` at `count` budgets from the window's Sweep action and waits
// for its result (the budget range as the window set it).
inline void sweepInWindow(MainWindow *window, std::vector<PolicyId> policies, int count)
{
    Document *d = window->document();
    SweepSettings s = d->settings();
    s.policies = std::move(policies);
    s.count = count;
    d->setSettings(s);
    window->action(QStringLiteral("sweep"))->trigger();
    QVERIFY(d->sweepRunning());
    QVERIFY(QTest::qWaitFor([&] { return d->sweepResult() != nullptr && d->jobs().isIdle(); }, 300000));
    window->refreshNow();
}

} // namespace exitscope::gui

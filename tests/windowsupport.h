#pragma once
// Opening the real window in a test: shared by the GUI suites.

#include "document.h"
#include "explorerview.h"
#include "mainwindow.h"
#include "widgets/plots/exithistogramplot.h"

#include <qcustomplot.h>
#include <QAction>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
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

#include "mainwindow.h"

#include "compareview.h"
#include "datapanel.h"
#include "document.h"
#include "explorerview.h"
#include "fileactions.h"
#include "language.h"
#include "latencyview.h"
#include "modelrunner.h"
#include "policypanel.h"
#include "sessioncontroller.h"
#include "runview.h"

#include "core/model/multiexitmodel.h"
#include "widgets/operatingpointpanel.h"
#include "widgets/plots/exithistogramplot.h"
#include "widgets/plots/gainplot.h"
#include "widgets/plots/hitsplot.h"
#include "widgets/plots/latencyplot.h"
#include "widgets/plots/tradeoffplot.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

namespace exitscope::gui {

namespace {

QDockWidget *dock(const QString &title, const QString &name, QWidget *content, QWidget *parent)
{
    auto *d = new QDockWidget(title, parent);
    d->setObjectName(name); // saveState() needs it
    d->setWidget(content);
    return d;
}

QString etaText(double seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 90)
        return MainWindow::tr("about %1 s left").arg(std::max(1, static_cast<int>(std::ceil(seconds))));
    return MainWindow::tr("about %1 min left").arg(static_cast<int>(std::ceil(seconds / 60)));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
{
    setWindowTitle(QStringLiteral("exitscope[*]"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_explorer = new ExplorerView(m_document, this);
    m_compare = new CompareView(m_document, this);
    m_centre = new QTabWidget(this);
    m_centre->setObjectName(QStringLiteral("centre"));
    m_centre->setDocumentMode(true);
    m_centre->addTab(m_explorer, tr("E&xplorer"));
    m_centre->addTab(m_compare, tr("Co&mpare"));
    m_latencyView = new LatencyView(m_document, this);
    m_centre->addTab(m_latencyView, tr("&Latency"));
    setCentralWidget(m_centre);
    createDocks();
    createActions();
    createStatusBar();

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    m_curvesTimer.setSingleShot(true);
    m_curvesTimer.setInterval(150);
    connect(&m_curvesTimer, &QTimer::timeout, this, [this]() { scheduleRefresh(INT_MAX); });

    connect(m_document, &Document::evaluationChanged, this, &MainWindow::scheduleRefresh);
    connect(m_document, &Document::policyChanged, this, [this]() { scheduleRefresh(0); });
    connect(m_document, &Document::sweepChanged, this, &MainWindow::scheduleCurves);
    connect(m_document, &Document::settingsChanged, this, [this]() {
        m_curvesPending = true;
        scheduleRefresh(0);
    });
    connect(m_document, &Document::latencyChanged, this, [this]() {
        m_curvesPending = true;
        scheduleRefresh(0);
    });
    connect(m_document, &Document::inputsChanged, this, [this]() {
        m_curvesPending = true;
        scheduleRefresh(0);
        updateTitle();
    });
    connect(m_document, &Document::inputError, this, &MainWindow::showError);
    connect(m_document, &Document::message, this, &MainWindow::log);
    connect(m_session, &SessionController::stateChanged, this, &MainWindow::updateTitle);
    connect(m_session, &SessionController::error, this, &MainWindow::showError);
    connect(m_session, &SessionController::message, this, &MainWindow::log);
    connect(m_session, &SessionController::sourcesChanged, this, [this](const QString &text) {
        log(tr("warning: %1").arg(text));
        if (m_errorHandler)
            return; // --screenshot prints it (main.cpp)
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Session sources changed"), text, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    QSettings settings;
    resize(1400, 900);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_curvesPending = true;
    refresh();
}

MainWindow::~MainWindow()
{
    // The views call into the document as they go (an open editor commits its text), so
    // they go first; the document's jobs are cancelled and waited for with it.
    m_document->cancelJobs();
    delete takeCentralWidget();
    qDeleteAll(findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly));
}

void MainWindow::createDocks()
{
    m_dataPanel = new DataPanel(m_document, this);
    m_policyPanel = new PolicyPanel(m_document, this);
    auto *dataDock = dock(tr("Data"), QStringLiteral("data"), m_dataPanel, this);
    auto *policyDock = dock(tr("Policies"), QStringLiteral("policies"), m_policyPanel, this);
    addDockWidget(Qt::LeftDockWidgetArea, dataDock);
    addDockWidget(Qt::LeftDockWidgetArea, policyDock);

    m_summary = new OperatingPointPanel(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_summary);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(330);
    auto *summaryDock = dock(tr("Operating point"), QStringLiteral("summary"), scroll, this);
    addDockWidget(Qt::RightDockWidgetArea, summaryDock);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(1000);
    m_log->setPlaceholderText(tr("Messages: warnings and errors of jobs and files"));
    auto *logDock = dock(tr("Messages"), QStringLiteral("messages"), m_log, this);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({logDock}, {70}, Qt::Vertical);
    resizeDocks({dataDock, summaryDock}, {270, 340}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work while the menu bar is hidden too
        return a;
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto *recent = new QMenu(tr("Recent &files"), this);
    m_files = new FileActions(m_document, this, recent);
    QAction *openTraces = make(QStringLiteral("openTraces"), tr("&Open traces…"), QKeySequence::Open, [this] { m_files->openTraces(); });
    file->addAction(openTraces);
    file->addAction(make(QStringLiteral("openTest"), tr("Open &test trace…"), QKeySequence(tr("Ctrl+Shift+O")),
                         [this] { m_files->openTestTrace(); }));
    file->addAction(make(QStringLiteral("openLatency"), tr("Open &latency…"), QKeySequence(tr("Ctrl+L")),
                         [this] { m_files->openLatency(); }));
    file->addAction(make(QStringLiteral("openConfig"), tr("Open &config…"), QKeySequence(tr("Ctrl+Shift+L")),
                         [this] { m_files->openConfig(); }));
    m_modelRunner = new ModelRunner(m_document, this);
    connect(m_modelRunner, &ModelRunner::error, this, &MainWindow::showError);
    connect(m_modelRunner, &ModelRunner::message, this, &MainWindow::log);
    file->addAction(make(QStringLiteral("openModel"), tr("Open &model and dataset…"), QKeySequence(tr("Ctrl+M")),
                         [this] { m_modelRunner->openDialog(); }));
    // The real run's tab needs the model runner: added after the Latency tab.
    m_runView = new RunView(m_document, m_modelRunner, this);
    m_centre->addTab(m_runView, tr("Real &run"));
    connect(m_runView, &RunView::error, this, &MainWindow::showError);
    connect(m_runView, &RunView::message, this, &MainWindow::log);
    connect(m_runView, &RunView::finished, this, &MainWindow::showRealRun);
    file->addAction(make(QStringLiteral("importEenet"), tr("Import &EENet outputs…"), QKeySequence(tr("Ctrl+Shift+I")),
                         [this] { m_files->importEenet(); }));
    file->addMenu(recent);
    file->addSeparator();
    auto *recentSessions = new QMenu(tr("Recent sessio&ns"), this);
    m_session = new SessionController(m_document, m_modelRunner, this, recentSessions);
    m_files->setSessionOpener([this](const QString &path) { m_session->open(path); });
    file->addAction(make(QStringLiteral("openSession"), tr("Open sess&ion…"), QKeySequence(tr("Ctrl+Shift+U")),
                         [this] { m_session->openInteractively(); }));
    file->addAction(make(QStringLiteral("saveSession"), tr("&Save session"), QKeySequence::Save, [this] { m_session->save(); }));
    file->addAction(make(QStringLiteral("saveSessionAs"), tr("Save session &as…"), QKeySequence(tr("Ctrl+Shift+S")),
                         [this] { m_session->saveAs(); }));
    file->addMenu(recentSessions);
    file->addSeparator();
    QAction *exportConfig = make(QStringLiteral("exportConfig"), tr("&Export config…"), QKeySequence(tr("Ctrl+E")),
                                 [this] { m_files->exportConfig(); });
    file->addAction(make(QStringLiteral("saveTraces"), tr("Save &traces and latency…"), QKeySequence(tr("Ctrl+T")),
                         [this] { m_modelRunner->saveInteractively(); }));
    file->addAction(exportConfig);
    file->addAction(make(QStringLiteral("exportCurves"), tr("Export c&urves CSV…"), QKeySequence(tr("Ctrl+Shift+E")),
                         [this] { m_files->exportCurves(); }));
    QAction *exportComparison = m_compare->exportAction();
    exportComparison->setShortcut(QKeySequence(tr("Ctrl+Alt+E")));
    addAction(exportComparison);
    file->addAction(exportComparison);
    file->addAction(make(QStringLiteral("exportPlot"), tr("Export &plot…"), QKeySequence(tr("Ctrl+Shift+P")),
                         [this] { exportPlot(); }));
    file->addSeparator();
    file->addAction(make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, [this] { close(); }));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack().createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack().createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(tr("Ctrl+Y"))});
    edit->addAction(undo);
    edit->addAction(redo);
    addAction(undo);
    addAction(redo);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    int n = 1;
    for (QDockWidget *d : findChildren<QDockWidget *>()) {
        QAction *toggle = d->toggleViewAction();
        toggle->setShortcut(QKeySequence(tr("Ctrl+%1").arg(n++)));
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(make(QStringLiteral("resetZoom"), tr("&Fit the trade-off plot"), QKeySequence(tr("Ctrl+0")),
                               [this] { m_explorer->tradeoffPlot()->rescale(); }));
    m_viewMenu->addAction(make(QStringLiteral("showExplorer"), tr("E&xplorer"), QKeySequence(tr("Ctrl+Shift+X")),
                               [this] { m_centre->setCurrentWidget(m_explorer); }));
    m_viewMenu->addAction(make(QStringLiteral("showComparison"), tr("&Compare policies"), QKeySequence(tr("Ctrl+Shift+C")),
                               [this] { showComparison(); }));

    m_viewMenu->addAction(make(QStringLiteral("showLatency"), tr("&Latency profiles"), QKeySequence(tr("Ctrl+Shift+A")),
                               [this] { showLatency(); }));
    m_viewMenu->addAction(make(QStringLiteral("showRealRun"), tr("&Real run: predicted vs measured"), QKeySequence(tr("Ctrl+Shift+R")),
                               [this] { showRealRun(); }));
    createLanguageMenu();

    QMenu *model = menuBar()->addMenu(tr("M&odel")); // Alt+M is the Compare tab's
    QAction *runForReal = m_runView->runAction();
    runForReal->setShortcut(QKeySequence(tr("Ctrl+Shift+G")));
    addAction(runForReal);
    model->addAction(action(QStringLiteral("openModel")));
    model->addAction(runForReal);

    QMenu *policies = menuBar()->addMenu(tr("&Policies"));
    QAction *sweep = make(QStringLiteral("sweep"), tr("&Run sweep"), QKeySequence(tr("Ctrl+R")), [this] { m_document->startSweep(); });
    QAction *cancel = make(QStringLiteral("cancel"), tr("&Cancel"), QKeySequence(tr("Ctrl+.")), [this] { m_document->cancelJobs(); });
    policies->addAction(sweep);
    policies->addAction(cancel);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(make(QStringLiteral("about"), tr("&About exitscope"), QKeySequence::HelpContents, [this] { about(); }));

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->addAction(openTraces);
    tools->addAction(sweep);
    tools->addAction(cancel);
    tools->addAction(exportConfig);
    tools->addAction(undo);
    tools->addAction(redo);
}

// View ▸ Language: the choice is stored and applies at the next start (the window is
// built translated, not retranslated live), as the menu says.
void MainWindow::createLanguageMenu()
{
    QMenu *menu = m_viewMenu->addMenu(tr("Lan&guage (at the next start)"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString stored = storedLanguage();
    for (const QString &code : languageCodes()) {
        QAction *a = menu->addAction(languageName(code));
        a->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setData(code);
        a->setCheckable(true);
        a->setChecked(code == stored);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code]() {
            if (code == storedLanguage())
                return;
            storeLanguage(code);
            log(tr("Language set to %1: it takes effect when exitscope starts again.").arg(languageName(code)));
        });
    }
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

void MainWindow::createStatusBar()
{
    m_status = new QLabel(tr("Ready"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_eta = new QLabel(this);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the running job (Ctrl+.)"));
    connect(m_cancel, &QToolButton::clicked, m_document, &Document::cancelJobs);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_eta);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    connect(&m_document->jobs(), &JobRunner::progressChanged, this, &MainWindow::showProgress);
    connect(&m_document->jobs(), &JobRunner::jobStarted, this, &MainWindow::showProgress);
    connect(&m_document->jobs(), &JobRunner::jobFinished, this, &MainWindow::showProgress);
    // How long the slow jobs took, in the log (the quick ones a drag starts would flood it).
    connect(&m_document->jobs(), &JobRunner::jobSucceeded, this, [this](const QString &title, qint64 milliseconds) {
        if (milliseconds >= 500)
            log(tr("%1: done in %2 s").arg(title, QLocale().toString(milliseconds / 1000.0, 'f', 1)));
    });
    showProgress();
}

void MainWindow::showProgress()
{
    const JobRunner::Status s = m_document->jobs().status();
    m_progress->setVisible(s.running);
    m_cancel->setVisible(s.running);
    m_eta->setVisible(s.running);
    if (QAction *cancel = action(QStringLiteral("cancel")))
        cancel->setEnabled(s.running);
    if (QAction *sweep = action(QStringLiteral("sweep")))
        sweep->setEnabled(!m_document->sweepRunning());
    if (!s.running) {
        const std::size_t rows = m_document->sweepRows().size();
        const int n = static_cast<int>(rows);
        m_status->setText(!rows                         ? tr("Ready")
                          : m_document->sweepResult() ? tr("Ready: %Ln sweep rows", nullptr, n)
                                                      : tr("Ready: %Ln sweep rows (incomplete)", nullptr, n));
        return;
    }
    m_status->setText(s.message.isEmpty() ? s.title : tr("%1: %2").arg(s.title, s.message));
    m_progress->setValue(static_cast<int>(s.fraction * 1000));
    m_eta->setText(etaText(s.secondsLeft));
}

void MainWindow::scheduleRefresh(int firstExit)
{
    m_pendingExit = std::min(m_pendingExit, firstExit);
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void MainWindow::scheduleCurves()
{
    m_curvesPending = true;
    // Rows stream in many per second: the curves follow at a steady pace; the final
    // result (and a cleared sweep) at once.
    if (!m_document->sweepRunning())
        scheduleRefresh(INT_MAX);
    else if (!m_curvesTimer.isActive())
        m_curvesTimer.start();
}

void MainWindow::refreshNow()
{
    m_refreshTimer.stop();
    refresh();
}

void MainWindow::refresh()
{
    if (m_curvesPending) {
        m_curvesPending = false;
        m_explorer->refreshCurves();
        m_compare->refreshWhenShown();
    }
    const int first = m_pendingExit;
    m_pendingExit = INT_MAX;
    if (first != INT_MAX) {
        m_explorer->refreshEvaluation(first);
        refreshSummary();
    }
    showProgress();
}

void MainWindow::refreshSummary()
{
    const Document *d = m_document;
    const PolicyState &state = d->policyState();
    // "manual" is the document's key for edited thresholds; solver names stay as they are.
    const QString name = (state.name == QLatin1String("manual") ? tr("manual") : state.name).toHtmlEscaped();
    QString title = state.budget ? tr("<b>%1</b> at %2 budget %3")
                                       .arg(name, state.budget->kind == BudgetKind::P90 ? tr("p90") : tr("mean"),
                                            QLocale().toString(state.budget->value, 'g', 4))
                                 : tr("<b>%1</b>").arg(name);
    if (d->ready())
        title = tr("%1<br>%2 %3 thresholds").arg(title, QString::fromStdString(std::string(measureName(state.policy.measure))),
                                                state.policy.direction == Direction::HigherIsConfident ? QStringLiteral("≥") : QStringLiteral("≤"));
    else if (d->hasVal() && !d->hasLatency())
        title = tr("<i>Open a latency profile or type the exits' costs (Data)</i>");
    else if (d->hasVal())
        title = tr("%1<br><i>evaluating…</i>").arg(title);
    else
        title = tr("<i>No traces open</i>");
    m_summary->setTitle(title);

    OperatingPointPanel::Units units;
    const double scale = d->budgetScale();
    if (const LatencyProfile *latency = d->latency())
        for (double c : latency->cumulative)
            units.costs.push_back(c / scale);
    units.unit = d->costUnitText();
    units.agreement = d->settings().labelFree || (d->val() && !d->val()->hasCorrectness());
    const Evaluation *val = d->ready() ? &d->valEvaluator()->evaluation() : nullptr;
    const Evaluation *test = d->ready() && d->testEvaluator() ? &d->testEvaluator()->evaluation() : nullptr;
    m_summary->setFigures(val, test, d->test() ? d->testProblem() : tr("no test trace open"), units, scale);
    // The dock follows the panel's width (its tables' columns, longer in some languages).
    if (auto *scroll = qobject_cast<QScrollArea *>(m_summary->parentWidget()->parentWidget()))
        scroll->setMinimumWidth(std::max(330, m_summary->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width()));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    log(tr("error: %1").arg(message));
    if (m_errorHandler) {
        m_errorHandler(message);
        return;
    }
    // Not modal: the window goes on (a sweep keeps running behind it).
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::log(const QString &text)
{
    m_log->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) + text);
}

QString MainWindow::messages() const
{
    return m_log->toPlainText();
}

void MainWindow::openCommandLine(const CommandLine &commandLine)
{
    if (!commandLine.session.isEmpty()) {
        if (!commandLine.compare.empty())
            showComparison(commandLine.compare);
        m_session->open(commandLine.session);
        return;
    }
    if (commandLine.sweep && !commandLine.model) {
        // Once the files are open: the command line's settings, then its sweep.
        auto connection = std::make_shared<QMetaObject::Connection>();
        const SweepSettings settings = *commandLine.sweep;
        *connection = connect(m_document, &Document::opened, this, [this, connection, settings]() {
            disconnect(*connection);
            m_document->setSettings(settings);
            m_document->startSweep();
        });
    }
    if (!commandLine.compare.empty())
        showComparison(commandLine.compare);
    if (commandLine.model) {
        // The sweep waits for the traces and the profile (ModelRunner::finished).
        if (commandLine.sweep) {
            auto connection = std::make_shared<QMetaObject::Connection>();
            const SweepSettings settings = *commandLine.sweep;
            *connection = connect(m_modelRunner, &ModelRunner::finished, this, [this, connection, settings]() {
                disconnect(*connection);
                m_document->setSettings(settings);
                m_document->startSweep();
            });
        }
        if (commandLine.runForReal)
            m_runView->startWhenReady(commandLine.sweep.has_value());
        m_modelRunner->start(*commandLine.model);
        return;
    }
    m_document->open(commandLine.inputs);
}

void MainWindow::showComparison(const std::vector<PolicyId> &policies)
{
    if (!policies.empty())
        m_compare->setPolicies(policies);
    m_centre->setCurrentWidget(m_compare);
}

void MainWindow::showLatency()
{
    m_centre->setCurrentWidget(m_latencyView);
}

void MainWindow::showRealRun()
{
    m_centre->setCurrentWidget(m_runView);
}

std::vector<std::pair<QString, PlotWidget *>> MainWindow::plots() const
{
    std::vector<std::pair<QString, PlotWidget *>> plots{{tr("Trade-off plot"), m_explorer->tradeoffPlot()}};
    for (std::size_t k = 0; k < m_explorer->histogramPlots().size(); ++k)
        plots.emplace_back(tr("Histogram of exit %1").arg(k), m_explorer->histogramPlots()[k]);
    plots.emplace_back(tr("Comparison: curves"), m_compare->overlayPlot());
    plots.emplace_back(tr("Comparison: gain over the baseline"), m_compare->gainPlot());
    plots.emplace_back(tr("Latency profile"), m_latencyView->plot());
    plots.emplace_back(tr("Real run: exit hits"), m_runView->hitsPlot());
    return plots;
}

QString MainWindow::shownPlot() const
{
    for (const auto &[name, plot] : plots())
        if (m_centre->currentWidget()->isAncestorOf(plot))
            return name;
    return {};
}

void MainWindow::exportPlot()
{
    QStringList names;
    for (const auto &entry : plots())
        names << entry.first;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Export plot"), tr("Plot"), names,
                                                 std::max(0, static_cast<int>(names.indexOf(shownPlot()))), false, &ok);
    if (!ok)
        return;
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), settings.value(QStringLiteral("lastFolder")).toString(),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!path.isEmpty())
        exportPlotTo(chosen, path);
}

bool MainWindow::exportPlotTo(const QString &name, const QString &path)
{
    const auto all = plots();
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto &entry) { return entry.first == name; });
    if (it == all.end())
        return false;
    PlotWidget *plot = it->second;
    // Its tab comes forward: the user sees what is written, and a tab never shown has not
    // laid its plot out yet (no size to draw).
    for (int i = 0; i < m_centre->count(); ++i)
        if (m_centre->widget(i)->isAncestorOf(plot))
            m_centre->setCurrentIndex(i);
    QString error;
    if (!plot->exportImage(path, &error)) {
        showError(tr("Export plot"), error);
        return false;
    }
    log(tr("wrote %1").arg(path));
    return true;
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About exitscope"),
                       tr("<b>exitscope %1</b><p>Tune the exit thresholds of early-exit neural networks: compare the "
                          "policies' accuracy-vs-budget curves, drag thresholds, export them.</p>"
                          "<p>LibTorch %2, Qt %3, QCustomPlot 2.1.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromStdString(libtorchVersion()),
                                QString::fromLatin1(qVersion())));
}

void MainWindow::updateTitle()
{
    // The session's name once there is one, else the val trace's.
    const QString shown = m_session && !m_session->path().isEmpty() ? m_session->path() : m_document->valPath();
    setWindowFilePath(shown);
    setWindowTitle(shown.isEmpty() ? QStringLiteral("exitscope[*]") : QStringLiteral("%1[*] — exitscope").arg(QFileInfo(shown).fileName()));
    setWindowModified(m_session && m_session->isModified());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_askOnClose && m_session->needsSaving()) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                        m_session->path().isEmpty() ? tr("Save this window's work as a session before closing?")
                                                    : tr("Save the changes to %1 before closing?").arg(QFileInfo(m_session->path()).fileName()),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !m_session->save())) {
            event->ignore();
            return;
        }
    }
    m_session->removeRecovery(); // a normal exit: nothing to recover
    m_document->cancelJobs();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    m_files->openPaths(paths);
}

} // namespace exitscope::gui

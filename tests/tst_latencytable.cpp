// The latency table: the cost of every exit, and for a measured profile (as
// `exitscope-cli profile` writes it) the median, IQR, p90 and p99 of its timings, each
// column only when the profile has it; in the model and in the window's Data panel.

#include "testsupport.h"
#include "windowsupport.h"

#include "datapanel.h"
#include "document.h"
#include "mainwindow.h"

#include "widgets/latencytablemodel.h"

#include "core/data/latencyprofile.h"
#include "core/data/synth.h"
#include "core/io/tracefile.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

Q_DECLARE_METATYPE(exitscope::LatencyProfile)

using namespace exitscope;
using namespace exitscope::gui;

namespace {

// A profile as the profiler measures it: cumulative medians and the spread of the runs.
LatencyProfile measuredProfile(bool withP99)
{
    LatencyProfile p;
    p.unit = CostUnit::Milliseconds;
    p.cumulative = {1.25, 2.5, 3.75, 5.125};
    p.median = p.cumulative;
    p.iqr = {0.05, 0.0625, 0.125, 0.25};
    p.p90 = {1.5, 2.75, 4.0, 5.5};
    if (withP99)
        p.p99 = {2.0, 3.25, 4.5, 6.25};
    p.reference = 5.0;
    p.provenance.source = ProfileSource::Measured;
    p.provenance.device = "cpu";
    p.provenance.threads = 1;
    p.provenance.batchSize = 1;
    p.provenance.runs = 200;
    return p;
}

QStringList headers(const QAbstractItemModel &model)
{
    QStringList all;
    for (int c = 0; c < model.columnCount(); ++c)
        all << model.headerData(c, Qt::Horizontal).toString();
    return all;
}

} // namespace

class TestLatencyTable : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        useTestSettings();
        QVERIFY(m_dir.isValid());
    }

    void columnsFollowTheProfile_data()
    {
        QTest::addColumn<int>("kind"); // 0 typed costs, 1 measured without p99, 2 measured with p99
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("typed costs") << 0 << QStringList{QStringLiteral("cost (ms)")};
        QTest::newRow("measured, no p99") << 1
                                          << QStringList{QStringLiteral("cost"), QStringLiteral("median"), QStringLiteral("IQR"),
                                                         QStringLiteral("p90")};
        QTest::newRow("measured") << 2
                                  << QStringList{QStringLiteral("cost"), QStringLiteral("median"), QStringLiteral("IQR"),
                                                 QStringLiteral("p90"), QStringLiteral("p99")};
    }
    void columnsFollowTheProfile()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, expected);
        // Through a file, as the profiler's JSON reaches the window.
        const LatencyProfile written = kind == 0 ? latencyProfileFromCosts({1.25, 2.5, 3.75, 5.125}, CostUnit::Milliseconds, "costs")
                                                 : measuredProfile(kind == 2);
        const QString path = m_dir.filePath(QStringLiteral("profile-%1.json").arg(kind));
        writeLatencyProfile(written, path.toStdString());
        const LatencyProfile profile = readLatencyProfile(path.toStdString());

        LatencyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfile(profile);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(headers(model), expected);
        const auto cell = [&](LatencyTableModel::Column c, int row) {
            return model.data(model.index(row, model.column(c)), Qt::EditRole).toDouble();
        };
        for (int row = 0; row < 4; ++row) {
            const auto k = static_cast<std::size_t>(row);
            QCOMPARE(cell(LatencyTableModel::Cost, row), profile.cumulative[k]);
            if (kind > 0) {
                QCOMPARE(cell(LatencyTableModel::Median, row), profile.median[k]);
                QCOMPARE(cell(LatencyTableModel::Spread, row), profile.iqr[k]);
                QCOMPARE(cell(LatencyTableModel::P90, row), profile.p90[k]);
                QCOMPARE(model.data(model.index(row, model.column(LatencyTableModel::P90))).toString(),
                         QString::number(profile.p90[k], 'g', 4));
            }
            if (kind == 2)
                QCOMPARE(cell(LatencyTableModel::P99, row), profile.p99[k]);
        }
        QCOMPARE(model.column(LatencyTableModel::P99) >= 0, kind == 2);
        QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("In ms"));
        // Only the cost is edited; an edit drops the spread (it no longer describes the cost).
        QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsEditable);
        for (int c = 1; c < model.columnCount(); ++c)
            QVERIFY(!(model.flags(model.index(0, c)) & Qt::ItemIsEditable));
        QSignalSpy edited(&model, &LatencyTableModel::profileEdited);
        QVERIFY(model.setData(model.index(1, 0), QStringLiteral("2.75")));
        QCOMPARE(edited.count(), 1);
        const auto edit = edited.front().front().value<LatencyProfile>();
        QCOMPARE(edit.cumulative[1], 2.75);
        QVERIFY(edit.median.empty() && edit.p99.empty());
        model.setProfile(edit);
        QCOMPARE(model.columnCount(), 1);
        model.setProfile(std::nullopt);
        QCOMPARE(model.rowCount(), 0);
    }

    // The window's Data panel shows a measured profile's spread; the columns fit the dock.
    void dataPanelShowsTheSpread()
    {
        const QString val = m_dir.filePath(QStringLiteral("val.npz"));
        writeTraceFile(synthesize({4, 1000, 10, 1}), val.toStdString());
        const QString latency = m_dir.filePath(QStringLiteral("measured.json"));
        writeLatencyProfile(measuredProfile(true), latency.toStdString());
        InputRequest request;
        request.val = val;
        request.latency = latency;
        const auto window = openWindow(request);
        QVERIFY(window);
        LatencyTableModel *model = window->dataPanel()->latencyModel();
        QCOMPARE(headers(*model), (QStringList{QStringLiteral("cost"), QStringLiteral("median"), QStringLiteral("IQR"),
                                               QStringLiteral("p90"), QStringLiteral("p99")}));
        QCOMPARE(model->data(model->index(3, model->column(LatencyTableModel::P99)), Qt::EditRole).toDouble(), 6.25);
        auto *view = window->dataPanel()->findChild<QTableView *>();
        QVERIFY(view);
        QCOMPARE(view->model(), model);
        // Every row visible without scrolling.
        QVERIFY(view->verticalHeader()->length() <= view->viewport()->height());
    }
};

QTEST_MAIN(TestLatencyTable)
#include "tst_latencytable.moc"

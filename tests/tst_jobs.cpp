// The job contract (core/jobs): progress ranges, labels and order; shared cancellation.
#include "core/jobs/jobcontext.h"
#include "testsupport.h"

#include <thread>
#include <vector>

using namespace exitscope;

class TestJobs : public QObject
{
    Q_OBJECT

private slots:
    void partsMapIntoTheJobsRangeUnderTheirLabels()
    {
        std::vector<ProgressUpdate> seen;
        const Progress job([&](const ProgressUpdate &u) { seen.push_back(u); });
        const Progress val = job.part(0, 0.4, "val");
        val.report(0.5, "");
        val.part(0.5, 1, "batch").report(1, "3 of 3");
        job.part(0.4, 1, "test").report(0.5, "batch 1");
        QCOMPARE(seen.size(), std::size_t(3));
        QCOMPARE(seen[0].fraction, 0.2);
        QCOMPARE(seen[0].message, std::string("val"));
        QCOMPARE(seen[1].fraction, 0.4);
        QCOMPARE(seen[1].message, std::string("val: batch: 3 of 3"));
        QCOMPARE(seen[2].fraction, 0.7);
        QCOMPARE(seen[2].message, std::string("test: batch 1"));
    }

    // A part reporting less than what the job already showed does not move it backwards.
    void neverGoesBackwards()
    {
        std::vector<double> fractions;
        const Progress job([&](const ProgressUpdate &u) { fractions.push_back(u.fraction); });
        job.report(0.6, "ahead");
        job.part(0, 0.5).report(0.5, "behind");
        job.report(1, "done");
        QCOMPARE(fractions, (std::vector<double>{0.6, 0.6, 1.0}));
    }

    // Reports from many threads arrive one at a time, all of them.
    void threadsReportOneAtATime()
    {
        int inside = 0, most = 0, count = 0;
        const Progress job([&](const ProgressUpdate &) {
            most = std::max(most, ++inside);
            ++count;
            --inside;
        });
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&job, t] {
                for (int i = 0; i < 1000; ++i)
                    job.part(t / 4.0, (t + 1) / 4.0).report(i / 1000.0, "");
            });
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(count, 4000);
        QCOMPARE(most, 1);
    }

    void cancelIsSharedByCopies()
    {
        const CancelHandle handle;
        JobContext context;
        context.cancel = handle;
        const JobContext part = context.part(0, 0.5, "part");
        QVERIFY(!part.cancelled());
        handle.cancel();
        QVERIFY(context.cancelled() && part.cancelled());
        QVERIFY_THROWS_EXCEPTION(Cancelled, part.throwIfCancelled());
    }

    void defaultReportsNowhere()
    {
        const Progress nowhere;
        QVERIFY(!nowhere.enabled());
        nowhere.part(0, 1, "x").report(0.5, "y"); // no callback, no crash
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"

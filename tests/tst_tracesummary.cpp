// TraceSummary: what `info` shows about a trace, computed in core.

#include "core/data/synth.h"
#include "core/eval/tracesummary.h"
#include "testsupport.h"

#include <algorithm>

using namespace exitscope;

class TestTraceSummary : public QObject
{
    Q_OBJECT

private slots:
    void probabilityTrace()
    {
        const Trace trace = synthesize({3, 500, 10, 4});
        const TraceSummary s = summarizeTrace(trace);
        QCOMPARE(s.exits, 3);
        QCOMPARE(s.samples, std::int64_t(500));
        QCOMPARE(s.classes, 10);
        QVERIFY(s.probabilitiesStored);
        QCOMPARE(s.topk, 0);
        QVERIFY(s.labelsKnown && s.correctnessKnown && s.agreementExact && !s.entropyUpperBound);
        QCOMPARE(s.measures, trace.measures());
        QCOMPARE(s.directions.size(), s.measures.size());
        QCOMPARE(s.perExit.size(), std::size_t(3));
        for (int k = 0; k < 3; ++k) {
            const TraceSummary::Exit &e = s.perExit[k];
            QCOMPARE(e.accuracy, trace.exitAccuracy(k));
            int agree = 0, right = 0;
            for (std::int64_t j = 0; j < 500; ++j) {
                agree += trace.predictions(k)[j] == trace.predictions(2)[j];
                right += trace.predictions(k)[j] == trace.contents().labels[j];
            }
            QCOMPARE(e.agreement, agree / 500.0);
            QCOMPARE(e.accuracy, right / 500.0);
            QCOMPARE(e.scores.size(), s.measures.size());
            for (std::size_t m = 0; m < s.measures.size(); ++m) {
                const double *scores = trace.scores(s.measures[m], k);
                QCOMPARE(e.scores[m].measure, s.measures[m]);
                QCOMPARE(e.scores[m].lowest, *std::min_element(scores, scores + 500));
                QCOMPARE(e.scores[m].highest, *std::max_element(scores, scores + 500));
            }
        }
        QCOMPARE(s.perExit[2].agreement, 1.0);
    }

    // Correctness without predictions: accuracy known, labels not, agreement a lower bound.
    void correctnessOnlyTrace()
    {
        TraceContents c;
        c.exits = 2;
        c.samples = 4;
        c.correct = {1, 0, 1, 0, 1, 1, 0, 0};
        c.givenScores = {0.9, 0.2, 0.8, 0.4, 0.95, 0.9, 0.3, 0.1};
        const TraceSummary s = summarizeTrace(Trace::build(c, "mem"));
        QVERIFY(!s.labelsKnown && s.correctnessKnown && !s.agreementExact);
        QCOMPARE(s.classes, 0);
        QCOMPARE(s.perExit[0].accuracy, 0.5);
        QCOMPARE(s.perExit[1].accuracy, 0.5);
        QCOMPARE(s.measures, std::vector<Measure>{Measure::Given});
        QCOMPARE(s.perExit[0].scores[0].lowest, 0.2);
        QCOMPARE(s.perExit[0].scores[0].highest, 0.9);
    }
};

QTEST_GUILESS_MAIN(TestTraceSummary)
#include "tst_tracesummary.moc"

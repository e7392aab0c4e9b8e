#include "latencyview.h"

#include "document.h"

#include "core/model/latencyprofiler.h"
#include "widgets/plots/latencyplot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace exitscope::gui {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

QString unknown(const std::string &s)
{
    return s.empty() ? LatencyView::tr("unknown") : text(s).toHtmlEscaped();
}

} // namespace

LatencyView::LatencyView(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_batch = new QComboBox(this);
    m_batch->setObjectName(QStringLiteral("latencyBatch"));
    m_batch->setToolTip(tr("The profile tuning follows: the evaluation, sweeps and exports use its costs"));
    auto *batchLabel = new QLabel(tr("&Batch size:"), this);
    batchLabel->setBuddy(m_batch);
    top->addWidget(batchLabel);
    top->addWidget(m_batch);
    top->addSpacing(12);
    m_provenance = new QLabel(this);
    m_provenance->setObjectName(QStringLiteral("latencyProvenance"));
    m_provenance->setWordWrap(true);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_provenance, 1);
    layout->addLayout(top);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("latencyWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: #fdebd0; color: #7e5109; border: 1px solid #e67e22; padding: 4px; }"));
    layout->addWidget(m_warning);
    m_plot = new LatencyPlot(this);
    m_plot->setObjectName(QStringLiteral("latencyPlot"));
    layout->addWidget(m_plot, 1);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("latencyNote"));
    m_note->setWordWrap(true);
    m_note->setEnabled(false); // a quiet explanation
    layout->addWidget(m_note);

    connect(m_batch, &QComboBox::activated, this, [this](int index) { m_document->chooseLatencyBatch(index); });
    connect(m_document, &Document::latencyChanged, this, &LatencyView::refresh);
    connect(m_document, &Document::inputsChanged, this, &LatencyView::refresh);
    refresh();
}

void LatencyView::refresh()
{
    const LatencyProfile *latency = m_document->latency();
    {
        const QSignalBlocker blocker(m_batch);
        m_batch->clear();
        if (latency)
            for (const LatencyProfile &p : m_document->latencyProfiles())
                m_batch->addItem(p.provenance.batchSize > 0 ? QLocale().toString(p.provenance.batchSize) : tr("unknown"));
        m_batch->setCurrentIndex(m_document->latencyBatchIndex());
        m_batch->setEnabled(m_batch->count() > 1);
    }
    if (!latency) {
        m_provenance->setText(tr("<i>No latency profile: open one, type the costs in the Data dock, or open a model "
                                 "and a dataset to measure it</i>"));
        m_warning->hide();
        m_note->clear();
        m_plot->setData({});
        return;
    }

    const LatencyProvenance &v = latency->provenance;
    const QLocale locale;
    QString words;
    switch (v.source) {
    case ProfileSource::Measured: {
        // A list of facts, each in words of its own (a missing one says so).
        const QStringList facts{
            v.device.empty() ? tr("device unknown") : tr("on %1").arg(text(v.device).toHtmlEscaped()),
            v.threads > 0 ? tr("%1 thread(s)").arg(locale.toString(v.threads)) : tr("threads unknown"),
            v.batchSize > 0 ? tr("batch size %1").arg(locale.toString(v.batchSize)) : tr("batch size unknown"),
            v.inputShape.empty() ? tr("input shape unknown") : tr("input %1").arg(text(v.inputShape).toHtmlEscaped()),
            v.date.empty() ? tr("date unknown") : text(v.date).toHtmlEscaped(),
            v.libtorchVersion.empty() ? tr("LibTorch version unknown") : tr("LibTorch %1").arg(text(v.libtorchVersion).toHtmlEscaped()),
            tr("%1 timed runs").arg(locale.toString(v.runs))};
        words = tr("<b>Measured</b> %1").arg(facts.join(tr(", ")));
        break;
    }
    case ProfileSource::Costs:
        words = tr("<b>Typed in</b> (costs)");
        break;
    case ProfileSource::File:
        words = tr("<b>Imported</b> from %1").arg(unknown(v.file));
        break;
    case ProfileSource::Unknown:
        words = tr("<b>Source not recorded</b>");
        break;
    }
    if (v.source != ProfileSource::Measured && (!v.device.empty() || v.batchSize > 0))
        words += tr("; device %1, batch size %2").arg(unknown(v.device), v.batchSize > 0 ? locale.toString(v.batchSize) : tr("unknown"));
    words += tr("<br>%1").arg(m_document->latencyPath().toHtmlEscaped());
    m_provenance->setText(words);

    // A measured spread above the profiler's target: the numbers may not be trustworthy.
    const double spread = latency->largestRelativeSpread();
    const double target = ProfilerOptions{}.targetSpread;
    const bool hasSpread = !latency->median.empty();
    if (hasSpread && spread > target) {
        m_warning->setText(tr("The spread did not settle: the largest IQR / median over the exits is %1 (the profiler's target "
                              "is %2). The machine was busy or the profile too short; profile again with more time.")
                               .arg(locale.toString(spread * 100, 'f', 1) + locale.percent(),
                                    locale.toString(target * 100, 'f', 0) + locale.percent()));
        m_warning->show();
    } else {
        m_warning->hide();
    }
    if (!hasSpread)
        m_note->setText(tr("This profile has no spread (typed in or imported): bars of its costs only. A profile measured "
                           "from a model (Open model and dataset) has the median, IQR, p90 and p99 of every exit."));
    else if (latency->stageMedian.empty())
        m_note->setText(tr("Box: IQR around the median (red), whisker to p99, cross at p90. No per-stage times in this profile."));
    else
        m_note->setText(tr("Box: IQR around the median (red), whisker to p99, cross at p90. Narrow bars: what each exit adds, "
                           "its stage's and its head's median time."));

    LatencyPlotData data;
    data.cumulative = latency->cumulative;
    data.median = latency->median;
    data.iqr = latency->iqr;
    data.p90 = latency->p90;
    data.p99 = latency->p99;
    data.stage = latency->stageMedian;
    data.head = latency->headMedian;
    data.reference = latency->reference;
    data.unit = text(std::string(costUnitLabel(latency->unit)));
    m_plot->setData(std::move(data));
    if (m_plot->whiskersCut())
        m_note->setText(m_note->text() + QStringLiteral(" ")
                        + tr("Some p99 whiskers run off the top: the largest p99 is %1 %2.")
                              .arg(QLocale().toString(*std::max_element(latency->p99.begin(), latency->p99.end()), 'g', 4),
                                   text(std::string(costUnitLabel(latency->unit)))));
}

QString LatencyView::provenanceText() const
{
    QTextDocument doc;
    doc.setHtml(m_provenance->text());
    return doc.toPlainText();
}

QString LatencyView::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

} // namespace exitscope::gui

#include "widgets/plots/plotexport.h"

#include "widgets/plots/plottheme.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <qcustomplot.h>

namespace exitscope::gui {

namespace {

// The export's messages, translated in the context "exitscope::gui::PlotExport"
// (PlotExportText::tr, which lupdate finds).
struct PlotExportText
{
    Q_DECLARE_TR_FUNCTIONS(exitscope::gui::PlotExport)
};

// Qt 6.4's SVG generator ignores clipping, so whatever reaches past the axis rect (a zoomed
// curve, the oracle's shading) would cover the margins. This layerable, on a layer right
// under the axes, paints the margins over with the background before the axes, the legend
// and the titles above it are drawn.
class MarginMask : public QCPLayerable
{
public:
    MarginMask(QCustomPlot *plot, const QString &layer, const QColor &background)
        : QCPLayerable(plot, layer)
        , m_background(background)
    {
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override { painter->setAntialiasing(false); }
    void draw(QCPPainter *painter) override
    {
        QRegion margins(mParentPlot->viewport());
        const QList<QCPAxisRect *> rects = mParentPlot->axisRects();
        for (const QCPAxisRect *rect : rects)
            margins -= rect->rect();
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_background);
        for (const QRect &r : margins)
            painter->drawRect(r);
    }
    QRect clipRect() const override { return mParentPlot->viewport(); }

private:
    QColor m_background;
};

// Draws the whole plot with vector output (no cached pixmaps) on an open painter whose
// logical window is the widget's size.
bool drawVector(QCustomPlot *plot, QPaintDevice *device, const QSize &size, bool maskMargins)
{
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setWindow(QRect(QPoint(0, 0), size));
    const QString maskLayer = QStringLiteral("export margin mask");
    MarginMask *mask = nullptr;
    if (maskMargins && plot->addLayer(maskLayer, plot->layer(QStringLiteral("axes")), QCustomPlot::limBelow))
        mask = new MarginMask(plot, maskLayer, plotBackground(plot->palette()));
    plot->toPainter(&painter, size.width(), size.height());
    if (mask) {
        delete mask;
        plot->removeLayer(plot->layer(maskLayer));
        plot->replot(QCustomPlot::rpQueuedReplot); // the paint buffers follow the layers
    }
    return painter.end();
}

bool writeSvg(QCustomPlot *plot, QIODevice *out, const QSize &size, const QString &title)
{
    QSvgGenerator svg;
    svg.setOutputDevice(out);
    svg.setSize(size);
    // The file states its size in mm; at 96 dpi (CSS pixels) browsers and editors show it at
    // the widget's size in pixels.
    svg.setResolution(96);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("Exitscope"));
    return drawVector(plot, &svg, size, true);
}

bool writePdf(QCustomPlot *plot, QIODevice *out, const QSize &size, const QString &title)
{
    QPdfWriter pdf(out);
    pdf.setCreator(QStringLiteral("Exitscope"));
    pdf.setTitle(title);
    // One page the size of the widget in points, no margins: the plot is the page.
    pdf.setResolution(72);
    pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch),
                                  QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    return drawVector(plot, &pdf, size, false); // PDF clips
}

bool writePng(QCustomPlot *plot, QIODevice *out, const QSize &size)
{
    // toPixmap draws afresh at the screen's pixel ratio (a high-DPI screen gets a sharper file).
    const double ratio = plot->devicePixelRatioF();
    const QPixmap pixmap = plot->toPixmap(size.width(), size.height(), ratio);
    return !pixmap.isNull() && pixmap.toImage().save(out, "PNG");
}

} // namespace

bool exportPlot(QCustomPlot *plot, const QString &path, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
        return fail(PlotExportText::tr("%1: unknown image format '%2' (expected .png, .svg or .pdf)")
                        .arg(QDir::toNativeSeparators(path), suffix.isEmpty() ? PlotExportText::tr("no suffix") : suffix));
    const QSize size = plot->size();
    if (size.isEmpty())
        return fail(PlotExportText::tr("%1: the plot has no size to draw").arg(QDir::toNativeSeparators(path)));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(PlotExportText::tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QString title = QFileInfo(path).completeBaseName();
    bool drawn = false;
    if (suffix == QLatin1String("png"))
        drawn = writePng(plot, &file, size);
    else if (suffix == QLatin1String("svg"))
        drawn = writeSvg(plot, &file, size, title);
    else
        drawn = writePdf(plot, &file, size, title);
    if (!drawn || file.error() != QFileDevice::NoError) {
        const QString reason = file.error() != QFileDevice::NoError ? file.errorString() : PlotExportText::tr("drawing failed");
        file.cancelWriting();
        return fail(PlotExportText::tr("%1: cannot write the image: %2").arg(QDir::toNativeSeparators(path), reason));
    }
    if (!file.commit())
        return fail(PlotExportText::tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

} // namespace exitscope::gui

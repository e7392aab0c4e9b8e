#include "widgets/plots/plotexport.h"

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

QString tr(const char *text)
{
    return QCoreApplication::translate("exitscope::gui::PlotExport", text);
}

// Draws the whole plot with vector output (no cached pixmaps) on an open painter whose
// logical window is the widget's size.
bool drawVector(QCustomPlot *plot, QPaintDevice *device, const QSize &size)
{
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setWindow(QRect(QPoint(0, 0), size));
    plot->toPainter(&painter, size.width(), size.height());
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
    return drawVector(plot, &svg, size);
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
    return drawVector(plot, &pdf, size);
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
        return fail(tr("%1: unknown image format '%2' (expected .png, .svg or .pdf)")
                        .arg(QDir::toNativeSeparators(path), suffix.isEmpty() ? tr("no suffix") : suffix));
    const QSize size = plot->size();
    if (size.isEmpty())
        return fail(tr("%1: the plot has no size to draw").arg(QDir::toNativeSeparators(path)));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QString title = QFileInfo(path).completeBaseName();
    bool drawn = false;
    if (suffix == QLatin1String("png"))
        drawn = writePng(plot, &file, size);
    else if (suffix == QLatin1String("svg"))
        drawn = writeSvg(plot, &file, size, title);
    else
        drawn = writePdf(plot, &file, size, title);
    if (!drawn || file.error() != QFileDevice::NoError) {
        const QString reason = file.error() != QFileDevice::NoError ? file.errorString() : tr("drawing failed");
        file.cancelWriting();
        return fail(tr("%1: cannot write the image: %2").arg(QDir::toNativeSeparators(path), reason));
    }
    if (!file.commit())
        return fail(tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

} // namespace exitscope::gui

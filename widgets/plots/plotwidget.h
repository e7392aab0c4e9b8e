#pragma once

#include <QString>
#include <QWidget>

class QCustomPlot;

namespace exitscope::gui {

// What every plot shares: a QWidget around one QCustomPlot, coloured from the widget's
// palette (again whenever it changes, so dark and light themes both read), drawn at the
// screen's pixel ratio (again when the window moves to another screen), exported as PNG,
// SVG or PDF.
class PlotWidget : public QWidget
{
    Q_OBJECT
public:
    ~PlotWidget() override;

    // .png, .svg or .pdf by suffix, at the widget's size; written to a temporary file in
    // the same folder and renamed over `path` when complete. On failure returns false and
    // sets *error to a message naming the file.
    bool exportImage(const QString &path, QString *error);

    // The plot drawn: for tests (pixel <-> coordinate conversions) and benchmarks.
    QCustomPlot *customPlot() const { return m_plot; }

protected:
    explicit PlotWidget(QWidget *parent);

    // Re-colours what follows the palette. The base colours backgrounds, axes, grid and
    // legend; subclasses add their own elements and call the base first. Not called by the
    // base constructor (a subclass calls it once its elements exist).
    virtual void applyColors();
    // The legend in a row under the axis rect, so that it covers no data; it wraps after
    // `wrap` entries (0: one row).
    void placeLegendBelow(int wrap = 0);

    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followPixelRatio();

    QCustomPlot *m_plot;
};

} // namespace exitscope::gui

#pragma once

#include <qcustomplot.h>

namespace exitscope::gui {

// A vertical line the user drags along the x axis (the budget cursor, a threshold).
// Accepting the mouse press makes QCustomPlot send this item every move and the release,
// ahead of the axis rect's range dragging, so a drag that starts on the line never pans.
class DraggableLine : public QCPItemStraightLine
{
    Q_OBJECT
public:
    explicit DraggableLine(QCustomPlot *plot);

    // Puts the line at x (plot coordinates), without signals.
    void setX(double x);
    double x() const;
    bool isDragging() const { return m_dragging; }

signals:
    void pressed(); // a drag may start
    void dragged(double x); // every move of a drag, x clamped to the visible x range
    void dragFinished(double from, double to); // on release after a move (a plain click is none)

protected:
    void mousePressEvent(QMouseEvent *event, const QVariant &details) override;
    void mouseMoveEvent(QMouseEvent *event, const QPointF &startPos) override;
    void mouseReleaseEvent(QMouseEvent *event, const QPointF &startPos) override;

private:
    double xAt(const QMouseEvent *event) const;

    bool m_dragging = false;
    bool m_moved = false;
    double m_from = 0;
};

} // namespace exitscope::gui

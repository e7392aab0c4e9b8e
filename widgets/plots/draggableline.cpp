#include "widgets/plots/draggableline.h"

#include <algorithm>

namespace exitscope::gui {

DraggableLine::DraggableLine(QCustomPlot *plot)
    : QCPItemStraightLine(plot)
{
    point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
    point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
    setX(0);
    setSelectable(false); // dragging, not selection, is what a press means here
}

void DraggableLine::setX(double x)
{
    point1->setCoords(x, 0);
    point2->setCoords(x, 1);
}

double DraggableLine::x() const
{
    return point1->coords().x();
}

double DraggableLine::xAt(const QMouseEvent *event) const
{
    const QCPAxis *axis = point1->keyAxis();
    const double x = axis->pixelToCoord(event->position().x());
    return std::clamp(x, axis->range().lower, axis->range().upper);
}

void DraggableLine::mousePressEvent(QMouseEvent *event, const QVariant &details)
{
    Q_UNUSED(details)
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    event->accept();
    m_dragging = true;
    m_moved = false;
    m_from = x();
    emit pressed();
}

void DraggableLine::mouseMoveEvent(QMouseEvent *event, const QPointF &startPos)
{
    Q_UNUSED(startPos)
    if (!m_dragging)
        return;
    const double to = xAt(event);
    if (to == x())
        return;
    setX(to);
    m_moved = true;
    emit dragged(to);
}

void DraggableLine::mouseReleaseEvent(QMouseEvent *event, const QPointF &startPos)
{
    Q_UNUSED(event)
    Q_UNUSED(startPos)
    if (!m_dragging)
        return;
    m_dragging = false;
    if (m_moved)
        emit dragFinished(m_from, x());
}

} // namespace exitscope::gui

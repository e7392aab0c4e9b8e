#include "elidedlabel.h"

#include <QResizeEvent>

#include <algorithm>

namespace exitscope::gui {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    // Its width comes from the layout, never from the text: long names elide instead of
    // widening the dock.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_full = text;
    elide();
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const QString shown = fontMetrics().elidedText(m_full, Qt::ElideMiddle, std::max(0, contentsRect().width()));
    if (shown != text())
        setText(shown);
}

} // namespace exitscope::gui

#include "exitsharebars.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace exitscope::gui {

ExitShareBars::ExitShareBars(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ExitShareBars::setShares(const std::vector<double> &shares)
{
    if (shares == m_shares)
        return;
    m_shares = shares;
    QStringList text;
    for (std::size_t k = 0; k < m_shares.size(); ++k)
        text << tr("exit %1: %2%").arg(k).arg(QLocale().toString(100 * m_shares[k], 'f', 1));
    setToolTip(text.join(QLatin1Char('\n')));
    update();
}

void ExitShareBars::setColor(const QColor &color)
{
    m_color = color;
    update();
}

QSize ExitShareBars::sizeHint() const
{
    return {160, fontMetrics().height() * 5};
}

QSize ExitShareBars::minimumSizeHint() const
{
    return {80, fontMetrics().height() * 5};
}

void ExitShareBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    if (m_shares.empty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("no operating point"));
        return;
    }
    const int lineHeight = fontMetrics().height();
    const QRect area = rect().adjusted(2, lineHeight + 2, -2, -lineHeight - 2); // room for labels above and below
    const int n = static_cast<int>(m_shares.size());
    const double slot = static_cast<double>(area.width()) / n;
    const double barWidth = std::max(4.0, slot * 0.7);
    // The tallest bar fills the height: small shares stay visible, the labels say how much.
    const double tallest = std::max(1e-9, *std::max_element(m_shares.begin(), m_shares.end()));
    const QColor bar = m_color.isValid() ? m_color : pal.color(QPalette::Highlight);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    painter.setFont(small);
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    // Many exits: the shares only where they fit above the bars (the tooltip has them all),
    // and every other exit number (or fewer, counted from the last) where they would touch.
    const QFontMetrics metrics(small);
    const auto shareText = [](double share) { return QLocale().toString(100 * share, 'f', share < 0.1 ? 1 : 0) + QLatin1Char('%'); };
    int widest = 0;
    for (double share : m_shares)
        widest = std::max(widest, metrics.horizontalAdvance(shareText(std::clamp(share, 0.0, 1.0))));
    const bool shareLabels = slot + 4 >= widest; // a few pixels into the gap between bars read fine
    const int numberEvery = std::max(1, static_cast<int>(std::ceil((metrics.horizontalAdvance(QString::number(n - 1)) + 4) / slot)));
    for (int k = 0; k < n; ++k) {
        const double share = std::clamp(m_shares[static_cast<std::size_t>(k)], 0.0, 1.0);
        const double x = area.left() + slot * k + (slot - barWidth) / 2;
        const double h = std::min(1.0, share / tallest) * area.height();
        const QRectF barRect(x, area.bottom() - h, barWidth, h);
        painter.fillRect(barRect, bar);
        painter.setPen(pal.color(QPalette::WindowText));
        if (shareLabels)
            painter.drawText(QRectF(area.left() + slot * k, barRect.top() - lineHeight, slot, lineHeight),
                             Qt::AlignHCenter | Qt::AlignBottom, shareText(share));
        if ((n - 1 - k) % numberEvery == 0) // the last exit always numbered
            painter.drawText(QRectF(area.left() + slot * k - slot, area.bottom() + 1, 3 * slot, lineHeight),
                             Qt::AlignHCenter | Qt::AlignTop, QString::number(k));
    }
}

} // namespace exitscope::gui

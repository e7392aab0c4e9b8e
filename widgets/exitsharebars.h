#pragma once

#include <QWidget>

#include <vector>

namespace exitscope::gui {

// The exit distribution of an operating point as bars: the share of all samples that leave
// at each exit, labelled with the percentage (the tallest bar fills the height). Painted with the palette (dark themes work).
class ExitShareBars : public QWidget
{
    Q_OBJECT
public:
    explicit ExitShareBars(QWidget *parent = nullptr);

    void setShares(const std::vector<double> &shares); // per exit, summing to 1; empty: nothing to show
    const std::vector<double> &shares() const { return m_shares; }
    void setColor(const QColor &color);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<double> m_shares;
    QColor m_color;
};

} // namespace exitscope::gui

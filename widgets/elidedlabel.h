#pragma once

#include <QLabel>

namespace exitscope::gui {

// A label for a file name in a narrow place: the text is elided in the middle (the start
// and the extension stay) to the label's width, again whenever the width changes; the
// whole text is its tooltip.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_full;
};

} // namespace exitscope::gui

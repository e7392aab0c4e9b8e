#include "recentlist.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QSettings>

namespace exitscope::gui {

QStringList rememberRecent(const QString &key, const QString &entry, int count)
{
    QSettings settings;
    QStringList recent = settings.value(key).toStringList();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > count)
        recent.removeLast();
    settings.setValue(key, recent);
    return recent;
}

void finishRecentMenu(QMenu *menu, const QString &key, QObject *context, const std::function<void()> &refill)
{
    const bool empty = menu->actions().isEmpty();
    menu->setEnabled(!empty);
    if (empty)
        return;
    menu->addSeparator();
    QObject::connect(menu->addAction(QCoreApplication::translate("RecentMenu", "Clear")), &QAction::triggered, context, [key, refill]() {
        QSettings().remove(key);
        refill();
    });
}

} // namespace exitscope::gui

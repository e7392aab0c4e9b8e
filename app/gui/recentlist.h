#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QMenu;
class QObject;

namespace exitscope::gui {

// A most-recent-first list kept in QSettings under `key` (recent files, recent sessions):
// `entry` put first (once), the list trimmed to `count` and stored; the new list.
QStringList rememberRecent(const QString &key, const QString &entry, int count = 10);

// Ends a Recent menu whose entries were added: enabled only with entries, then a Clear
// action that removes `key` from QSettings and calls `refill` (in `context`).
void finishRecentMenu(QMenu *menu, const QString &key, QObject *context, const std::function<void()> &refill);

} // namespace exitscope::gui

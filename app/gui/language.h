#pragma once

#include <QString>
#include <QStringList>

namespace exitscope::gui {

// The window's UI language: Exitscope's own translations (embedded, :/i18n) and Qt's
// (qtbase_*.qm from Qt's translations folder, when installed: the standard dialogs and
// buttons), and the locale numbers are shown in.

// The languages the menu offers, as codes: "" (the system's), "en", "de", "zh_CN".
QStringList languageCodes();

// A language's name in that language ("Deutsch", "简体中文"); "" gives the translated "System".
QString languageName(const QString &code);

// The choice stored by View ▸ Language ("" when none or unknown: the system's).
QString storedLanguage();
void storeLanguage(const QString &code);

// Installs the translators for `code` ("" follows the system locale: LANGUAGE, LC_ALL,
// LANG) on the application, replacing those of an earlier call, and makes its locale the
// default (numbers with its decimal separator). Returns false for a code not among
// languageCodes(). Called before the first window is made: the windows are not retranslated.
bool installLanguage(const QString &code);

// The language installLanguage() last applied, resolved: "en", "de" or "zh_CN".
QString installedLanguage();

} // namespace exitscope::gui

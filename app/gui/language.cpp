#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <vector>

namespace exitscope::gui {

namespace {

const QString kSettingsKey = QStringLiteral("language");

// The translators in use (owned here so that a second call can remove them).
std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

QString &resolvedLanguage()
{
    static QString language = QStringLiteral("en");
    return language;
}

} // namespace

QStringList languageCodes()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString languageName(const QString &code)
{
    // Each language under its own name, so that a reader of it finds it in any language.
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QCoreApplication::translate("exitscope::gui::Language", "System");
}

QString storedLanguage()
{
    const QString code = QSettings().value(kSettingsKey).toString();
    return languageCodes().contains(code) ? code : QString();
}

void storeLanguage(const QString &code)
{
    QSettings().setValue(kSettingsKey, code);
}

bool installLanguage(const QString &code)
{
    if (!languageCodes().contains(code))
        return false;
    for (const auto &t : installed())
        QCoreApplication::removeTranslator(t.get());
    installed().clear();
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    resolvedLanguage() = QStringLiteral("en");
    if (code == QLatin1String("en"))
        return true;
    // QTranslator::load(locale, ...) tries the locale's UI languages in order (LANGUAGE's
    // list first): the first one with a file wins; English has none (the source texts).
    auto own = std::make_unique<QTranslator>();
    if (!own->load(locale, QStringLiteral("exitscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return true;
    resolvedLanguage() = own->language().replace(QLatin1Char('-'), QLatin1Char('_'));
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(resolvedLanguage()), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed().push_back(std::move(qt));
    }
    QCoreApplication::installTranslator(own.get());
    installed().push_back(std::move(own));
    return true;
}

QString installedLanguage()
{
    return resolvedLanguage();
}

} // namespace exitscope::gui

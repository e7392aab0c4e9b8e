#pragma once

#include "core/common/numbertext.h"

#include <QLocale>
#include <QString>

#include <cmath>
#include <optional>

namespace exitscope::gui {

// A number typed into a table cell: the C form the editor starts from ("0.5"), or the
// locale's, as the table shows it ("0,5" in German); nullopt when neither.
inline std::optional<double> parseTypedNumber(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (const std::optional<double> c = parseDecimal(trimmed.toStdString()))
        return c;
    bool ok = false;
    const double typed = QLocale().toDouble(trimmed, &ok);
    return ok && std::isfinite(typed) ? std::optional<double>(typed) : std::nullopt;
}

} // namespace exitscope::gui

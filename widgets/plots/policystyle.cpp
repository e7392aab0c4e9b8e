#include "widgets/plots/policystyle.h"

#include <QHash>

namespace exitscope::gui {

QString policyKey(const QString &policyId)
{
    return policyId.trimmed().toLower();
}

QColor policyColor(const QString &policyId)
{
    // Okabe & Ito's colour-blind-safe palette, chosen so that the policies usually compared
    // together (BranchyNet, MSDNet, EENet) are the most distinct: orange, sky blue, bluish
    // green. Its yellow does not read on white, so patience takes Paul Tol's olive, and the
    // oracle a muted purple.
    static const QHash<QString, QColor> colors = {
        {QStringLiteral("heuristic"), QColor(0x99, 0x99, 0x99)},
        {QStringLiteral("branchynet"), QColor(0xE6, 0x9F, 0x00)},
        {QStringLiteral("msdnet"), QColor(0x56, 0xB4, 0xE9)},
        {QStringLiteral("ippp"), QColor(0xCC, 0x79, 0xA7)},
        {QStringLiteral("eenet"), QColor(0x00, 0x9E, 0x73)},
        {QStringLiteral("selfxit"), QColor(0xD5, 0x5E, 0x00)},
        {QStringLiteral("patience"), QColor(0x99, 0x99, 0x33)},
        {QStringLiteral("best"), QColor(0x00, 0x72, 0xB2)},
        {QStringLiteral("oracle"), QColor(0x6A, 0x4C, 0x93)},
    };
    const QString key = policyKey(policyId);
    const auto found = colors.constFind(key);
    if (found != colors.constEnd())
        return *found;
    // An unknown id (a policy added later): a stable hue, mid saturation and value so it
    // reads on both dark and light backgrounds.
    return QColor::fromHsv(static_cast<int>(qHash(key) % 360u), 160, 200);
}

} // namespace exitscope::gui

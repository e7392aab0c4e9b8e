#pragma once

#include <QColor>
#include <QString>

namespace exitscope::gui {

// One fixed colour per policy id, so that a policy keeps its colour in every plot, the
// comparison and the exported images. Okabe-Ito based (colour-blind-aware); unknown ids get
// a stable colour from a hash of the id.
QColor policyColor(const QString &policyId);

// The id of a policy as its curves name it (lower case, e.g. "branchynet"); what
// policyColor() and the legend toggles key on.
QString policyKey(const QString &policyId);

} // namespace exitscope::gui

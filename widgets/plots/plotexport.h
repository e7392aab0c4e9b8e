#pragma once

#include <QString>

class QCustomPlot;

namespace exitscope::gui {

// Writes the plot as it is shown to `path`: PNG, SVG or PDF by the suffix (case-insensitive),
// at the widget's size. Atomic: drawn into a temporary file in the same folder, renamed over
// `path` only when complete. On failure returns false and sets *error to a message naming
// the file (an unknown suffix, an unwritable folder, a failed render).
bool exportPlot(QCustomPlot *plot, const QString &path, QString *error);

} // namespace exitscope::gui

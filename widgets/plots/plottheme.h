#pragma once

#include <QPalette>

class QCPAxis;
class QCustomPlot;
class QString;

namespace exitscope::gui {

// Colours a QCustomPlot from a widget palette (backgrounds, axes, grid, legend), so that
// the plots follow the system's dark or light theme. Call again on QEvent::PaletteChange.
void applyPlotPalette(QCustomPlot *plot, const QPalette &palette);

// The plot's background (outside the axis rect) for a palette.
QColor plotBackground(const QPalette &palette);

// Whether a palette is dark (its window colour darker than its text).
bool isDarkPalette(const QPalette &palette);

// An axis of exits 0, 1, ...: a tick per exit, no grid, titled `label`.
void useExitAxis(QCPAxis *axis, const QString &label);

} // namespace exitscope::gui

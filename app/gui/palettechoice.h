#pragma once

#include <QPalette>
#include <QString>

namespace exitscope::gui {

// `--palette dark|light|system`: a palette for the whole application, so that the window
// can be seen (and screenshot) in either theme whatever the desktop's. Dark and light use
// the Fusion style, whose drawing follows the palette on every platform.
// Returns false (and leaves everything alone) for an unknown name.
bool applyPaletteChoice(const QString &name);

// The dark palette: grey surfaces, light text, a blue highlight.
QPalette darkPalette();

} // namespace exitscope::gui

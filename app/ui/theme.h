// Light, dark and high-contrast palettes, or whatever the desktop uses ("system").
#pragma once

#include "core/app_settings.h"
#include "core/article_page.h"

#include <QPalette>

class QApplication;

namespace fibrokb::app {

// Applies the theme and the interface text size to the whole application.
void applyAppearance(QApplication* app, Theme theme, int fontPointSize);
// Colours for the article page, taken from the palette in force.
PageColors pageColorsFor(const QPalette& palette, Theme theme);

}  // namespace fibrokb::app

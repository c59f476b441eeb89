// Light, dark and high-contrast palettes, or whatever the desktop uses ("system").
#pragma once

#include "core/app_settings.h"
#include "core/article_page.h"

#include <QPalette>
#include <QRectF>

class QApplication;
class QPainter;

namespace fibrokb::app {

// Applies the theme and the interface text size to the whole application.
void applyAppearance(QApplication* app, Theme theme, int fontPointSize);
// Colours for the article page, taken from the palette in force.
PageColors pageColorsFor(const QPalette& palette, Theme theme);

// The keyboard focus ring: a colour that stands out from the item's own background in every theme
// (light, dark, high contrast). On a selected item (filled with Highlight) it is HighlightedText, so
// focused-and-selected still looks different from selected alone.
QColor focusRingColor(const QPalette& palette, bool onSelection);
// A 2 px rounded ring drawn just inside `rect`.
void drawFocusRing(QPainter* painter, const QRectF& rect, const QPalette& palette, bool onSelection);
constexpr int kFocusRingWidth = 2;

}  // namespace fibrokb::app

// A page's own line drawings (issue 12, item 3) for a QTextDocument: the reading view, print and PDF.
#pragma once

#include <fibrokb/article.h>

#include <QColor>

class QTextDocument;

namespace fibrokb::app {

// Adds every drawing of `article` that the engine kept (ArticleImage::svg) as the image resource its HTML names,
// fibrokb-image:NAME, drawn in `ink`: the drawings use currentColor, so they follow the light, dark and
// high-contrast page colours and are dark on paper. Drawn at `scale` times their own size (the page's text
// size: larger text, larger drawings), at most `maxWidth` wide (device-independent pixels), at
// `devicePixelRatio` so lines stay sharp. Nothing else is loaded: the document still gets no file, network or
// other resource.
void addArticleImages(QTextDocument& document, const fibrokb::Article& article, const QColor& ink, qreal scale,
                      qreal maxWidth, qreal devicePixelRatio);

}  // namespace fibrokb::app

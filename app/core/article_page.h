// Builds the HTML page shown (and printed) for one article: title, what it is and when it
// was checked, the engine's safe body HTML, related pages, sources and the disclaimer.
#pragma once

#include "core/search_types.h"

#include <fibrokb/article.h>

#include <QColor>
#include <QHash>
#include <QString>

namespace fibrokb::app {

struct PageColors {
    QColor text{0x20, 0x20, 0x20};
    QColor background{0xff, 0xff, 0xff};
    QColor link{0x1a, 0x55, 0x9e};
    QColor muted{0x5a, 0x5a, 0x5a};
    QColor accent{0xf3, 0xf0, 0xe8};   // quiet background for the "checked" and disclaimer boxes
};

struct PageOptions {
    bool forPrint = false;   // print: no related pages, link targets written out
};

class ArticlePage final {
public:
    static QString html(const fibrokb::Article& article, const QVector<ResultItem>& related,
                        const QHash<QString, QString>& topicLabels, const PageOptions& options = {});
    // CSS for QTextDocument::setDefaultStyleSheet (sizes relative to the widget font).
    static QString styleSheet(const PageColors& colors);
    static QString sourceLink(const fibrokb::Source& source);
    // Anchors used for the page's own sections (stable, so the TOC can link them).
    static QString relatedAnchor() { return QStringLiteral("fibrokb-related"); }
    static QString sourcesAnchor() { return QStringLiteral("fibrokb-sources"); }
};

}  // namespace fibrokb::app

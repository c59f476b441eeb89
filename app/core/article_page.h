// Builds the HTML page shown (and printed) for one article: title, what it is and when it
// was checked, the engine's safe body HTML, related pages, sources and the disclaimer.
#pragma once

#include "core/search_types.h"

#include <fibrokb/article.h>

#include <QColor>
#include <QHash>
#include <QSet>
#include <QString>

namespace fibrokb::app {

struct PageColors {
    QColor text{0x20, 0x20, 0x20};
    QColor background{0xff, 0xff, 0xff};
    QColor link{0x1a, 0x55, 0x9e};
    QColor muted{0x5a, 0x5a, 0x5a};
    QColor accent{0xf3, 0xf0, 0xe8};  // quiet background for the "checked" and disclaimer boxes
};

// What QTextDocument::setHtml may be given for one page body. It runs on the UI thread and its cost
// grows with size, with table cells, with the length of one block and (much faster) with nesting depth:
// before these bounds a 3,000-row table took 1.9 s to open, one 5 MB line 5.1 s, 5,000 nested quotes 5.9 s
// and 2,000 nested list items 10 s. With them, each of those and the worst page the bounds let through
// open in about 0.15 s or less (tests/gui/test_bounded_work.cpp measures them and prints the figures).
struct HtmlBounds {
    int maxChars = 200000;      // characters of body HTML; cut at the next block end after this
    int maxBlockChars = 50000;  // characters in one block (a paragraph, a line); one layout pass each
    int maxDepth = 48;          // elements open at once inside the body; deeper ones are flattened
    int maxTableCells = 600;    // table cells in the whole body; the page is cut before the next row
};

// A page body made safe to lay out on the UI thread.
struct BoundedHtml {
    QString html;
    bool shortened = false;  // the rest of the body was left out
    bool flattened = false;  // elements nested deeper than maxDepth were dropped (their text is kept)
    QSet<QString> anchors;   // names of the <a name> anchors that were kept
    int maxDepth = 0;        // deepest nesting handed on
    int tableCells = 0;      // table cells handed on
};

struct PageOptions {
    // Print and page PDF: no related pages, links as plain text (an external one with its address
    // after it), the disclaimer at the top with the title (never alone on a last page), body 12 pt.
    bool forPrint = false;
    // With forPrint: 16 pt body text and larger headings, as large-print leaflets use.
    bool largePrint = false;
    HtmlBounds bounds;
};

// What html() did to the body, for the view (contents list, notes) and the tests.
struct PageInfo {
    bool shortened = false;
    bool flattened = false;
    int bodyChars = 0;  // characters of body HTML in the page
    int maxDepth = 0;
    int tableCells = 0;
    QSet<QString> anchors;  // section anchors present in the page
};

class ArticlePage final {
public:
    static QString html(const fibrokb::Article& article, const QVector<ResultItem>& related,
                        const QHash<QString, QString>& topicLabels, const PageOptions& options = {},
                        PageInfo* info = nullptr);
    // One linear pass over the engine's body HTML: drops elements nested deeper than the bound (keeping
    // their text), cuts at a block boundary after maxChars or maxTableCells (inside a block only when that
    // block alone passes maxBlockChars), and closes whatever is open.
    static BoundedHtml bounded(const QString& bodyHtml, const HtmlBounds& bounds = {});
    // The notes shown when a page was shortened or flattened.
    static QString tooLongNote();
    static QString flattenedNote();
    // CSS for QTextDocument::setDefaultStyleSheet (sizes relative to the widget font).
    static QString styleSheet(const PageColors& colors);
    static QString sourceLink(const fibrokb::Source& source);
    // One entry of a Sources list as HTML: authors, title, year, each ending in exactly one full stop
    // ("Bidonde J, et al." stays as written), then the address.
    static QString sourceLine(const fibrokb::Source& source, bool forPrint);
    // The body text size of a printed page, in points.
    static int printPointSize(const PageOptions& options) { return options.largePrint ? 16 : 12; }
    // A printed page's links as plain text: an internal link becomes its words, an external one its
    // words followed by its address in brackets (unless the words are the address).
    static QString plainLinksForPrint(const QString& html);
    // Anchors used for the page's own sections (stable, so the TOC can link them).
    static QString relatedAnchor() { return QStringLiteral("fibrokb-related"); }
    static QString sourcesAnchor() { return QStringLiteral("fibrokb-sources"); }
};

}  // namespace fibrokb::app

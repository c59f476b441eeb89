#include "core/article_page.h"

#include "core/disclaimer.h"
#include "core/text_format.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QVector>

#include <algorithm>

namespace fibrokb::app {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ArticlePage", text);
}

// A sentence of a reference ("Bidonde J, et al.", a title, a year) with exactly one closing stop:
// text that already ends in one (or in ? or !) gets none added.
QString referencePart(const QString& text, const QString& format = QStringLiteral("%1"))
{
    const QString trimmed = text.trimmed();
    const bool ended =
        trimmed.endsWith(QLatin1Char('.')) || trimmed.endsWith(QLatin1Char('?')) || trimmed.endsWith(QLatin1Char('!'));
    return format.arg(htmlEscape(trimmed)) + (ended ? QString() : QStringLiteral("."));
}

bool hasScheme(const QString& href)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    return scheme.match(href).hasMatch();
}

bool isVoidElement(QStringView name)
{
    static const QStringList voids = {QStringLiteral("br"),     QStringLiteral("hr"),   QStringLiteral("img"),
                                      QStringLiteral("col"),    QStringLiteral("wbr"),  QStringLiteral("input"),
                                      QStringLiteral("area"),   QStringLiteral("base"), QStringLiteral("embed"),
                                      QStringLiteral("link"),   QStringLiteral("meta"), QStringLiteral("param"),
                                      QStringLiteral("source"), QStringLiteral("track")};
    for (const QString& v : voids)
        if (name == v)
            return true;
    return false;
}

// Elements that end a block: a good place to cut a page.
bool isBlockElement(QStringView name)
{
    static const QStringList blocks = {
        QStringLiteral("p"),   QStringLiteral("li"), QStringLiteral("tr"),    QStringLiteral("table"),
        QStringLiteral("ul"),  QStringLiteral("ol"), QStringLiteral("pre"),   QStringLiteral("blockquote"),
        QStringLiteral("div"), QStringLiteral("dl"), QStringLiteral("dd"),    QStringLiteral("dt"),
        QStringLiteral("h1"),  QStringLiteral("h2"), QStringLiteral("h3"),    QStringLiteral("h4"),
        QStringLiteral("h5"),  QStringLiteral("h6"), QStringLiteral("thead"), QStringLiteral("tbody")};
    for (const QString& b : blocks)
        if (name == b)
            return true;
    return false;
}

// Elements whose dropped start should still start a new line of text.
bool startsLine(QStringView name)
{
    return name == u"p" || name == u"li" || name == u"tr" || name == u"blockquote" || name == u"div" ||
           name == u"pre" || name == u"dd" || name == u"dt" ||
           (name.size() == 2 && name[0] == u'h' && name[1].isDigit());
}

// The value of attribute `attr` in a start tag ("" when absent); the engine writes double quotes.
QString attributeValue(QStringView tag, QStringView attr)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype at = tag.indexOf(attr, from, Qt::CaseInsensitive);
        if (at < 0)
            return {};
        from = at + attr.size();
        const bool startsWord = at > 0 && tag[at - 1].isSpace();
        if (!startsWord || from + 1 >= tag.size() || tag[from] != u'=' ||
            (tag[from + 1] != u'"' && tag[from + 1] != u'\''))
            continue;
        const QChar quote = tag[from + 1];
        const qsizetype end = tag.indexOf(quote, from + 2);
        if (end < 0)
            return {};
        return tag.mid(from + 2, end - from - 2).toString();
    }
}

// Where to cut a text run at most `limit` characters long: at a space if one is near, never inside an
// entity (&amp;) or a surrogate pair.
qsizetype textCut(QStringView text, qsizetype limit)
{
    qsizetype cut = qMin(limit, text.size());
    const qsizetype space = text.left(cut).lastIndexOf(u' ');
    if (space > cut - 200 && space > 0)
        cut = space;
    const qsizetype amp = text.left(cut).lastIndexOf(u'&');
    if (amp >= 0 && text.left(cut).indexOf(u';', amp) < 0)
        cut = amp;
    if (cut > 0 && text[cut - 1].isHighSurrogate())
        --cut;
    return cut;
}

}  // namespace

QString ArticlePage::tooLongNote()
{
    return tr("This page is too long to show in full here, so only its first part is shown. Nothing is wrong with "
              "FibroKB or with your computer.");
}

QString ArticlePage::flattenedNote()
{
    return tr("Parts of this page are nested very deeply; they are shown flattened so the page stays quick to read.");
}

BoundedHtml ArticlePage::bounded(const QString& html, const HtmlBounds& bounds)
{
    struct Open {
        QString name;
        bool kept;
    };
    BoundedHtml out;
    out.html.reserve(qMin<qsizetype>(html.size(), qsizetype(bounds.maxChars) + 4096));
    QVector<Open> stack;
    int keptDepth = 0;
    // Past maxChars the page ends at the next block end; a block that goes on and on is cut inside,
    // at the latest here (or after maxBlockChars of the block itself).
    const qsizetype hardLimit = qsizetype(bounds.maxChars) + qsizetype(bounds.maxChars) / 10;
    qsizetype blockStart = 0;  // where in out.html the current block began
    const qsizetype n = html.size();
    qsizetype i = 0;

    auto room = [&] {
        return qMin(hardLimit - out.html.size(), qsizetype(bounds.maxBlockChars) - (out.html.size() - blockStart));
    };
    auto cutHere = [&] {
        out.html += QStringLiteral(" \u2026");
        out.shortened = true;
    };
    auto closeTo = [&](int index) {  // pops the stack down to (and including) `index`
        while (stack.size() > index) {
            const Open top = stack.takeLast();
            if (top.kept) {
                out.html += QStringLiteral("</") + top.name + QLatin1Char('>');
                --keptDepth;
            }
        }
    };
    bool atBreak = false;  // nothing but white space since the last <br> this pass added

    while (i < n) {
        if (html[i] != u'<') {
            qsizetype next = html.indexOf(u'<', i);
            if (next < 0)
                next = n;
            const QStringView text = QStringView(html).mid(i, next - i);
            const qsizetype left = room();
            if (text.size() > left) {
                // One block longer than the bounds (a huge paragraph or line): cut inside it.
                out.html += text.left(textCut(text, qMax<qsizetype>(0, left)));
                cutHere();
                break;
            }
            out.html += text;
            if (atBreak)
                atBreak = std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
            i = next;
            continue;
        }
        // Comments ("raw HTML omitted") pass through; an unfinished one ends the page.
        if (QStringView(html).mid(i, 4) == u"<!--") {
            const qsizetype end = html.indexOf(QStringLiteral("-->"), i + 4);
            if (end < 0)
                break;
            out.html += QStringView(html).mid(i, end + 3 - i);
            i = end + 3;
            continue;
        }
        // The end of the tag, skipping quoted attribute values.
        qsizetype end = i + 1;
        QChar quote;
        while (end < n) {
            const QChar c = html[end];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>') {
                break;
            }
            ++end;
        }
        if (end >= n)
            break;  // an unfinished tag at the very end: dropped
        const QStringView tag = QStringView(html).mid(i, end - i + 1);
        i = end + 1;
        if (room() <= 0) {
            // A block far longer than the bounds, made of many small pieces: cut between them.
            cutHere();
            break;
        }
        if (tag.size() < 3 || tag[1] == u'!' || tag[1] == u'?')
            continue;
        const bool closing = tag[1] == u'/';
        const qsizetype nameStart = closing ? 2 : 1;
        qsizetype nameEnd = nameStart;
        while (nameEnd < tag.size() && tag[nameEnd].isLetterOrNumber())
            ++nameEnd;
        if (nameEnd == nameStart)
            continue;  // not a tag the engine writes
        const QString name = tag.mid(nameStart, nameEnd - nameStart).toString().toLower();
        const bool block = isBlockElement(name);

        if (closing) {
            // The engine's HTML is well formed, so the match is on top; a stray end tag is not searched for
            // far, so that many of them on a deep stack stay cheap.
            int match = -1;
            for (int s = int(stack.size()) - 1; s >= 0 && s >= int(stack.size()) - 256; --s)
                if (stack[s].name == name) {
                    match = s;
                    break;
                }
            if (match < 0)
                continue;  // a stray end tag
            if (stack[match].kept)
                atBreak = false;
            closeTo(match);
            if (block) {
                blockStart = out.html.size();
                if (out.html.size() >= bounds.maxChars) {
                    out.shortened = true;
                    break;
                }
            }
            continue;
        }
        if (isVoidElement(name) || tag[tag.size() - 2] == u'/') {
            out.html += tag;
            atBreak = false;
            continue;
        }
        // Table cells cost far more to lay out than text: the page ends before a row that would pass the bound.
        if (name == u"tr" && out.tableCells >= bounds.maxTableCells) {
            out.shortened = true;
            break;
        }
        if ((name == u"td" || name == u"th") && out.tableCells >= 2 * bounds.maxTableCells) {
            out.shortened = true;  // one enormous row
            break;
        }
        if (name == u"td" || name == u"th")
            ++out.tableCells;
        if (block)
            blockStart = out.html.size();
        if (keptDepth >= bounds.maxDepth) {
            // Too deep: the element is left out, its content stays where it is (on a line of its own).
            stack.push_back({name, false});
            out.flattened = true;
            if (startsLine(name) && !atBreak) {
                out.html += QStringLiteral("<br>");
                atBreak = true;
            }
            continue;
        }
        atBreak = false;
        stack.push_back({name, true});
        ++keptDepth;
        out.maxDepth = qMax(out.maxDepth, keptDepth);
        out.html += tag;
        if (name == u"a") {
            const QString anchor = attributeValue(tag, u"name");
            if (!anchor.isEmpty())
                out.anchors.insert(anchor);
        }
    }
    closeTo(0);
    return out;
}

QString ArticlePage::sourceLine(const fibrokb::Source& source, bool forPrint)
{
    QStringList parts;
    if (!source.by.empty())
        parts << referencePart(toQString(source.by));
    parts << referencePart(toQString(source.title), QStringLiteral("<i>%1</i>"));
    if (!source.year.empty())
        parts << referencePart(toQString(source.year));
    QString line = parts.join(QLatin1Char(' '));
    const QString target = sourceLink(source);
    if (!target.isEmpty()) {
        const QString shown = source.doi.empty() ? target : QStringLiteral("doi:") + toQString(source.doi);
        if (forPrint)
            line += QStringLiteral(" %1").arg(htmlEscape(target));
        else
            line += QStringLiteral(" <a href=\"%1\">%2</a> <span class=\"net\">(%3)</span>")
                        .arg(htmlEscape(target), htmlEscape(shown), tr("opens in your browser, needs internet"));
    }
    // Web pages change: say when ours was last compared with this one.
    if (!source.checked.empty() && !source.url.empty())
        line += QLatin1Char(' ') + htmlEscape(tr("Web page checked %1.").arg(readableDate(toQString(source.checked))));
    return line;
}

QString ArticlePage::plainLinksForPrint(const QString& html)
{
    // The engine's HTML escapes '<' and '>' inside text and attribute values, so a tag ends at the next '>'.
    QString out;
    out.reserve(html.size());
    bool inLink = false;
    QString address;           // the external address to write after the link's words
    qsizetype wordsStart = 0;  // where in `out` the link's words began
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype lt = html.indexOf(u'<', i);
        if (lt < 0) {
            out += QStringView(html).mid(i);
            break;
        }
        out += QStringView(html).mid(i, lt - i);
        const qsizetype gt = html.indexOf(u'>', lt);
        if (gt < 0) {
            out += QStringView(html).mid(lt);
            break;
        }
        const QStringView tag = QStringView(html).mid(lt, gt - lt + 1);
        i = gt + 1;
        if (!inLink && tag.size() > 3 && tag.startsWith(u"<a", Qt::CaseInsensitive) && tag[2].isSpace()) {
            const QString href = attributeValue(tag, u"href");
            if (!href.isEmpty()) {
                inLink = true;
                address = hasScheme(href) ? href : QString();
                wordsStart = out.size();
                continue;  // the start tag is dropped; a <a name> anchor (no href) is kept
            }
        } else if (inLink && tag.compare(u"</a>", Qt::CaseInsensitive) == 0) {
            inLink = false;
            const QString words = out.mid(wordsStart).trimmed();
            const QString bare = QString(address).remove(QRegularExpression(QStringLiteral("^mailto:")));
            if (!address.isEmpty() && words != address && words != bare)
                out += QStringLiteral(" (%1)").arg(address);
            continue;
        }
        out += tag;
    }
    return out;
}

QString ArticlePage::sourceLink(const fibrokb::Source& source)
{
    if (!source.url.empty())
        return toQString(source.url);
    if (!source.doi.empty())
        return QStringLiteral("https://doi.org/") + toQString(source.doi);
    return {};
}

QString ArticlePage::html(const fibrokb::Article& article, const QVector<ResultItem>& related,
                          const QHash<QString, QString>& topicLabels, const PageOptions& options, PageInfo* info)
{
    QString page;
    if (options.forPrint) {
        // Sizes in points for paper; headings scale with the body text.
        const int body = printPointSize(options);
        page += QStringLiteral("<html><head><style>body { font-size: %1pt; } h1 { font-size: %2pt; } "
                               "h2 { font-size: %3pt; } h3 { font-size: %4pt; }</style></head><body>")
                    .arg(body)
                    .arg(qRound(body * 1.6))
                    .arg(qRound(body * 1.3))
                    .arg(qRound(body * 1.15));
    } else {
        page += QStringLiteral("<html><body>");
    }
    page += QStringLiteral("<h1><a name=\"top\"></a>%1</h1>").arg(htmlEscape(toQString(article.title)));

    QStringList topics;
    for (const std::string& topic : article.topics)
        topics << htmlEscape(topicLabels.value(toQString(topic), toQString(topic)));
    const QString kind = article.type == fibrokb::DocType::Faq ? tr("Questions and answers") : tr("Article");
    page += QStringLiteral("<p class=\"meta\">%1 &middot; %2 &middot; %3</p>")
                .arg(kind, topics.join(QStringLiteral(", ")), htmlEscape(audienceLabel(toQString(article.audience))));
    if (!article.reviewed.empty()) {
        QString checked = tr("Checked against its sources on %1.").arg(readableDate(toQString(article.reviewed)));
        if (!article.nextReview.empty())
            checked += QLatin1Char(' ') + tr("Next check due by %1.").arg(readableDate(toQString(article.nextReview)));
        page += QStringLiteral("<p class=\"checked\">%1</p>").arg(checked);
    }
    // On paper the disclaimer goes with the title: at the end it could be left alone on a last page.
    if (options.forPrint)
        page +=
            QStringLiteral("<p class=\"disclaimer\">%1 %2</p>").arg(pageDisclaimerHtml(), tr("Printed from FibroKB."));
    if (!article.summary.empty())
        page += QStringLiteral("<p class=\"summary\">%1</p>").arg(htmlEscape(toQString(article.summary)));

    // The engine's body HTML, bounded: whatever is stored, what reaches QTextDocument stays quick to lay out.
    const BoundedHtml body = bounded(toQString(article.html), options.bounds);
    if (body.shortened)
        page += QStringLiteral("<p class=\"note\">%1</p>").arg(tooLongNote());
    if (body.flattened)
        page += QStringLiteral("<p class=\"note\">%1</p>").arg(flattenedNote());
    page += QStringLiteral("<div class=\"body\">") + (options.forPrint ? plainLinksForPrint(body.html) : body.html) +
            QStringLiteral("</div>");
    if (body.shortened)
        page += QStringLiteral("<p class=\"note\">%1</p>").arg(tr("The rest of this page is not shown here."));
    if (info) {
        info->shortened = body.shortened;
        info->flattened = body.flattened;
        info->bodyChars = int(body.html.size());
        info->maxDepth = body.maxDepth;
        info->tableCells = body.tableCells;
        info->anchors = body.anchors;
    }

    if (!options.forPrint && !related.isEmpty()) {
        page += QStringLiteral("<h2><a name=\"%1\"></a>%2</h2><ul class=\"related\">")
                    .arg(relatedAnchor(), tr("Related pages"));
        for (const ResultItem& item : related) {
            page += QStringLiteral("<li><a href=\"%1\">%2</a>").arg(htmlEscape(item.articleId), htmlEscape(item.title));
            if (!item.summary.isEmpty())
                page += QStringLiteral(" &ndash; %1").arg(htmlEscape(item.summary));
            page += QStringLiteral("</li>");
        }
        page += QStringLiteral("</ul>");
    }

    if (!article.sources.empty()) {
        page +=
            QStringLiteral("<h2><a name=\"%1\"></a>%2</h2><ol class=\"sources\">").arg(sourcesAnchor(), tr("Sources"));
        for (const fibrokb::Source& source : article.sources)
            page += QStringLiteral("<li>%1</li>").arg(sourceLine(source, options.forPrint));
        page += QStringLiteral("</ol>");
    }
    if (!options.forPrint)
        page += QStringLiteral("<p class=\"disclaimer\">%1</p>").arg(pageDisclaimerHtml());
    page += QStringLiteral("</body></html>");
    return page;
}

QString ArticlePage::styleSheet(const PageColors& c)
{
    // QTextDocument understands a subset of CSS. Font sizes are left to the document's
    // default font (heading sizes are relative to it), so zoom and the text-size setting
    // scale the whole page; line height applies to paragraphs only.
    return QStringLiteral("body { color: %1; }"
                          "h1 { font-weight: 600; margin-top: 4px; margin-bottom: 6px; }"
                          "h2 { font-weight: 600; margin-top: 18px; margin-bottom: 4px; }"
                          "h3 { font-weight: 600; margin-top: 14px; margin-bottom: 2px; }"
                          "p { line-height: 145%; margin-top: 4px; margin-bottom: 10px; }"
                          "li { line-height: 145%; margin-bottom: 5px; }"
                          "a { color: %2; }"
                          ".meta { color: %3; }"
                          ".checked { color: %3; }"
                          ".summary { font-style: italic; }"
                          ".net { color: %3; }"
                          ".note { color: %3; background-color: %4; }"
                          ".disclaimer { color: %3; background-color: %4; margin-top: 24px; }"
                          "table { border-collapse: collapse; }"
                          "td, th { padding: 4px; border: 1px solid %3; }")
        .arg(c.text.name(), c.link.name(), c.muted.name(), c.accent.name());
}

}  // namespace fibrokb::app

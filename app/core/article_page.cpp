#include "core/article_page.h"

#include "core/disclaimer.h"
#include "core/text_format.h"

#include <QCoreApplication>
#include <QStringList>

namespace fibrokb::app {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ArticlePage", text);
}

QString sourceLine(const fibrokb::Source& source, bool forPrint)
{
    QStringList parts;
    if (!source.by.empty())
        parts << htmlEscape(toQString(source.by));
    parts << QStringLiteral("<i>%1</i>").arg(htmlEscape(toQString(source.title)));
    if (!source.year.empty())
        parts << htmlEscape(toQString(source.year));
    QString line = parts.join(QStringLiteral(". ")) + QLatin1Char('.');
    const QString target = ArticlePage::sourceLink(source);
    if (!target.isEmpty()) {
        const QString shown = source.doi.empty() ? target : QStringLiteral("doi:") + toQString(source.doi);
        if (forPrint)
            line += QStringLiteral(" %1").arg(htmlEscape(target));
        else
            line += QStringLiteral(" <a href=\"%1\">%2</a> <span class=\"net\">(%3)</span>")
                        .arg(htmlEscape(target), htmlEscape(shown), tr("opens in your browser, needs internet"));
    }
    return line;
}

}  // namespace

QString ArticlePage::sourceLink(const fibrokb::Source& source)
{
    if (!source.url.empty())
        return toQString(source.url);
    if (!source.doi.empty())
        return QStringLiteral("https://doi.org/") + toQString(source.doi);
    return {};
}

QString ArticlePage::html(const fibrokb::Article& article, const QVector<ResultItem>& related,
                          const QHash<QString, QString>& topicLabels, const PageOptions& options)
{
    QString page;
    page += QStringLiteral("<html><body>");
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
    if (!article.summary.empty())
        page += QStringLiteral("<p class=\"summary\">%1</p>").arg(htmlEscape(toQString(article.summary)));

    page += QStringLiteral("<div class=\"body\">") + toQString(article.html) + QStringLiteral("</div>");

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
        page += QStringLiteral("<h2><a name=\"%1\"></a>%2</h2><ol class=\"sources\">").arg(sourcesAnchor(), tr("Sources"));
        for (const fibrokb::Source& source : article.sources)
            page += QStringLiteral("<li>%1</li>").arg(sourceLine(source, options.forPrint));
        page += QStringLiteral("</ol>");
    }
    page += QStringLiteral("<p class=\"disclaimer\">%1</p>").arg(pageDisclaimerHtml());
    if (options.forPrint)
        page += QStringLiteral("<p class=\"meta\">%1</p>")
                    .arg(tr("Printed from FibroKB, page id: %1").arg(htmlEscape(toQString(article.id))));
    page += QStringLiteral("</body></html>");
    return page;
}

QString ArticlePage::styleSheet(const PageColors& c)
{
    // QTextDocument understands a subset of CSS. Font sizes are left to the document's
    // default font (heading sizes are relative to it), so zoom and the text-size setting
    // scale the whole page; line height applies to paragraphs only.
    return QStringLiteral(
               "body { color: %1; }"
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
               ".disclaimer { color: %3; background-color: %4; margin-top: 24px; }"
               "table { border-collapse: collapse; }"
               "td, th { padding: 4px; border: 1px solid %3; }")
        .arg(c.text.name(), c.link.name(), c.muted.name(), c.accent.name());
}

}  // namespace fibrokb::app

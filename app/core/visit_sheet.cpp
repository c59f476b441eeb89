#include "core/visit_sheet.h"

#include "core/disclaimer.h"

#include <QCoreApplication>
#include <QDate>

namespace fibrokb::app {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("VisitSheet", text);
}

QString escapedLines(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// Point sizes of the sheet. Inline on every element: the print path's default font and the
// article style sheet are made for articles, and the sheet must keep its own measure.
struct Sizes {
    int body;
    int title;
    int heading;
    int small;

    static Sizes of(bool largePrint) { return largePrint ? Sizes{16, 26, 20, 14} : Sizes{12, 20, 14, 10}; }
};

QString paragraph(const QString& html, int points, const QString& extraStyle = {})
{
    return QStringLiteral(
               "<p style=\"font-size: %1pt; line-height: 120%; margin-top: 0px; margin-bottom: 3px;%2\">%3</p>")
        .arg(points)
        .arg(extraStyle, html);
}

// A heading, as a bold paragraph: QTextDocument sizes <h1>/<h2> from the print's default font
// and does not let the sheet's own sizes through, so large print would not reach them.
QString headingHtml(int points, const QString& text, int marginTop, const QString& extraStyle = {})
{
    return QStringLiteral("<p style=\"font-size: %1pt; font-weight: 600; line-height: 115%; margin-top: %2px; "
                          "margin-bottom: 2px;%3\">%4</p>")
        .arg(points)
        .arg(marginTop)
        .arg(extraStyle, text);
}

// What the sheet says about one bookmark: the page (its real title), the section, the
// person's own name for it when they renamed it, and their note. Never the internal id.
QString bookmarkHtml(int number, const Bookmark& b, const QString& pageTitle, const Sizes& size)
{
    QString html;
    const QString heading = pageTitle.isEmpty() ? b.title : pageTitle;
    html += headingHtml(size.heading, QStringLiteral("%1. %2").arg(number).arg(heading.toHtmlEscaped()), 10);
    const bool sectionInHeading = pageTitle.isEmpty() && b.title.contains(b.sectionTitle);
    if (!b.sectionTitle.isEmpty() && !sectionInHeading)
        html +=
            paragraph(QStringLiteral("<b>%1</b> %2").arg(tr("Section:"), b.sectionTitle.toHtmlEscaped()), size.body);
    // The bookmark dialog names a bookmark "Page" or "Page — Section"; anything else is the
    // person's own name, which they will look for on the sheet.
    const QString usualTitle =
        b.sectionTitle.isEmpty() ? pageTitle : QStringLiteral("%1 \u2014 %2").arg(pageTitle, b.sectionTitle);
    if (!pageTitle.isEmpty() && b.title != pageTitle && b.title != usualTitle)
        html +=
            paragraph(QStringLiteral("<b>%1</b> %2").arg(tr("My name for it:"), b.title.toHtmlEscaped()), size.body);
    if (!b.note.isEmpty())
        html += paragraph(QStringLiteral("<b>%1</b> %2").arg(tr("My note:"), escapedLines(b.note)), size.body);
    return html;
}

// "Questions and answers" with ruled lines to write on: one table row per line,
// each a single line of text whose bottom border is the ruled line. The print layout never
// splits a line of text across pages, so the heading (which shares the first row, its line
// made taller) never ends a page without a line to write on under it.
QString questionLinesHtml(const Sizes& size)
{
    const QString row =
        QStringLiteral("<tr><td style=\"border: none; border-bottom: 1px solid #777777; padding: 0px;\">%1</td></tr>");
    // One and a half lines of text high: room for handwriting.
    const QString space = QStringLiteral("<p style=\"font-size: %1pt; line-height: 100%; margin: 0px;\">&nbsp;</p>")
                              .arg(size.body * 3 / 2);
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top: 14px; "
                                  "border-collapse: collapse;\">");
    html += row.arg(headingHtml(size.heading, tr("Questions and answers"), 0,
                                QStringLiteral(" line-height: 230%; margin-bottom: 0px;")));
    for (int i = 1; i < kVisitSheetAnswerLines; ++i)
        html += row.arg(space);
    html += QStringLiteral("</table>");
    return html;
}

}  // namespace

QString visitSheetHtml(const QString& folderName, const QVector<Bookmark>& bookmarks, const VisitSheetOptions& options)
{
    const Sizes size = Sizes::of(options.largePrint);
    QString html = QStringLiteral("<html><body style=\"font-size: %1pt;\">").arg(size.body);
    html += headingHtml(size.title, folderName.toHtmlEscaped(), 0);
    html += paragraph(tr("Prepared on %1 with FibroKB: the pages I want to talk about, with my notes.")
                          .arg(QDate::currentDate().toString(QStringLiteral("d MMMM yyyy")))
                          .toHtmlEscaped(),
                      size.body, QStringLiteral(" color: #444444;"));
    // The disclaimer goes at the top, small: it reaches the doctor first, and a longer sheet
    // can never push it alone onto a last page.
    html += paragraph(pageDisclaimerHtml(), size.small, QStringLiteral(" color: #555555; margin-bottom: 6px;"));
    if (bookmarks.isEmpty())
        html += paragraph(QStringLiteral("<i>%1</i>").arg(tr("This folder has no bookmarks yet.")), size.body);
    int number = 0;
    for (const Bookmark& b : bookmarks) {
        const QString pageTitle = options.pageTitle ? options.pageTitle(b.articleId) : QString();
        html += bookmarkHtml(++number, b, pageTitle, size);
    }
    html += questionLinesHtml(size);
    html += QStringLiteral("</body></html>");
    return html;
}

}  // namespace fibrokb::app

#include "core/visit_sheet.h"

#include "core/disclaimer.h"

#include <QCoreApplication>
#include <QDate>

namespace fibrokb::app {

QString visitSheetHtml(const QString& folderName, const QVector<Bookmark>& bookmarks)
{
    auto tr = [](const char* text) { return QCoreApplication::translate("VisitSheet", text); };
    QString html = QStringLiteral(
        "<html><body style=\"font-size: 12pt;\">"
        "<h1>%1</h1><p>%2</p>")
                       .arg(folderName.toHtmlEscaped(),
                            tr("Prepared on %1 with FibroKB. My notes and the pages I want to talk about.")
                                .arg(QDate::currentDate().toString(QStringLiteral("d MMMM yyyy"))));
    if (bookmarks.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("This folder has no bookmarks yet."));
    int number = 0;
    for (const Bookmark& b : bookmarks) {
        html += QStringLiteral("<h2>%1. %2</h2>").arg(++number).arg(b.title.toHtmlEscaped());
        if (!b.sectionTitle.isEmpty())
            html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Section:"), b.sectionTitle.toHtmlEscaped());
        if (!b.note.isEmpty())
            html += QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                        .arg(tr("My note:"), b.note.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        html += QStringLiteral("<p style=\"color: #555555;\">%1 %2</p>").arg(tr("FibroKB page:"), b.key().toHtmlEscaped());
    }
    html += QStringLiteral("<h2>%1</h2><p>&nbsp;</p><hr><p>&nbsp;</p><hr><p>&nbsp;</p><hr>").arg(tr("Questions and answers at the visit"));
    html += QStringLiteral("<p style=\"color: #555555;\">%1</p></body></html>").arg(pageDisclaimerHtml());
    return html;
}

}  // namespace fibrokb::app

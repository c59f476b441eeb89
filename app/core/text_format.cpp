#include "core/text_format.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

namespace fibrokb::app {

QString readableDate(const QString& isoDate)
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    if (!date.isValid())
        return isoDate;
    // QDate::toString(format) uses English month names, matching the English content.
    return date.toString(QStringLiteral("d MMMM yyyy"));
}

QString typeLabel(const QString& type)
{
    if (type == QLatin1String("faq"))
        return QCoreApplication::translate("fibrokb", "Question");
    return QCoreApplication::translate("fibrokb", "Article");
}

QString audienceLabel(const QString& audience)
{
    if (audience == QLatin1String("patients"))
        return QCoreApplication::translate("fibrokb", "For people with fibromyalgia");
    if (audience == QLatin1String("caregivers"))
        return QCoreApplication::translate("fibrokb", "For carers");
    if (audience == QLatin1String("everyone"))
        return QCoreApplication::translate("fibrokb", "For everyone");
    return audience;
}

QString pagesText(int count)
{
    return count == 1 ? QCoreApplication::translate("fibrokb", "1 page")
                      : QCoreApplication::translate("fibrokb", "%1 pages").arg(count);
}

QString bookmarksText(int count)
{
    return count == 1 ? QCoreApplication::translate("fibrokb", "1 bookmark")
                      : QCoreApplication::translate("fibrokb", "%1 bookmarks").arg(count);
}

QString foldersText(int count)
{
    return count == 1 ? QCoreApplication::translate("fibrokb", "1 folder")
                      : QCoreApplication::translate("fibrokb", "%1 folders").arg(count);
}

QString htmlEscape(const QString& text)
{
    return text.toHtmlEscaped();
}

QString plainFromHtml(const QString& html)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.remove(tags);
    text.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&#x27;"), QLatin1String("'"))
        .replace(QLatin1String("&hellip;"), QString(QChar(0x2026)))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text.simplified();
}

}  // namespace fibrokb::app

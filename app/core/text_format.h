// Small text helpers shared by the models, the page builder and the visit sheet.
#pragma once

#include <QString>

namespace fibrokb::app {

// "2026-11-23" -> "23 November 2026"; anything else is returned unchanged.
QString readableDate(const QString& isoDate);
// "article" -> "Article", "faq" -> "Question" (the badge text).
QString typeLabel(const QString& type);
// "patients" -> "For people with fibromyalgia" ...
QString audienceLabel(const QString& audience);
QString htmlEscape(const QString& text);
// "1 page" / "3 pages" (English plurals without a translation file loaded).
QString pagesText(int count);
QString bookmarksText(int count);
QString foldersText(int count);
// Drops tags and decodes the few entities the engine emits, for screen readers and speech.
QString plainFromHtml(const QString& html);

}  // namespace fibrokb::app

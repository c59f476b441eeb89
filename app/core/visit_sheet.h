// A printable "visit sheet": the bookmarks of one folder with their notes and ruled lines for
// the answers, to take to an appointment. Plain HTML so it prints the same everywhere (see
// ui/printing.h for PDF). Every size is set here, inline, so a folder of a few bookmarks fits
// one A4 page whatever the screen's text size, and the disclaimer never sits alone on a page.
#pragma once

#include "core/bookmark.h"

#include <QString>

#include <functional>

namespace fibrokb::app {

struct VisitSheetOptions {
    // 16 pt body text instead of 12 pt (NHS large-print leaflets use 16 pt or more).
    bool largePrint = false;
    // The page's real title by article id ("" when the page is unknown). A bookmark may have
    // been renamed; the sheet names the page the doctor can look up, and the person's own name
    // for it beside, labelled. Without it the bookmark's title is shown.
    std::function<QString(const QString& articleId)> pageTitle;
};

// Writing lines under "Questions and answers" (the first shares its row with that heading).
inline constexpr int kVisitSheetAnswerLines = 8;

QString visitSheetHtml(const QString& folderName, const QVector<Bookmark>& bookmarks,
                       const VisitSheetOptions& options = {});

}  // namespace fibrokb::app

// A printable "visit sheet": the bookmarks of one folder with their notes, to take to an
// appointment. Plain HTML so it prints the same everywhere (see ui/printing.h for PDF).
#pragma once

#include "core/bookmark.h"

#include <QString>

namespace fibrokb::app {

QString visitSheetHtml(const QString& folderName, const QVector<Bookmark>& bookmarks);

}  // namespace fibrokb::app

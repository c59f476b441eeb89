// Plain bookmark data. A bookmark is keyed by the article id plus a section anchor, never
// by an index document number, so it survives re-indexing and content updates.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fibrokb::app {

struct Folder {
    qint64 id = 0;
    QString name;
    QDateTime created;
};

struct Bookmark {
    qint64 id = 0;
    QString articleId;
    QString anchor;        // "" = the whole page
    QString title;         // what the person sees; can be renamed
    QString sectionTitle;  // heading of the section, "" for the whole page
    QStringList topics;
    qint64 folderId = 0;  // 0 = not in a folder
    QString note;
    QDateTime created;

    QString key() const { return anchor.isEmpty() ? articleId : articleId + QLatin1Char('#') + anchor; }
};

struct ImportReport {
    int added = 0;
    int alreadyThere = 0;
    int foldersAdded = 0;
    QString error;  // "" when the file was read
};

}  // namespace fibrokb::app

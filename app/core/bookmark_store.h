// Bookmarks and folders in SQLite, by default in QStandardPaths::AppDataLocation.
// Durability (see sqlite_connection.h): WAL, synchronous=FULL, a busy timeout so two FibroKB
// windows on the same file both keep their changes, every change in one BEGIN IMMEDIATE
// transaction whose COMMIT is checked. A change that was not saved returns 0/false and
// error() says why; it never emits changed().
// On open, a damaged file or one that is not a database is moved aside (never deleted),
// a new file is started, what can still be read is copied into it, and recoveryNote() says
// so in words for the person. The schema version is PRAGMA user_version (sqlite_migration.h).
// Used from the UI thread only.
#pragma once

#include "core/bookmark.h"
#include "core/sqlite_connection.h"

#include <QObject>

#include <memory>
#include <optional>

namespace fibrokb::app {

class BookmarkStore final : public QObject {
    Q_OBJECT
public:
    static constexpr int kSchemaVersion = 1;
    static QString defaultPath();

    explicit BookmarkStore(const QString& path = defaultPath(), QObject* parent = nullptr);
    ~BookmarkStore() override;

    bool open();
    bool isOpen() const;
    // Why the last call failed ("" when it did not), in words that can follow
    // "The bookmark could not be saved: ".
    QString error() const { return error_; }
    QString path() const;
    // Set by open() when the file was damaged and replaced: what happened and where the old
    // file is, for the person. "" otherwise.
    QString recoveryNote() const { return recoveryNote_; }
    QString movedAsidePath() const;
    int salvagedBookmarks() const { return salvagedBookmarks_; }
    int salvagedFolders() const { return salvagedFolders_; }

    // Folders
    QVector<Folder> folders() const;
    std::optional<Folder> folder(qint64 id) const;
    std::optional<Folder> folderByName(const QString& name) const;
    qint64 createFolder(const QString& name);           // existing id when the name exists; 0 = failed
    bool restoreFolder(const Folder& folder);           // undo: same id again
    bool renameFolder(qint64 id, const QString& name);  // false when the folder is gone
    bool removeFolder(qint64 id);                       // its bookmarks become unfiled

    // Bookmarks
    QVector<Bookmark> bookmarks() const;
    std::optional<Bookmark> bookmark(qint64 id) const;
    std::optional<Bookmark> find(const QString& articleId, const QString& anchor) const;
    // Whether the page, or any section of it, is bookmarked. One indexed EXISTS query (the
    // UNIQUE(article_id, anchor) index), cheap enough to ask on every page change.
    bool isBookmarked(const QString& articleId) const;
    qint64 add(const Bookmark& bookmark);    // existing id when already bookmarked; 0 = failed
    bool restore(const Bookmark& bookmark);  // undo: same id and date again
    bool remove(qint64 id);
    bool setNote(qint64 id, const QString& note);  // false when the bookmark is gone
    bool rename(qint64 id, const QString& title);
    bool moveTo(qint64 id, qint64 folderId);
    int count() const;

    // A full backup, and its idempotent import (matching on article id + anchor).
    // An import is one transaction: all of it is saved, or nothing and report.error says why.
    QByteArray exportJson() const;
    bool exportJsonToFile(const QString& path, QString* error = nullptr) const;
    ImportReport importJson(const QByteArray& json);
    ImportReport importJsonFile(const QString& path);

Q_SIGNALS:
    void changed();

private:
    bool ready() const;
    bool migrate();
    void salvage();
    bool update(const QString& sql, const QVariantList& values, const QString& goneMessage);
    bool lookup(const QString& articleId, const QString& anchor, qint64* id) const;
    bool lookupFolder(const QString& name, qint64* id) const;
    bool lookupId(const QString& sql, const QVariantList& args, qint64* id) const;
    qint64 insertFolder(const QString& name);
    qint64 insertBookmark(const Bookmark& bookmark, bool keepId);

    std::unique_ptr<SqliteConnection> connection_;
    mutable QString error_;
    QString openError_;
    QString recoveryNote_;
    int salvagedBookmarks_ = 0;
    int salvagedFolders_ = 0;
};

}  // namespace fibrokb::app

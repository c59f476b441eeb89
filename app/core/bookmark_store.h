// Bookmarks and folders in SQLite (WAL, a schema version table), by default in
// QStandardPaths::AppDataLocation. Every change commits at once and emits changed().
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
    QString error() const { return error_; }
    QString path() const;

    // Folders
    QVector<Folder> folders() const;
    std::optional<Folder> folder(qint64 id) const;
    std::optional<Folder> folderByName(const QString& name) const;
    qint64 createFolder(const QString& name);          // existing id when the name exists
    bool restoreFolder(const Folder& folder);          // undo: same id again
    bool renameFolder(qint64 id, const QString& name);
    bool removeFolder(qint64 id);                      // its bookmarks become unfiled

    // Bookmarks
    QVector<Bookmark> bookmarks() const;
    std::optional<Bookmark> bookmark(qint64 id) const;
    std::optional<Bookmark> find(const QString& articleId, const QString& anchor) const;
    qint64 add(const Bookmark& bookmark);              // existing id when already bookmarked
    bool restore(const Bookmark& bookmark);            // undo: same id and date again
    bool remove(qint64 id);
    bool setNote(qint64 id, const QString& note);
    bool rename(qint64 id, const QString& title);
    bool moveTo(qint64 id, qint64 folderId);
    int count() const;

    // A full backup, and its idempotent import (matching on article id + anchor).
    QByteArray exportJson() const;
    bool exportJsonToFile(const QString& path, QString* error = nullptr) const;
    ImportReport importJson(const QByteArray& json);
    ImportReport importJsonFile(const QString& path);

Q_SIGNALS:
    void changed();

private:
    bool migrate();
    bool exec(const QString& sql, const QVariantList& values = {});
    qint64 insertBookmark(const Bookmark& bookmark, bool keepId);

    std::unique_ptr<SqliteConnection> connection_;
    mutable QString error_;
};

}  // namespace fibrokb::app

#include "core/bookmark_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcBookmarks, "fibrokb.bookmarks")

namespace fibrokb::app {
namespace {

const char* const kFormat = "fibrokb-bookmarks";

// Qt binds a null QString as SQL NULL; every text column here is NOT NULL, and
// "" must match "" when looking bookmarks up by anchor.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QString& text)
{
    QDateTime value = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!value.isValid())
        value = QDateTime::fromString(text, Qt::ISODate);
    return value;
}

Bookmark bookmarkFrom(const QSqlQuery& q)
{
    Bookmark b;
    b.id = q.value(0).toLongLong();
    b.articleId = q.value(1).toString();
    b.anchor = q.value(2).toString();
    b.title = q.value(3).toString();
    b.sectionTitle = q.value(4).toString();
    const QString topics = q.value(5).toString();
    b.topics = topics.isEmpty() ? QStringList() : topics.split(QLatin1Char(','));
    b.folderId = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
    b.note = q.value(7).toString();
    b.created = fromIso(q.value(8).toString());
    return b;
}

const QString kBookmarkColumns =
    QStringLiteral("id, article_id, anchor, title, section_title, topics, folder_id, note, created");

}  // namespace

QString BookmarkStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("bookmarks.sqlite"));
}

BookmarkStore::BookmarkStore(const QString& path, QObject* parent)
    : QObject(parent), connection_(std::make_unique<SqliteConnection>(path, QStringLiteral("bookmarks")))
{
}

BookmarkStore::~BookmarkStore() = default;

QString BookmarkStore::path() const
{
    return connection_->path();
}

bool BookmarkStore::open()
{
    error_.clear();
    if (!connection_->open(&error_))
        return false;
    return migrate();
}

bool BookmarkStore::isOpen() const
{
    return connection_->isOpen();
}

bool BookmarkStore::migrate()
{
    const int version = connection_->schemaVersion();
    if (version > kSchemaVersion) {
        error_ = tr("These bookmarks were saved by a newer FibroKB (schema %1). Please update FibroKB.")
                     .arg(version);
        return false;
    }
    if (version < 1) {
        const QString schema = QStringLiteral(
            "CREATE TABLE IF NOT EXISTS folders("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " created TEXT NOT NULL);"
            "CREATE TABLE IF NOT EXISTS bookmarks("
            " id INTEGER PRIMARY KEY,"
            " article_id TEXT NOT NULL,"
            " anchor TEXT NOT NULL DEFAULT '',"
            " title TEXT NOT NULL,"
            " section_title TEXT NOT NULL DEFAULT '',"
            " topics TEXT NOT NULL DEFAULT '',"
            " folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,"
            " note TEXT NOT NULL DEFAULT '',"
            " created TEXT NOT NULL,"
            " UNIQUE(article_id, anchor));"
            "CREATE INDEX IF NOT EXISTS bookmarks_folder ON bookmarks(folder_id)");
        if (!connection_->execScript(schema, &error_) || !connection_->setSchemaVersion(1, &error_))
            return false;
    }
    // Future versions: `if (version < 2) { ALTER TABLE ...; setSchemaVersion(2) }`.
    return true;
}

bool BookmarkStore::exec(const QString& sql, const QVariantList& values)
{
    QSqlQuery query(connection_->database());
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        error_ = query.lastError().text();
        qCWarning(lcBookmarks) << sql << error_;
        return false;
    }
    return true;
}

QVector<Folder> BookmarkStore::folders() const
{
    QVector<Folder> result;
    QSqlQuery q(connection_->database());
    if (!q.exec(QStringLiteral("SELECT id, name, created FROM folders ORDER BY name COLLATE NOCASE")))
        return result;
    while (q.next())
        result.push_back({q.value(0).toLongLong(), q.value(1).toString(), fromIso(q.value(2).toString())});
    return result;
}

std::optional<Folder> BookmarkStore::folder(qint64 id) const
{
    QSqlQuery q(connection_->database());
    q.prepare(QStringLiteral("SELECT id, name, created FROM folders WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Folder{q.value(0).toLongLong(), q.value(1).toString(), fromIso(q.value(2).toString())};
}

std::optional<Folder> BookmarkStore::folderByName(const QString& name) const
{
    QSqlQuery q(connection_->database());
    q.prepare(QStringLiteral("SELECT id, name, created FROM folders WHERE name = ? COLLATE NOCASE"));
    q.addBindValue(name.trimmed());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Folder{q.value(0).toLongLong(), q.value(1).toString(), fromIso(q.value(2).toString())};
}

qint64 BookmarkStore::createFolder(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return 0;
    if (const auto existing = folderByName(trimmed))
        return existing->id;
    QSqlQuery q(connection_->database());
    q.prepare(QStringLiteral("INSERT INTO folders(name, created) VALUES (?, ?)"));
    q.addBindValue(trimmed);
    q.addBindValue(isoNow());
    if (!q.exec()) {
        error_ = q.lastError().text();
        return 0;
    }
    Q_EMIT changed();
    return q.lastInsertId().toLongLong();
}

bool BookmarkStore::restoreFolder(const Folder& folder)
{
    const bool ok = exec(QStringLiteral("INSERT OR REPLACE INTO folders(id, name, created) VALUES (?, ?, ?)"),
                         {folder.id, folder.name, folder.created.toUTC().toString(Qt::ISODateWithMs)});
    if (ok)
        Q_EMIT changed();
    return ok;
}

bool BookmarkStore::renameFolder(qint64 id, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    const bool ok = exec(QStringLiteral("UPDATE folders SET name = ? WHERE id = ?"), {trimmed, id});
    if (ok)
        Q_EMIT changed();
    return ok;
}

bool BookmarkStore::removeFolder(qint64 id)
{
    auto db = connection_->database();
    db.transaction();
    const bool ok = exec(QStringLiteral("UPDATE bookmarks SET folder_id = NULL WHERE folder_id = ?"), {id})
        && exec(QStringLiteral("DELETE FROM folders WHERE id = ?"), {id});
    if (!ok) {
        db.rollback();
        return false;
    }
    db.commit();
    Q_EMIT changed();
    return true;
}

QVector<Bookmark> BookmarkStore::bookmarks() const
{
    QVector<Bookmark> result;
    QSqlQuery q(connection_->database());
    if (!q.exec(QStringLiteral("SELECT %1 FROM bookmarks ORDER BY created, id").arg(kBookmarkColumns)))
        return result;
    while (q.next())
        result.push_back(bookmarkFrom(q));
    return result;
}

std::optional<Bookmark> BookmarkStore::bookmark(qint64 id) const
{
    QSqlQuery q(connection_->database());
    q.prepare(QStringLiteral("SELECT %1 FROM bookmarks WHERE id = ?").arg(kBookmarkColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return bookmarkFrom(q);
}

std::optional<Bookmark> BookmarkStore::find(const QString& articleId, const QString& anchor) const
{
    QSqlQuery q(connection_->database());
    q.prepare(QStringLiteral("SELECT %1 FROM bookmarks WHERE article_id = ? AND anchor = ?").arg(kBookmarkColumns));
    q.addBindValue(text(articleId));
    q.addBindValue(text(anchor));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return bookmarkFrom(q);
}

qint64 BookmarkStore::insertBookmark(const Bookmark& b, bool keepId)
{
    QSqlQuery q(connection_->database());
    q.prepare(QStringLiteral("INSERT INTO bookmarks(%1 article_id, anchor, title, section_title, topics, folder_id, note, created)"
                             " VALUES (%2 ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(keepId ? QStringLiteral("id,") : QString(), keepId ? QStringLiteral("?,") : QString()));
    if (keepId)
        q.addBindValue(b.id);
    q.addBindValue(text(b.articleId));
    q.addBindValue(text(b.anchor));
    q.addBindValue(text(b.title.isEmpty() ? b.articleId : b.title));
    q.addBindValue(text(b.sectionTitle));
    q.addBindValue(text(b.topics.join(QLatin1Char(','))));
    q.addBindValue(b.folderId > 0 && folder(b.folderId) ? QVariant(b.folderId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(text(b.note));
    q.addBindValue((b.created.isValid() ? b.created : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        error_ = q.lastError().text();
        qCWarning(lcBookmarks) << "insert" << error_;
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

qint64 BookmarkStore::add(const Bookmark& bookmark)
{
    if (bookmark.articleId.isEmpty())
        return 0;
    if (const auto existing = find(bookmark.articleId, bookmark.anchor))
        return existing->id;
    const qint64 id = insertBookmark(bookmark, false);
    if (id)
        Q_EMIT changed();
    return id;
}

bool BookmarkStore::restore(const Bookmark& bookmark)
{
    if (find(bookmark.articleId, bookmark.anchor))
        return true;
    const bool ok = insertBookmark(bookmark, bookmark.id > 0) != 0;
    if (ok)
        Q_EMIT changed();
    return ok;
}

bool BookmarkStore::remove(qint64 id)
{
    const bool ok = exec(QStringLiteral("DELETE FROM bookmarks WHERE id = ?"), {id});
    if (ok)
        Q_EMIT changed();
    return ok;
}

bool BookmarkStore::setNote(qint64 id, const QString& note)
{
    const bool ok = exec(QStringLiteral("UPDATE bookmarks SET note = ? WHERE id = ?"), {text(note), id});
    if (ok)
        Q_EMIT changed();
    return ok;
}

bool BookmarkStore::rename(qint64 id, const QString& title)
{
    if (title.trimmed().isEmpty())
        return false;
    const bool ok = exec(QStringLiteral("UPDATE bookmarks SET title = ? WHERE id = ?"), {title.trimmed(), id});
    if (ok)
        Q_EMIT changed();
    return ok;
}

bool BookmarkStore::moveTo(qint64 id, qint64 folderId)
{
    const QVariant folderValue = folderId > 0 ? QVariant(folderId) : QVariant(QMetaType(QMetaType::LongLong));
    const bool ok = exec(QStringLiteral("UPDATE bookmarks SET folder_id = ? WHERE id = ?"), {folderValue, id});
    if (ok)
        Q_EMIT changed();
    return ok;
}

int BookmarkStore::count() const
{
    QSqlQuery q(connection_->database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM bookmarks")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QByteArray BookmarkStore::exportJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), QLatin1String(kFormat));
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("exported"), isoNow());
    QHash<qint64, QString> folderNames;
    QJsonArray folderArray;
    for (const Folder& f : folders()) {
        folderNames.insert(f.id, f.name);
        folderArray.append(QJsonObject{{QStringLiteral("name"), f.name},
                                       {QStringLiteral("created"), f.created.toUTC().toString(Qt::ISODateWithMs)}});
    }
    root.insert(QStringLiteral("folders"), folderArray);
    QJsonArray bookmarkArray;
    for (const Bookmark& b : bookmarks()) {
        QJsonObject o;
        o.insert(QStringLiteral("articleId"), b.articleId);
        o.insert(QStringLiteral("anchor"), b.anchor);
        o.insert(QStringLiteral("title"), b.title);
        o.insert(QStringLiteral("sectionTitle"), b.sectionTitle);
        o.insert(QStringLiteral("topics"), QJsonArray::fromStringList(b.topics));
        o.insert(QStringLiteral("folder"), b.folderId ? QJsonValue(folderNames.value(b.folderId)) : QJsonValue());
        o.insert(QStringLiteral("note"), b.note);
        o.insert(QStringLiteral("created"), b.created.toUTC().toString(Qt::ISODateWithMs));
        bookmarkArray.append(o);
    }
    root.insert(QStringLiteral("bookmarks"), bookmarkArray);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool BookmarkStore::exportJsonToFile(const QString& path, QString* error) const
{
    // QSaveFile writes a temporary file and renames it: a crash never leaves half a backup.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exportJson()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

ImportReport BookmarkStore::importJson(const QByteArray& json)
{
    ImportReport report;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        report.error = tr("This file is not a FibroKB bookmarks file (%1).").arg(parseError.errorString());
        return report;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        report.error = tr("This file is not a FibroKB bookmarks file.");
        return report;
    }
    auto db = connection_->database();
    db.transaction();
    auto quiet = std::make_unique<QSignalBlocker>(this);   // one changed() at the end, not one per row
    auto folderIdFor = [&](const QString& name) -> qint64 {
        if (name.trimmed().isEmpty())
            return 0;
        if (const auto existing = folderByName(name))
            return existing->id;
        ++report.foldersAdded;
        return createFolder(name);
    };
    for (const QJsonValue& value : root.value(QStringLiteral("folders")).toArray())
        folderIdFor(value.toObject().value(QStringLiteral("name")).toString());
    for (const QJsonValue& value : root.value(QStringLiteral("bookmarks")).toArray()) {
        const QJsonObject o = value.toObject();
        Bookmark b;
        b.articleId = o.value(QStringLiteral("articleId")).toString();
        b.anchor = o.value(QStringLiteral("anchor")).toString();
        if (b.articleId.isEmpty())
            continue;
        if (find(b.articleId, b.anchor)) {
            ++report.alreadyThere;
            continue;
        }
        b.title = o.value(QStringLiteral("title")).toString();
        b.sectionTitle = o.value(QStringLiteral("sectionTitle")).toString();
        for (const QJsonValue& topic : o.value(QStringLiteral("topics")).toArray())
            b.topics << topic.toString();
        b.folderId = folderIdFor(o.value(QStringLiteral("folder")).toString());
        b.note = o.value(QStringLiteral("note")).toString();
        b.created = fromIso(o.value(QStringLiteral("created")).toString());
        if (insertBookmark(b, false))
            ++report.added;
    }
    db.commit();
    quiet.reset();
    if (report.added || report.foldersAdded)
        Q_EMIT changed();
    return report;
}

ImportReport BookmarkStore::importJsonFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportReport report;
        report.error = file.errorString();
        return report;
    }
    return importJson(file.readAll());
}

}  // namespace fibrokb::app

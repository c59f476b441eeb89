#include "core/bookmark_store.h"

#include "core/sqlite_migration.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSet>
#include <QSqlRecord>
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

QString BookmarkStore::movedAsidePath() const
{
    return connection_->movedAsidePath();
}

bool BookmarkStore::open()
{
    error_.clear();
    openError_.clear();
    recoveryNote_.clear();
    salvagedBookmarks_ = salvagedFolders_ = 0;
    if (!connection_->open(&error_) || !migrate()) {
        openError_ = error_;
        connection_->close();
        qCWarning(lcBookmarks) << "cannot open" << path() << error_;
        return false;
    }
    if (!connection_->movedAsidePath().isEmpty())
        salvage();
    return true;
}

bool BookmarkStore::isOpen() const
{
    return connection_->isOpen();
}

bool BookmarkStore::ready() const
{
    if (connection_->isOpen())
        return true;
    error_ = openError_.isEmpty() ? tr("the bookmarks file is not open")
                                  : tr("the bookmarks file could not be opened (%1)").arg(openError_);
    return false;
}

static QVector<MigrationStep> bookmarkSchema()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE IF NOT EXISTS folders("
                         " id INTEGER PRIMARY KEY,"
                         " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                         " created TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE IF NOT EXISTS bookmarks("
                         " id INTEGER PRIMARY KEY,"
                         " article_id TEXT NOT NULL,"
                         " anchor TEXT NOT NULL DEFAULT '',"
                         " title TEXT NOT NULL,"
                         " section_title TEXT NOT NULL DEFAULT '',"
                         " topics TEXT NOT NULL DEFAULT '',"
                         " folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,"
                         " note TEXT NOT NULL DEFAULT '',"
                         " created TEXT NOT NULL,"
                         " UNIQUE(article_id, anchor))"),
          QStringLiteral("CREATE INDEX IF NOT EXISTS bookmarks_folder ON bookmarks(folder_id)")}},
        // Next: {2, {QStringLiteral("ALTER TABLE bookmarks ADD COLUMN ..."), ...}},
    };
}

bool BookmarkStore::migrate()
{
    const MigrationResult result = migrateSchema(*connection_, bookmarkSchema());
    if (result.tooNew) {
        error_ = tr("These bookmarks were saved by a newer FibroKB (schema %1). Please update FibroKB.")
                     .arg(result.fromVersion);
        return false;
    }
    if (!result.ok) {
        error_ = tr("the bookmarks file could not be prepared: %1").arg(result.error);
        return false;
    }
    return true;
}

// Copies what can still be read from the moved-aside file into the new one, keeping ids
// (the new file is empty), so an undo stack or a panel selection made later still matches.
void BookmarkStore::salvage()
{
    const QString kept = connection_->movedAsidePath();
    const QVector<SalvagedRows> read =
        salvageFile(kept, {{QStringLiteral("folders"), QStringLiteral("id, name, created")},
                           {QStringLiteral("bookmarks"), kBookmarkColumns}});
    const SalvagedRows& folderRows = read.at(0);
    const SalvagedRows& bookmarkRows = read.at(1);
    qCWarning(lcBookmarks) << "salvage of" << kept << ":" << folderRows.rows.size() << "folders,"
                           << bookmarkRows.rows.size() << "bookmarks read;" << bookmarkRows.damagedRanges
                           << "damaged ranges;" << bookmarkRows.firstError;
    QString error;
    int folders = 0;
    int marks = 0;
    {
        SqliteTransaction transaction(*connection_);
        bool ok = transaction.begin(&error);
        QSet<qint64> folderIds;
        for (const QSqlRecord& r : folderRows.rows) {
            if (!ok)
                break;
            const QString name = r.value(1).toString().trimmed();
            if (name.isEmpty())
                continue;
            QSqlQuery q;
            ok = connection_->exec(QStringLiteral("INSERT OR IGNORE INTO folders(id, name, created) VALUES (?, ?, ?)"),
                                   {r.value(0).toLongLong(), name, text(r.value(2).toString())}, &error, &q);
            if (ok && q.numRowsAffected() == 1) {
                folderIds.insert(r.value(0).toLongLong());
                ++folders;
            }
        }
        for (const QSqlRecord& r : bookmarkRows.rows) {
            if (!ok)
                break;
            const QString articleId = r.value(1).toString();
            if (articleId.isEmpty())
                continue;
            const qint64 folderId = r.value(6).toLongLong();
            QSqlQuery q;
            ok = connection_->exec(
                QStringLiteral("INSERT OR IGNORE INTO bookmarks(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .arg(kBookmarkColumns),
                {r.value(0).toLongLong(), articleId, text(r.value(2).toString()),
                 r.value(3).toString().isEmpty() ? articleId : r.value(3).toString(), text(r.value(4).toString()),
                 text(r.value(5).toString()),
                 folderIds.contains(folderId) ? QVariant(folderId) : QVariant(QMetaType(QMetaType::LongLong)),
                 text(r.value(7).toString()), r.value(8).toString().isEmpty() ? isoNow() : r.value(8).toString()},
                &error, &q);
            if (ok && q.numRowsAffected() == 1)
                ++marks;
        }
        if (ok)
            ok = transaction.commit(&error);
        if (!ok) {
            qCWarning(lcBookmarks) << "could not copy the readable bookmarks:" << error;
            folders = marks = 0;
        }
    }
    salvagedBookmarks_ = marks;
    salvagedFolders_ = folders;

    QString note = tr("Your bookmarks file was damaged and could not be used. It has been kept, unchanged, as "
                      "\u201c%1\u201d, and a new bookmarks file has been started.")
                       .arg(QDir::toNativeSeparators(kept));
    if (marks > 0 || folders > 0) {
        note += QLatin1Char(' ') +
                (marks == 1 ? tr("1 bookmark could still be read and was copied into it")
                            : tr("%1 bookmarks could still be read and were copied into it").arg(marks)) +
                (folders == 1 ? tr(", with 1 folder.") : tr(", with %1 folders.").arg(folders));
        if (bookmarkRows.damagedRanges > 0 || folderRows.damagedRanges > 0)
            note += QLatin1Char(' ') + tr("Some bookmarks were on the damaged part of the file and are missing.");
    } else {
        note += QLatin1Char(' ') + tr("None of its bookmarks could be read.");
    }
    note += QLatin1Char(' ') +
            tr("If you exported a backup of your bookmarks, you can import it now; bookmarks you already have are "
               "not added twice.");
    recoveryNote_ = note;
    if (marks > 0 || folders > 0)
        Q_EMIT changed();
}

bool BookmarkStore::update(const QString& sql, const QVariantList& values, const QString& goneMessage)
{
    error_.clear();
    if (!ready())
        return false;
    QSqlQuery q;
    if (!connection_->exec(sql, values, &error_, &q))
        return false;
    if (q.numRowsAffected() < 1) {
        error_ = goneMessage;
        return false;
    }
    Q_EMIT changed();
    return true;
}

QVector<Folder> BookmarkStore::folders() const
{
    QVector<Folder> result;
    QSqlQuery q;
    if (!ready() ||
        !connection_->exec(QStringLiteral("SELECT id, name, created FROM folders ORDER BY name COLLATE NOCASE"), {},
                           &error_, &q))
        return result;
    while (q.next())
        result.push_back({q.value(0).toLongLong(), q.value(1).toString(), fromIso(q.value(2).toString())});
    if (q.lastError().isValid())
        error_ = q.lastError().text();
    return result;
}

std::optional<Folder> BookmarkStore::folder(qint64 id) const
{
    QSqlQuery q;
    if (!ready() ||
        !connection_->exec(QStringLiteral("SELECT id, name, created FROM folders WHERE id = ?"), {id}, &error_, &q) ||
        !q.next())
        return std::nullopt;
    return Folder{q.value(0).toLongLong(), q.value(1).toString(), fromIso(q.value(2).toString())};
}

std::optional<Folder> BookmarkStore::folderByName(const QString& name) const
{
    QSqlQuery q;
    if (!ready() ||
        !connection_->exec(QStringLiteral("SELECT id, name, created FROM folders WHERE name = ? COLLATE NOCASE"),
                           {name.trimmed()}, &error_, &q) ||
        !q.next())
        return std::nullopt;
    return Folder{q.value(0).toLongLong(), q.value(1).toString(), fromIso(q.value(2).toString())};
}

bool BookmarkStore::lookupFolder(const QString& name, qint64* id) const
{
    return lookupId(QStringLiteral("SELECT id FROM folders WHERE name = ? COLLATE NOCASE"), {name.trimmed()}, id);
}

// The id the query finds, or 0 when it finds nothing; false (with error_) when the query itself failed.
bool BookmarkStore::lookupId(const QString& sql, const QVariantList& args, qint64* id) const
{
    *id = 0;
    QSqlQuery q;
    if (!connection_->exec(sql, args, &error_, &q))
        return false;
    if (q.next())
        *id = q.value(0).toLongLong();
    if (q.lastError().isValid()) {
        error_ = q.lastError().text();
        return false;
    }
    return true;
}

qint64 BookmarkStore::insertFolder(const QString& name)
{
    QSqlQuery q;
    if (!connection_->exec(QStringLiteral("INSERT INTO folders(name, created) VALUES (?, ?)"), {name, isoNow()},
                           &error_, &q))
        return 0;
    return q.lastInsertId().toLongLong();
}

qint64 BookmarkStore::createFolder(const QString& name)
{
    error_.clear();
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        error_ = tr("a folder needs a name");
        return 0;
    }
    if (!ready())
        return 0;
    SqliteTransaction transaction(*connection_);
    if (!transaction.begin(&error_))
        return 0;
    qint64 id = 0;
    if (!lookupFolder(trimmed, &id))
        return 0;
    const bool created = id == 0;
    if (created && !(id = insertFolder(trimmed)))
        return 0;
    if (!transaction.commit(&error_))
        return 0;
    if (created)
        Q_EMIT changed();
    return id;
}

bool BookmarkStore::restoreFolder(const Folder& folder)
{
    return update(QStringLiteral("INSERT OR REPLACE INTO folders(id, name, created) VALUES (?, ?, ?)"),
                  {folder.id, folder.name, folder.created.toUTC().toString(Qt::ISODateWithMs)},
                  tr("the folder could not be restored"));
}

bool BookmarkStore::renameFolder(qint64 id, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        error_ = tr("a folder needs a name");
        return false;
    }
    return update(QStringLiteral("UPDATE folders SET name = ? WHERE id = ?"), {trimmed, id},
                  tr("this folder no longer exists"));
}

bool BookmarkStore::removeFolder(qint64 id)
{
    error_.clear();
    if (!ready())
        return false;
    SqliteTransaction transaction(*connection_);
    if (!transaction.begin(&error_) ||
        !connection_->exec(QStringLiteral("UPDATE bookmarks SET folder_id = NULL WHERE folder_id = ?"), {id},
                           &error_) ||
        !connection_->exec(QStringLiteral("DELETE FROM folders WHERE id = ?"), {id}, &error_) ||
        !transaction.commit(&error_))
        return false;
    Q_EMIT changed();
    return true;
}

QVector<Bookmark> BookmarkStore::bookmarks() const
{
    QVector<Bookmark> result;
    QSqlQuery q;
    if (!ready() ||
        !connection_->exec(QStringLiteral("SELECT %1 FROM bookmarks ORDER BY created, id").arg(kBookmarkColumns), {},
                           &error_, &q))
        return result;
    while (q.next())
        result.push_back(bookmarkFrom(q));
    if (q.lastError().isValid())
        error_ = q.lastError().text();
    return result;
}

std::optional<Bookmark> BookmarkStore::bookmark(qint64 id) const
{
    QSqlQuery q;
    if (!ready() ||
        !connection_->exec(QStringLiteral("SELECT %1 FROM bookmarks WHERE id = ?").arg(kBookmarkColumns), {id}, &error_,
                           &q) ||
        !q.next())
        return std::nullopt;
    return bookmarkFrom(q);
}

std::optional<Bookmark> BookmarkStore::find(const QString& articleId, const QString& anchor) const
{
    QSqlQuery q;
    if (!ready() ||
        !connection_->exec(
            QStringLiteral("SELECT %1 FROM bookmarks WHERE article_id = ? AND anchor = ?").arg(kBookmarkColumns),
            {text(articleId), text(anchor)}, &error_, &q) ||
        !q.next())
        return std::nullopt;
    return bookmarkFrom(q);
}

bool BookmarkStore::isBookmarked(const QString& articleId) const
{
    QSqlQuery q;
    if (!ready() ||
        !connection_->exec(QStringLiteral("SELECT EXISTS(SELECT 1 FROM bookmarks WHERE article_id = ? LIMIT 1)"),
                           {text(articleId)}, &error_, &q) ||
        !q.next())
        return false;
    return q.value(0).toBool();
}

bool BookmarkStore::lookup(const QString& articleId, const QString& anchor, qint64* id) const
{
    return lookupId(QStringLiteral("SELECT id FROM bookmarks WHERE article_id = ? AND anchor = ?"),
                    {text(articleId), text(anchor)}, id);
}

qint64 BookmarkStore::insertBookmark(const Bookmark& b, bool keepId)
{
    // A folder that no longer exists (deleted in another window) files the bookmark as unfiled.
    QVariantList values;
    if (keepId)
        values << b.id;
    values << text(b.articleId) << text(b.anchor) << text(b.title.isEmpty() ? b.articleId : b.title)
           << text(b.sectionTitle) << text(b.topics.join(QLatin1Char(',')))
           << (b.folderId > 0 ? QVariant(b.folderId) : QVariant(QMetaType(QMetaType::LongLong))) << text(b.note)
           << (b.created.isValid() ? b.created : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs);
    QSqlQuery q;
    if (!connection_->exec(
            QStringLiteral(
                "INSERT INTO bookmarks(%1 article_id, anchor, title, section_title, topics, folder_id, note, created)"
                " VALUES (%2 ?, ?, ?, ?, ?, (SELECT id FROM folders WHERE id = ?), ?, ?)")
                .arg(keepId ? QStringLiteral("id,") : QString(), keepId ? QStringLiteral("?,") : QString()),
            values, &error_, &q))
        return 0;
    const qint64 id = q.lastInsertId().toLongLong();
    if (id <= 0)
        error_ = tr("the new bookmark got no id");
    return id;
}

qint64 BookmarkStore::add(const Bookmark& bookmark)
{
    error_.clear();
    if (bookmark.articleId.isEmpty()) {
        error_ = tr("there is no page to bookmark");
        return 0;
    }
    if (!ready())
        return 0;
    SqliteTransaction transaction(*connection_);
    if (!transaction.begin(&error_))
        return 0;
    qint64 id = 0;
    if (!lookup(bookmark.articleId, bookmark.anchor, &id))
        return 0;
    const bool added = id == 0;
    if (added && !(id = insertBookmark(bookmark, false)))
        return 0;
    if (!transaction.commit(&error_))
        return 0;
    if (added)
        Q_EMIT changed();
    return id;
}

bool BookmarkStore::restore(const Bookmark& bookmark)
{
    error_.clear();
    if (!ready())
        return false;
    SqliteTransaction transaction(*connection_);
    if (!transaction.begin(&error_))
        return false;
    qint64 id = 0;
    if (!lookup(bookmark.articleId, bookmark.anchor, &id))
        return false;
    const bool added = id == 0;
    if (added && !insertBookmark(bookmark, bookmark.id > 0))
        return false;
    if (!transaction.commit(&error_))
        return false;
    if (added)
        Q_EMIT changed();
    return true;
}

bool BookmarkStore::remove(qint64 id)
{
    error_.clear();
    if (!ready() || !connection_->exec(QStringLiteral("DELETE FROM bookmarks WHERE id = ?"), {id}, &error_))
        return false;
    Q_EMIT changed();  // removing what is already gone still leaves the wanted state
    return true;
}

bool BookmarkStore::setNote(qint64 id, const QString& note)
{
    return update(QStringLiteral("UPDATE bookmarks SET note = ? WHERE id = ?"), {text(note), id},
                  tr("this bookmark no longer exists"));
}

bool BookmarkStore::rename(qint64 id, const QString& title)
{
    if (title.trimmed().isEmpty()) {
        error_ = tr("a bookmark needs a title");
        return false;
    }
    return update(QStringLiteral("UPDATE bookmarks SET title = ? WHERE id = ?"), {title.trimmed(), id},
                  tr("this bookmark no longer exists"));
}

bool BookmarkStore::moveTo(qint64 id, qint64 folderId)
{
    const QVariant folderValue = folderId > 0 ? QVariant(folderId) : QVariant(QMetaType(QMetaType::LongLong));
    return update(QStringLiteral("UPDATE bookmarks SET folder_id = ? WHERE id = ?"), {folderValue, id},
                  tr("this bookmark no longer exists"));
}

int BookmarkStore::count() const
{
    QSqlQuery q;
    if (!ready() || !connection_->exec(QStringLiteral("SELECT count(*) FROM bookmarks"), {}, &error_, &q) || !q.next())
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
    const QJsonArray folderArray = root.value(QStringLiteral("folders")).toArray();
    const QJsonArray bookmarkArray = root.value(QStringLiteral("bookmarks")).toArray();
    error_.clear();
    auto failed = [&](const QString& why) {
        ImportReport nothing;
        nothing.error = tr("Nothing was imported: %1").arg(why);
        return nothing;
    };
    if (!ready())
        return failed(error_);
    SqliteTransaction transaction(*connection_);
    if (!transaction.begin(&error_))
        return failed(error_);
    auto folderIdFor = [&](const QString& name, qint64* id) {
        *id = 0;
        if (name.trimmed().isEmpty())
            return true;
        if (!lookupFolder(name, id))
            return false;
        if (*id)
            return true;
        ++report.foldersAdded;
        return (*id = insertFolder(name.trimmed())) != 0;
    };
    for (const QJsonValue& value : folderArray) {
        qint64 id = 0;
        if (!folderIdFor(value.toObject().value(QStringLiteral("name")).toString(), &id))
            return failed(error_);
    }
    for (const QJsonValue& value : bookmarkArray) {
        const QJsonObject o = value.toObject();
        Bookmark b;
        b.articleId = o.value(QStringLiteral("articleId")).toString();
        b.anchor = o.value(QStringLiteral("anchor")).toString();
        if (b.articleId.isEmpty())
            continue;
        qint64 existing = 0;
        if (!lookup(b.articleId, b.anchor, &existing))
            return failed(error_);
        if (existing) {
            ++report.alreadyThere;
            continue;
        }
        b.title = o.value(QStringLiteral("title")).toString();
        b.sectionTitle = o.value(QStringLiteral("sectionTitle")).toString();
        for (const QJsonValue& topic : o.value(QStringLiteral("topics")).toArray())
            b.topics << topic.toString();
        if (!folderIdFor(o.value(QStringLiteral("folder")).toString(), &b.folderId))
            return failed(error_);
        b.note = o.value(QStringLiteral("note")).toString();
        b.created = fromIso(o.value(QStringLiteral("created")).toString());
        if (!insertBookmark(b, false))
            return failed(error_);
        ++report.added;
    }
    if (!transaction.commit(&error_))
        return failed(error_);
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

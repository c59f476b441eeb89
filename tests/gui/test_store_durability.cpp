// Bookmarks and history lose nothing: schema migrations are atomic, failures are reported
// and never claimed as saved, two stores (or two processes) writing one file keep every row,
// a damaged file is moved aside and what it still holds is copied over, and a writer killed
// with SIGKILL at random points leaves a sound file holding every save it acknowledged.
#include "core/bookmark_store.h"
#include "core/history_store.h"
#include "core/sqlite_connection.h"
#include "core/sqlite_migration.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHash>
#include <QMessageBox>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>
#include <memory>
#include <random>

using namespace fibrokb::app;

namespace {

Bookmark makeBookmark(const QString& articleId, const QString& anchor = {}, const QString& note = {})
{
    Bookmark b;
    b.articleId = articleId;
    b.anchor = anchor;
    b.title = articleId;
    b.sectionTitle = anchor;
    b.topics = {QStringLiteral("hip-pain")};
    b.note = note;
    return b;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

QStringList corruptSiblings(const QString& path)
{
    const QFileInfo info(path);
    QStringList kept;
    for (const QString& name :
         QDir(info.absolutePath()).entryList({info.fileName() + QStringLiteral(".corrupt-*")}, QDir::Files))
        if (!name.endsWith(QLatin1String("-wal")) && !name.endsWith(QLatin1String("-shm")) &&
            !name.endsWith(QLatin1String("-journal")))
            kept << name;
    return kept;
}

// Deterministic junk (xorshift), never a valid b-tree page header.
QByteArray junk(int size, quint32 seed)
{
    QByteArray bytes(size, '\0');
    quint32 x = seed ? seed : 1;
    for (int i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes[i] = char(x & 0xff);
    }
    bytes[0] = char(0xa5);  // page type byte: not 2, 5, 10 or 13
    return bytes;
}

// A raw, independent connection for checking a file from outside the stores.
class Inspector {
public:
    explicit Inspector(const QString& path) : name_(QStringLiteral("inspect-%1").arg(++counter_))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        open_ = db.open();
    }
    ~Inspector()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name_, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name_);
    }
    bool isOpen() const { return open_; }
    QSqlDatabase db() const { return QSqlDatabase::database(name_, false); }
    // The rows of a query as strings joined by '\t'; an error yields one "ERROR ..." row.
    QStringList rows(const QString& sql) const
    {
        QSqlQuery q(db());
        QStringList out;
        if (!q.exec(sql))
            return {QStringLiteral("ERROR ") + q.lastError().text()};
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < q.record().count(); ++i)
                fields << q.value(i).toString();
            out << fields.join(QLatin1Char('\t'));
        }
        if (q.lastError().isValid())
            out << QStringLiteral("ERROR ") + q.lastError().text();
        return out;
    }
    QString value(const QString& sql) const
    {
        const QStringList r = rows(sql);
        return r.isEmpty() ? QString() : r.first();
    }
    bool exec(const QString& sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql)) {
            UNSCOPED_INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
            return false;
        }
        return true;
    }

private:
    static inline int counter_ = 0;
    QString name_;
    bool open_ = false;
};

// Fills a bookmarks file with `n` rows and closes it (the WAL is checkpointed on close).
void fillBookmarks(const QString& path, int n)
{
    BookmarkStore store(path);
    REQUIRE(store.open());
    QByteArray json = R"({"format":"fibrokb-bookmarks","version":1,"folders":[{"name":"Visit"}],"bookmarks":[)";
    for (int i = 0; i < n; ++i) {
        json += QStringLiteral(R"(%1{"articleId":"article-%2","anchor":"","title":"A page about hip pain, number %2",)"
                               R"("folder":"%3","note":"A note long enough to take some room on the page, %2",)"
                               R"("created":"2024-05-01T10:00:00.000Z"})")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(i)
                    .arg(i % 3 == 0 ? QStringLiteral("Visit") : QString())
                    .toUtf8();
    }
    json += "]}";
    const ImportReport report = store.importJson(json);
    REQUIRE(report.error.isEmpty());
    REQUIRE(report.added == n);
}

// Overwrites one whole page in the middle of a SQLite file with junk. Returns its number.
int damageMiddlePage(const QString& path)
{
    QByteArray bytes = readAll(path);
    REQUIRE(bytes.size() > 100);
    int pageSize = (quint8(bytes[16]) << 8) | quint8(bytes[17]);
    if (pageSize == 1)
        pageSize = 65536;
    const int pages = int(bytes.size() / pageSize);
    REQUIRE(pages > 10);
    const int page = pages / 2 + 1;  // 1-based
    bytes.replace((page - 1) * pageSize, pageSize, junk(pageSize, quint32(page)));
    writeFile(path, bytes);
    return page;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Migrations

TEST_CASE("A migration and its user_version commit together, or not at all", "[gui][store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("m.sqlite"));
    SqliteConnection connection(path, QStringLiteral("migration-test"));
    REQUIRE(connection.open(nullptr));

    // Statements are whole: a ';' inside a string or a trigger body does not split them.
    const QVector<MigrationStep> good{
        {1,
         {QStringLiteral("CREATE TABLE a(x TEXT NOT NULL DEFAULT 'one;two')"),
          QStringLiteral("CREATE TABLE log(x TEXT)"),
          QStringLiteral("CREATE TRIGGER a_log AFTER INSERT ON a BEGIN INSERT INTO log VALUES ('first;'); "
                         "INSERT INTO log VALUES (new.x); END")}},
    };
    MigrationResult result = migrateSchema(connection, good);
    REQUIRE(result.ok);
    CHECK(result.fromVersion == 0);
    CHECK(result.toVersion == 1);
    CHECK(connection.userVersion() == 1);
    REQUIRE(connection.exec(QStringLiteral("INSERT INTO a DEFAULT VALUES"), nullptr));
    QSqlQuery q;
    REQUIRE(connection.exec(QStringLiteral("SELECT group_concat(x, '|') FROM log"), {}, nullptr, &q));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("first;|one;two"));
    q = QSqlQuery();

    // Step 2 fails half way: nothing of it stays, and the version stays 1.
    QVector<MigrationStep> bad = good;
    bad.push_back({2, {QStringLiteral("CREATE TABLE b(y)"), QStringLiteral("ALTER TABLE no_such_table ADD COLUMN z")}});
    bad.push_back({3, {QStringLiteral("CREATE TABLE c(y)")}});
    result = migrateSchema(connection, bad);
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QStringLiteral("no_such_table")));
    CHECK(result.toVersion == 1);
    CHECK(connection.userVersion() == 1);
    CHECK_FALSE(connection.inTransaction());
    REQUIRE(connection.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('b', 'c')"), {}, nullptr,
                            &q));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 0);
    q = QSqlQuery();

    // Fixed, both pending steps go in together.
    bad[1].statements.removeLast();
    result = migrateSchema(connection, bad);
    REQUIRE(result.ok);
    CHECK(result.fromVersion == 1);
    CHECK(connection.userVersion() == 3);

    // Run again: nothing to do.
    result = migrateSchema(connection, bad);
    CHECK(result.ok);
    CHECK(result.fromVersion == 3);

    // Older code meeting the newer file refuses it.
    result = migrateSchema(connection, good);
    CHECK_FALSE(result.ok);
    CHECK(result.tooNew);
    CHECK(connection.userVersion() == 3);
}

TEST_CASE("A bookmarks file from before user_version (schema_version table) keeps its rows", "[gui][store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("legacy.sqlite"));
    {
        // What the first FibroKB wrote: the tables, and the version in a table of its own.
        Inspector raw(path);
        REQUIRE(raw.isOpen());
        for (const char* sql :
             {"PRAGMA journal_mode=WAL",
              "CREATE TABLE folders(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, created TEXT NOT "
              "NULL)",
              "CREATE TABLE bookmarks(id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, anchor TEXT NOT NULL DEFAULT "
              "'',"
              " title TEXT NOT NULL, section_title TEXT NOT NULL DEFAULT '', topics TEXT NOT NULL DEFAULT '',"
              " folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL, note TEXT NOT NULL DEFAULT '',"
              " created TEXT NOT NULL, UNIQUE(article_id, anchor))",
              "CREATE INDEX bookmarks_folder ON bookmarks(folder_id)",
              "CREATE TABLE schema_version(version INTEGER NOT NULL)", "INSERT INTO schema_version(version) VALUES (1)",
              "INSERT INTO folders(id, name, created) VALUES (4, 'GP', '2024-01-01T00:00:00.000Z')",
              "INSERT INTO bookmarks(id, article_id, title, folder_id, note, created)"
              " VALUES (9, 'hip-outer', 'Outer hip pain', 4, 'ask', '2024-01-02T00:00:00.000Z')"})
            REQUIRE(raw.exec(QLatin1String(sql)));
    }
    {
        BookmarkStore store(path);
        REQUIRE(store.open());
        CHECK(store.recoveryNote().isEmpty());
        const auto b = store.bookmark(9);
        REQUIRE(b);
        CHECK(b->note == QStringLiteral("ask"));
        CHECK(store.folder(b->folderId)->name == QStringLiteral("GP"));
    }
    Inspector after(path);
    CHECK(after.value(QStringLiteral("PRAGMA user_version")) == QStringLiteral("1"));

    // A legacy table claiming a newer version is refused too.
    REQUIRE(after.exec(QStringLiteral("PRAGMA user_version = 0")));
    REQUIRE(after.exec(QStringLiteral("UPDATE schema_version SET version = 7")));
    BookmarkStore future(path);
    CHECK_FALSE(future.open());
    CHECK(future.error().contains(QStringLiteral("newer")));
    CHECK(corruptSiblings(path).isEmpty());
}

TEST_CASE("Both stores use WAL with synchronous=FULL, a busy timeout and foreign keys", "[gui][store]")
{
    QTemporaryDir dir;
    SqliteConnection connection(dir.filePath(QStringLiteral("p.sqlite")), QStringLiteral("pragma-test"));
    REQUIRE(connection.open(nullptr));
    auto pragma = [&](const QString& name) {
        QSqlQuery q;
        REQUIRE(connection.exec(QStringLiteral("PRAGMA ") + name, {}, nullptr, &q));
        REQUIRE(q.next());
        return q.value(0).toString();
    };
    CHECK(pragma(QStringLiteral("journal_mode")) == QStringLiteral("wal"));
    CHECK(pragma(QStringLiteral("synchronous")) == QStringLiteral("2"));  // FULL
    CHECK(pragma(QStringLiteral("foreign_keys")) == QStringLiteral("1"));
    CHECK(pragma(QStringLiteral("busy_timeout")).toInt() == SqliteConnection::kBusyTimeoutMs);

    HistoryStore history(dir.filePath(QStringLiteral("h.sqlite")));
    REQUIRE(history.open());
    Inspector raw(dir.filePath(QStringLiteral("h.sqlite")));
    CHECK(raw.value(QStringLiteral("PRAGMA journal_mode")) == QStringLiteral("wal"));
    CHECK(raw.value(QStringLiteral("PRAGMA user_version")) == QString::number(HistoryStore::kSchemaVersion));
}

// ---------------------------------------------------------------------------------------------
// Failures are reported, never claimed as saved

TEST_CASE("A save the database refused returns failure with a reason and changes nothing", "[gui][store][errors]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.sqlite"));
    BookmarkStore store(path);
    REQUIRE(store.open());
    const qint64 folder = store.createFolder(QStringLiteral("Questions"));
    Bookmark kept = makeBookmark(QStringLiteral("kept"));
    kept.folderId = folder;
    const qint64 keptId = store.add(kept);
    REQUIRE(keptId > 0);
    REQUIRE(store.error().isEmpty());

    // Stand-ins for a full disk or a failing write: triggers that abort.
    Inspector raw(path);
    REQUIRE(raw.exec(
        QStringLiteral("CREATE TRIGGER no_insert BEFORE INSERT ON bookmarks WHEN new.article_id LIKE 'refused%'"
                       " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END")));
    REQUIRE(raw.exec(QStringLiteral("CREATE TRIGGER no_folder_delete BEFORE DELETE ON folders"
                                    " BEGIN SELECT RAISE(ABORT, 'simulated delete failure'); END")));
    QSignalSpy changed(&store, &BookmarkStore::changed);

    CHECK(store.add(makeBookmark(QStringLiteral("refused-1"))) == 0);
    CHECK(store.error().contains(QStringLiteral("simulated write failure")));
    CHECK_FALSE(store.find(QStringLiteral("refused-1"), QString()));

    // An import is all or nothing: the third bookmark fails, the first two are not kept.
    const QByteArray json = R"({"format":"fibrokb-bookmarks","version":1,"folders":[{"name":"New folder"}],"bookmarks":[
        {"articleId":"fine-1","title":"one"},{"articleId":"fine-2","title":"two"},{"articleId":"refused-2","title":"three"}]})";
    const ImportReport report = store.importJson(json);
    CHECK_FALSE(report.error.isEmpty());
    CHECK(report.error.contains(QStringLiteral("simulated write failure")));
    CHECK(report.added == 0);
    CHECK(store.count() == 1);
    CHECK_FALSE(store.folderByName(QStringLiteral("New folder")));

    // Removing a folder is one transaction: its bookmarks stay filed when the delete fails.
    CHECK_FALSE(store.removeFolder(folder));
    CHECK(store.error().contains(QStringLiteral("simulated delete failure")));
    CHECK(store.bookmark(keptId)->folderId == folder);

    // Changing something that another window deleted says so.
    REQUIRE(raw.exec(QStringLiteral("DELETE FROM bookmarks WHERE article_id = 'kept'")));
    CHECK_FALSE(store.setNote(keptId, QStringLiteral("lost?")));
    CHECK(store.error().contains(QStringLiteral("no longer exists")));
    CHECK(changed.count() == 0);
}

TEST_CASE("A store whose file could not be opened says why on every save", "[gui][store][errors]")
{
    QTemporaryDir dir;
    // A folder where the file should be: not damage, so nothing is moved aside.
    const QString path = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    REQUIRE(QDir().mkpath(path));
    BookmarkStore store(path);
    CHECK_FALSE(store.open());
    CHECK_FALSE(store.error().isEmpty());
    CHECK(store.recoveryNote().isEmpty());
    CHECK(QFileInfo(path).isDir());
    CHECK(corruptSiblings(path).isEmpty());
    CHECK(store.add(makeBookmark(QStringLiteral("hip-outer"))) == 0);
    CHECK(store.error().contains(QStringLiteral("could not be opened")));
    CHECK_FALSE(store.error().contains(QStringLiteral("Parameter count")));
    HistoryStore history(path);
    CHECK_FALSE(history.open());
    CHECK_FALSE(history.record(QStringLiteral("hip-outer"), QString(), QStringLiteral("Hip")));
    CHECK_FALSE(history.error().isEmpty());
}

TEST_CASE("A save blocked past the busy timeout fails and says so, then it succeeds",
          "[gui][store][errors][concurrency]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.sqlite"));
    BookmarkStore store(path);
    REQUIRE(store.open());
    QSignalSpy changed(&store, &BookmarkStore::changed);
    {
        Inspector other(path);  // another program holding the write lock for longer than the timeout
        REQUIRE(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        // The store waits out its busy timeout (5 s), then gives up and says why.
        CHECK(store.add(makeBookmark(QStringLiteral("hip-outer"))) == 0);
        CHECK(store.error().contains(QStringLiteral("locked")));
        CHECK(changed.count() == 0);
        REQUIRE(other.exec(QStringLiteral("ROLLBACK")));
    }
    CHECK(store.add(makeBookmark(QStringLiteral("hip-outer"))) > 0);
    CHECK(store.count() == 1);
}

// ---------------------------------------------------------------------------------------------
// Two writers on one file

TEST_CASE("Two stores on one file, writes interleaved: every row is there for both", "[gui][store][concurrency]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    const QString historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    BookmarkStore first(path);
    BookmarkStore second(path);
    HistoryStore firstHistory(historyPath);
    HistoryStore secondHistory(historyPath);
    REQUIRE(first.open());
    REQUIRE(second.open());
    REQUIRE(firstHistory.open());
    REQUIRE(secondHistory.open());
    Inspector reader(path);  // a reader in the middle of a transaction does not block the writers
    REQUIRE(reader.exec(QStringLiteral("BEGIN")));
    REQUIRE(reader.value(QStringLiteral("SELECT count(*) FROM bookmarks")) == QStringLiteral("0"));

    QSet<qint64> ids;
    for (int i = 0; i < 60; ++i) {
        BookmarkStore& store = i % 2 ? second : first;
        const qint64 id = store.add(makeBookmark(QStringLiteral("page-%1").arg(i)));
        INFO(store.error().toStdString());
        REQUIRE(id > 0);
        ids.insert(id);
        if (i % 5 == 0) {
            const qint64 folder = (i % 2 ? first : second).createFolder(QStringLiteral("folder %1").arg(i));
            REQUIRE(folder > 0);
            REQUIRE((i % 2 ? first : second).moveTo(id, folder));  // the other store files it
        }
        REQUIRE((i % 2 ? firstHistory : secondHistory).record(QStringLiteral("page-%1").arg(i), QString(), QString()));
    }
    // Both add the same page at once: one row, the same id for both.
    const qint64 a = first.add(makeBookmark(QStringLiteral("same")));
    const qint64 b = second.add(makeBookmark(QStringLiteral("same")));
    CHECK(a == b);
    CHECK(ids.size() == 60);
    CHECK(first.count() == 61);
    CHECK(second.count() == 61);
    CHECK(first.folders().size() == 12);
    CHECK(second.bookmarks().size() == 61);
    CHECK(firstHistory.count() == 60);
    CHECK(secondHistory.count() == 60);
    CHECK(reader.value(QStringLiteral("SELECT count(*) FROM bookmarks")) == QStringLiteral("0"));  // its snapshot
    REQUIRE(reader.exec(QStringLiteral("COMMIT")));
    CHECK(reader.value(QStringLiteral("SELECT count(*) FROM bookmarks")) == QStringLiteral("61"));
}

// ---------------------------------------------------------------------------------------------
// Damaged files

TEST_CASE("A bookmarks file that is not a database is moved aside, and a new one works at once",
          "[gui][store][recovery]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    const QByteArray garbage = QByteArray(4096, 'x') + "not a database";
    writeFile(path, garbage);
    writeFile(path + QStringLiteral("-wal"), QByteArray(3000, 'w'));  // a stray WAL must go with it
    {
        BookmarkStore store(path);
        REQUIRE(store.open());
        CHECK(store.error().isEmpty());
        const QString kept = store.movedAsidePath();
        REQUIRE_FALSE(kept.isEmpty());
        CHECK(QFileInfo(kept).fileName().startsWith(QStringLiteral("bookmarks.sqlite.corrupt-")));
        CHECK(readAll(kept) == garbage);  // kept unchanged, never deleted
        CHECK(readAll(kept + QStringLiteral("-wal")) == QByteArray(3000, 'w'));
        CHECK(store.recoveryNote().contains(QDir::toNativeSeparators(kept)));
        CHECK(store.recoveryNote().contains(QStringLiteral("None of its bookmarks")));
        CHECK(store.salvagedBookmarks() == 0);
        // Ctrl+D right after: saved for real, and listed.
        const qint64 id = store.add(makeBookmark(QStringLiteral("hip-outer"), QStringLiteral("treatment")));
        INFO(store.error().toStdString());
        REQUIRE(id > 0);
        CHECK(store.bookmarks().size() == 1);
        CHECK(store.bookmark(id)->anchor == QStringLiteral("treatment"));
    }
    BookmarkStore again(path);
    REQUIRE(again.open());
    CHECK(again.recoveryNote().isEmpty());  // said once
    CHECK(again.count() == 1);
    CHECK(corruptSiblings(path).size() == 1);
    Inspector check(path);
    CHECK(check.value(QStringLiteral("PRAGMA integrity_check")) == QStringLiteral("ok"));
}

TEST_CASE("A bookmarks file with one damaged page is moved aside and its readable rows are copied over",
          "[gui][store][recovery]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    const int rows = 3000;
    fillBookmarks(path, rows);
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
    const int page = damageMiddlePage(path);
    const QByteArray damaged = readAll(path);
    UNSCOPED_INFO("damaged page " << page << " of " << damaged.size() / 4096);

    BookmarkStore store(path);
    REQUIRE(store.open());
    const QString kept = store.movedAsidePath();
    REQUIRE_FALSE(kept.isEmpty());
    CHECK(readAll(kept) == damaged);
    CHECK_FALSE(store.recoveryNote().isEmpty());
    // One page holds a few dozen rows at most; everything else is read past it.
    const int salvaged = store.salvagedBookmarks();
    std::cout << "damaged page " << page << ": " << salvaged << " of " << rows << " bookmarks copied, "
              << store.salvagedFolders() << " folder(s)" << std::endl;
    CHECK(salvaged >= rows - 100);
    CHECK(salvaged <= rows);
    CHECK(store.count() == salvaged);
    CHECK(store.bookmarks().size() == salvaged);
    CHECK(store.salvagedFolders() == 1);
    // The file is the same on every run (fixed rows, fixed junk), and its middle page holds bookmark rows:
    // some are lost, and the note says so.
    REQUIRE(salvaged < rows);
    CHECK(store.recoveryNote().contains(QStringLiteral("missing")));
    // Ids, notes and folders come across as they were, for every bookmark that was read.
    const QVector<Bookmark> all = store.bookmarks();
    REQUIRE(all.size() == salvaged);
    int filed = 0;
    for (const Bookmark& b : all) {
        REQUIRE(b.articleId.startsWith(QStringLiteral("article-")));
        const int n = b.articleId.mid(8).toInt();
        CHECK(b.id == n + 1);
        CHECK(b.note == QStringLiteral("A note long enough to take some room on the page, %1").arg(n));
        if (b.folderId)
            ++filed;
        CHECK((b.folderId != 0) == (n % 3 == 0));
    }
    CHECK(filed > 0);

    // A new save is saved and shown.
    const qint64 id = store.add(makeBookmark(QStringLiteral("new-after-recovery")));
    REQUIRE(id > 0);
    CHECK(store.count() == salvaged + 1);
    Inspector check(path);
    CHECK(check.value(QStringLiteral("PRAGMA integrity_check")) == QStringLiteral("ok"));
}

TEST_CASE("A damaged history file is moved aside and the history starts again", "[gui][store][recovery]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        HistoryStore history(path);
        REQUIRE(history.open());
        REQUIRE(history.record(QStringLiteral("article-0"), QString(), QStringLiteral("The first page")));
    }
    {
        Inspector raw(path);  // the other 1,999 visits in one transaction, not one fsync each
        REQUIRE(raw.exec(QStringLiteral("BEGIN")));
        for (int i = 1; i < 2000; ++i)
            REQUIRE(raw.exec(QStringLiteral("INSERT INTO visits(article_id, anchor, title, visited) VALUES"
                                            " ('article-%1', '', 'A title that takes some room on the page %1',"
                                            " '2024-05-01T10:00:00.000Z')")
                                 .arg(i)));
        REQUIRE(raw.exec(QStringLiteral("COMMIT")));
    }
    damageMiddlePage(path);
    HistoryStore history(path);
    REQUIRE(history.open());
    REQUIRE_FALSE(history.movedAsidePath().isEmpty());
    CHECK(history.recoveryNote().contains(QDir::toNativeSeparators(history.movedAsidePath())));
    CHECK(history.salvagedVisits() >= 1900);
    CHECK(history.count() == history.salvagedVisits());
    REQUIRE(history.record(QStringLiteral("hip-outer"), QString(), QStringLiteral("Hip")));
    CHECK(history.recent(1).first().articleId == QStringLiteral("hip-outer"));

    // Garbage: nothing to copy, but a working history.
    const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
    writeFile(garbage, QByteArray(10000, '\x7f'));
    HistoryStore fresh(garbage);
    REQUIRE(fresh.open());
    CHECK_FALSE(fresh.recoveryNote().isEmpty());
    CHECK(fresh.salvagedVisits() == 0);
    CHECK(fresh.record(QStringLiteral("a"), QString(), QStringLiteral("A")));
    CHECK(fresh.count() == 1);
}

TEST_CASE("A file left with a hot rollback journal is replayed, not taken for damage", "[gui][store][recovery]")
{
    // What a process killed in the middle of a rollback-journal transaction leaves: the files
    // copied while the transaction is open and has spilled pages into the database file.
    QTemporaryDir dir;
    const QString live = dir.filePath(QStringLiteral("live.sqlite"));
    const QString crashed = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    {
        Inspector raw(live);
        REQUIRE(raw.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
        REQUIRE(raw.exec(QStringLiteral("CREATE TABLE pad(x)")));
        REQUIRE(raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
                                        " INSERT INTO pad SELECT randomblob(1000) FROM n")));
        REQUIRE(raw.exec(QStringLiteral("PRAGMA cache_size=2")));
        REQUIRE(raw.exec(QStringLiteral("BEGIN")));
        REQUIRE(raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                                        " INSERT INTO pad SELECT randomblob(1000) FROM n")));
        REQUIRE(raw.exec(QStringLiteral("UPDATE pad SET x = randomblob(1000)")));
        REQUIRE(QFileInfo(live + QStringLiteral("-journal")).size() > 0);
        REQUIRE(QFile::copy(live, crashed));
        REQUIRE(QFile::copy(live + QStringLiteral("-journal"), crashed + QStringLiteral("-journal")));
        REQUIRE(raw.exec(QStringLiteral("ROLLBACK")));
    }
    BookmarkStore store(crashed);
    INFO(store.error().toStdString());
    REQUIRE(store.open());
    CHECK(store.recoveryNote().isEmpty());
    CHECK(store.movedAsidePath().isEmpty());
    CHECK(corruptSiblings(crashed).isEmpty());
    CHECK(store.add(makeBookmark(QStringLiteral("hip-outer"))) > 0);
    Inspector check(crashed);
    CHECK(check.value(QStringLiteral("SELECT count(*) FROM pad")) == QStringLiteral("200"));  // rolled back
    CHECK(check.value(QStringLiteral("PRAGMA integrity_check")) == QStringLiteral("ok"));
}

TEST_CASE("The main window tells the person once when the bookmarks file was replaced", "[gui][store][recovery]")
{
    fibrokb::test::TestEnv env;
    writeFile(env.bookmarks(), QByteArray(8192, 'x'));
    writeFile(env.history(), QByteArray(8192, 'y'));
    {
        auto window = env.window();
        REQUIRE(window);
        REQUIRE(window->bookmarkStore()->isOpen());
        QMessageBox* box = nullptr;
        REQUIRE(QTest::qWaitFor([&] {
            box = window->findChild<QMessageBox*>(QStringLiteral("storeRecoveryMessage"));
            return box && box->isVisible();
        }));
        CHECK(box->text().contains(QDir::toNativeSeparators(window->bookmarkStore()->movedAsidePath())));
        CHECK(box->text().contains(QDir::toNativeSeparators(window->historyStore()->movedAsidePath())));
        box->accept();
        CHECK(window->bookmarkStore()->add(makeBookmark(QStringLiteral("hip-outer"))) > 0);
    }
    auto window = env.window();
    REQUIRE(window);
    // A message would be queued with a zero timer: let the event loop run it, if there were one.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    CHECK(window->findChild<QMessageBox*>(QStringLiteral("storeRecoveryMessage")) == nullptr);
    CHECK(window->bookmarkStore()->count() == 1);
}

// ---------------------------------------------------------------------------------------------
// Killed writers

namespace {

struct Acknowledged {
    QHash<QString, QString> bookmarks;  // article id -> anchor
    QSet<QString> folders;
    QHash<QString, QString> moves;  // article id -> folder name
    QHash<QString, QString> notes;  // article id -> note
    QHash<QString, int> visits;     // article id -> visits acknowledged
    int visitCount = 0;
    int lines = 0;
    // Rows found by the last check, and the acknowledgements counted then: a save that was
    // committed but killed before its acknowledgement stays, so each run adds at most the
    // saves it acknowledged plus the one in flight.
    int bookmarkRows = 0;
    int bookmarksAckedThen = 0;
    int visitRows = 0;
    int visitsAckedThen = 0;
    int committedUnacknowledged = 0;  // kills that landed between a COMMIT and its acknowledgement

    // Takes the complete lines in `buffer` (leaves a partial last line there).
    void take(QByteArray* buffer)
    {
        int end;
        while ((end = buffer->indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(buffer->left(end));
            buffer->remove(0, end + 1);
            ++lines;
            const QStringList f = line.split(QLatin1Char('\t'));
            if (f[0] == QLatin1String("B"))
                bookmarks.insert(f.value(1), f.value(2));
            else if (f[0] == QLatin1String("F"))
                folders.insert(f.value(1));
            else if (f[0] == QLatin1String("M"))
                moves.insert(f.value(1), f.value(2));
            else if (f[0] == QLatin1String("N"))
                notes.insert(f.value(1), f.value(2));
            else if (f[0] == QLatin1String("H")) {
                visits[f.value(1)] += 1;
                ++visitCount;
            }
        }
    }
};

// Every acknowledged save is in the files, the files are sound, and nothing beyond the
// one save in flight when the writer died is there. Returns "" or the first problem.
QString verify(const QString& bookmarksPath, const QString& historyPath, Acknowledged& acked, int* rowsChecked)
{
    Inspector b(bookmarksPath);
    if (!b.isOpen())
        return QStringLiteral("cannot open bookmarks");
    const QString integrity = b.value(QStringLiteral("PRAGMA integrity_check"));
    if (integrity != QLatin1String("ok"))
        return QStringLiteral("bookmarks integrity: ") + integrity;
    auto hasTable = [](const Inspector& db, const char* table) {
        return db.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                            .arg(QLatin1String(table))) == QLatin1String("1");
    };
    // A writer killed before its first commit leaves no tables (or no file): fine if it acknowledged nothing.
    if (!hasTable(b, "bookmarks") || !hasTable(b, "folders")) {
        if (!acked.bookmarks.isEmpty() || !acked.folders.isEmpty())
            return QStringLiteral("the bookmarks tables are gone");
    }
    QHash<QString, QStringList> rows;  // article -> anchor, note, folder name
    if (hasTable(b, "bookmarks")) {
        for (const QString& row :
             b.rows(QStringLiteral("SELECT b.article_id, b.anchor, b.note, coalesce(f.name, '')"
                                   " FROM bookmarks b LEFT JOIN folders f ON f.id = b.folder_id"))) {
            if (row.startsWith(QLatin1String("ERROR")))
                return row;
            const QStringList f = row.split(QLatin1Char('\t'));
            rows.insert(f.value(0), f.mid(1));
        }
    }
    QSet<QString> folders;
    if (hasTable(b, "folders"))
        for (const QString& name : b.rows(QStringLiteral("SELECT name FROM folders")))
            folders.insert(name);
    for (auto it = acked.bookmarks.begin(); it != acked.bookmarks.end(); ++it) {
        if (!rows.contains(it.key()))
            return QStringLiteral("acknowledged bookmark missing: ") + it.key();
        if (rows[it.key()].value(0) != it.value())
            return QStringLiteral("wrong anchor: ") + it.key();
    }
    for (const QString& folder : acked.folders)
        if (!folders.contains(folder))
            return QStringLiteral("acknowledged folder missing: ") + folder;
    for (auto it = acked.notes.begin(); it != acked.notes.end(); ++it)
        if (rows.value(it.key()).value(1) != it.value())
            return QStringLiteral("acknowledged note missing: ") + it.key();
    for (auto it = acked.moves.begin(); it != acked.moves.end(); ++it)
        if (rows.value(it.key()).value(2) != it.value())
            return QStringLiteral("acknowledged move missing: ") + it.key();
    // At most one save was in flight: a single add, or an import of three.
    const int newBookmarks = acked.bookmarks.size() - acked.bookmarksAckedThen;
    if (rows.size() > acked.bookmarkRows + newBookmarks + 3)
        return QStringLiteral("%1 bookmarks, %2 before and %3 acknowledged since")
            .arg(rows.size())
            .arg(acked.bookmarkRows)
            .arg(newBookmarks);
    if (rows.size() > acked.bookmarkRows + newBookmarks)
        ++acked.committedUnacknowledged;
    acked.bookmarkRows = rows.size();
    acked.bookmarksAckedThen = acked.bookmarks.size();

    Inspector h(historyPath);
    if (!h.isOpen())
        return QStringLiteral("cannot open history");
    const QString historyIntegrity = h.value(QStringLiteral("PRAGMA integrity_check"));
    if (historyIntegrity != QLatin1String("ok"))
        return QStringLiteral("history integrity: ") + historyIntegrity;
    if (!hasTable(h, "visits")) {
        if (acked.visitCount > 0)
            return QStringLiteral("the visits table is gone");
        *rowsChecked += rows.size();
        return QString();
    }
    QHash<QString, int> visits;
    int visitRows = 0;
    for (const QString& row : h.rows(QStringLiteral("SELECT article_id, count(*) FROM visits GROUP BY article_id"))) {
        if (row.startsWith(QLatin1String("ERROR")))
            return row;
        const QStringList f = row.split(QLatin1Char('\t'));
        visits.insert(f.value(0), f.value(1).toInt());
        visitRows += f.value(1).toInt();
    }
    for (auto it = acked.visits.begin(); it != acked.visits.end(); ++it)
        if (visits.value(it.key()) < it.value())
            return QStringLiteral("acknowledged visit missing: ") + it.key();
    const int newVisits = acked.visitCount - acked.visitsAckedThen;
    if (visitRows > acked.visitRows + newVisits + 1)
        return QStringLiteral("%1 visits, %2 before and %3 acknowledged since")
            .arg(visitRows)
            .arg(acked.visitRows)
            .arg(newVisits);
    if (visitRows > acked.visitRows + newVisits)
        ++acked.committedUnacknowledged;
    acked.visitRows = visitRows;
    acked.visitsAckedThen = acked.visitCount;
    *rowsChecked += rows.size() + visitRows;
    return QString();
}

QString writerProgram()
{
    return QStringLiteral(FIBROKB_STORE_WRITER);
}

}  // namespace

TEST_CASE("A writer killed with SIGKILL at random points: every acknowledged save survives, 120 kills",
          "[gui][store][durability][kill]")
{
    QTemporaryDir dir;
    const QString bookmarksPath = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    const QString historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    constexpr int kKills = 120;
    constexpr int kHangGuardMs = 60000;  // only ever reached if the writer hangs: a failure
    // Where each kill lands is random (the writer runs on while the test reads); the seed only
    // fixes how many acknowledgements each run waits for.
    std::mt19937 random(20240611u);
    std::uniform_int_distribution<int> acksToWait(1, 40);
    Acknowledged acked;
    int rowsChecked = 0;
    int earlyKills = 0;
    int walWriteKills = 0;
    QElapsedTimer clock;
    clock.start();

    for (int run = 0; run < kKills; ++run) {
        // Every tenth run starts on a new pair of files and is killed as soon as it says it is
        // starting, so some kills land while the schema is being created.
        const bool fresh = run % 10 == 4;
        const bool early = fresh || run % 10 == 9;
        const QString bPath = fresh ? dir.filePath(QStringLiteral("fresh-%1.sqlite").arg(run)) : bookmarksPath;
        const QString hPath = fresh ? dir.filePath(QStringLiteral("fresh-history-%1.sqlite").arg(run)) : historyPath;
        Acknowledged freshAcked;
        Acknowledged& ack = fresh ? freshAcked : acked;
        const int wanted = early ? 1 : acksToWait(random);
        // Every other run is killed on the next write into a -wal file seen by inotify, so the
        // kill lands inside a commit (between its write and its fsync or acknowledgement) on any
        // machine, however fast or slow.
        const bool onWalWrite = !early && run % 2 == 1;

        QProcess writer;
        writer.setProgram(writerProgram());
        writer.setArguments({bPath, hPath, QStringLiteral("r%1").arg(run)});
        writer.start();
        REQUIRE(writer.waitForStarted(kHangGuardMs));
        QByteArray buffer;
        const int linesBefore = ack.lines;
        while (ack.lines - linesBefore < wanted) {
            if (!writer.waitForReadyRead(kHangGuardMs)) {
                FAIL("run " << run << ": the writer stopped before it was killed: exit " << writer.exitCode() << ", "
                            << writer.readAllStandardError().toStdString());
            }
            buffer += writer.readAllStandardOutput();
            ack.take(&buffer);
        }
        if (onWalWrite) {
            QFileSystemWatcher watcher;  // made now, so only writes from here on are seen
            for (const QString& wal : {bPath + QStringLiteral("-wal"), hPath + QStringLiteral("-wal")})
                if (QFileInfo::exists(wal))
                    watcher.addPath(wal);
            QSignalSpy written(&watcher, &QFileSystemWatcher::fileChanged);
            REQUIRE(!watcher.files().isEmpty());
            REQUIRE(written.wait(kHangGuardMs));
            ++walWriteKills;
        }
        writer.kill();  // SIGKILL
        REQUIRE(writer.waitForFinished(kHangGuardMs));
        // Lines written before the kill are acknowledged saves too.
        buffer += writer.readAllStandardOutput();
        ack.take(&buffer);
        const QByteArray errors = writer.readAllStandardError();
        INFO("run " << run << " stderr: " << errors.toStdString());
        REQUIRE(writer.exitStatus() == QProcess::CrashExit);
        if (early)
            ++earlyKills;

        const QString problem = verify(bPath, hPath, ack, &rowsChecked);
        INFO("run " << run << " (" << (fresh ? "fresh file, " : "") << "after " << wanted << " lines)");
        REQUIRE(problem.toStdString() == "");
        if (fresh) {
            // A half-created file opens as a normal empty store: no damage, no recovery.
            BookmarkStore store(bPath);
            REQUIRE(store.open());
            CHECK(store.recoveryNote().isEmpty());
            HistoryStore history(hPath);
            REQUIRE(history.open());
            CHECK(history.recoveryNote().isEmpty());
        }
    }
    // The stores themselves open the survivor without finding damage, and count what was acknowledged.
    BookmarkStore store(bookmarksPath);
    REQUIRE(store.open());
    CHECK(store.recoveryNote().isEmpty());
    CHECK(store.count() >= acked.bookmarks.size());
    HistoryStore history(historyPath);
    REQUIRE(history.open());
    CHECK(history.recoveryNote().isEmpty());
    CHECK(history.count() >= acked.visitCount);
    CHECK(QDir(dir.path()).entryList({QStringLiteral("*.corrupt-*")}, QDir::Files).isEmpty());
    std::cout << kKills << " kills (" << earlyKills << " while opening, " << walWriteKills << " on a -wal write), "
              << acked.bookmarks.size() << " acknowledged bookmarks, " << acked.notes.size() << " notes, "
              << acked.moves.size() << " moves, " << acked.folders.size() << " folders, " << acked.visitCount
              << " visits; " << rowsChecked << " rows checked in " << clock.elapsed() << " ms; "
              << acked.committedUnacknowledged << " kills fell between a commit and its acknowledgement" << std::endl;
}

TEST_CASE("Two writer processes on the same files at once: both finish and no row is lost",
          "[gui][store][durability][concurrency]")
{
    QTemporaryDir dir;
    const QString bookmarksPath = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    const QString historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    constexpr int kIterations = 60;
    QProcess one;
    QProcess two;
    one.start(writerProgram(), {bookmarksPath, historyPath, QStringLiteral("one"), QString::number(kIterations)});
    two.start(writerProgram(), {bookmarksPath, historyPath, QStringLiteral("two"), QString::number(kIterations)});
    REQUIRE(one.waitForFinished(120000));
    REQUIRE(two.waitForFinished(120000));
    INFO("one: " << one.readAllStandardError().toStdString() << " two: " << two.readAllStandardError().toStdString());
    REQUIRE(one.exitStatus() == QProcess::NormalExit);
    REQUIRE(two.exitStatus() == QProcess::NormalExit);
    CHECK(one.exitCode() == 0);
    CHECK(two.exitCode() == 0);
    Acknowledged acked;
    QByteArray out = one.readAllStandardOutput() + two.readAllStandardOutput();
    acked.take(&out);
    int rowsChecked = 0;
    CHECK(verify(bookmarksPath, historyPath, acked, &rowsChecked).toStdString() == "");
    // Each iteration adds one bookmark, or three by import every tenth.
    const int perWriter = kIterations + 2 * (kIterations / 10);
    CHECK(acked.bookmarks.size() == 2 * perWriter);
    CHECK(acked.visitCount == 2 * kIterations);
    Inspector b(bookmarksPath);
    CHECK(b.value(QStringLiteral("SELECT count(*) FROM bookmarks")).toInt() == 2 * perWriter);
    Inspector h(historyPath);
    CHECK(h.value(QStringLiteral("SELECT count(*) FROM visits")).toInt() == 2 * kIterations);
}

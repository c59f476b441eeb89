// One SQLite file opened through Qt SQL. Qt allows a connection to be used only by the
// thread that made it, so each instance registers its own uniquely named connection and
// looks it up by name instead of keeping a QSqlDatabase member.
//
// Durability settings (both stores use them):
//   journal_mode=WAL     a write is one append to the -wal file; a process killed mid-write
//                        leaves the last committed state, and readers never block the writer.
//   synchronous=FULL     the WAL is synced at every commit, so a commit that returned survives a
//                        power cut too (NORMAL could lose the last commits). Bookmarks and history
//                        are written a few times a minute at most, so the cost does not show.
//   busy timeout         a second FibroKB on the same file waits for the lock instead of failing.
//   BEGIN IMMEDIATE      every write transaction takes the write lock up front, where the busy
//                        timeout applies (a deferred transaction that upgrades later can fail
//                        with SQLITE_BUSY at once, whatever the timeout).
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QVariantList>

class QSqlQuery;

namespace fibrokb::app {

// SQLITE_CORRUPT or SQLITE_NOTADB: the file itself is damaged (not busy, not a permission problem).
bool isCorruptionError(const QSqlError& error);

class SqliteConnection final {
public:
    static constexpr int kBusyTimeoutMs = 5000;

    SqliteConnection(const QString& path, const QString& purpose);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // Creates the folder, opens the file, runs PRAGMA quick_check and switches on WAL,
    // synchronous=FULL and foreign keys. A file that is not a SQLite database or fails the
    // check is closed and renamed aside with its -wal and -shm files (never deleted; see
    // movedAsidePath()), and a new empty file is opened in its place.
    bool open(QString* error);
    // Opens as it is: no check, no renaming, no journal change (reading a damaged copy).
    bool openAsIs(QString* error);
    void close();
    bool isOpen() const;
    QSqlDatabase database() const;
    QString path() const { return path_; }

    // Set by open() when the file was damaged and moved aside: where it is now, and why.
    QString movedAsidePath() const { return movedAside_; }
    QString damage() const { return damage_; }

    // One statement, with positional values. On failure *error gets the message and the
    // statement. `query` (optional) receives the executed query to read rows from.
    bool exec(const QString& sql, const QVariantList& values, QString* error, QSqlQuery* query = nullptr);
    bool exec(const QString& sql, QString* error) { return exec(sql, {}, error); }

    // Write transactions: begin() is BEGIN IMMEDIATE. commit() reports a failed COMMIT
    // (and rolls back); rollback() is safe to call when no transaction is open.
    bool begin(QString* error);
    bool commit(QString* error);
    void rollback();
    bool inTransaction() const { return inTransaction_; }

    // PRAGMA user_version; -1 (and *error) when it cannot be read.
    int userVersion(QString* error = nullptr) const;

private:
    bool startOpening(QString* error);
    bool openDatabase(bool readOnly, QString* error);
    bool quickCheck(QString* damage, QString* error);
    bool moveAside(QString* error);
    bool applyPragmas(QString* error);

    QString path_;
    QString name_;
    QString movedAside_;
    QString damage_;
    bool inTransaction_ = false;
};

// Rolls back on scope exit unless commit() succeeded.
class SqliteTransaction final {
public:
    explicit SqliteTransaction(SqliteConnection& connection) : connection_(connection) {}
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;

    bool begin(QString* error);
    bool commit(QString* error);

private:
    SqliteConnection& connection_;
    bool active_ = false;
};

}  // namespace fibrokb::app

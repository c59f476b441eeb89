#include "core/sqlite_connection.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QThread>

Q_LOGGING_CATEGORY(lcSqlite, "fibrokb.sqlite")

namespace fibrokb::app {
namespace {

QAtomicInteger<quint64> connectionCounter;

constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

void setError(QString* error, const QString& text)
{
    if (error)
        *error = text;
}

// The files SQLite keeps beside a database, which travel with it when it is moved aside.
const char* const kCompanionSuffixes[] = {"-wal", "-shm", "-journal"};

// SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock.
bool isBusyError(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == kSqliteBusy || code == kSqliteLocked);
}

}  // namespace

bool isCorruptionError(const QSqlError& error)
{
    if (error.type() == QSqlError::NoError)
        return false;
    bool ok = false;
    // Qt reports SQLite's extended result code; the primary code is its low byte.
    const int code = error.nativeErrorCode().toInt(&ok);
    if (ok) {
        const int primary = code & 0xff;
        return primary == kSqliteCorrupt || primary == kSqliteNotADatabase;
    }
    const QString text = error.databaseText();
    return text.contains(QLatin1String("malformed")) || text.contains(QLatin1String("not a database"));
}

SqliteConnection::SqliteConnection(const QString& path, const QString& purpose)
    : path_(path), name_(QStringLiteral("fibrokb-%1-%2-%3")
                             .arg(purpose)
                             .arg(connectionCounter.fetchAndAddRelaxed(1))
                             .arg(quintptr(QThread::currentThreadId())))
{
}

SqliteConnection::~SqliteConnection()
{
    rollback();
    close();
    if (QSqlDatabase::contains(name_))
        QSqlDatabase::removeDatabase(name_);
}

bool SqliteConnection::openDatabase(bool readOnly, QString* error)
{
    QSqlDatabase db = QSqlDatabase::contains(name_) ? QSqlDatabase::database(name_, false)
                                                    : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
    db.setDatabaseName(path_);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        setError(error, db.lastError().text());
        return false;
    }
    return true;
}

// What open() and openAsIs() both do first: forget the last open's outcome and check the driver.
bool SqliteConnection::startOpening(QString* error)
{
    movedAside_.clear();
    damage_.clear();
    inTransaction_ = false;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        setError(error, QStringLiteral("The Qt SQLite driver is not installed (package libqt6sql6-sqlite)."));
        return false;
    }
    return true;
}

bool SqliteConnection::open(QString* error)
{
    if (!startOpening(error))
        return false;
    const QFileInfo info(path_);
    if (!QDir().mkpath(info.absolutePath())) {
        setError(error, QStringLiteral("Cannot create the folder %1").arg(info.absolutePath()));
        return false;
    }
    // The check runs on a read-only connection: closing it never checkpoints into a damaged
    // file nor deletes its -wal, so what is moved aside is exactly what was found.
    if (info.exists() && info.size() > 0) {
        QString damage;
        QString readOnlyError;
        bool checked = openDatabase(true, &readOnlyError) && quickCheck(&damage, &readOnlyError);
        close();
        if (!checked) {
            // A read-only connection cannot replay a hot rollback journal (a FibroKB killed while
            // creating the file): check on a normal connection, which replays it first.
            qCDebug(lcSqlite) << path_ << "read-only check failed:" << readOnlyError;
            damage.clear();
            checked = openDatabase(false, error) && quickCheck(&damage, error);
            close();
            if (!checked)
                return false;
        }
        if (!damage.isEmpty()) {
            if (!moveAside(error))
                return false;
            damage_ = damage;
            qCWarning(lcSqlite) << path_ << "is damaged (" << damage << "); moved aside to" << movedAside_;
        }
    }
    if (!openDatabase(false, error))
        return false;
    if (!applyPragmas(error)) {
        close();
        return false;
    }
    return true;
}

bool SqliteConnection::openAsIs(QString* error)
{
    if (!startOpening(error))
        return false;
    return openDatabase(false, error);
}

bool SqliteConnection::quickCheck(QString* damage, QString* error)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    // quick_check reads every page and checks the b-tree structure (not index contents);
    // (1) stops at the first problem. A non-database file fails here with SQLITE_NOTADB.
    if (!q.exec(QStringLiteral("PRAGMA quick_check(1)"))) {
        if (isCorruptionError(q.lastError())) {
            *damage = q.lastError().databaseText();
            return true;
        }
        setError(error, q.lastError().text() + QStringLiteral(" (PRAGMA quick_check)"));
        return false;
    }
    if (!q.next()) {
        if (isCorruptionError(q.lastError())) {
            *damage = q.lastError().databaseText();
            return true;
        }
        setError(error, q.lastError().isValid() ? q.lastError().text()
                                                : QStringLiteral("PRAGMA quick_check returned nothing"));
        return false;
    }
    const QString result = q.value(0).toString();
    if (result != QLatin1String("ok"))
        *damage = result;
    return true;
}

bool SqliteConnection::moveAside(QString* error)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString base = path_ + QStringLiteral(".corrupt-") + stamp;
    QString target = base;
    auto taken = [](const QString& candidate) {
        if (QFileInfo::exists(candidate))
            return true;
        for (const char* suffix : kCompanionSuffixes)
            if (QFileInfo::exists(candidate + QLatin1String(suffix)))
                return true;
        return false;
    };
    for (int n = 2; taken(target); ++n)
        target = QStringLiteral("%1-%2").arg(base).arg(n);
    if (!QFile::rename(path_, target)) {
        setError(error,
                 QStringLiteral("The file %1 is damaged and could not be moved aside to %2.").arg(path_, target));
        return false;
    }
    movedAside_ = target;
    // A -wal left behind would be replayed into the new, empty file: it must go with the file.
    for (const char* suffix : kCompanionSuffixes) {
        const QString companion = path_ + QLatin1String(suffix);
        if (QFileInfo::exists(companion) && !QFile::rename(companion, target + QLatin1String(suffix))) {
            setError(error, QStringLiteral("The file %1 is damaged; it was moved aside to %2 but %3 could not be.")
                                .arg(path_, target, companion));
            return false;
        }
    }
    return true;
}

bool SqliteConnection::applyPragmas(QString* error)
{
    QSqlQuery q(database());
    // Switching a new file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at
    // once, without its busy handler, when a second FibroKB is opening the same new file at
    // the same moment: wait for it here, up to the same timeout.
    QElapsedTimer waited;
    waited.start();
    while (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()) {
        if (!isBusyError(q.lastError()) || waited.elapsed() > kBusyTimeoutMs) {
            setError(error, q.lastError().text() + QStringLiteral(" (PRAGMA journal_mode=WAL)"));
            return false;
        }
        q.finish();
        QThread::msleep(10);
    }
    // WAL needs shared memory; on a file system without it SQLite keeps its rollback journal,
    // which with synchronous=FULL is just as safe, only slower.
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcSqlite) << path_ << "keeps journal mode" << q.value(0).toString();
    q.finish();
    for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (!q.exec(QLatin1String(pragma))) {
            setError(error, q.lastError().text() + QStringLiteral(" (%1)").arg(QLatin1String(pragma)));
            return false;
        }
    }
    return true;
}

void SqliteConnection::close()
{
    QSqlDatabase db = QSqlDatabase::database(name_, false);
    if (db.isValid() && db.isOpen())
        db.close();
    inTransaction_ = false;
}

bool SqliteConnection::isOpen() const
{
    return QSqlDatabase::database(name_, false).isOpen();
}

QSqlDatabase SqliteConnection::database() const
{
    return QSqlDatabase::database(name_, false);
}

bool SqliteConnection::exec(const QString& sql, const QVariantList& values, QString* error, QSqlQuery* query)
{
    QSqlDatabase db = database();
    if (!db.isOpen()) {
        setError(error, QStringLiteral("The file %1 is not open.").arg(path_));
        return false;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    if (ok) {
        for (const QVariant& value : values)
            q.addBindValue(value);
        ok = q.exec();
    }
    if (!ok) {
        setError(error, q.lastError().text());
        qCWarning(lcSqlite).noquote() << path_ << q.lastError().text() << "in:" << sql.simplified();
        return false;
    }
    if (query)
        *query = std::move(q);
    return true;
}

bool SqliteConnection::begin(QString* error)
{
    if (inTransaction_) {
        setError(error, QStringLiteral("A transaction is already open on %1.").arg(path_));
        return false;
    }
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    inTransaction_ = true;
    return true;
}

bool SqliteConnection::commit(QString* error)
{
    if (!inTransaction_) {
        setError(error, QStringLiteral("No transaction is open on %1.").arg(path_));
        return false;
    }
    if (!exec(QStringLiteral("COMMIT"), error)) {
        rollback();
        return false;
    }
    inTransaction_ = false;
    return true;
}

void SqliteConnection::rollback()
{
    if (!inTransaction_)
        return;
    inTransaction_ = false;
    QSqlQuery q(database());
    // Fails harmlessly when SQLite already rolled back by itself (I/O error, full disk).
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qCDebug(lcSqlite) << path_ << "rollback:" << q.lastError().text();
}

int SqliteConnection::userVersion(QString* error) const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        setError(error, q.lastError().text() + QStringLiteral(" (PRAGMA user_version)"));
        return -1;
    }
    return q.value(0).toInt();
}

SqliteTransaction::~SqliteTransaction()
{
    if (active_)
        connection_.rollback();
}

bool SqliteTransaction::begin(QString* error)
{
    active_ = connection_.begin(error);
    return active_;
}

bool SqliteTransaction::commit(QString* error)
{
    if (!active_) {
        setError(error, QStringLiteral("No transaction to commit."));
        return false;
    }
    active_ = false;
    return connection_.commit(error);
}

}  // namespace fibrokb::app

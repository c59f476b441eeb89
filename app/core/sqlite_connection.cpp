#include "core/sqlite_connection.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace fibrokb::app {
namespace {
QAtomicInteger<quint64> connectionCounter;
}

SqliteConnection::SqliteConnection(const QString& path, const QString& purpose)
    : path_(path),
      name_(QStringLiteral("fibrokb-%1-%2-%3")
                .arg(purpose)
                .arg(connectionCounter.fetchAndAddRelaxed(1))
                .arg(quintptr(QThread::currentThreadId())))
{
}

SqliteConnection::~SqliteConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(name_, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(name_))
        QSqlDatabase::removeDatabase(name_);
}

bool SqliteConnection::open(QString* error)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        if (error)
            *error = QStringLiteral("The Qt SQLite driver is not installed (package libqt6sql6-sqlite).");
        return false;
    }
    const QFileInfo info(path_);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("Cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
    db.setDatabaseName(path_);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery pragma(db);
    // WAL keeps the file consistent if the app is killed mid-write and lets readers carry on.
    pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    // A file that is not a database fails here rather than later.
    if (!pragma.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        if (error)
            *error = pragma.lastError().text();
        db.close();
        return false;
    }
    return true;
}

bool SqliteConnection::isOpen() const
{
    return QSqlDatabase::database(name_, false).isOpen();
}

QSqlDatabase SqliteConnection::database() const
{
    return QSqlDatabase::database(name_, false);
}

int SqliteConnection::schemaVersion() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version LIMIT 1")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool SqliteConnection::setSchemaVersion(int version, QString* error)
{
    return execScript(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);"
                                     "DELETE FROM schema_version;"
                                     "INSERT INTO schema_version(version) VALUES (%1)")
                          .arg(version),
                      error);
}

bool SqliteConnection::execScript(const QString& script, QString* error)
{
    QSqlDatabase db = database();
    db.transaction();
    QSqlQuery query(db);
    for (const QString& statement : script.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (statement.trimmed().isEmpty())
            continue;
        if (!query.exec(statement)) {
            if (error)
                *error = query.lastError().text() + QStringLiteral(" in: ") + statement.trimmed();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

}  // namespace fibrokb::app

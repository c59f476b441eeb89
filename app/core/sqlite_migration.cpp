#include "core/sqlite_migration.h"

#include "core/sqlite_connection.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <limits>

namespace fibrokb::app {
namespace {

struct Versions {
    int user = 0;    // PRAGMA user_version
    int legacy = 0;  // schema_version table of files written before user_version was used
    int effective() const { return user > 0 ? user : legacy; }
};

bool readVersions(SqliteConnection& connection, Versions* versions, QString* error)
{
    versions->user = connection.userVersion(error);
    if (versions->user < 0)
        return false;
    versions->legacy = 0;
    if (versions->user > 0)
        return true;
    QSqlQuery q;
    if (!connection.exec(
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"), {},
            error, &q))
        return false;
    if (!q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (q.value(0).toInt() == 0)
        return true;
    if (!connection.exec(QStringLiteral("SELECT max(version) FROM schema_version"), {}, error, &q))
        return false;
    if (q.next())
        versions->legacy = q.value(0).toInt();
    return !q.lastError().isValid();
}

QString tooNewMessage(int version, int latest)
{
    return QStringLiteral("the file has schema version %1, newer than this FibroKB knows (%2)")
        .arg(version)
        .arg(latest);
}

}  // namespace

MigrationResult migrateSchema(SqliteConnection& connection, const QVector<MigrationStep>& steps)
{
    MigrationResult result;
    const int latest = steps.isEmpty() ? 0 : steps.last().version;
    Versions versions;
    // Reads the versions and refuses a file from a newer FibroKB; false when the caller must stop.
    auto readUsable = [&] {
        if (!readVersions(connection, &versions, &result.error))
            return false;
        result.fromVersion = result.toVersion = versions.effective();
        if (versions.effective() > latest) {
            result.tooNew = true;
            result.error = tooNewMessage(versions.effective(), latest);
            return false;
        }
        return true;
    };
    // Most opens find the file current: read without taking the write lock first.
    if (!readUsable())
        return result;
    if (versions.user == latest) {
        result.ok = true;
        return result;
    }

    SqliteTransaction transaction(connection);
    if (!transaction.begin(&result.error))
        return result;
    // Another instance may have migrated between the read above and the lock.
    if (!readUsable())
        return result;
    for (const MigrationStep& step : steps) {
        if (step.version <= versions.effective())
            continue;
        for (const QString& statement : step.statements) {
            QString error;
            if (!connection.exec(statement, &error)) {
                result.error = QStringLiteral("schema step %1 failed: %2").arg(step.version).arg(error);
                return result;  // the transaction rolls back: the file stays at its old version
            }
        }
    }
    if (versions.user != latest &&
        !connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(latest), &result.error))
        return result;
    if (!transaction.commit(&result.error))
        return result;
    result.toVersion = latest;
    result.ok = true;
    return result;
}

SalvagedRows salvageTable(SqliteConnection& damaged, const QString& table, const QString& columns)
{
    constexpr int kBatch = 256;
    constexpr int kMaxQueries = 100000;
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();

    SalvagedRows out;
    const QSqlDatabase db = damaged.database();
    if (!db.isOpen()) {
        out.firstError = QStringLiteral("not open");
        return out;
    }
    const QString key = columns.section(QLatin1Char(','), 0, 0).trimmed();
    const QString readSql =
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 >= ? ORDER BY %3 LIMIT %4").arg(columns, table, key).arg(kBatch);
    const QString probeSql = QStringLiteral("SELECT %1 FROM %2 WHERE %1 >= ? ORDER BY %1 LIMIT 1").arg(key, table);
    int queries = 0;
    auto noteError = [&](const QSqlQuery& q) {
        if (out.firstError.isEmpty())
            out.firstError = q.lastError().text();
    };
    // Does reading from `from` on work? (A seek into a damaged page fails.)
    auto probe = [&](qint64 from) {
        ++queries;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(probeSql))
            return false;
        q.addBindValue(from);
        if (!q.exec())
            return false;
        q.next();
        return !q.lastError().isValid();
    };

    qint64 from = kMin;
    while (queries < kMaxQueries) {
        ++queries;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(readSql)) {  // no such table, or a schema that cannot be read
            noteError(q);
            break;
        }
        q.addBindValue(from);
        int got = 0;
        qint64 last = from;
        bool failed = !q.exec();
        if (!failed) {
            while (q.next()) {
                out.rows.push_back(q.record());
                last = q.value(0).toLongLong();
                ++got;
            }
            failed = q.lastError().isValid();
        }
        if (!failed) {
            if (got < kBatch || last == kMax)
                break;  // the end of the table
            from = last + 1;
            continue;
        }
        noteError(q);
        if (got > 0 && last == kMax)
            break;
        qint64 lo = got > 0 ? last + 1 : from;  // reading from here fails (or may)
        if (got > 0 && probe(lo)) {
            from = lo;
            continue;
        }
        ++out.damagedRanges;
        // Widen until a start reads again, then narrow to the first such start.
        quint64 step = 1;
        qint64 hi = lo;
        bool found = false;
        while (queries < kMaxQueries) {
            hi = quint64(kMax) - quint64(lo) < step ? kMax : qint64(quint64(lo) + step);
            if (probe(hi)) {
                found = true;
                break;
            }
            if (hi == kMax)
                break;
            lo = hi;
            step = step > (std::numeric_limits<quint64>::max() >> 1) ? step : step * 2;
        }
        if (!found)
            break;
        while (quint64(hi) - quint64(lo) > 1 && queries < kMaxQueries) {
            const qint64 mid = qint64(quint64(lo) + (quint64(hi) - quint64(lo)) / 2);
            if (probe(mid))
                hi = mid;
            else
                lo = mid;
        }
        from = hi;
    }
    return out;
}

QVector<SalvagedRows> salvageFile(const QString& damagedPath, const QVector<SalvageSource>& tables)
{
    QVector<SalvagedRows> result(tables.size());
    auto fail = [&](const QString& error) {
        for (SalvagedRows& rows : result)
            rows.firstError = error;
        return result;
    };
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary folder: %1").arg(dir.errorString()));
    const QString copy = dir.filePath(QStringLiteral("salvage.sqlite"));
    if (!QFile::copy(damagedPath, copy))
        return fail(QStringLiteral("cannot copy %1").arg(damagedPath));
    const QString wal = damagedPath + QStringLiteral("-wal");
    if (QFileInfo::exists(wal) && !QFile::copy(wal, copy + QStringLiteral("-wal")))
        return fail(QStringLiteral("cannot copy %1").arg(wal));
    for (const QString& file : {copy, copy + QStringLiteral("-wal")})
        if (QFileInfo::exists(file))
            QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    SqliteConnection connection(copy, QStringLiteral("salvage"));
    QString error;
    if (!connection.openAsIs(&error))
        return fail(error);
    for (int i = 0; i < tables.size(); ++i)
        result[i] = salvageTable(connection, tables[i].table, tables[i].columns);
    return result;
}

}  // namespace fibrokb::app

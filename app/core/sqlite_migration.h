// Schema migrations shared by the bookmark and history stores, and the salvage of rows
// from a damaged file.
//
// A store lists its schema as steps, each a version number and a list of whole statements
// (never a script split on ';', which breaks on a ';' inside a string or a trigger body).
// migrateSchema() applies the missing steps in one BEGIN IMMEDIATE transaction and sets
// PRAGMA user_version inside that same transaction, so a crash or a failed statement leaves
// the file exactly at its old version. Two instances opening a new file at once are safe:
// the second waits for the write lock, then re-reads the version and finds nothing to do.
#pragma once

#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fibrokb::app {

class SqliteConnection;

struct MigrationStep {
    int version = 0;         // the user_version once this step is applied; steps ascend
    QStringList statements;  // each one complete statement
};

struct MigrationResult {
    bool ok = false;
    bool tooNew = false;  // the file has a newer version than the steps know
    int fromVersion = 0;  // the version found
    int toVersion = 0;    // the version now (== fromVersion when it failed)
    QString error;
};

// Files written before user_version was used keep their version in a one-row table
// `schema_version(version)`; it is read when user_version is 0 (and left in place).
MigrationResult migrateSchema(SqliteConnection& connection, const QVector<MigrationStep>& steps);

// What could still be read of one table whose first column is its INTEGER PRIMARY KEY.
// Reads in key order and steps over damaged pages (a read that fails is retried further on,
// searching for where readable keys start again), so one bad page costs the rows on that
// page, not the whole table. `columns` is the column list, key first.
struct SalvagedRows {
    QVector<QSqlRecord> rows;
    int damagedRanges = 0;  // places where reading failed and was resumed further on
    QString firstError;
};
SalvagedRows salvageTable(SqliteConnection& damaged, const QString& table, const QString& columns);

// The same for a moved-aside file, read through a private copy (with its -wal) so that
// reading never changes the kept file. One result per {table, columns} pair, in order.
struct SalvageSource {
    QString table;
    QString columns;
};
QVector<SalvagedRows> salvageFile(const QString& damagedPath, const QVector<SalvageSource>& tables);

}  // namespace fibrokb::app

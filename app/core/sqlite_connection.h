// One SQLite file opened through Qt SQL. Qt allows a connection to be used only by the
// thread that made it, so each instance registers its own uniquely named connection and
// looks it up by name instead of keeping a QSqlDatabase member.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace fibrokb::app {

class SqliteConnection final {
public:
    SqliteConnection(const QString& path, const QString& purpose);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // Creates the folder, opens the file and switches on WAL and foreign keys.
    bool open(QString* error);
    bool isOpen() const;
    QSqlDatabase database() const;
    QString path() const { return path_; }

    // The schema version kept in the schema_version table (0 for a new file).
    int schemaVersion() const;
    bool setSchemaVersion(int version, QString* error);
    // Runs statements separated by ';' in one transaction.
    bool execScript(const QString& script, QString* error);

private:
    QString path_;
    QString name_;
};

}  // namespace fibrokb::app

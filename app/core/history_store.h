// Pages the person has read, kept across restarts (SQLite, AppDataLocation) so "what
// was that page yesterday?" has an answer. The person can clear it at any time.
// Same durability and recovery as the bookmarks (sqlite_connection.h, sqlite_migration.h):
// WAL, synchronous=FULL, busy timeout, user_version migrations, a damaged file moved aside.
#pragma once

#include "core/sqlite_connection.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace fibrokb::app {

struct Visit {
    QString articleId;
    QString anchor;
    QString title;
    QDateTime visited;
};

class HistoryStore final : public QObject {
    Q_OBJECT
public:
    static constexpr int kSchemaVersion = 1;
    static QString defaultPath();

    explicit HistoryStore(const QString& path = defaultPath(), QObject* parent = nullptr);
    ~HistoryStore() override;

    bool open();
    bool isOpen() const;
    QString error() const { return error_; }
    QString path() const { return connection_->path(); }
    // Set by open() when the file was damaged and replaced, for the person; "" otherwise.
    QString recoveryNote() const { return recoveryNote_; }
    QString movedAsidePath() const { return connection_->movedAsidePath(); }
    int salvagedVisits() const { return salvagedVisits_; }

    // false (and error()) when the visit was not saved.
    bool record(const QString& articleId, const QString& anchor, const QString& title);
    // Most recent first, one entry per page.
    QVector<Visit> recent(int limit = 20) const;
    int count() const;
    bool clear();

Q_SIGNALS:
    void changed();

private:
    bool ready() const;
    void salvage();

    std::unique_ptr<SqliteConnection> connection_;
    mutable QString error_;
    QString openError_;
    QString recoveryNote_;
    int salvagedVisits_ = 0;
};

}  // namespace fibrokb::app

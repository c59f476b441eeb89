// Pages the person has read, kept across restarts (SQLite, AppDataLocation) so "what
// was that page yesterday?" has an answer. The person can clear it at any time.
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
    QString error() const { return error_; }
    void record(const QString& articleId, const QString& anchor, const QString& title);
    // Most recent first, one entry per page.
    QVector<Visit> recent(int limit = 20) const;
    int count() const;
    void clear();

Q_SIGNALS:
    void changed();

private:
    std::unique_ptr<SqliteConnection> connection_;
    QString error_;
};

}  // namespace fibrokb::app

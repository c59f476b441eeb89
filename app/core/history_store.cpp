#include "core/history_store.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace fibrokb::app {

QString HistoryStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

HistoryStore::HistoryStore(const QString& path, QObject* parent)
    : QObject(parent), connection_(std::make_unique<SqliteConnection>(path, QStringLiteral("history")))
{
}

HistoryStore::~HistoryStore() = default;

bool HistoryStore::open()
{
    if (!connection_->open(&error_))
        return false;
    const int version = connection_->schemaVersion();
    if (version > kSchemaVersion) {
        error_ = tr("The reading history was saved by a newer FibroKB.");
        return false;
    }
    if (version < 1) {
        return connection_->execScript(QStringLiteral("CREATE TABLE IF NOT EXISTS visits("
                                                      " id INTEGER PRIMARY KEY,"
                                                      " article_id TEXT NOT NULL,"
                                                      " anchor TEXT NOT NULL DEFAULT '',"
                                                      " title TEXT NOT NULL,"
                                                      " visited TEXT NOT NULL);"
                                                      "CREATE INDEX IF NOT EXISTS visits_article ON visits(article_id)"),
                                       &error_)
            && connection_->setSchemaVersion(1, &error_);
    }
    return true;
}

void HistoryStore::record(const QString& articleId, const QString& anchor, const QString& title)
{
    if (articleId.isEmpty() || !connection_->isOpen())
        return;
    QSqlQuery q(connection_->database());
    q.prepare(QStringLiteral("INSERT INTO visits(article_id, anchor, title, visited) VALUES (?, ?, ?, ?)"));
    q.addBindValue(articleId);
    q.addBindValue(anchor.isNull() ? QStringLiteral("") : anchor);
    q.addBindValue(title.isNull() ? QStringLiteral("") : title);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (q.exec())
        Q_EMIT changed();
}

QVector<Visit> HistoryStore::recent(int limit) const
{
    QVector<Visit> result;
    QSqlQuery q(connection_->database());
    q.prepare(QStringLiteral("SELECT article_id, anchor, title, max(visited) AS last FROM visits"
                             " GROUP BY article_id ORDER BY last DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return result;
    while (q.next())
        result.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs)});
    return result;
}

int HistoryStore::count() const
{
    QSqlQuery q(connection_->database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM visits")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

void HistoryStore::clear()
{
    QSqlQuery q(connection_->database());
    if (q.exec(QStringLiteral("DELETE FROM visits")))
        Q_EMIT changed();
}

}  // namespace fibrokb::app

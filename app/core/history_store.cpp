#include "core/history_store.h"

#include "core/sqlite_migration.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcHistory, "fibrokb.history")

namespace fibrokb::app {
namespace {

QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVector<MigrationStep> historySchema()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE IF NOT EXISTS visits("
                         " id INTEGER PRIMARY KEY,"
                         " article_id TEXT NOT NULL,"
                         " anchor TEXT NOT NULL DEFAULT '',"
                         " title TEXT NOT NULL,"
                         " visited TEXT NOT NULL)"),
          QStringLiteral("CREATE INDEX IF NOT EXISTS visits_article ON visits(article_id)")}},
    };
}

}  // namespace

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
    error_.clear();
    openError_.clear();
    recoveryNote_.clear();
    salvagedVisits_ = 0;
    bool ok = connection_->open(&error_);
    if (ok) {
        const MigrationResult result = migrateSchema(*connection_, historySchema());
        if (result.tooNew)
            error_ = tr("The reading history was saved by a newer FibroKB (schema %1).").arg(result.fromVersion);
        else if (!result.ok)
            error_ = tr("the history file could not be prepared: %1").arg(result.error);
        ok = result.ok;
    }
    if (!ok) {
        openError_ = error_;
        connection_->close();
        qCWarning(lcHistory) << "cannot open" << path() << error_;
        return false;
    }
    if (!connection_->movedAsidePath().isEmpty())
        salvage();
    return true;
}

bool HistoryStore::isOpen() const
{
    return connection_->isOpen();
}

bool HistoryStore::ready() const
{
    if (connection_->isOpen())
        return true;
    error_ = openError_.isEmpty() ? tr("the history file is not open")
                                  : tr("the history file could not be opened (%1)").arg(openError_);
    return false;
}

void HistoryStore::salvage()
{
    const QString kept = connection_->movedAsidePath();
    const SalvagedRows read =
        salvageFile(kept, {{QStringLiteral("visits"), QStringLiteral("id, article_id, anchor, title, visited")}}).at(0);
    QString error;
    int copied = 0;
    {
        SqliteTransaction transaction(*connection_);
        bool ok = transaction.begin(&error);
        for (const QSqlRecord& r : read.rows) {
            if (!ok)
                break;
            if (r.value(1).toString().isEmpty() || r.value(4).toString().isEmpty())
                continue;
            QSqlQuery q;
            ok = connection_->exec(
                QStringLiteral(
                    "INSERT OR IGNORE INTO visits(id, article_id, anchor, title, visited) VALUES (?, ?, ?, ?, ?)"),
                {r.value(0).toLongLong(), r.value(1).toString(), text(r.value(2).toString()),
                 text(r.value(3).toString()), r.value(4).toString()},
                &error, &q);
            if (ok && q.numRowsAffected() == 1)
                ++copied;
        }
        if (ok)
            ok = transaction.commit(&error);
        if (!ok) {
            qCWarning(lcHistory) << "could not copy the readable history:" << error;
            copied = 0;
        }
    }
    salvagedVisits_ = copied;
    recoveryNote_ = tr("Your reading history file was damaged and could not be used. It has been kept, unchanged, "
                       "as \u201c%1\u201d, and a new history has been started.")
                        .arg(QDir::toNativeSeparators(kept));
    if (copied > 0)
        recoveryNote_ +=
            QLatin1Char(' ') + (copied == 1 ? tr("1 visit could still be read and was copied into it.")
                                            : tr("%1 visits could still be read and were copied into it.").arg(copied));
    if (copied > 0)
        Q_EMIT changed();
}

bool HistoryStore::record(const QString& articleId, const QString& anchor, const QString& title)
{
    error_.clear();
    if (articleId.isEmpty()) {
        error_ = tr("no page to record");
        return false;
    }
    if (!ready() ||
        !connection_->exec(
            QStringLiteral("INSERT INTO visits(article_id, anchor, title, visited) VALUES (?, ?, ?, ?)"),
            {articleId, text(anchor), text(title), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            &error_))
        return false;
    Q_EMIT changed();
    return true;
}

QVector<Visit> HistoryStore::recent(int limit) const
{
    QVector<Visit> result;
    QSqlQuery q;
    if (!ready() ||
        !connection_->exec(QStringLiteral("SELECT article_id, anchor, title, max(visited) AS last FROM visits"
                                          " GROUP BY article_id ORDER BY last DESC LIMIT ?"),
                           {limit}, &error_, &q))
        return result;
    while (q.next())
        result.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs)});
    if (q.lastError().isValid())
        error_ = q.lastError().text();
    return result;
}

int HistoryStore::count() const
{
    QSqlQuery q;
    if (!ready() || !connection_->exec(QStringLiteral("SELECT count(*) FROM visits"), {}, &error_, &q) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool HistoryStore::clear()
{
    error_.clear();
    if (!ready() || !connection_->exec(QStringLiteral("DELETE FROM visits"), &error_))
        return false;
    Q_EMIT changed();
    return true;
}

}  // namespace fibrokb::app

// Not a test by itself: the process that test_store_durability.cpp kills.
//
//   fibrokb-store-writer BOOKMARKS.sqlite HISTORY.sqlite TAG [ITERATIONS]
//
// Opens both stores through the real BookmarkStore and HistoryStore, then saves in a loop
// (forever, or ITERATIONS times and exits 0). After each save call has returned success it
// prints one line to stdout and flushes, so every line the test reads is an acknowledged save:
//   S                      starting (before the stores are opened)
//   O                      both stores open
//   B <tab> article <tab> anchor       a bookmark was added (add(), or one of an import's three)
//   F <tab> folder                     a folder was created (createFolder(), or by an import)
//   M <tab> article <tab> folder       a bookmark was moved into a folder
//   N <tab> article <tab> note         a note was saved
//   H <tab> article                    a visit was recorded
// Any failed call prints "E ..." to stderr and exits 3; finding a damaged file (which a kill
// must never cause) exits 4.
#include "core/bookmark_store.h"
#include "core/history_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace fibrokb::app;

namespace {

void ack(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString& what, const QString& why, int code = 3)
{
    std::fprintf(stderr, "E %s: %s\n", qPrintable(what), qPrintable(why));
    std::fflush(stderr);
    std::exit(code);
}

Bookmark makeBookmark(const QString& articleId, const QString& anchor)
{
    Bookmark b;
    b.articleId = articleId;
    b.anchor = anchor;
    b.title = QStringLiteral("Page %1").arg(articleId);
    b.sectionTitle = anchor;
    b.topics = {QStringLiteral("hip-pain"), QStringLiteral("sleep")};
    return b;
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: fibrokb-store-writer BOOKMARKS HISTORY TAG [ITERATIONS]\n");
        return 2;
    }
    const QString tag = args.at(3);
    const qint64 iterations = args.size() > 4 ? args.at(4).toLongLong() : -1;
    const QString t = QStringLiteral("\t");

    ack(QStringLiteral("S"));
    BookmarkStore bookmarks(args.at(1));
    if (!bookmarks.open())
        fail(QStringLiteral("open bookmarks"), bookmarks.error());
    if (!bookmarks.recoveryNote().isEmpty())
        fail(QStringLiteral("open bookmarks"), bookmarks.recoveryNote(), 4);
    HistoryStore history(args.at(2));
    if (!history.open())
        fail(QStringLiteral("open history"), history.error());
    if (!history.recoveryNote().isEmpty())
        fail(QStringLiteral("open history"), history.recoveryNote(), 4);
    ack(QStringLiteral("O"));

    for (qint64 i = 0; iterations < 0 || i < iterations; ++i) {
        const QString id = QStringLiteral("%1-%2").arg(tag).arg(i);
        QString lastArticle;
        if (i % 10 == 3) {
            // Three bookmarks and a folder in one import: all of them or none.
            const QString folderName = QStringLiteral("import %1").arg(id);
            QJsonArray list;
            QStringList articles;
            for (const char* part : {"a", "b", "c"}) {
                const QString article = id + QLatin1Char('-') + QLatin1String(part);
                articles << article;
                list.append(QJsonObject{{QStringLiteral("articleId"), article},
                                        {QStringLiteral("anchor"), QStringLiteral("section")},
                                        {QStringLiteral("title"), article},
                                        {QStringLiteral("folder"), folderName},
                                        {QStringLiteral("note"), QStringLiteral("imported")},
                                        {QStringLiteral("created"), QStringLiteral("2024-05-01T10:00:00.000Z")}});
            }
            const QJsonObject root{
                {QStringLiteral("format"), QStringLiteral("fibrokb-bookmarks")},
                {QStringLiteral("version"), 1},
                {QStringLiteral("folders"), QJsonArray{QJsonObject{{QStringLiteral("name"), folderName}}}},
                {QStringLiteral("bookmarks"), list}};
            const ImportReport report = bookmarks.importJson(QJsonDocument(root).toJson());
            if (!report.error.isEmpty() || report.added != 3 || report.foldersAdded != 1)
                fail(QStringLiteral("import %1").arg(id), report.error);
            ack(QStringLiteral("F") + t + folderName);
            for (const QString& article : articles)
                ack(QStringLiteral("B") + t + article + t + QStringLiteral("section"));
            lastArticle = articles.last();
        } else {
            const QString anchor = i % 2 ? QStringLiteral("part-%1").arg(i) : QString();
            const qint64 bookmarkId = bookmarks.add(makeBookmark(id, anchor));
            if (bookmarkId <= 0)
                fail(QStringLiteral("add %1").arg(id), bookmarks.error());
            ack(QStringLiteral("B") + t + id + t + anchor);
            if (i % 10 == 7) {
                const QString folderName = QStringLiteral("folder %1").arg(id);
                const qint64 folderId = bookmarks.createFolder(folderName);
                if (folderId <= 0)
                    fail(QStringLiteral("folder %1").arg(id), bookmarks.error());
                ack(QStringLiteral("F") + t + folderName);
                if (!bookmarks.moveTo(bookmarkId, folderId))
                    fail(QStringLiteral("move %1").arg(id), bookmarks.error());
                ack(QStringLiteral("M") + t + id + t + folderName);
            }
            if (i % 2 == 0) {
                const QString note = QStringLiteral("Ask about %1; it helped \u2014 \u00e9").arg(id);
                if (!bookmarks.setNote(bookmarkId, note))
                    fail(QStringLiteral("note %1").arg(id), bookmarks.error());
                ack(QStringLiteral("N") + t + id + t + note);
            }
            lastArticle = id;
        }
        if (!history.record(lastArticle, QString(), QStringLiteral("Page %1").arg(lastArticle)))
            fail(QStringLiteral("visit %1").arg(id), history.error());
        ack(QStringLiteral("H") + t + lastArticle);
    }
    return 0;
}

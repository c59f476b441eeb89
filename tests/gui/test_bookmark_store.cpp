// The bookmark store on a real SQLite file: schema, persistence across a restart of the
// store, undo of every change, JSON backup round trip and idempotent import.
#include "core/bookmark_commands.h"
#include "core/bookmark_store.h"
#include "core/visit_sheet.h"
#include "ui/printing.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

using namespace fibrokb::app;

namespace {

Bookmark makeBookmark(const QString& articleId, const QString& anchor = {}, const QString& note = {})
{
    Bookmark b;
    b.articleId = articleId;
    b.anchor = anchor;
    b.title = anchor.isEmpty() ? articleId : articleId + QStringLiteral(" \u2014 ") + anchor;
    b.sectionTitle = anchor;
    b.topics = {QStringLiteral("hip-pain")};
    b.note = note;
    return b;
}

std::unique_ptr<BookmarkStore> openStore(const QString& path)
{
    auto store = std::make_unique<BookmarkStore>(path);
    REQUIRE(store->open());
    return store;
}

}  // namespace

TEST_CASE("The bookmark store uses WAL and records its schema version in user_version", "[gui][bookmarks][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/folder/bookmarks.sqlite"));
    auto store = openStore(path);
    CHECK(QFile::exists(path));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
    {
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode")));
        REQUIRE(q.next());
        CHECK(q.value(0).toString() == QStringLiteral("wal"));
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == BookmarkStore::kSchemaVersion);
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
}

TEST_CASE("A file from a newer schema is refused and left in place, a non-database is replaced",
          "[gui][bookmarks][store]")
{
    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
    {
        QFile file(garbage);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    BookmarkStore broken(garbage);
    CHECK(broken.open());  // moved aside, a new file started (test_store_durability.cpp has the details)
    CHECK_FALSE(broken.recoveryNote().isEmpty());
    CHECK(QFile::exists(broken.movedAsidePath()));

    const QString newer = dir.filePath(QStringLiteral("newer.sqlite"));
    {
        auto store = openStore(newer);
        SqliteConnection raw(newer, QStringLiteral("raw"));
        REQUIRE(raw.open(nullptr));
        REQUIRE(raw.exec(QStringLiteral("PRAGMA user_version = 99"), nullptr));
    }
    BookmarkStore future(newer);
    CHECK_FALSE(future.open());
    CHECK(future.error().contains(QStringLiteral("newer")));
    CHECK(future.recoveryNote().isEmpty());
    CHECK(future.movedAsidePath().isEmpty());
    CHECK(QFile::exists(newer));
}

TEST_CASE("Bookmarks are keyed by article id and section anchor", "[gui][bookmarks][store]")
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("b.sqlite")));
    const qint64 page = store->add(makeBookmark(QStringLiteral("hip-outer")));
    const qint64 section = store->add(makeBookmark(QStringLiteral("hip-outer"), QStringLiteral("treatment")));
    CHECK(page > 0);
    CHECK(section > 0);
    CHECK(page != section);
    CHECK(store->add(makeBookmark(QStringLiteral("hip-outer"), QStringLiteral("treatment"))) == section);
    CHECK(store->count() == 2);
    CHECK(store->find(QStringLiteral("hip-outer"), QStringLiteral("treatment"))->id == section);
}

TEST_CASE("Bookmark add, folder, note, delete and undo persist across a restart of the store",
          "[gui][bookmarks][store][undo]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    qint64 id = 0;
    {
        auto store = openStore(path);
        BookmarkActions actions(store.get());
        Bookmark b = makeBookmark(QStringLiteral("hip-exercise"), QStringLiteral("water-exercise"),
                                  QStringLiteral("Ask about the warm pool"));
        id = actions.bookmark(b, QStringLiteral("For my next appointment"));
        REQUIRE(id > 0);
        const auto folder = store->folderByName(QStringLiteral("For my next appointment"));
        REQUIRE(folder);
        CHECK(store->bookmark(id)->folderId == folder->id);
        REQUIRE(actions.setNote(id, QStringLiteral("Ask about the warm pool on Tuesdays")));
    }
    {
        auto store = openStore(path);  // restart
        const auto b = store->bookmark(id);
        REQUIRE(b);
        CHECK(b->note == QStringLiteral("Ask about the warm pool on Tuesdays"));
        CHECK(store->folder(b->folderId)->name == QStringLiteral("For my next appointment"));
        BookmarkActions actions(store.get());
        REQUIRE(actions.remove(id));
        CHECK_FALSE(store->bookmark(id));
    }
    {
        auto store = openStore(path);  // the delete was saved
        CHECK(store->count() == 0);
        // Undo lives with the running app; a new undo stack restores within its session.
        BookmarkActions actions(store.get());
        const qint64 again = actions.bookmark(makeBookmark(QStringLiteral("back-basics")));
        REQUIRE(actions.remove(again));
        actions.undoStack()->undo();
        CHECK(store->bookmark(again));
    }
    {
        auto store = openStore(path);
        CHECK(store->count() == 1);
        CHECK(store->bookmarks().first().articleId == QStringLiteral("back-basics"));
    }
}

TEST_CASE("Undo brings back a deleted bookmark with its note, folder and date", "[gui][bookmarks][undo]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    auto store = openStore(path);
    BookmarkActions actions(store.get());
    const qint64 folder = actions.createFolder(QStringLiteral("Questions"));
    Bookmark b = makeBookmark(QStringLiteral("hip-outer"), QStringLiteral("treatment"), QStringLiteral("Injection?"));
    b.folderId = folder;
    const qint64 id = actions.bookmark(b);
    const QDateTime created = store->bookmark(id)->created;
    REQUIRE(actions.remove(id));
    CHECK(store->count() == 0);
    actions.undoStack()->undo();
    const auto back = store->bookmark(id);
    REQUIRE(back);
    CHECK(back->note == QStringLiteral("Injection?"));
    CHECK(back->folderId == folder);
    CHECK(back->created == created);
    actions.undoStack()->redo();
    CHECK(store->count() == 0);
    actions.undoStack()->undo();
    store.reset();
    auto reopened = openStore(path);
    CHECK(reopened->bookmark(id));
}

TEST_CASE("Folders can be renamed, deleted (keeping bookmarks) and restored", "[gui][bookmarks][undo]")
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("bookmarks.sqlite")));
    BookmarkActions actions(store.get());
    const qint64 folder = actions.createFolder(QStringLiteral("GP visit"));
    CHECK(actions.createFolder(QStringLiteral("gp visit")) == folder);  // names are unique, any case
    Bookmark b = makeBookmark(QStringLiteral("hip-outer"));
    b.folderId = folder;
    const qint64 id = actions.bookmark(b);
    REQUIRE(actions.renameFolder(folder, QStringLiteral("Rheumatology visit")));
    CHECK(store->folder(folder)->name == QStringLiteral("Rheumatology visit"));
    REQUIRE(actions.removeFolder(folder));
    CHECK_FALSE(store->folder(folder));
    CHECK(store->bookmark(id)->folderId == 0);
    actions.undoStack()->undo();
    CHECK(store->folder(folder)->name == QStringLiteral("Rheumatology visit"));
    CHECK(store->bookmark(id)->folderId == folder);
    actions.undoStack()->undo();
    CHECK(store->folder(folder)->name == QStringLiteral("GP visit"));
    REQUIRE(actions.moveTo(id, 0));
    CHECK(store->bookmark(id)->folderId == 0);
    actions.undoStack()->undo();
    CHECK(store->bookmark(id)->folderId == folder);
    REQUIRE(actions.rename(id, QStringLiteral("The hip page")));
    CHECK(store->bookmark(id)->title == QStringLiteral("The hip page"));
    actions.undoStack()->undo();
    CHECK(store->bookmark(id)->title == QStringLiteral("hip-outer"));
}

TEST_CASE("JSON backup round trip, and importing twice adds nothing", "[gui][bookmarks][backup]")
{
    QTemporaryDir dir;
    const QString backup = dir.filePath(QStringLiteral("backup.json"));
    {
        auto store = openStore(dir.filePath(QStringLiteral("a.sqlite")));
        BookmarkActions actions(store.get());
        Bookmark one = makeBookmark(QStringLiteral("hip-outer"), QStringLiteral("treatment"),
                                    QStringLiteral("Line one\nLine two \u2014 \u00e9"));
        actions.bookmark(one, QStringLiteral("For my next appointment"));
        actions.bookmark(makeBookmark(QStringLiteral("back-basics")));
        actions.createFolder(QStringLiteral("Empty folder"));
        QString error;
        REQUIRE(store->exportJsonToFile(backup, &error));
    }
    auto target = openStore(dir.filePath(QStringLiteral("b.sqlite")));
    QSignalSpy changed(target.get(), &BookmarkStore::changed);
    const ImportReport first = target->importJsonFile(backup);
    REQUIRE(first.error.isEmpty());
    CHECK(first.added == 2);
    CHECK(first.foldersAdded == 2);
    CHECK(changed.count() == 1);
    const auto imported = target->find(QStringLiteral("hip-outer"), QStringLiteral("treatment"));
    REQUIRE(imported);
    CHECK(imported->note == QStringLiteral("Line one\nLine two \u2014 \u00e9"));
    CHECK(target->folder(imported->folderId)->name == QStringLiteral("For my next appointment"));
    CHECK(imported->topics == QStringList{QStringLiteral("hip-pain")});
    CHECK(target->folders().size() == 2);

    const ImportReport second = target->importJsonFile(backup);
    CHECK(second.added == 0);
    CHECK(second.alreadyThere == 2);
    CHECK(second.foldersAdded == 0);
    CHECK(target->count() == 2);
    CHECK(target->folders().size() == 2);
    CHECK(changed.count() == 1);
}

TEST_CASE("Importing something that is not a backup reports it and changes nothing", "[gui][bookmarks][backup]")
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("b.sqlite")));
    store->add(makeBookmark(QStringLiteral("hip-outer")));
    CHECK_FALSE(store->importJson("{ not json").error.isEmpty());
    CHECK_FALSE(store->importJson(R"({"format":"something-else","bookmarks":[]})").error.isEmpty());
    CHECK_FALSE(store->importJsonFile(dir.filePath(QStringLiteral("missing.json"))).error.isEmpty());
    CHECK(store->count() == 1);
}

TEST_CASE("A visit sheet lists the folder's bookmarks with notes and prints to PDF", "[gui][bookmarks][print]")
{
    QTemporaryDir dir;
    QVector<Bookmark> list{makeBookmark(QStringLiteral("hip-outer"), QStringLiteral("treatment"),
                                        QStringLiteral("Is an injection worth it? <not a tag>"))};
    const QString html = visitSheetHtml(QStringLiteral("For my next appointment"), list);
    CHECK(html.contains(QStringLiteral("For my next appointment")));
    CHECK(html.contains(QStringLiteral("Is an injection worth it? &lt;not a tag&gt;")));
    CHECK(html.contains(QStringLiteral("not been reviewed by a clinician")));
    const QString pdf = dir.filePath(QStringLiteral("sheet.pdf"));
    REQUIRE(exportHtmlToPdf(html, QStringLiteral("Visit"), pdf));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArray("%PDF-"));
    CHECK(file.size() > 1000);
}

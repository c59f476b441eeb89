// The bookmarks panel and the bookmark dialog in the real window.
#include "support/test_support.h"

#include "core/bookmark_commands.h"
#include "core/bookmark_models.h"
#include "core/bookmark_store.h"
#include "ui/add_bookmark_dialog.h"
#include "ui/article_view.h"
#include "ui/bookmarks_panel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace fibrokb;
using app::BookmarkListModel;
using app::MainWindow;

namespace {

QStringList visibleTitles(app::BookmarksPanel* panel)
{
    QStringList titles;
    for (int row = 0; row < panel->proxy()->rowCount(); ++row)
        titles << panel->proxy()->index(row, 0).data(BookmarkListModel::TitleRole).toString();
    return titles;
}

qint64 addBookmark(app::MainWindow& window, const QString& articleId, const QString& anchor, const QString& title,
                   const QString& topic, const QString& note = {}, const QDateTime& created = {})
{
    app::Bookmark b;
    b.created = created;  // invalid: the store stamps it with the current time
    b.articleId = articleId;
    b.anchor = anchor;
    b.title = title;
    b.topics = {topic};
    b.note = note;
    return window.bookmarkActions()->bookmark(b);
}

}  // namespace

TEST_CASE("Ctrl+D bookmarks a section into a new folder with a note", "[gui][bookmarks]")
{
    test::TestEnv env;
    auto window = env.window();
    REQUIRE(window->openArticle(QStringLiteral("hip-exercise")));
    QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier);
    auto* dialog = window->findChild<app::AddBookmarkDialog*>();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    QComboBox* section = dialog->sectionBox();
    section->setCurrentIndex(section->findData(QStringLiteral("water-exercise")));
    REQUIRE(section->currentIndex() > 0);
    dialog->chooseNewFolder(QStringLiteral("For my next appointment"));
    dialog->noteField()->setPlainText(QStringLiteral("Ask about a warm pool class"));
    dialog->accept();

    app::BookmarkStore* store = window->bookmarkStore();
    const auto saved = store->find(QStringLiteral("hip-exercise"), QStringLiteral("water-exercise"));
    REQUIRE(saved);
    CHECK(saved->title == QStringLiteral("Exercises for hip pain \u2014 Water exercise"));
    CHECK(saved->sectionTitle == QStringLiteral("Water exercise"));
    CHECK(saved->note == QStringLiteral("Ask about a warm pool class"));
    CHECK(store->folder(saved->folderId)->name == QStringLiteral("For my next appointment"));
    CHECK(saved->topics == QStringList{QStringLiteral("hip-pain"), QStringLiteral("exercise")});
    CHECK(window->findChild<QAction*>(QStringLiteral("actionBookmark"))
              ->text()
              .remove(QLatin1Char('&'))
              .contains(QStringLiteral("Bookmarked")));
    // The panel now shows that folder with the new bookmark selected.
    CHECK(window->bookmarksPanel()->currentBookmarkId() == saved->id);
}

TEST_CASE("Bookmark this section from the contents menu path", "[gui][bookmarks]")
{
    test::TestEnv env;
    auto window = env.window();
    REQUIRE(window->openArticle(QStringLiteral("back-basics")));
    auto* dialog = window->bookmarkSection(QStringLiteral("what-helps-2"));
    REQUIRE(dialog);
    CHECK(dialog->anchor() == QStringLiteral("what-helps-2"));
    CHECK(dialog->folderBox()->currentText() == QStringLiteral("No folder"));
    dialog->accept();
    CHECK(window->bookmarkStore()->find(QStringLiteral("back-basics"), QStringLiteral("what-helps-2")));
    // Opening that bookmark goes to its section.
    window->goHome();
    window->bookmarksPanel()->selectFolder(app::FolderListModel::kAllBookmarks);
    REQUIRE(window->bookmarksPanel()->selectBookmark(
        window->bookmarkStore()->find(QStringLiteral("back-basics"), QStringLiteral("what-helps-2"))->id));
    window->bookmarksPanel()->openCurrent();
    CHECK(window->articleView()->articleId() == QStringLiteral("back-basics"));
    CHECK(window->navigator().current().anchor == QStringLiteral("what-helps-2"));
}

TEST_CASE("Ctrl+B shows the panel, Delete removes a bookmark and Ctrl+Z restores it", "[gui][bookmarks][undo]")
{
    test::TestEnv env;
    auto window = env.window();
    addBookmark(*window, QStringLiteral("hip-outer"), {}, QStringLiteral("Outer hip pain"), QStringLiteral("hip-pain"),
                QStringLiteral("Mention the night pain"));
    QTest::keyClick(window.get(), Qt::Key_B, Qt::ControlModifier);
    REQUIRE(window->bookmarksDock()->isVisible());
    QListView* list = window->bookmarksPanel()->bookmarkList();
    REQUIRE(list->hasFocus());
    REQUIRE(list->currentIndex().isValid());
    QTest::keyClick(list, Qt::Key_Delete);
    CHECK(window->bookmarkStore()->count() == 0);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    REQUIRE(window->bookmarkStore()->count() == 1);
    CHECK(window->bookmarkStore()->bookmarks().first().note == QStringLiteral("Mention the night pain"));
    // Enter opens it.
    window->bookmarksPanel()->focusList();
    QTest::keyClick(list, Qt::Key_Return);
    CHECK(window->currentPage() == MainWindow::Page::Article);
    CHECK(window->articleView()->articleId() == QStringLiteral("hip-outer"));
}

TEST_CASE("Bookmarks sort by title, date or topic and filter by text", "[gui][bookmarks]")
{
    test::TestEnv env;
    auto window = env.window();
    // Dates added a day apart, given rather than waited for: the order by date cannot depend on the clock.
    const QDateTime day = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);
    addBookmark(*window, QStringLiteral("hip-outer"), {}, QStringLiteral("Outer hip pain"), QStringLiteral("hip-pain"),
                {}, day);
    addBookmark(*window, QStringLiteral("back-basics"), {}, QStringLiteral("Back pain basics"),
                QStringLiteral("back-pain"), QStringLiteral("Ask about the heat pad"), day.addDays(1));
    addBookmark(*window, QStringLiteral("hip-exercise"), {}, QStringLiteral("Exercises for hip pain"),
                QStringLiteral("exercise"), {}, day.addDays(2));
    REQUIRE(window->bookmarkStore()->count() == 3);
    const auto newest = window->bookmarkStore()->find(QStringLiteral("hip-exercise"), {});
    REQUIRE(newest);
    REQUIRE(newest->created == day.addDays(2));  // the given date is kept, not replaced by the clock
    app::BookmarksPanel* panel = window->bookmarksPanel();
    QAbstractItemModelTester tester(panel->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    QComboBox* sort = panel->sortBox();
    sort->setCurrentIndex(sort->findData(int(app::BookmarkFilterProxy::SortKey::DateAdded)));
    CHECK(visibleTitles(panel) == QStringList{QStringLiteral("Exercises for hip pain"),
                                              QStringLiteral("Back pain basics"), QStringLiteral("Outer hip pain")});
    sort->setCurrentIndex(sort->findData(int(app::BookmarkFilterProxy::SortKey::Title)));
    CHECK(visibleTitles(panel) == QStringList{QStringLiteral("Back pain basics"),
                                              QStringLiteral("Exercises for hip pain"),
                                              QStringLiteral("Outer hip pain")});
    sort->setCurrentIndex(sort->findData(int(app::BookmarkFilterProxy::SortKey::Topic)));
    // Topic labels: Back pain, Exercise, Hip pain.
    CHECK(visibleTitles(panel) == QStringList{QStringLiteral("Back pain basics"),
                                              QStringLiteral("Exercises for hip pain"),
                                              QStringLiteral("Outer hip pain")});
    QTest::keyClicks(panel->filterField(), QStringLiteral("heat pad"));  // matches the note
    CHECK(visibleTitles(panel) == QStringList{QStringLiteral("Back pain basics")});
    panel->filterField()->clear();
    QTest::keyClicks(panel->filterField(), QStringLiteral("HIP"));
    CHECK(visibleTitles(panel).size() == 2);
}

TEST_CASE("Folder and bookmark edits in the panel are all undoable", "[gui][bookmarks][undo]")
{
    test::TestEnv env;
    auto window = env.window();
    app::BookmarksPanel* panel = window->bookmarksPanel();
    const qint64 id = addBookmark(*window, QStringLiteral("hip-outer"), QStringLiteral("treatment"),
                                  QStringLiteral("Outer hip pain \u2014 Treatment"), QStringLiteral("hip-pain"));
    const qint64 folder = panel->newFolder(QStringLiteral("For my next appointment"));
    REQUIRE(folder > 0);
    CHECK(panel->currentFolderId() == folder);
    CHECK(visibleTitles(panel).isEmpty());

    panel->selectFolder(app::FolderListModel::kAllBookmarks);
    REQUIRE(panel->selectBookmark(id));
    REQUIRE(panel->moveCurrentTo(folder));
    CHECK(panel->currentFolderId() == folder);
    CHECK(visibleTitles(panel) == QStringList{QStringLiteral("Outer hip pain \u2014 Treatment")});
    REQUIRE(panel->setNoteOfCurrent(QStringLiteral("Bring the exercise sheet")));
    CHECK(panel->findChild<QLabel*>(QStringLiteral("bookmarkDetails"))
              ->text()
              .contains(QStringLiteral("Bring the exercise sheet")));
    REQUIRE(panel->renameCurrent(QStringLiteral("Hip treatment")));
    REQUIRE(panel->renameCurrentFolder(QStringLiteral("Physio visit")));
    CHECK(panel->folderModel()->index(panel->folderModel()->rowOf(folder), 0).data().toString() ==
          QStringLiteral("Physio visit (1)"));

    QUndoStack* undo = window->bookmarkActions()->undoStack();
    undo->undo();  // folder name
    undo->undo();  // bookmark name
    undo->undo();  // note
    const auto b = window->bookmarkStore()->bookmark(id);
    CHECK(b->title == QStringLiteral("Outer hip pain \u2014 Treatment"));
    CHECK(b->note.isEmpty());
    CHECK(window->bookmarkStore()->folder(folder)->name == QStringLiteral("For my next appointment"));

    panel->selectFolder(folder);
    REQUIRE(panel->deleteCurrentFolder());
    CHECK_FALSE(window->bookmarkStore()->folder(folder));
    CHECK(window->bookmarkStore()->bookmark(id));  // kept, outside any folder
    undo->undo();
    CHECK(window->bookmarkStore()->bookmark(id)->folderId == folder);
}

TEST_CASE("A bookmark whose page left the library stays, marked missing", "[gui][bookmarks]")
{
    test::TestEnv env;
    auto window = env.window();
    addBookmark(*window, QStringLiteral("retired-page"), {}, QStringLiteral("An old page"), QStringLiteral("hip-pain"),
                QStringLiteral("Still useful note"));
    app::BookmarksPanel* panel = window->bookmarksPanel();
    panel->selectFolder(app::FolderListModel::kAllBookmarks);
    const QModelIndex index = panel->proxy()->index(0, 0);
    CHECK(index.data(BookmarkListModel::MissingRole).toBool());
    CHECK(index.data(Qt::DisplayRole).toString().contains(QStringLiteral("no longer in the library")));
    panel->bookmarkList()->setCurrentIndex(index);
    CHECK_FALSE(panel->findChild<QPushButton*>(QStringLiteral("bookmarkOpen"))->isEnabled());
    panel->openCurrent();
    CHECK(window->currentPage() == MainWindow::Page::Home);
    CHECK(window->bookmarkStore()->count() == 1);
}

TEST_CASE("The panel's backup and visit sheet write real files", "[gui][bookmarks][backup]")
{
    test::TestEnv env;
    auto window = env.window();
    app::BookmarksPanel* panel = window->bookmarksPanel();
    const qint64 folder = panel->newFolder(QStringLiteral("For my next appointment"));
    app::Bookmark b;
    b.articleId = QStringLiteral("hip-outer");
    b.title = QStringLiteral("Outer hip pain");
    b.folderId = folder;
    b.note = QStringLiteral("Ask about the LEAP trial");
    window->bookmarkActions()->bookmark(b);
    panel->selectFolder(folder);
    CHECK(panel->visitSheetHtml().contains(QStringLiteral("Ask about the LEAP trial")));
    const QString pdf = env.file(QStringLiteral("visit.pdf"));
    REQUIRE(panel->exportVisitSheetPdf(pdf));
    CHECK(QFile(pdf).size() > 1000);

    const QString json = env.file(QStringLiteral("backup.json"));
    REQUIRE(panel->exportBackup(json));
    window->bookmarkActions()->remove(window->bookmarkStore()->bookmarks().first().id);
    const auto report = panel->importBackup(json);
    CHECK(report.added == 1);
    CHECK(panel->importBackup(json).added == 0);
    CHECK(window->bookmarkStore()->count() == 1);
}

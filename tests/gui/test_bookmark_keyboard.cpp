// The bookmarks panel with the keyboard and for tired eyes (issue 11): the Note… dialog lets
// Tab leave and Ctrl+Enter save, Undo of a delete says so and selects the bookmark again,
// Rename is wide enough for the name, "By topic" shows topic headings, the sort order is
// remembered, the visit sheet fits one page and names real pages, and
// BookmarkStore::isBookmarked answers with one indexed query.
// Real widgets, real SQLite files in temp folders; waits are on signals only.
#include "support/keyboard.h"
#include "support/test_support.h"

#include "core/app_settings.h"
#include "core/bookmark_commands.h"
#include "core/bookmark_models.h"
#include "core/bookmark_store.h"
#include "core/visit_sheet.h"
#include "ui/add_bookmark_dialog.h"
#include "ui/article_view.h"
#include "ui/bookmark_delegate.h"
#include "ui/bookmarks_panel.h"
#include "ui/note_dialog.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fibrokb;
using app::BookmarkFilterProxy;
using app::BookmarkListModel;

namespace {

// Waits (on focusWindowChanged, never a timer) until `widget`'s window has the keyboard.
bool waitUntilActive(QWidget* widget, QSignalSpy& focusWindowSpy)
{
    while (QGuiApplication::focusWindow() != widget->window()->windowHandle())
        if (!focusWindowSpy.wait(5000))
            return false;
    return true;
}

using test::press;
using test::type;

// A bookmarks panel of its own on a real SQLite file, shown in a top-level window.
struct PanelOnDisk {
    QTemporaryDir dir;
    app::BookmarkStore store{dir.filePath(QStringLiteral("bookmarks.sqlite"))};
    std::unique_ptr<app::BookmarkActions> actions;
    std::unique_ptr<app::BookmarksPanel> panel;

    PanelOnDisk()
    {
        REQUIRE(dir.isValid());
        REQUIRE(store.open());
        actions = std::make_unique<app::BookmarkActions>(&store);
        panel = std::make_unique<app::BookmarksPanel>(actions.get());
        panel->setTopicLabels({{QStringLiteral("hip-pain"), QStringLiteral("Hip pain")},
                               {QStringLiteral("back-pain"), QStringLiteral("Back pain")},
                               {QStringLiteral("exercise"), QStringLiteral("Exercise")}});
        panel->resize(420, 760);
        panel->show();
    }

    qint64 add(const QString& articleId, const QString& title, const QString& topic, const QString& note = {},
               qint64 folderId = 0, const QString& anchor = {}, const QString& section = {})
    {
        app::Bookmark b;
        b.articleId = articleId;
        b.anchor = anchor;
        b.title = title;
        b.sectionTitle = section;
        b.topics = {topic};
        b.note = note;
        b.folderId = folderId;
        const qint64 id = actions->bookmark(b);
        REQUIRE(id > 0);
        return id;
    }
};

QStringList visibleTitles(app::BookmarksPanel* panel)
{
    QStringList titles;
    for (int row = 0; row < panel->proxy()->rowCount(); ++row)
        titles << panel->proxy()->index(row, 0).data(BookmarkListModel::TitleRole).toString();
    return titles;
}

int pdfPageCount(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    REQUIRE(pdf.startsWith("%PDF-"));
    // Every page object, and the page tree's own count, must agree.
    const QString text = QString::fromLatin1(pdf);
    const int pageObjects = int(text.count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)"))));
    const QRegularExpressionMatch count = QRegularExpression(QStringLiteral("/Count\\s+(\\d+)")).match(text);
    REQUIRE(count.hasMatch());
    REQUIRE(count.captured(1).toInt() == pageObjects);
    return pageObjects;
}

// Points HOME somewhere else for one test, so the Documents folder is a temp one.
class HomeOverride {
public:
    explicit HomeOverride(const QString& home) : saved_(qgetenv("HOME")) { qputenv("HOME", home.toLocal8Bit()); }
    ~HomeOverride() { qputenv("HOME", saved_); }

private:
    QByteArray saved_;
};

const QString kLongNote =
    QStringLiteral("Ask whether the warm pool at the hospital has a class for people with fibromyalgia, "
                   "and whether the physio can show me the first exercises before I go on my own.");

}  // namespace

// ------------------------------------------------------------------ 1. the Note… dialog

TEST_CASE("The Note dialog lets Tab leave the text and Ctrl+Enter save", "[gui][bookmarks][keyboard]")
{
    PanelOnDisk on;
    const qint64 id = on.add(QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain"), QStringLiteral("hip-pain"),
                             QStringLiteral("First line"));
    REQUIRE(on.panel->selectBookmark(id));
    QSignalSpy focusWindow(qApp, &QGuiApplication::focusWindowChanged);
    app::NoteDialog* dialog = on.panel->openNoteDialog();
    REQUIRE(dialog);
    REQUIRE(waitUntilActive(dialog, focusWindow));
    REQUIRE(QApplication::focusWidget() == dialog->noteField());
    CHECK(dialog->noteField()->tabChangesFocus());

    // Return starts a new line of the note; Tab leaves the text without typing anything.
    press(Qt::Key_Return);
    type(QStringLiteral("Second line"));
    press(Qt::Key_Tab);
    CHECK(QApplication::focusWidget() != dialog->noteField());
    CHECK(dialog->isAncestorOf(QApplication::focusWidget()));
    CHECK_FALSE(dialog->noteField()->toPlainText().contains(QLatin1Char('\t')));
    // Back into the text with Shift+Tab, then the keypad's Ctrl+Enter saves.
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    REQUIRE(QApplication::focusWidget() == dialog->noteField());
    QSignalSpy accepted(dialog, &QDialog::accepted);
    press(Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    REQUIRE(accepted.count() == 1);
    CHECK(on.store.bookmark(id)->note == QStringLiteral("First line\nSecond line"));
    CHECK(on.panel->currentBookmarkId() == id);
}

TEST_CASE("The Note dialog saves with Ctrl+Return and Esc closes it without saving", "[gui][bookmarks][keyboard]")
{
    PanelOnDisk on;
    const qint64 id = on.add(QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain"), QStringLiteral("hip-pain"));
    REQUIRE(on.panel->selectBookmark(id));

    QSignalSpy focusWindow(qApp, &QGuiApplication::focusWindowChanged);
    app::NoteDialog* escaped = on.panel->openNoteDialog();
    REQUIRE(escaped);
    REQUIRE(waitUntilActive(escaped, focusWindow));
    type(QStringLiteral("Not this one"));
    QSignalSpy rejected(escaped, &QDialog::rejected);
    press(Qt::Key_Escape);
    REQUIRE(rejected.count() == 1);
    CHECK(on.store.bookmark(id)->note.isEmpty());
    CHECK(on.actions->undoStack()->count() == 1);  // only the bookmark itself

    focusWindow.clear();
    app::NoteDialog* saved = on.panel->openNoteDialog();
    REQUIRE(saved);
    REQUIRE(saved != escaped);
    REQUIRE(waitUntilActive(saved, focusWindow));
    REQUIRE(QApplication::focusWidget() == saved->noteField());
    type(QStringLiteral("Ask about the night pain"));
    QSignalSpy accepted(saved, &QDialog::accepted);
    press(Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(accepted.count() == 1);
    CHECK(on.store.bookmark(id)->note == QStringLiteral("Ask about the night pain"));
    // And it is undoable like every other change.
    on.actions->undoStack()->undo();
    CHECK(on.store.bookmark(id)->note.isEmpty());
}

TEST_CASE("The bookmark dialog's note box lets Tab leave and saves with either Ctrl+Enter",
          "[gui][bookmarks][keyboard]")
{
    for (const Qt::KeyboardModifiers modifiers :
         {Qt::KeyboardModifiers(Qt::ControlModifier), Qt::ControlModifier | Qt::KeypadModifier}) {
        const Qt::Key key = modifiers.testFlag(Qt::KeypadModifier) ? Qt::Key_Enter : Qt::Key_Return;
        app::AddBookmarkDialog dialog(QStringLiteral("Exercises for hip pain"),
                                      {{QStringLiteral("water-exercise"), QStringLiteral("Water exercise")}}, {}, {}, 0,
                                      {});
        QSignalSpy focusWindow(qApp, &QGuiApplication::focusWindowChanged);
        dialog.show();
        REQUIRE(waitUntilActive(&dialog, focusWindow));
        dialog.noteField()->setFocus(Qt::TabFocusReason);
        REQUIRE(QApplication::focusWidget() == dialog.noteField());
        type(QStringLiteral("A question"));
        press(Qt::Key_Tab);
        CHECK(QApplication::focusWidget() != dialog.noteField());
        CHECK_FALSE(dialog.noteField()->toPlainText().contains(QLatin1Char('\t')));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        press(key, modifiers);
        REQUIRE(accepted.count() == 1);
        CHECK(dialog.note() == QStringLiteral("A question"));
    }
}

// ------------------------------------------------------------------ 2. the panel

TEST_CASE("Undo of a delete says the bookmark is back and selects it", "[gui][bookmarks][undo]")
{
    test::TestEnv env;
    auto window = env.window();
    app::BookmarksPanel* panel = window->bookmarksPanel();
    app::Bookmark b;
    for (const auto& [id, title] :
         {std::pair{QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain")},
          std::pair{QStringLiteral("back-basics"), QStringLiteral("Back pain basics")},
          std::pair{QStringLiteral("hip-exercise"), QStringLiteral("Exercises for hip pain")}}) {
        b.articleId = id;
        b.title = title;
        REQUIRE(window->bookmarkActions()->bookmark(b) > 0);
    }
    QTest::keyClick(window.get(), Qt::Key_B, Qt::ControlModifier);
    QListView* list = panel->bookmarkList();
    REQUIRE(QApplication::focusWidget() == list);
    press(Qt::Key_Down);  // the second bookmark
    const qint64 deleted = panel->currentBookmarkId();
    REQUIRE(deleted > 0);
    press(Qt::Key_Delete);
    REQUIRE_FALSE(window->bookmarkStore()->bookmark(deleted));
    CHECK(window->statusBar()->currentMessage().contains(QStringLiteral("Ctrl+Z")));
    CHECK(panel->currentBookmarkId() != deleted);

    press(Qt::Key_Z, Qt::ControlModifier);
    REQUIRE(window->bookmarkStore()->bookmark(deleted));
    CHECK(window->statusBar()->currentMessage() == QStringLiteral("Bookmark restored."));
    CHECK(panel->currentBookmarkId() == deleted);
    CHECK(list->selectionModel()->isSelected(list->currentIndex()));
    CHECK(list->selectionModel()->selectedIndexes().size() == 1);
}

TEST_CASE("Undo of a delete hidden by the filter shows the bookmark again", "[gui][bookmarks][undo]")
{
    PanelOnDisk on;
    const qint64 hip =
        on.add(QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain"), QStringLiteral("hip-pain"));
    on.add(QStringLiteral("back-basics"), QStringLiteral("Back pain basics"), QStringLiteral("back-pain"));
    QSignalSpy messages(on.panel.get(), &app::BookmarksPanel::statusMessage);
    REQUIRE(on.panel->selectBookmark(hip));
    REQUIRE(on.panel->deleteCurrent());
    QTest::keyClicks(on.panel->filterField(), QStringLiteral("back"));
    REQUIRE(visibleTitles(on.panel.get()) == QStringList{QStringLiteral("Back pain basics")});
    on.actions->undoStack()->undo();
    REQUIRE(messages.size() == 2);
    CHECK(messages.last().first().toString() == QStringLiteral("Bookmark restored."));
    CHECK(on.panel->filterField()->text().isEmpty());
    CHECK(on.panel->currentBookmarkId() == hip);
}

TEST_CASE("Undo of a folder delete says so and shows the folder", "[gui][bookmarks][undo]")
{
    PanelOnDisk on;
    const qint64 folder = on.panel->newFolder(QStringLiteral("Physio visit"));
    REQUIRE(folder > 0);
    on.add(QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain"), QStringLiteral("hip-pain"), {}, folder);
    QSignalSpy messages(on.panel.get(), &app::BookmarksPanel::statusMessage);
    on.panel->selectFolder(folder);
    REQUIRE(on.panel->deleteCurrentFolder());
    on.actions->undoStack()->undo();
    REQUIRE(messages.size() == 2);
    CHECK(messages.last().first().toString().startsWith(QStringLiteral("Folder restored")));
    CHECK(on.panel->currentFolderId() == folder);
    CHECK(visibleTitles(on.panel.get()) == QStringList{QStringLiteral("Outer hip pain")});
}

TEST_CASE("The Rename dialog is wide enough to show the whole name and fits the screen", "[gui][bookmarks]")
{
    PanelOnDisk on;
    // Longer than QInputDialog's own width, shorter than the screen (offscreen: 800 pixels).
    const QString longName =
        QStringLiteral("Exercises for hip pain \u2014 Water exercise in a warm pool with a friend");
    const qint64 id = on.add(QStringLiteral("hip-exercise"), longName, QStringLiteral("exercise"));
    REQUIRE(on.panel->selectBookmark(id));
    QSignalSpy focusWindow(qApp, &QGuiApplication::focusWindowChanged);
    QInputDialog* dialog = on.panel->openRenameDialog();
    REQUIRE(dialog);
    REQUIRE(waitUntilActive(dialog, focusWindow));
    auto* field = dialog->findChild<QLineEdit*>();
    REQUIRE(field);
    CHECK(field->text() == longName);
    // The field's text area holds the whole name.
    const int textWidth = field->fontMetrics().horizontalAdvance(longName);
    REQUIRE(textWidth < dialog->screen()->availableGeometry().width() * 3 / 4);
    CHECK(field->contentsRect().width() > textWidth);
    const QRect screen = dialog->screen()->availableGeometry();
    CHECK(dialog->frameGeometry().width() <= screen.width());

    // Typing a new name and pressing Return renames, undoably.
    field->selectAll();
    type(QStringLiteral("Pool exercises"));
    QSignalSpy accepted(dialog, &QDialog::accepted);
    press(Qt::Key_Return);
    REQUIRE(accepted.count() == 1);
    CHECK(on.store.bookmark(id)->title == QStringLiteral("Pool exercises"));
    CHECK(on.panel->currentBookmarkId() == id);
}

TEST_CASE("A name longer than the screen keeps the Rename dialog within the screen", "[gui][bookmarks]")
{
    PanelOnDisk on;
    const QString huge = QStringLiteral("Outer hip pain ").repeated(40).trimmed();
    const qint64 id = on.add(QStringLiteral("hip-outer"), huge, QStringLiteral("hip-pain"));
    REQUIRE(on.panel->selectBookmark(id));
    QSignalSpy focusWindow(qApp, &QGuiApplication::focusWindowChanged);
    QInputDialog* dialog = on.panel->openRenameDialog();
    REQUIRE(dialog);
    REQUIRE(waitUntilActive(dialog, focusWindow));
    CHECK(dialog->frameGeometry().width() <= dialog->screen()->availableGeometry().width());
    dialog->reject();
}

TEST_CASE("At the largest text size the Note and Rename dialogs stay within the screen", "[gui][bookmarks]")
{
    // The app's text-size setting sets the application font (theme.cpp); put it back after.
    struct FontGuard {
        QFont saved = QApplication::font();
        ~FontGuard() { QApplication::setFont(saved); }
    } guard;
    QFont large = guard.saved;
    large.setPointSize(app::AppSettings::kMaxFontPoint);
    QApplication::setFont(large);

    PanelOnDisk on;
    const qint64 id =
        on.add(QStringLiteral("hip-exercise"),
               QStringLiteral("Exercises for hip pain \u2014 Water exercise in a warm pool with a friend"),
               QStringLiteral("exercise"));
    REQUIRE(on.panel->selectBookmark(id));
    const int screenWidth = on.panel->screen()->availableGeometry().width();
    QSignalSpy focusWindow(qApp, &QGuiApplication::focusWindowChanged);
    app::NoteDialog* note = on.panel->openNoteDialog();
    REQUIRE(note);
    REQUIRE(waitUntilActive(note, focusWindow));
    CHECK(note->noteField()->font().pointSize() == app::AppSettings::kMaxFontPoint);
    CHECK(note->frameGeometry().width() <= screenWidth);
    note->reject();

    focusWindow.clear();
    QInputDialog* rename = on.panel->openRenameDialog();
    REQUIRE(rename);
    REQUIRE(waitUntilActive(rename, focusWindow));
    CHECK(rename->frameGeometry().width() <= screenWidth);
    rename->reject();
}

TEST_CASE("By topic shows a heading above each topic group and the keyboard skips them", "[gui][bookmarks][keyboard]")
{
    PanelOnDisk on;
    on.add(QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain"), QStringLiteral("hip-pain"));
    on.add(QStringLiteral("hip-night"), QStringLiteral("Hip pain at night"), QStringLiteral("hip-pain"));
    on.add(QStringLiteral("back-basics"), QStringLiteral("Back pain basics"), QStringLiteral("back-pain"));
    on.add(QStringLiteral("hip-exercise"), QStringLiteral("Exercises for hip pain"), QStringLiteral("exercise"));
    BookmarkFilterProxy* proxy = on.panel->proxy();
    QComboBox* sort = on.panel->sortBox();

    sort->setCurrentIndex(sort->findData(int(BookmarkFilterProxy::SortKey::Title)));
    REQUIRE(proxy->rowCount() == 4);  // the loop below checks every row, so there must be rows
    for (int row = 0; row < proxy->rowCount(); ++row)
        CHECK(proxy->groupHeading(row).isEmpty());

    sort->setCurrentIndex(sort->findData(int(BookmarkFilterProxy::SortKey::Topic)));
    REQUIRE(visibleTitles(on.panel.get()) ==
            QStringList{QStringLiteral("Back pain basics"), QStringLiteral("Exercises for hip pain"),
                        QStringLiteral("Hip pain at night"), QStringLiteral("Outer hip pain")});
    QStringList headings;
    for (int row = 0; row < proxy->rowCount(); ++row)
        headings << proxy->groupHeading(row);
    CHECK(headings ==
          QStringList{QStringLiteral("Back pain"), QStringLiteral("Exercise"), QStringLiteral("Hip pain"), QString()});

    // Drawn: a row that starts a group is a heading taller than one that does not.
    QListView* list = on.panel->bookmarkList();
    auto* delegate = qobject_cast<app::BookmarkDelegate*>(list->itemDelegate());
    REQUIRE(delegate);
    const int strip = app::BookmarkDelegate::headingHeight(list->font());
    CHECK(list->visualRect(proxy->index(2, 0)).height() >= list->visualRect(proxy->index(3, 0)).height() + strip);
    // A screen reader hears the heading with the group's first bookmark.
    CHECK(proxy->index(0, 0).data(Qt::AccessibleTextRole).toString() ==
          QStringLiteral("Topic Back pain: Back pain basics"));

    // Headings are no items: from the top, Down visits the four bookmarks one by one.
    on.panel->focusList();
    list->setCurrentIndex(proxy->index(0, 0));
    QStringList visited{list->currentIndex().data(BookmarkListModel::TitleRole).toString()};
    for (int i = 0; i < 3; ++i) {
        QTest::keyClick(list, Qt::Key_Down);
        visited << list->currentIndex().data(BookmarkListModel::TitleRole).toString();
    }
    CHECK(visited == visibleTitles(on.panel.get()));
    // Filtering keeps headings right for what is left.
    QTest::keyClicks(on.panel->filterField(), QStringLiteral("hip"));
    headings.clear();
    for (int row = 0; row < proxy->rowCount(); ++row)
        headings << proxy->groupHeading(row);
    CHECK(headings == QStringList{QStringLiteral("Exercise"), QStringLiteral("Hip pain"), QString()});
}

TEST_CASE("The bookmark sort order is remembered across restarts", "[gui][bookmarks][settings]")
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    const QString db = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    {
        app::BookmarkStore store(db);
        REQUIRE(store.open());
        app::BookmarkActions actions(&store);
        app::AppSettings settings(ini);
        app::BookmarksPanel panel(&actions);
        panel.setSettings(&settings);
        CHECK(panel.proxy()->sortKey() == BookmarkFilterProxy::SortKey::DateAdded);  // the default
        panel.sortBox()->setCurrentIndex(panel.sortBox()->findData(int(BookmarkFilterProxy::SortKey::Topic)));
    }
    app::BookmarkStore store(db);
    REQUIRE(store.open());
    app::BookmarkActions actions(&store);
    app::AppSettings settings(ini);
    CHECK(settings.bookmarkSortOrder() == QStringLiteral("topic"));
    app::BookmarksPanel panel(&actions);
    panel.setSettings(&settings);
    CHECK(panel.sortBox()->currentData().toInt() == int(BookmarkFilterProxy::SortKey::Topic));
    CHECK(panel.proxy()->sortKey() == BookmarkFilterProxy::SortKey::Topic);

    // A value FibroKB does not know (a newer version's) leaves the default.
    app::AppSettings(ini).setBookmarkSortOrder(QStringLiteral("by-colour"));
    app::AppSettings odd(ini);
    app::BookmarksPanel fresh(&actions);
    fresh.setSettings(&odd);
    CHECK(fresh.proxy()->sortKey() == BookmarkFilterProxy::SortKey::DateAdded);
}

// ------------------------------------------------------------------ 3. the visit sheet

TEST_CASE("A visit sheet of three bookmarks prints on one page with real page titles", "[gui][bookmarks][print]")
{
    PanelOnDisk on;
    on.panel->setPageTitleLookup([](const QString& id) {
        static const QHash<QString, QString> titles{
            {QStringLiteral("hip-exercise"), QStringLiteral("Exercises for hip pain")},
            {QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain")},
            {QStringLiteral("back-basics"), QStringLiteral("Back pain basics")}};
        return titles.value(id);
    });
    const qint64 folder = on.panel->newFolder(QStringLiteral("For my next appointment"));
    on.add(QStringLiteral("hip-exercise"), QStringLiteral("Exercises for hip pain \u2014 Water exercise"),
           QStringLiteral("exercise"), kLongNote, folder, QStringLiteral("water-exercise"),
           QStringLiteral("Water exercise"));
    const qint64 renamed = on.add(QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain"),
                                  QStringLiteral("hip-pain"), kLongNote, folder);
    REQUIRE(on.actions->rename(renamed, QStringLiteral("My night pain questions")));
    on.add(QStringLiteral("back-basics"), QStringLiteral("Back pain basics"), QStringLiteral("back-pain"), kLongNote,
           folder);
    on.panel->selectFolder(folder);
    REQUIRE(on.panel->bookmarksInCurrentFolder().size() == 3);

    const QString html = on.panel->visitSheetHtml();
    // No internal codes: the pages by their titles, the renamed one too, its own name labelled.
    CHECK_FALSE(html.contains(QStringLiteral("FibroKB page:")));
    CHECK_FALSE(html.contains(QStringLiteral("water-exercise")));
    CHECK_FALSE(html.contains(QStringLiteral("hip-outer")));
    // Headings "N. Page title", whatever the panel's sort order numbered them.
    const auto heading = [&html](const QString& title) {
        return html.contains(QRegularExpression(QStringLiteral("\\d\\. %1<").arg(QRegularExpression::escape(title))));
    };
    CHECK(heading(QStringLiteral("Outer hip pain")));
    CHECK(heading(QStringLiteral("Exercises for hip pain")));
    CHECK(heading(QStringLiteral("Back pain basics")));
    CHECK(html.contains(QStringLiteral("My name for it:</b> My night pain questions")));
    CHECK(html.contains(QStringLiteral("Section:</b> Water exercise")));
    CHECK_FALSE(html.contains(QStringLiteral("My name for it:</b> Exercises for hip pain")));  // not renamed
    // Room to write: a ruled line per answer row, at least six.
    CHECK(app::kVisitSheetAnswerLines >= 6);
    CHECK(html.count(QStringLiteral("border-bottom: 1px solid")) == app::kVisitSheetAnswerLines);
    CHECK(html.contains(QStringLiteral("not been reviewed by a clinician")));
    CHECK(html.contains(QStringLiteral("font-size: 12pt")));

    // Through the panel's own PDF path (printing.cpp's A4 page): one page, disclaimer included.
    const QString pdf = on.dir.filePath(QStringLiteral("visit.pdf"));
    REQUIRE(on.panel->exportVisitSheetPdf(pdf));
    CHECK(pdfPageCount(pdf) == 1);
}

TEST_CASE("Large print makes the visit sheet's text 16 pt", "[gui][bookmarks][print]")
{
    PanelOnDisk on;
    on.add(QStringLiteral("hip-outer"), QStringLiteral("Outer hip pain"), QStringLiteral("hip-pain"), kLongNote);
    CHECK_FALSE(on.panel->largePrint());
    on.panel->setLargePrint(true);
    const QString html = on.panel->visitSheetHtml();
    CHECK(html.contains(QStringLiteral("<body style=\"font-size: 16pt;\">")));
    // Nothing but the small disclaimer goes under 16 pt, and that stays at 14.
    const QRegularExpression size(QStringLiteral("font-size: (\\d+)pt"));
    int smallest = 100;
    for (auto match = size.globalMatch(html); match.hasNext();)
        smallest = qMin(smallest, match.next().captured(1).toInt());
    CHECK(smallest == 14);
    const QString pdf = on.dir.filePath(QStringLiteral("large.pdf"));
    REQUIRE(on.panel->exportVisitSheetPdf(pdf));
    CHECK(pdfPageCount(pdf) == 1);

    // The function on its own, without a title lookup: the bookmark's title, still no codes.
    app::Bookmark b;
    b.articleId = QStringLiteral("hip-exercise");
    b.anchor = QStringLiteral("water-exercise");
    b.title = QStringLiteral("Pool");
    const QString plain = app::visitSheetHtml(QStringLiteral("Folder"), {b});
    CHECK(plain.contains(QStringLiteral("1. Pool")));
    CHECK_FALSE(plain.contains(QStringLiteral("hip-exercise")));
    CHECK(plain.contains(QStringLiteral("<body style=\"font-size: 12pt;\">")));
}

TEST_CASE("The visit sheet's save dialog starts in the Documents folder, made if missing", "[gui][bookmarks][print]")
{
    QTemporaryDir home;
    HomeOverride override(home.path());
    const QString documents = QDir(home.path()).filePath(QStringLiteral("Documents"));
    REQUIRE_FALSE(QDir(documents).exists());
    CHECK(app::BookmarksPanel::visitSheetSavePath() == QDir(documents).filePath(QStringLiteral("visit-sheet.pdf")));
    CHECK(QDir(documents).exists());
}

// ------------------------------------------------------------------ 4. isBookmarked

TEST_CASE("isBookmarked answers from the SQLite file with one indexed query", "[gui][bookmarks][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bookmarks.sqlite"));
    {
        app::BookmarkStore store(path);
        REQUIRE(store.open());
        CHECK_FALSE(store.isBookmarked(QStringLiteral("hip-outer")));
        app::Bookmark section;
        section.articleId = QStringLiteral("hip-outer");
        section.anchor = QStringLiteral("treatment");
        section.title = QStringLiteral("Outer hip pain \u2014 Treatment");
        const qint64 id = store.add(section);
        REQUIRE(id > 0);
        CHECK(store.isBookmarked(QStringLiteral("hip-outer")));  // a section counts for its page
        CHECK_FALSE(store.isBookmarked(QStringLiteral("hip")));  // no prefix matches
        CHECK_FALSE(store.isBookmarked(QString()));
        REQUIRE(store.remove(id));
        CHECK_FALSE(store.isBookmarked(QStringLiteral("hip-outer")));
        section.anchor.clear();
        REQUIRE(store.add(section) > 0);
    }
    // Read back from the file by a new store, as after a restart.
    app::BookmarkStore reopened(path);
    REQUIRE(reopened.open());
    CHECK(reopened.isBookmarked(QStringLiteral("hip-outer")));
    CHECK_FALSE(reopened.isBookmarked(QStringLiteral("back-basics")));

    // The same query uses the (article_id, anchor) index: no scan of the table.
    const QString connection = QStringLiteral("inspect-isBookmarked");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral(
            "EXPLAIN QUERY PLAN SELECT EXISTS(SELECT 1 FROM bookmarks WHERE article_id = 'hip-outer' LIMIT 1)")));
        QStringList plan;
        while (q.next())
            plan << q.value(3).toString();
        INFO(plan.join(QStringLiteral(" | ")).toStdString());
        CHECK(plan.join(QLatin1Char(' ')).contains(QStringLiteral("USING COVERING INDEX")));
        CHECK_FALSE(plan.join(QLatin1Char(' ')).contains(QStringLiteral("SCAN bookmarks")));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

// ------------------------------------------------------------------ 5. keyboard only, end to end

TEST_CASE("With keys alone a note is added to a bookmark from the panel", "[gui][bookmarks][keyboard][flow]")
{
    test::TestEnv env;
    qint64 id = 0;
    {
        auto window = env.window();
        app::Bookmark b;
        b.articleId = QStringLiteral("hip-outer");
        b.title = QStringLiteral("Outer hip pain");
        id = window->bookmarkActions()->bookmark(b);
        REQUIRE(id > 0);

        // Ctrl+B puts the keyboard in the bookmarks list, on the bookmark.
        press(Qt::Key_B, Qt::ControlModifier);
        app::BookmarksPanel* panel = window->bookmarksPanel();
        REQUIRE(QApplication::focusWidget() == panel->bookmarkList());
        REQUIRE(panel->currentBookmarkId() == id);

        // Alt+N is the Note… button's mnemonic; the dialog opens with the keyboard in the text.
        auto* noteButton = panel->findChild<QPushButton*>(QStringLiteral("bookmarkEditNote"));
        REQUIRE(noteButton);
        QSignalSpy clicked(noteButton, &QPushButton::clicked);
        QSignalSpy focusWindow(qApp, &QGuiApplication::focusWindowChanged);
        press(Qt::Key_N, Qt::AltModifier);
        REQUIRE((clicked.count() == 1 || clicked.wait(5000)));
        auto* dialog = panel->findChild<app::NoteDialog*>();
        REQUIRE(dialog);
        REQUIRE(waitUntilActive(dialog, focusWindow));
        REQUIRE(QApplication::focusWidget() == dialog->noteField());

        type(QStringLiteral("Ask about the night pain"));
        press(Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() != dialog->noteField());
        QSignalSpy accepted(dialog, &QDialog::accepted);
        press(Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        REQUIRE(accepted.count() == 1);
        CHECK(window->bookmarkStore()->bookmark(id)->note == QStringLiteral("Ask about the night pain"));
        window->close();
    }
    // In the file, not only in memory.
    app::BookmarkStore store(env.bookmarks());
    REQUIRE(store.open());
    CHECK(store.bookmark(id)->note == QStringLiteral("Ask about the night pain"));
}

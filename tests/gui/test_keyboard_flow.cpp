// The "done means", with the keyboard alone: find "water exercise for hip pain",
// filter to the exercise topic, open the article, bookmark a section into a new folder
// with a note, restart the app, find the bookmark there and print the article.
#include "support/keyboard.h"
#include "support/test_support.h"

#include "core/bookmark_store.h"
#include "core/search_controller.h"
#include "core/topic_filter_model.h"
#include "ui/add_bookmark_dialog.h"
#include "ui/article_view.h"
#include "ui/bookmarks_panel.h"
#include "ui/filter_panel.h"
#include "ui/search_field.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QTest>

using namespace fibrokb;
using app::MainWindow;

namespace {

using test::press;
using test::type;

}  // namespace

TEST_CASE("With the keyboard alone a person finds, filters, opens, bookmarks a section, restarts, finds it and prints",
          "[gui][flow][keyboard]")
{
    test::TestEnv env;
    qint64 bookmarkId = 0;
    {
        auto window = env.window();
        window->searchField()->setCompletionEnabled(false);
        // The search field has the focus at start.
        REQUIRE(QApplication::focusWidget() == window->searchField());
        type(QStringLiteral("water exercise for hip pain"));
        REQUIRE(test::waitIdle(*window));
        REQUIRE(window->currentPage() == MainWindow::Page::Results);
        REQUIRE(test::resultIds(*window).contains(QStringLiteral("hip-exercise")));

        // Filter to the exercise topic: Alt+T jumps to the topic list (its label's mnemonic).
        press(Qt::Key_T, Qt::AltModifier);
        QListView* topics = window->filterPanel()->topicList();
        INFO(
            "focus: " << (QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none")
                      << " "
                      << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName().toStdString() : ""));
        REQUIRE(QApplication::focusWidget() == topics);
        while (topics->currentIndex().data(app::TopicFilterModel::TopicIdRole).toString() !=
               QStringLiteral("exercise")) {
            const int before = topics->currentIndex().row();
            press(Qt::Key_Down);
            REQUIRE(topics->currentIndex().row() != before);
        }
        press(Qt::Key_Space);
        REQUIRE(test::waitIdle(*window));
        REQUIRE(window->searchController()->query().topics == QStringList{QStringLiteral("exercise")});
        REQUIRE(test::resultIds(*window) == QStringList{QStringLiteral("hip-exercise")});

        // Back to the field and open the first result.
        press(Qt::Key_L, Qt::ControlModifier);
        REQUIRE(QApplication::focusWidget() == window->searchField());
        press(Qt::Key_Return);
        REQUIRE(window->currentPage() == MainWindow::Page::Article);
        REQUIRE(window->articleView()->articleId() == QStringLiteral("hip-exercise"));

        // Bookmark the "Water exercise" section into a new folder, with a note.
        press(Qt::Key_D, Qt::ControlModifier);
        auto* dialog = window->findChild<app::AddBookmarkDialog*>();
        REQUIRE(dialog);
        REQUIRE(QTest::qWaitForWindowActive(dialog));
        REQUIRE(QTest::qWaitFor([&] { return QApplication::focusWidget() == dialog->sectionBox(); }, 2000));
        INFO(QApplication::focusWidget()->metaObject()->className()
             << " " << QApplication::focusWidget()->objectName().toStdString());
        REQUIRE(QApplication::focusWidget() == dialog->sectionBox());
        while (dialog->anchor() != QStringLiteral("water-exercise")) {
            const int before = dialog->sectionBox()->currentIndex();
            press(Qt::Key_Down);
            REQUIRE(dialog->sectionBox()->currentIndex() != before);
        }
        press(Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == dialog->folderBox());
        press(Qt::Key_End);  // "New folder…" is the last entry
        REQUIRE(dialog->newFolderField()->isVisible());
        press(Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == dialog->newFolderField());
        type(QStringLiteral("For my next appointment"));
        press(Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == dialog->noteField());
        type(QStringLiteral("Ask if the hospital pool has a warm class"));
        press(Qt::Key_Return, Qt::ControlModifier);
        REQUIRE(dialog->result() == QDialog::Accepted);
        const auto saved =
            window->bookmarkStore()->find(QStringLiteral("hip-exercise"), QStringLiteral("water-exercise"));
        REQUIRE(saved);
        bookmarkId = saved->id;
        window->close();
    }
    // Restart the app on the same files.
    auto window = env.window();
    press(Qt::Key_B, Qt::ControlModifier);
    REQUIRE(window->bookmarksDock()->isVisible());
    QListView* list = window->bookmarksPanel()->bookmarkList();
    REQUIRE(QApplication::focusWidget() == list);
    REQUIRE(window->bookmarksPanel()->currentBookmarkId() == bookmarkId);
    const auto saved = window->bookmarkStore()->bookmark(bookmarkId);
    REQUIRE(saved);
    CHECK(saved->note == QStringLiteral("Ask if the hospital pool has a warm class"));
    const auto folder = window->bookmarkStore()->folder(saved->folderId);
    REQUIRE(folder);
    CHECK(folder->name == QStringLiteral("For my next appointment"));
    press(Qt::Key_Return);
    REQUIRE(window->currentPage() == MainWindow::Page::Article);
    CHECK(window->articleView()->articleId() == QStringLiteral("hip-exercise"));
    CHECK(window->navigator().current().anchor == QStringLiteral("water-exercise"));

    // Print: Ctrl+P opens the system print dialog; the same document goes to PDF here.
    const QString pdf = env.file(QStringLiteral("printed.pdf"));
    REQUIRE(window->exportCurrentArticlePdf(pdf));
    CHECK(QFile(pdf).size() > 1000);
}

// Every model checked with QAbstractItemModelTester while it is really used.
#include "support/test_support.h"

#include "core/bookmark_commands.h"
#include "core/bookmark_models.h"
#include "core/bookmark_store.h"
#include "core/result_list_model.h"
#include "core/topic_filter_model.h"
#include "ui/bookmarks_panel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace fibrokb;
using Mode = QAbstractItemModelTester::FailureReportingMode;

TEST_CASE("Result and topic models pass QAbstractItemModelTester through searches", "[gui][models]")
{
    test::TestEnv env;
    auto window = env.window();
    QAbstractItemModelTester results(window->resultModel(), Mode::Fatal);
    QAbstractItemModelTester topics(window->topicModel(), Mode::Fatal);
    for (const QString& query : {QStringLiteral("hip"), QStringLiteral("zzzqqq"), QStringLiteral("heat pad")})
        REQUIRE(test::replaceQuery(*window, query));
    auto* topicModel = window->topicModel();
    topicModel->setData(topicModel->index(0, 0), Qt::Checked, Qt::CheckStateRole);
    REQUIRE(test::waitIdle(*window));
    topicModel->setData(topicModel->index(0, 0), Qt::Unchecked, Qt::CheckStateRole);
    REQUIRE(test::waitIdle(*window));
    CHECK(window->resultModel()->rowCount() == 2);
    CHECK(topicModel->flags(topicModel->index(0, 0)) & Qt::ItemIsUserCheckable);
    CHECK_FALSE(topicModel->setData(topicModel->index(0, 0), QStringLiteral("x"), Qt::EditRole));
}

TEST_CASE("Folder, bookmark and proxy models pass QAbstractItemModelTester through edits", "[gui][models]")
{
    QTemporaryDir dir;
    app::BookmarkStore store(dir.filePath(QStringLiteral("b.sqlite")));
    REQUIRE(store.open());
    app::BookmarkActions actions(&store);
    app::FolderListModel folders(&store);
    app::BookmarkListModel bookmarks(&store);
    app::BookmarkFilterProxy proxy;
    proxy.setSourceModel(&bookmarks);
    QAbstractItemModelTester t1(&folders, Mode::Fatal);
    QAbstractItemModelTester t2(&bookmarks, Mode::Fatal);
    QAbstractItemModelTester t3(&proxy, Mode::Fatal);
    bookmarks.setArticleExists([](const QString& id) { return id != QStringLiteral("gone"); });

    const qint64 folder = actions.createFolder(QStringLiteral("Visit"));
    app::Bookmark b;
    b.articleId = QStringLiteral("hip-outer");
    b.title = QStringLiteral("Outer hip pain");
    b.folderId = folder;
    const qint64 id = actions.bookmark(b);
    b.articleId = QStringLiteral("gone");
    b.title = QStringLiteral("Gone page");
    b.folderId = 0;
    actions.bookmark(b);
    CHECK(folders.rowCount() == 3);  // All, Visit, Not in a folder
    CHECK(folders.index(0, 0).data().toString() == QStringLiteral("All bookmarks (2)"));
    proxy.setFolder(folder);
    CHECK(proxy.rowCount() == 1);
    proxy.setFolder(app::FolderListModel::kUnfiled);
    CHECK(proxy.rowCount() == 1);
    CHECK(proxy.index(0, 0).data(app::BookmarkListModel::MissingRole).toBool());
    proxy.setFolder(app::FolderListModel::kAllBookmarks);
    for (auto key : {app::BookmarkFilterProxy::SortKey::Title, app::BookmarkFilterProxy::SortKey::Topic,
                     app::BookmarkFilterProxy::SortKey::DateAdded})
        proxy.setSortKey(key);
    proxy.setText(QStringLiteral("outer"));
    CHECK(proxy.rowCount() == 1);
    proxy.setText(QString());
    actions.setNote(id, QStringLiteral("note"));
    actions.moveTo(id, 0);
    actions.removeFolder(folder);
    actions.remove(id);
    while (actions.undoStack()->canUndo())
        actions.undoStack()->undo();
    CHECK(bookmarks.rowCount() == 0);
    CHECK(folders.rowCount() == 1);
}

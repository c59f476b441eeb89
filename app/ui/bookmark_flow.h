// Bookmarking a page or one of its sections: opens the bookmark dialog filled from the page
// (its sections, the folder chosen in the panel, an existing bookmark's note), saves through
// BookmarkActions so it can be undone, then shows the new bookmark in the panel.
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace fibrokb::app {

class AddBookmarkDialog;
class ArticleLibrary;
class BookmarkActions;
class BookmarksPanel;

class BookmarkFlow final : public QObject {
    Q_OBJECT
public:
    BookmarkFlow(const ArticleLibrary& library, BookmarkActions* actions, BookmarksPanel* panel, QWidget* dialogParent);

    // Opens the dialog (window-modal, returned for keyboard use); null when the page is unknown.
    AddBookmarkDialog* bookmark(const QString& articleId, const QString& anchor);

Q_SIGNALS:
    void statusMessage(const QString& message);
    void saved();

private:
    const ArticleLibrary& library_;
    BookmarkActions* actions_;
    BookmarksPanel* panel_;
    QWidget* dialogParent_;
};

}  // namespace fibrokb::app

// The two side panels: filters on the left, bookmarks on the right. The filters step aside
// while an article is read and come back with the search, unless the reader closed them;
// Ctrl+B shows the bookmarks with the keyboard in them, and again hides them.
#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

namespace fibrokb::app {

class BookmarksPanel;
class FilterPanel;

class PanelDocks final : public QObject {
    Q_OBJECT
public:
    PanelDocks(QMainWindow* window, FilterPanel* filters, BookmarksPanel* bookmarks);

    QDockWidget* filtersDock() const { return filtersDock_; }
    QDockWidget* bookmarksDock() const { return bookmarksDock_; }
    // The View menu's "Filters panel" toggle; `wanted` is the reader's last choice.
    void setFiltersToggle(QAction* toggle, bool wanted);
    bool filtersWanted() const { return filtersWanted_; }
    // Filters beside the home page and the results only.
    void followPage(bool searchPage);
    void setEnabled(bool libraryOpen);
    // True when the bookmarks were hidden (the keyboard should go back to the search).
    bool toggleBookmarks();

private:
    QMainWindow* window_;
    FilterPanel* filters_;
    BookmarksPanel* bookmarks_;
    QDockWidget* filtersDock_;
    QDockWidget* bookmarksDock_;
    QAction* filtersToggle_ = nullptr;
    bool filtersWanted_ = true;
    bool onSearchPage_ = true;
    bool adjusting_ = false;
};

}  // namespace fibrokb::app

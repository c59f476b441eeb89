// The main window's commands: every QAction with its text, shortcut and tip, the toolbar, the
// menus, and the list the keyboard-shortcuts window shows. Which command is enabled follows the
// page shown (setPageState). What a command does is wired by the main window.
#pragma once

#include "ui/about_dialogs.h"

#include <QObject>
#include <QVector>

class QAction;
class QMainWindow;
class QMenu;
class QMenuBar;
class QWidget;
class QUndoStack;

namespace fibrokb::app {

class BookmarksPanel;

class MainActions final : public QObject {
    Q_OBJECT
public:
    // Creates the actions on `window` (so their shortcuts work with the menu bar hidden).
    MainActions(QMainWindow* window, QUndoStack* bookmarkUndo);

    // The menu bar and, under it, a row of buttons that wraps at large text sizes and on small
    // screens, as the window's menu widget. The Bookmarks menu carries the panel's own commands.
    void buildTopBar(BookmarksPanel* bookmarksPanel);

    // Commands that only make sense on an article page.
    void setPageState(bool onArticle, bool libraryOpen, bool canGoBack, bool canGoForward);
    void setBookmarkState(bool canBookmark, bool marked);
    // Read aloud cannot work here (no voice, no audio): the reason shows in its tip and menu.
    void setReadAloudState(bool onArticle, bool available, const QString& reason);

    QVector<ShortcutEntry> shortcutEntries() const;

    QAction* back = nullptr;
    QAction* forward = nullptr;
    QAction* home = nullptr;
    QAction* focusSearch = nullptr;
    QAction* bookmark = nullptr;
    QAction* bookmarksPanel = nullptr;
    QAction* filtersPanel = nullptr;
    QAction* print = nullptr;
    QAction* exportPdf = nullptr;
    QAction* find = nullptr;
    QAction* zoomIn = nullptr;
    QAction* zoomOut = nullptr;
    QAction* zoomReset = nullptr;
    QAction* readAloud = nullptr;
    QAction* stopReading = nullptr;
    QAction* readAloudNote = nullptr;
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QAction* settings = nullptr;
    QAction* clearHistory = nullptr;
    QAction* openLibrary = nullptr;
    QAction* quit = nullptr;
    QAction* shortcuts = nullptr;
    QAction* about = nullptr;
    QAction* disclaimer = nullptr;
    QMenu* recentMenu = nullptr;
    QWidget* toolbar = nullptr;

private:
    QWidget* createToolbar(QWidget* parent);
    void buildMenus(BookmarksPanel* bookmarksPanel);
    QAction* make(const QString& text, const QString& objectName, const QKeySequence& shortcut = {},
                  const QString& tip = {});

    QMainWindow* window_;
    QMenuBar* menuBar_ = nullptr;
};

}  // namespace fibrokb::app

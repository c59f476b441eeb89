#include "ui/main_actions.h"

#include "ui/bookmarks_panel.h"
#include "ui/flow_layout.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QUndoStack>

namespace fibrokb::app {

MainActions::MainActions(QMainWindow* window, QUndoStack* bookmarkUndo) : QObject(window), window_(window)
{
    back = make(tr("\u2190 &Back"), QStringLiteral("actionBack"), QKeySequence(Qt::ALT | Qt::Key_Left),
                tr("Go back (Alt+Left)"));
    forward = make(tr("&Forward \u2192"), QStringLiteral("actionForward"), QKeySequence(Qt::ALT | Qt::Key_Right),
                   tr("Go forward (Alt+Right)"));
    home = make(tr("&Home"), QStringLiteral("actionHome"), QKeySequence(Qt::ALT | Qt::Key_Home),
                tr("Back to the start page (Alt+Home)"));
    focusSearch = make(tr("&Search"), QStringLiteral("actionFocusSearch"), QKeySequence(Qt::CTRL | Qt::Key_L),
                       tr("Go to the search field (Ctrl+L)"));
    focusSearch->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::Key_F6)});
    bookmark = make(tr("\u2606 Book&mark"), QStringLiteral("actionBookmark"), QKeySequence(Qt::CTRL | Qt::Key_D),
                    tr("Bookmark this page or one of its sections (Ctrl+D)"));
    bookmarksPanel = make(tr("&Bookmarks"), QStringLiteral("actionBookmarksPanel"), QKeySequence(Qt::CTRL | Qt::Key_B),
                          tr("Show your bookmarks (Ctrl+B)"));
    filtersPanel =
        make(tr("&Filters panel"), QStringLiteral("actionFiltersPanel"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
             tr("Show or hide the filters beside the results (Ctrl+Shift+F)"));
    filtersPanel->setCheckable(true);
    filtersPanel->setIconText(tr("Filters"));  // its toolbar button
    print = make(tr("&Print\u2026"), QStringLiteral("actionPrint"), QKeySequence::Print,
                 tr("Print this page with its sources (Ctrl+P)"));
    exportPdf = make(tr("&Export as PDF\u2026"), QStringLiteral("actionExportPdf"),
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                     tr("Save this page with its sources as a PDF file (Ctrl+Shift+E)"));
    find = make(tr("&Find in page\u2026"), QStringLiteral("actionFind"), QKeySequence::Find,
                tr("Find a word in this page (Ctrl+F)"));
    zoomIn = make(tr("&Larger text"), QStringLiteral("actionZoomIn"), QKeySequence::ZoomIn,
                  tr("Make the page text larger (Ctrl+Plus)"));
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomOut = make(tr("&Smaller text"), QStringLiteral("actionZoomOut"), QKeySequence::ZoomOut,
                   tr("Make the page text smaller (Ctrl+Minus)"));
    zoomReset = make(tr("&Normal text size"), QStringLiteral("actionZoomReset"), QKeySequence(Qt::CTRL | Qt::Key_0),
                     tr("Normal page text size (Ctrl+0)"));
    readAloud =
        make(tr("&Read aloud"), QStringLiteral("actionReadAloud"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
             tr("Read the page, or the selected text, aloud (Ctrl+Shift+R)"));
    stopReading = make(tr("S&top reading"), QStringLiteral("actionStopReading"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), tr("Stop reading aloud"));
    readAloudNote = new QAction(this);
    readAloudNote->setEnabled(false);
    readAloudNote->setVisible(false);
    undo = bookmarkUndo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    window_->addAction(undo);
    redo = bookmarkUndo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    window_->addAction(redo);
    settings = make(tr("&Settings\u2026"), QStringLiteral("actionSettings"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
                    tr("Text size and colours (Ctrl+,)"));
    clearHistory = make(tr("&Clear reading history\u2026"), QStringLiteral("actionClearHistory"));
    openLibrary = make(tr("&Open another library\u2026"), QStringLiteral("actionOpenLibrary"));
    quit = make(tr("&Quit"), QStringLiteral("actionQuit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    shortcuts = make(tr("&Keyboard shortcuts"), QStringLiteral("actionShortcuts"), QKeySequence(Qt::Key_F1),
                     tr("List every keyboard shortcut (F1)"));
    about = make(tr("&About FibroKB"), QStringLiteral("actionAbout"));
    disclaimer = make(tr("About this &information"), QStringLiteral("actionDisclaimer"));
}

QAction* MainActions::make(const QString& text, const QString& objectName, const QKeySequence& shortcut,
                           const QString& tip)
{
    auto* action = new QAction(text, this);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (!tip.isEmpty()) {
        action->setToolTip(tip);
        action->setStatusTip(tip);
    }
    window_->addAction(action);  // shortcuts work even when the menu bar is hidden
    return action;
}

void MainActions::buildTopBar(BookmarksPanel* panel)
{
    // The menu bar and the toolbar share the window's full width, above the side panels.
    auto* top = new QWidget(window_);
    top->setObjectName(QStringLiteral("topBar"));
    auto* layout = new QVBoxLayout(top);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    menuBar_ = new QMenuBar(top);
    buildMenus(panel);
    layout->addWidget(menuBar_);
    layout->addWidget(createToolbar(top));
    window_->setMenuWidget(top);
}

QWidget* MainActions::createToolbar(QWidget* parent)
{
    // Not a QToolBar: that one hides what does not fit behind an arrow (Read aloud vanished at
    // 200% text). These buttons wrap onto a second line instead, so every command stays in sight.
    toolbar = new QWidget(parent);
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setAccessibleName(tr("Main toolbar"));
    auto* flow = new FlowLayout(toolbar, 4);
    flow->setContentsMargins(4, 2, 4, 2);
    for (QAction* action : {back, forward, home, bookmark, bookmarksPanel, filtersPanel, print, readAloud}) {
        auto* button = new QToolButton(toolbar);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::TabFocus);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        flow->addWidget(button);
    }
    return toolbar;
}

void MainActions::buildMenus(BookmarksPanel* panel)
{
    QMenuBar* bar = menuBar_;
    QMenu* file = bar->addMenu(tr("&File"));
    file->addActions({print, exportPdf});
    file->addSeparator();
    file->addAction(openLibrary);
    file->addSeparator();
    file->addAction(quit);

    QMenu* edit = bar->addMenu(tr("&Edit"));
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addActions({focusSearch, find});
    edit->addSeparator();
    edit->addAction(settings);

    QMenu* view = bar->addMenu(tr("&View"));
    view->addActions({zoomIn, zoomOut, zoomReset});
    view->addSeparator();
    view->addActions({filtersPanel, bookmarksPanel});

    QMenu* go = bar->addMenu(tr("&Go"));
    go->addActions({back, forward, home});
    go->addSeparator();
    recentMenu = go->addMenu(tr("&Recently read"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    go->addAction(clearHistory);

    QMenu* bookmarks = bar->addMenu(tr("&Bookmarks"));
    bookmarks->addActions({bookmark, bookmarksPanel});
    bookmarks->addSeparator();
    bookmarks->addAction(tr("New &folder\u2026"), panel, &BookmarksPanel::promptNewFolder);
    bookmarks->addAction(tr("&Print visit sheet of the chosen folder\u2026"), panel, &BookmarksPanel::printVisitSheet);
    bookmarks->addAction(tr("Save visit sheet as P&DF\u2026"), panel, &BookmarksPanel::promptExportVisitSheetPdf);
    bookmarks->addSeparator();
    bookmarks->addAction(tr("&Save a backup (JSON)\u2026"), panel, &BookmarksPanel::promptExportBackup);
    bookmarks->addAction(tr("&Add bookmarks from a backup\u2026"), panel, &BookmarksPanel::promptImportBackup);

    QMenu* read = bar->addMenu(tr("&Read aloud"));
    read->addActions({readAloud, stopReading, readAloudNote});

    QMenu* help = bar->addMenu(tr("&Help"));
    help->addActions({shortcuts, disclaimer, about});
}

void MainActions::setPageState(bool onArticle, bool libraryOpen, bool canGoBack, bool canGoForward)
{
    for (QAction* action : {print, exportPdf, find, zoomIn, zoomOut, zoomReset})
        action->setEnabled(onArticle);
    back->setEnabled(libraryOpen && canGoBack);
    forward->setEnabled(libraryOpen && canGoForward);
    home->setEnabled(libraryOpen);
}

void MainActions::setBookmarkState(bool canBookmark, bool marked)
{
    bookmark->setEnabled(canBookmark);
    bookmark->setText(marked ? tr("\u2605 Book&marked") : tr("\u2606 Book&mark"));
    bookmark->setToolTip(marked ? tr("This page is bookmarked. Bookmark it again or one of its sections (Ctrl+D)")
                                : tr("Bookmark this page or one of its sections (Ctrl+D)"));
}

void MainActions::setReadAloudState(bool onArticle, bool available, const QString& reason)
{
    readAloud->setEnabled(onArticle && available);
    stopReading->setEnabled(available);
    if (available)
        return;
    readAloud->setToolTip(reason);
    readAloud->setStatusTip(reason);
    readAloudNote->setText(reason);
    readAloudNote->setVisible(true);
}

QVector<ShortcutEntry> MainActions::shortcutEntries() const
{
    QVector<ShortcutEntry> entries;
    const QList<QAction*> listed = {focusSearch,    back,         forward,   home,      bookmark,
                                    bookmarksPanel, filtersPanel, find,      zoomIn,    zoomOut,
                                    zoomReset,      print,        exportPdf, readAloud, stopReading,
                                    undo,           redo,         settings,  shortcuts, quit};
    for (QAction* action : listed) {
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        QString what = action->text();
        what.remove(QLatin1Char('&'));
        what.remove(QChar(0x2026));
        what.remove(QChar(0x2190)).remove(QChar(0x2192)).remove(QChar(0x2606)).remove(QChar(0x2605));
        if (action == undo)
            what = tr("Undo the last bookmark change");
        if (action == redo)
            what = tr("Redo the last bookmark change");
        entries.push_back({keys.join(tr(" or ")), what.trimmed()});
    }
    entries.push_back({tr("Down / Up"), tr("In the search field: move through the results")});
    entries.push_back({tr("Enter"), tr("Open the chosen result or bookmark")});
    entries.push_back({tr("Ctrl+M"), tr("In the results: show pages like the chosen one")});
    entries.push_back({tr("Esc"), tr("Back to the search field; in the field, clear it")});
    entries.push_back({tr("Right"), tr("At the end of the search field: accept the suggested end of a word")});
    entries.push_back({tr("Space"), tr("In the topic list: tick or untick a topic")});
    entries.push_back({tr("Delete"), tr("In the bookmark list: delete (Ctrl+Z brings it back)")});
    entries.push_back({tr("F2"), tr("In the bookmark or folder list: rename")});
    entries.push_back({tr("Ctrl+Enter"), tr("In the bookmark and note windows: save")});
    entries.push_back({tr("Alt + underlined letter"), tr("Open a menu or jump to a labelled control")});
    return entries;
}

}  // namespace fibrokb::app

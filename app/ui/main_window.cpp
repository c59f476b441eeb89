#include "ui/main_window.h"

#include "core/bookmark_commands.h"
#include "core/bookmark_store.h"
#include "core/history_store.h"
#include "core/result_list_model.h"
#include "core/search_controller.h"
#include "core/text_format.h"
#include "core/topic_filter_model.h"
#include "ui/add_bookmark_dialog.h"
#include "ui/article_view.h"
#include "ui/bookmarks_panel.h"
#include "ui/filter_chips_bar.h"
#include "ui/filter_panel.h"
#include "ui/find_bar.h"
#include "ui/home_view.h"
#include "ui/index_problem_page.h"
#include "ui/printing.h"
#include "ui/read_aloud.h"
#include "ui/results_view.h"
#include "ui/safe_text_browser.h"
#include "ui/search_field.h"
#include "ui/settings_dialog.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace fibrokb::app {

MainWindow::MainWindow(const MainWindowOptions& options, QWidget* parent)
    : QMainWindow(parent), options_(options)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("FibroKB"));
    qRegisterMetaType<Page>();
    settings_ = options_.settingsPath.isEmpty() ? std::make_unique<AppSettings>()
                                                : std::make_unique<AppSettings>(options_.settingsPath);
    applyAppearance(qApp, settings_->theme(), settings_->fontPointSize());

    search_ = new SearchController(this);
    results_ = new ResultListModel(this);
    topics_ = new TopicFilterModel(this);
    bookmarkStore_ = new BookmarkStore(options_.bookmarksPath.isEmpty() ? BookmarkStore::defaultPath()
                                                                        : options_.bookmarksPath,
                                       this);
    if (!bookmarkStore_->open())
        qWarning("fibrokb: bookmarks unavailable: %s", qPrintable(bookmarkStore_->error()));
    bookmarkActions_ = new BookmarkActions(bookmarkStore_, this);
    history_ = new HistoryStore(options_.historyPath.isEmpty() ? HistoryStore::defaultPath() : options_.historyPath,
                                this);
    if (!history_->open())
        qWarning("fibrokb: history unavailable: %s", qPrintable(history_->error()));
    // A damaged bookmarks or history file was moved aside and a new one started: say so (once;
    // the next start finds the new file sound).
    QStringList recoveryNotes;
    for (const QString& note : {bookmarkStore_->recoveryNote(), history_->recoveryNote()})
        if (!note.isEmpty())
            recoveryNotes << note;
    if (!recoveryNotes.isEmpty())
        QTimer::singleShot(0, this, [this, recoveryNotes] {
            auto* box = new QMessageBox(QMessageBox::Warning, tr("A damaged file was replaced"),
                                        recoveryNotes.join(QStringLiteral("\n\n")), QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("storeRecoveryMessage"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    readAloud_ = new ReadAloud(this);
    readAloud_->setRate(settings_->speechRate());

    confirmExternal_ = [this](const QUrl& url) {
        QMessageBox box(QMessageBox::Question, tr("Open a website?"),
                        tr("This link leads to a website outside FibroKB. It opens in your web browser and needs "
                           "the internet:\n\n%1")
                            .arg(url.toDisplayString()),
                        QMessageBox::NoButton, this);
        QPushButton* open = box.addButton(tr("Open in browser"), QMessageBox::AcceptRole);
        QPushButton* stay = box.addButton(tr("Stay here"), QMessageBox::RejectRole);
        // The safe answer is the default: Enter (or Esc) never sends anyone to the internet by accident.
        box.setDefaultButton(stay);
        box.setEscapeButton(stay);
        box.exec();
        return box.clickedButton() == static_cast<QAbstractButton*>(open);
    };
    openExternal_ = [](const QUrl& url) { QDesktopServices::openUrl(url); };

    buildViews();
    buildActions();
    buildMenus();
    connectSearch();

    // Window layout from last time (docks and their sizes too).
    resize(1180, 800);
    restoreGeometry(settings_->windowGeometry());
    restoreState(settings_->windowState());

    articleView_->setZoomPercent(settings_->zoomPercent());
    articleView_->setPageColors(pageColorsFor(palette(), settings_->theme()));
    searchField_->setCompletionEnabled(settings_->completionEnabled());

    reopenLibrary(options_.indexDir);
    if (options_.probeSpeech)
        QTimer::singleShot(0, this, &MainWindow::updateReadAloudAvailability);
    searchField_->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    readAloud_->stop();
}

QAction* MainWindow::makeAction(const QString& text, const QString& objectName, const QKeySequence& shortcut,
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
    addAction(action);   // shortcuts work even when the menu bar is hidden
    return action;
}

void MainWindow::buildViews()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);

    searchField_ = new SearchField(central);
    QFont searchFont = searchField_->font();
    searchFont.setPointSizeF(searchFont.pointSizeF() * 1.2);
    searchField_->setFont(searchFont);
    searchField_->setMinimumHeight(searchField_->fontMetrics().height() + 16);
    layout->addWidget(searchField_);

    queryNote_ = new QLabel(tr("Your search is very long, so only its first part was used."), central);
    queryNote_->setObjectName(QStringLiteral("queryNote"));
    queryNote_->setAccessibleName(queryNote_->text());
    queryNote_->setWordWrap(true);
    queryNote_->hide();
    layout->addWidget(queryNote_);

    chips_ = new FilterChipsBar(central);
    layout->addWidget(chips_);

    stack_ = new QStackedWidget(central);
    stack_->setObjectName(QStringLiteral("pageStack"));
    homeView_ = new HomeView(stack_);
    resultsView_ = new ResultsView(results_, stack_);
    articleView_ = new ArticleView(stack_);
    indexProblem_ = new IndexProblemPage(stack_);
    stack_->addWidget(homeView_);
    stack_->addWidget(resultsView_);
    stack_->addWidget(articleView_);
    stack_->addWidget(indexProblem_);
    layout->addWidget(stack_, 1);
    setCentralWidget(central);

    readAloudBar_ = new ReadAloudBar(readAloud_, articleView_);
    readAloudBar_->hide();
    articleView_->setReadAloudBar(readAloudBar_);

    filterPanel_ = new FilterPanel(topics_, this);
    filtersDock_ = new QDockWidget(tr("Filters"), this);
    filtersDock_->setObjectName(QStringLiteral("filtersDock"));
    filtersDock_->setWidget(filterPanel_);
    filtersDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, filtersDock_);

    bookmarksPanel_ = new BookmarksPanel(bookmarkActions_, this);
    bookmarksDock_ = new QDockWidget(tr("Bookmarks"), this);
    bookmarksDock_->setObjectName(QStringLiteral("bookmarksDock"));
    bookmarksDock_->setWidget(bookmarksPanel_);
    bookmarksDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, bookmarksDock_);
    bookmarksDock_->hide();
    resizeDocks({filtersDock_}, {280}, Qt::Horizontal);

    busyLabel_ = new QLabel(this);
    busyLabel_->setObjectName(QStringLiteral("busyLabel"));
    statusBar()->addPermanentWidget(busyLabel_);

    // Results, links and bookmarks all lead to articles.
    connect(resultsView_, &ResultsView::openRequested, this, &MainWindow::openArticle);
    connect(resultsView_, &ResultsView::escapePressed, this, &MainWindow::focusSearch);
    connect(resultsView_, &ResultsView::correctionChosen, this, [this](const QString& text) {
        searchField_->setQueryText(text);
        search_->submitNow();
    });
    connect(resultsView_, &ResultsView::topicChosen, this, [this](const QString& topic) {
        searchField_->setQueryText(QString());
        search_->setTopics({topic});
        showSearchPage();
    });
    connect(resultsView_, &ResultsView::clearFiltersRequested, search_, &SearchController::clearFilters);
    connect(homeView_, &HomeView::topicChosen, this, [this](const QString& topic) {
        search_->setTopics({topic});
        showSearchPage();
    });
    connect(homeView_, &HomeView::articleChosen, this, [this](const QString& id) { openArticle(id); });
    connect(articleView_, &ArticleView::internalLinkActivated, this, &MainWindow::openArticle);
    connect(articleView_, &ArticleView::externalLinkActivated, this, &MainWindow::onExternalLink);
    connect(articleView_, &ArticleView::bookmarkSectionRequested, this, &MainWindow::bookmarkSection);
    connect(articleView_, &ArticleView::readSelectionRequested, this, [this] {
        readAloudBar_->show();
        readAloud_->speak(articleView_->selectedText());
    });
    connect(articleView_, &ArticleView::zoomChanged, this, [this](int percent) { settings_->setZoomPercent(percent); });
    connect(bookmarksPanel_, &BookmarksPanel::openRequested, this, &MainWindow::openArticle);
    connect(bookmarksPanel_, &BookmarksPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    connect(bookmarkStore_, &BookmarkStore::changed, this, &MainWindow::updateBookmarkAction);
    connect(indexProblem_, &IndexProblemPage::retryRequested, this, [this] { reopenLibrary(library_.indexDir()); });
    connect(indexProblem_, &IndexProblemPage::chooseIndexRequested, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the library folder"),
                                                              library_.indexDir());
        if (!dir.isEmpty())
            reopenLibrary(dir);
    });
    connect(readAloudBar_, &ReadAloudBar::playRequested, this, &MainWindow::readAloudCurrent);
    connect(readAloudBar_, &ReadAloudBar::rateChanged, this, [this](double rate) { settings_->setSpeechRate(rate); });

    articleView_->browser()->installEventFilter(this);
    articleView_->contents()->installEventFilter(this);
}

void MainWindow::buildActions()
{
    backAction_ = makeAction(tr("\u2190 &Back"), QStringLiteral("actionBack"), QKeySequence(Qt::ALT | Qt::Key_Left),
                             tr("Go back (Alt+Left)"));
    forwardAction_ = makeAction(tr("&Forward \u2192"), QStringLiteral("actionForward"),
                                QKeySequence(Qt::ALT | Qt::Key_Right), tr("Go forward (Alt+Right)"));
    homeAction_ = makeAction(tr("&Home"), QStringLiteral("actionHome"), QKeySequence(Qt::ALT | Qt::Key_Home),
                             tr("Back to the start page (Alt+Home)"));
    focusSearchAction_ = makeAction(tr("&Search"), QStringLiteral("actionFocusSearch"),
                                    QKeySequence(Qt::CTRL | Qt::Key_L), tr("Go to the search field (Ctrl+L)"));
    focusSearchAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::CTRL | Qt::Key_K),
                                      QKeySequence(Qt::Key_F6)});
    bookmarkAction_ = makeAction(tr("\u2606 Book&mark"), QStringLiteral("actionBookmark"),
                                 QKeySequence(Qt::CTRL | Qt::Key_D),
                                 tr("Bookmark this page or one of its sections (Ctrl+D)"));
    bookmarksPanelAction_ = makeAction(tr("&Bookmarks"), QStringLiteral("actionBookmarksPanel"),
                                       QKeySequence(Qt::CTRL | Qt::Key_B), tr("Show your bookmarks (Ctrl+B)"));
    filtersPanelAction_ = makeAction(tr("&Filters panel"), QStringLiteral("actionFiltersPanel"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                                     tr("Show or hide the filters beside the results (Ctrl+Shift+F)"));
    filtersPanelAction_->setCheckable(true);
    filtersWanted_ = settings_->filtersPanelVisible();
    filtersPanelAction_->setChecked(filtersWanted_);
    connect(filtersPanelAction_, &QAction::toggled, this, [this](bool on) {
        filtersWanted_ = on;
        updateFiltersDock();
        if (on && filtersDock_->isVisible())
            filterPanel_->topicList()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(filtersDock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Closed with its own close button: remember that the person does not want it.
        if (!adjustingDocks_ && !visible && isVisible() && (currentPage() == Page::Home || currentPage() == Page::Results)) {
            filtersWanted_ = false;
            const QSignalBlocker block(filtersPanelAction_);
            filtersPanelAction_->setChecked(false);
        }
    });
    printAction_ = makeAction(tr("&Print\u2026"), QStringLiteral("actionPrint"), QKeySequence::Print,
                              tr("Print this page with its sources (Ctrl+P)"));
    exportPdfAction_ = makeAction(tr("&Export as PDF\u2026"), QStringLiteral("actionExportPdf"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                                  tr("Save this page with its sources as a PDF file (Ctrl+Shift+E)"));
    findAction_ = makeAction(tr("&Find in page\u2026"), QStringLiteral("actionFind"), QKeySequence::Find,
                             tr("Find a word in this page (Ctrl+F)"));
    zoomInAction_ = makeAction(tr("&Larger text"), QStringLiteral("actionZoomIn"), QKeySequence::ZoomIn,
                               tr("Make the page text larger (Ctrl+Plus)"));
    zoomInAction_->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomOutAction_ = makeAction(tr("&Smaller text"), QStringLiteral("actionZoomOut"), QKeySequence::ZoomOut,
                                tr("Make the page text smaller (Ctrl+Minus)"));
    zoomResetAction_ = makeAction(tr("&Normal text size"), QStringLiteral("actionZoomReset"),
                                  QKeySequence(Qt::CTRL | Qt::Key_0), tr("Normal page text size (Ctrl+0)"));
    readAloudAction_ = makeAction(tr("&Read aloud"), QStringLiteral("actionReadAloud"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                  tr("Read the page, or the selected text, aloud (Ctrl+Shift+R)"));
    stopReadingAction_ = makeAction(tr("S&top reading"), QStringLiteral("actionStopReading"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), tr("Stop reading aloud"));
    readAloudNoteAction_ = new QAction(this);
    readAloudNoteAction_->setEnabled(false);
    readAloudNoteAction_->setVisible(false);
    undoAction_ = bookmarkActions_->undoStack()->createUndoAction(this, tr("&Undo"));
    undoAction_->setObjectName(QStringLiteral("actionUndo"));
    undoAction_->setShortcut(QKeySequence::Undo);
    addAction(undoAction_);
    redoAction_ = bookmarkActions_->undoStack()->createRedoAction(this, tr("&Redo"));
    redoAction_->setObjectName(QStringLiteral("actionRedo"));
    redoAction_->setShortcut(QKeySequence::Redo);
    addAction(redoAction_);
    settingsAction_ = makeAction(tr("&Settings\u2026"), QStringLiteral("actionSettings"),
                                 QKeySequence(Qt::CTRL | Qt::Key_Comma), tr("Text size and colours (Ctrl+,)"));
    clearHistoryAction_ = makeAction(tr("&Clear reading history\u2026"), QStringLiteral("actionClearHistory"));
    openLibraryAction_ = makeAction(tr("&Open another library\u2026"), QStringLiteral("actionOpenLibrary"));
    quitAction_ = makeAction(tr("&Quit"), QStringLiteral("actionQuit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    shortcutsAction_ = makeAction(tr("&Keyboard shortcuts"), QStringLiteral("actionShortcuts"),
                                  QKeySequence(Qt::Key_F1), tr("List every keyboard shortcut (F1)"));
    aboutAction_ = makeAction(tr("&About FibroKB"), QStringLiteral("actionAbout"));
    disclaimerAction_ = makeAction(tr("About this &information"), QStringLiteral("actionDisclaimer"));

    connect(backAction_, &QAction::triggered, this, &MainWindow::goBack);
    connect(forwardAction_, &QAction::triggered, this, &MainWindow::goForward);
    connect(homeAction_, &QAction::triggered, this, &MainWindow::goHome);
    connect(focusSearchAction_, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(bookmarkAction_, &QAction::triggered, this, &MainWindow::bookmarkCurrent);
    connect(bookmarksPanelAction_, &QAction::triggered, this, &MainWindow::toggleBookmarksPanel);
    connect(printAction_, &QAction::triggered, this, &MainWindow::printCurrentArticle);
    connect(exportPdfAction_, &QAction::triggered, this, &MainWindow::exportCurrentArticlePdfWithDialog);
    connect(findAction_, &QAction::triggered, this, [this] {
        if (currentPage() == Page::Article)
            articleView_->findBar()->activate();
    });
    connect(zoomInAction_, &QAction::triggered, articleView_, &ArticleView::zoomIn);
    connect(zoomOutAction_, &QAction::triggered, articleView_, &ArticleView::zoomOut);
    connect(zoomResetAction_, &QAction::triggered, this, [this] { articleView_->setZoomPercent(100); });
    connect(readAloudAction_, &QAction::triggered, this, &MainWindow::readAloudCurrent);
    connect(stopReadingAction_, &QAction::triggered, readAloud_, &ReadAloud::stop);
    connect(settingsAction_, &QAction::triggered, this, &MainWindow::showSettings);
    connect(clearHistoryAction_, &QAction::triggered, this, &MainWindow::clearHistory);
    connect(openLibraryAction_, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open another library"), library_.indexDir());
        if (!dir.isEmpty())
            reopenLibrary(dir);
    });
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);
    connect(shortcutsAction_, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
    connect(disclaimerAction_, &QAction::triggered, this, &MainWindow::showDisclaimer);

    auto* toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(backAction_);
    toolbar->addAction(forwardAction_);
    toolbar->addAction(homeAction_);
    toolbar->addSeparator();
    toolbar->addAction(bookmarkAction_);
    toolbar->addAction(bookmarksPanelAction_);
    toolbar->addSeparator();
    toolbar->addAction(printAction_);
    toolbar->addAction(readAloudAction_);
    // Tool buttons made for actions take the action's text as accessible name.
    updateNavigationActions();
    updateBookmarkAction();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(printAction_);
    file->addAction(exportPdfAction_);
    file->addSeparator();
    file->addAction(openLibraryAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(undoAction_);
    edit->addAction(redoAction_);
    edit->addSeparator();
    edit->addAction(focusSearchAction_);
    edit->addAction(findAction_);
    edit->addSeparator();
    edit->addAction(settingsAction_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(zoomInAction_);
    view->addAction(zoomOutAction_);
    view->addAction(zoomResetAction_);
    view->addSeparator();
    view->addAction(filtersPanelAction_);
    view->addAction(bookmarksPanelAction_);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    go->addAction(backAction_);
    go->addAction(forwardAction_);
    go->addAction(homeAction_);
    go->addSeparator();
    recentMenu_ = go->addMenu(tr("&Recently read"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    go->addAction(clearHistoryAction_);

    QMenu* bookmarks = menuBar()->addMenu(tr("&Bookmarks"));
    bookmarks->addAction(bookmarkAction_);
    bookmarks->addAction(bookmarksPanelAction_);
    bookmarks->addSeparator();
    bookmarks->addAction(tr("New &folder\u2026"), bookmarksPanel_, &BookmarksPanel::promptNewFolder);
    bookmarks->addAction(tr("&Print visit sheet of the chosen folder\u2026"), bookmarksPanel_,
                         &BookmarksPanel::printVisitSheet);
    bookmarks->addAction(tr("Save visit sheet as P&DF\u2026"), bookmarksPanel_,
                         &BookmarksPanel::promptExportVisitSheetPdf);
    bookmarks->addSeparator();
    bookmarks->addAction(tr("&Save a backup (JSON)\u2026"), bookmarksPanel_, &BookmarksPanel::promptExportBackup);
    bookmarks->addAction(tr("&Add bookmarks from a backup\u2026"), bookmarksPanel_,
                         &BookmarksPanel::promptImportBackup);

    readMenu_ = menuBar()->addMenu(tr("&Read aloud"));
    readMenu_->addAction(readAloudAction_);
    readMenu_->addAction(stopReadingAction_);
    readMenu_->addAction(readAloudNoteAction_);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(shortcutsAction_);
    help->addAction(disclaimerAction_);
    help->addAction(aboutAction_);
}

void MainWindow::connectSearch()
{
    connect(searchField_, &SearchField::queryEdited, this, &MainWindow::onQueryEdited);
    connect(searchField_, &SearchField::moveSelection, this, [this](int delta) {
        if (currentPage() == Page::Results)
            resultsView_->moveCurrent(delta);
    });
    connect(searchField_, &SearchField::activateCurrent, this, [this] {
        if (currentPage() == Page::Results && results_->rowCount() > 0)
            resultsView_->activateCurrent();
    });
    connect(searchField_, &SearchField::escapePressed, this, [this] {
        // Esc in an empty field goes home; otherwise it clears what was typed.
        if (!searchField_->text().isEmpty())
            searchField_->setQueryText(QString());
    });
    connect(search_, &SearchController::resultsReady, this, &MainWindow::onResults);
    connect(search_, &SearchController::homeReady, this, &MainWindow::onHome);
    connect(search_, &SearchController::queryChanged, this, [this](const SearchQuery& query) {
        chips_->setQuery(query, library_.topicLabels());
        filterPanel_->setQuery(query);
    });
    connect(search_, &SearchController::busyChanged, this,
            [this](bool busy) { busyLabel_->setText(busy ? tr("Searching\u2026") : QString()); });
    connect(search_, &SearchController::opened, this, [this](const QString& error) {
        if (!error.isEmpty())
            onLibraryFailure(error);
    });
    // The worker noticed a rebuild: the page lookups follow (the library reopens, then onLibraryReopened).
    connect(search_, &SearchController::generationChanged, this, [this] { library_.refresh(); });
    // Lookups can fail or reopen from deep inside a view's call (a bookmark check, a link): react once
    // that call has returned.
    library_.setFailureHandler([this](const QString& error) {
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                if (!library_.isOpen())   // not reopened meanwhile ("Try again")
                    onLibraryFailure(error);
            },
            Qt::QueuedConnection);
    });
    library_.setReopenedHandler(
        [this] { QMetaObject::invokeMethod(this, [this] { onLibraryReopened(); }, Qt::QueuedConnection); });

    connect(topics_, &TopicFilterModel::topicToggled, this, [this](const QString& topic, bool on) {
        search_->toggleTopic(topic, on);
        leaveArticleForSearch();
    });
    connect(filterPanel_, &FilterPanel::typeChosen, this, [this](const QString& type) {
        search_->setType(type);
        leaveArticleForSearch();
    });
    connect(filterPanel_, &FilterPanel::audienceChosen, this, [this](const QString& audience) {
        search_->setAudience(audience);
        leaveArticleForSearch();
    });
    connect(filterPanel_, &FilterPanel::clearRequested, search_, &SearchController::clearFilters);
    connect(chips_, &FilterChipsBar::topicRemoved, this, [this](const QString& topic) { search_->toggleTopic(topic, false); });
    connect(chips_, &FilterChipsBar::typeRemoved, this, [this] { search_->setType(QString()); });
    connect(chips_, &FilterChipsBar::audienceRemoved, this, [this] { search_->setAudience(QString()); });
    connect(chips_, &FilterChipsBar::clearAllRequested, this, [this] {
        search_->clearFilters();
        searchField_->setFocus(Qt::OtherFocusReason);
    });
}

bool MainWindow::reopenLibrary(const QString& indexDir)
{
    if (!library_.open(indexDir)) {
        indexProblem_->setProblem(indexDir, library_.error());
        showPage(Page::IndexProblem);
        updateLibraryActions();
        return false;
    }
    results_->setTopicLabels(library_.topicLabels());
    bookmarksPanel_->setTopicLabels(library_.topicLabels());
    // A bookmark whose page has left the library stays, marked as missing.
    bookmarksPanel_->setArticleExists([this](const QString& id) { return !library_.isOpen() || library_.contains(id); });
    topicInfo_ = library_.topics();
    topics_->setTopics(topicInfo_);
    HomeData home;
    home.topics = topicInfo_;
    homeView_->setHome(home);   // topics at once; "start here" follows from the worker
    search_->open(indexDir);
    search_->loadHome();
    search_->submitNow();       // facet counts for the filter panel
    showPage(Page::Home);
    updateLibraryActions();
    return true;
}

void MainWindow::onLibraryFailure(const QString& error)
{
    if (!indexProblem_)
        return;
    if (library_.isOpen())
        library_.close(error);   // the worker failed first: page lookups stop too
    indexProblem_->setProblem(library_.indexDir(), error.isEmpty() ? library_.error() : error);
    showPage(Page::IndexProblem);
    updateLibraryActions();
}

void MainWindow::onLibraryReopened()
{
    if (!library_.isOpen())
        return;
    results_->setTopicLabels(library_.topicLabels());
    bookmarksPanel_->setTopicLabels(library_.topicLabels());
    topicInfo_ = library_.topics();
    topics_->setTopics(topicInfo_);
    search_->loadHome();
    statusBar()->showMessage(tr("The library was updated."), 5000);
}

void MainWindow::updateFiltersDock()
{
    // Reading is calmer with the page centred: the filters step aside on an article.
    const Page page = currentPage();
    adjustingDocks_ = true;
    filtersDock_->setVisible(filtersWanted_ && (page == Page::Home || page == Page::Results));
    adjustingDocks_ = false;
}

void MainWindow::updateLibraryActions()
{
    const bool open = library_.isOpen();
    searchField_->setEnabled(open);
    filtersDock_->setEnabled(open);
    homeAction_->setEnabled(open);
    updateNavigationActions();
    updateBookmarkAction();
}

void MainWindow::startWithQuery(const QString& query)
{
    if (query.trimmed().isEmpty() || !library_.isOpen())
        return;
    startedWithQuery_ = true;
    searchField_->setQueryText(query);
    search_->submitNow();
}

void MainWindow::showDisclaimerIfFirstStart()
{
    if (settings_->disclaimerAccepted())
        return;
    DisclaimerDialog dialog(true, this);
    dialog.exec();
    settings_->setDisclaimerAccepted(true);
    settings_->sync();
}

MainWindow::Page MainWindow::currentPage() const
{
    QWidget* page = stack_->currentWidget();
    if (page == homeView_)
        return Page::Home;
    if (page == resultsView_)
        return Page::Results;
    if (page == articleView_)
        return Page::Article;
    return Page::IndexProblem;
}

void MainWindow::showPage(Page page)
{
    QWidget* target = page == Page::Home      ? static_cast<QWidget*>(homeView_)
                      : page == Page::Results ? static_cast<QWidget*>(resultsView_)
                      : page == Page::Article ? static_cast<QWidget*>(articleView_)
                                              : static_cast<QWidget*>(indexProblem_);
    const bool changed = stack_->currentWidget() != target;
    stack_->setCurrentWidget(target);
    if (page != Page::Article) {
        setWindowTitle(tr("FibroKB"));
        readAloudBar_->hide();
    }
    const bool onArticle = page == Page::Article;
    printAction_->setEnabled(onArticle);
    exportPdfAction_->setEnabled(onArticle);
    findAction_->setEnabled(onArticle);
    zoomInAction_->setEnabled(onArticle);
    zoomOutAction_->setEnabled(onArticle);
    zoomResetAction_->setEnabled(onArticle);
    updateBookmarkAction();
    updateReadAloudAvailability();
    if (filtersPanelAction_)
        updateFiltersDock();
    if (changed)
        Q_EMIT pageChanged(page);
}

void MainWindow::showSearchPage()
{
    if (!library_.isOpen())
        return;
    const SearchQuery& query = search_->query();
    showPage(query.isEmpty() && !query.hasFilters() ? Page::Home : Page::Results);
}

void MainWindow::leaveArticleForSearch()
{
    if (currentPage() == Page::Article) {
        navigator_.visit(Location{});
        updateNavigationActions();
    }
    showSearchPage();
}

void MainWindow::onQueryEdited(const QString& text)
{
    search_->setText(text);
    leaveArticleForSearch();
}

void MainWindow::onResults(const SearchAnswer& answer)
{
    // The home state's answer (empty query, no filters) carries the whole library's counts: the worker
    // reads them once per index generation, so nothing here reads the index.
    if (!answer.error.isEmpty()) {
        onLibraryFailure(answer.error);
        return;
    }
    // A very long query: the field keeps at most maxLength() characters and the engine at most
    // kMaxQueryBytes bytes. Either way, say calmly that only the start was used.
    queryNote_->setVisible(answer.truncated || answer.query.text.size() >= searchField_->maxLength());
    results_->setItems(answer.items);
    filterPanel_->setAnswer(answer);
    chips_->setQuery(answer.query, library_.topicLabels());
    resultsView_->setAnswer(answer, topicInfo_);
    if (!answer.completion.isEmpty() && searchField_->hasFocus() && answer.query.text == searchField_->typedText())
        searchField_->offerCompletion(answer.completion);
    if (currentPage() == Page::Home || currentPage() == Page::Results)
        showSearchPage();
    if (navigator_.size() == 0 && !(answer.query.isEmpty() && !answer.query.hasFilters()))
        navigator_.visit(Location{});
}

void MainWindow::onHome(const HomeData& home)
{
    if (!home.error.isEmpty()) {
        onLibraryFailure(home.error);
        return;
    }
    topicInfo_ = home.topics;
    homeView_->setHome(home);
}

bool MainWindow::openArticle(const QString& articleId, const QString& anchor)
{
    return showArticleInternal(articleId, anchor, true);
}

bool MainWindow::showArticleInternal(const QString& articleId, const QString& anchor, bool record)
{
    const auto article = library_.article(articleId);
    if (!article) {
        if (!library_.isOpen()) {
            // Damaged or gone (the failure handler says so too, once this call returns).
            onLibraryFailure(library_.error());
            return false;
        }
        statusBar()->showMessage(tr("The page \u201c%1\u201d is not in this library.").arg(articleId), 8000);
        return false;
    }
    const QVector<ResultItem> related = library_.related(articleId, 5);
    if (!library_.isOpen()) {
        onLibraryFailure(library_.error());
        return false;
    }
    if (record && currentPage() != Page::Article && navigator_.size() == 0)
        navigator_.visit(Location{});   // so Back returns to the search
    articleView_->showArticle(*article, related, library_.topicLabels(), anchor);
    showPage(Page::Article);
    setWindowTitle(tr("%1 \u2014 FibroKB").arg(articleView_->title()));
    if (record) {
        navigator_.visit(Location{articleId, anchor});
        history_->record(articleId, anchor, articleView_->title());
    }
    updateNavigationActions();
    updateBookmarkAction();
    articleView_->browser()->setFocus(Qt::OtherFocusReason);
    Q_EMIT articleShown(articleId, anchor);
    return true;
}

void MainWindow::showLocation(const Location& location)
{
    if (location.isSearch()) {
        showSearchPage();
        focusSearch();
    } else {
        showArticleInternal(location.articleId, location.anchor, false);
    }
    updateNavigationActions();
}

void MainWindow::goBack()
{
    if (navigator_.canGoBack())
        showLocation(navigator_.back());
}

void MainWindow::goForward()
{
    if (navigator_.canGoForward())
        showLocation(navigator_.forward());
}

void MainWindow::goHome()
{
    if (!library_.isOpen())
        return;
    searchField_->setQueryText(QString());
    search_->clearFilters();
    navigator_.visit(Location{});
    showPage(Page::Home);
    updateNavigationActions();
    focusSearch();
}

void MainWindow::focusSearch()
{
    searchField_->setFocus(Qt::ShortcutFocusReason);
    searchField_->selectAll();
}

void MainWindow::updateNavigationActions()
{
    if (!backAction_)
        return;
    const bool open = library_.isOpen();
    backAction_->setEnabled(open && navigator_.canGoBack());
    forwardAction_->setEnabled(open && navigator_.canGoForward());
}

void MainWindow::updateBookmarkAction()
{
    if (!bookmarkAction_)
        return;
    const bool onArticle = currentPage() == Page::Article;
    const bool canBookmark = library_.isOpen() && (onArticle || (currentPage() == Page::Results && results_->rowCount() > 0));
    bookmarkAction_->setEnabled(canBookmark);
    bool marked = false;
    if (onArticle) {
        for (const Bookmark& b : bookmarkStore_->bookmarks())
            if (b.articleId == articleView_->articleId()) {
                marked = true;
                break;
            }
    }
    bookmarkAction_->setText(marked ? tr("\u2605 Book&marked") : tr("\u2606 Book&mark"));
    bookmarkAction_->setToolTip(marked ? tr("This page is bookmarked. Bookmark it again or one of its sections (Ctrl+D)")
                                       : tr("Bookmark this page or one of its sections (Ctrl+D)"));
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QVector<Visit> visits = history_->recent(15);
    if (visits.isEmpty()) {
        recentMenu_->addAction(tr("Nothing read yet"))->setEnabled(false);
        return;
    }
    for (const Visit& visit : visits)
        recentMenu_->addAction(visit.title, this, [this, id = visit.articleId] { openArticle(id); });
}

void MainWindow::clearHistory()
{
    const auto answer = QMessageBox::question(this, tr("Clear reading history"),
                                              tr("Forget which pages you have read? Bookmarks are kept."));
    if (answer != QMessageBox::Yes)
        return;
    history_->clear();
    statusBar()->showMessage(tr("Reading history cleared."), 5000);
}

void MainWindow::setExternalLinkHandlers(std::function<bool(const QUrl&)> confirm, std::function<void(const QUrl&)> open)
{
    confirmExternal_ = std::move(confirm);
    openExternal_ = std::move(open);
}

void MainWindow::setExternalLinkOpener(std::function<void(const QUrl&)> open)
{
    openExternal_ = std::move(open);
}

void MainWindow::onExternalLink(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") && scheme != QLatin1String("mailto")) {
        statusBar()->showMessage(tr("This kind of link cannot be opened."), 5000);
        return;
    }
    if (confirmExternal_ && confirmExternal_(url))
        openExternal_(url);
}

AddBookmarkDialog* MainWindow::bookmarkCurrent()
{
    if (currentPage() == Page::Article)
        return openBookmarkDialog(articleView_->articleId(), articleView_->currentSection().anchor);
    if (currentPage() == Page::Results) {
        const int row = qMax(0, resultsView_->currentRow());
        if (const ResultItem* item = results_->itemAt(row))
            return openBookmarkDialog(item->articleId, item->anchor);
    }
    return nullptr;
}

AddBookmarkDialog* MainWindow::bookmarkSection(const QString& anchor)
{
    if (currentPage() != Page::Article)
        return nullptr;
    return openBookmarkDialog(articleView_->articleId(), anchor);
}

AddBookmarkDialog* MainWindow::openBookmarkDialog(const QString& articleId, const QString& anchor)
{
    const auto article = library_.article(articleId);
    if (!article)
        return nullptr;
    QVector<SectionRef> sections;
    for (const fibrokb::Section& section : article->sections)
        if (!section.anchor.empty() && section.level >= 2)
            sections.push_back({toQString(section.anchor), toQString(section.heading)});
    const auto existing = bookmarkStore_->find(articleId, anchor);
    qint64 folderId = existing ? existing->folderId : 0;
    if (!existing && bookmarksPanel_->currentFolderId() > 0)
        folderId = bookmarksPanel_->currentFolderId();
    auto* dialog = new AddBookmarkDialog(toQString(article->title), sections, anchor, bookmarkStore_->folders(),
                                         folderId, existing ? existing->note : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString title = toQString(article->title);
    QStringList topics;
    for (const std::string& topic : article->topics)
        topics << toQString(topic);
    connect(dialog, &QDialog::accepted, this, [this, dialog, articleId, title, topics] {
        Bookmark b;
        b.articleId = articleId;
        b.anchor = dialog->anchor();
        b.sectionTitle = dialog->sectionHeading();
        b.title = b.sectionTitle.isEmpty() ? title : QStringLiteral("%1 \u2014 %2").arg(title, b.sectionTitle);
        b.topics = topics;
        b.folderId = dialog->folderId();
        b.note = dialog->note();
        const qint64 id = bookmarkActions_->bookmark(b, dialog->newFolderName());
        if (!id) {
            statusBar()->showMessage(tr("The bookmark could not be saved: %1").arg(bookmarkStore_->error()), 8000);
            return;
        }
        const auto saved = bookmarkStore_->bookmark(id);
        const qint64 folder = saved ? saved->folderId : 0;
        QString where = tr("Bookmarked.");
        if (folder > 0)
            if (const auto f = bookmarkStore_->folder(folder))
                where = tr("Bookmarked in \u201c%1\u201d.").arg(f->name);
        statusBar()->showMessage(where + QLatin1Char(' ') + tr("Ctrl+B shows your bookmarks."), 6000);
        bookmarksPanel_->selectFolder(folder > 0 ? folder : -1);
        bookmarksPanel_->selectBookmark(id);
        updateBookmarkAction();
    });
    dialog->open();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void MainWindow::toggleBookmarksPanel()
{
    // Ctrl+B shows the panel and puts the keyboard in it; again hides it.
    if (bookmarksDock_->isVisible() && bookmarksPanel_->isAncestorOf(QApplication::focusWidget())) {
        bookmarksDock_->hide();
        focusSearch();
        return;
    }
    bookmarksDock_->show();
    bookmarksDock_->raise();
    bookmarksPanel_->focusList();
}

QString MainWindow::currentArticlePrintHtml() const
{
    if (articleView_->articleId().isEmpty())
        return {};
    PageOptions options;
    options.forPrint = true;
    return ArticlePage::html(articleView_->article(), {}, library_.topicLabels(), options);
}

bool MainWindow::exportCurrentArticlePdf(const QString& path, QString* error)
{
    if (currentPage() != Page::Article) {
        if (error)
            *error = tr("Open a page first.");
        return false;
    }
    return exportHtmlToPdf(currentArticlePrintHtml(), articleView_->title(), path, error);
}

void MainWindow::printCurrentArticle()
{
    if (currentPage() != Page::Article)
        return;
    if (printHtmlWithDialog(this, currentArticlePrintHtml(), articleView_->title()))
        statusBar()->showMessage(tr("Sent to the printer."), 5000);
}

void MainWindow::exportCurrentArticlePdfWithDialog()
{
    if (currentPage() != Page::Article)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save this page as PDF"),
                                                      dir + QLatin1Char('/') + articleView_->articleId() + QStringLiteral(".pdf"),
                                                      tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCurrentArticlePdf(path, &error))
        statusBar()->showMessage(tr("Saved %1").arg(path), 6000);
    else
        QMessageBox::warning(this, tr("Export as PDF"), error);
}

void MainWindow::updateReadAloudAvailability()
{
    if (!readAloudAction_)
        return;
    const bool onArticle = currentPage() == Page::Article;
    // Before the first probe (tests skip it) assume it works; speak() probes anyway.
    const bool probed = options_.probeSpeech;
    const bool available = !probed || readAloud_->isAvailable();
    readAloudAction_->setEnabled(onArticle && available);
    stopReadingAction_->setEnabled(available);
    if (!available) {
        const QString reason = readAloud_->unavailableReason();
        readAloudAction_->setToolTip(reason);
        readAloudAction_->setStatusTip(reason);
        readAloudNoteAction_->setText(reason);
        readAloudNoteAction_->setVisible(true);
        readAloudBar_->note()->setText(reason);
    }
}

void MainWindow::readAloudCurrent()
{
    if (currentPage() != Page::Article)
        return;
    if (!readAloud_->isAvailable()) {
        statusBar()->showMessage(readAloud_->unavailableReason(), 8000);
        return;
    }
    readAloudBar_->show();
    const QString selection = articleView_->selectedText();
    readAloud_->speak(selection.isEmpty() ? articleView_->plainText() : selection);
}

void MainWindow::applySettings(int fontPoint, Theme theme, bool completion)
{
    settings_->setFontPointSize(fontPoint);
    settings_->setTheme(theme);
    settings_->setCompletionEnabled(completion);
    settings_->sync();
    applyAppearance(qApp, theme, fontPoint);
    articleView_->setPageColors(pageColorsFor(qApp->palette(), theme));
    searchField_->setCompletionEnabled(completion);
    QFont searchFont = qApp->font();
    searchFont.setPointSizeF(searchFont.pointSizeF() * 1.2);
    searchField_->setFont(searchFont);
    searchField_->setMinimumHeight(searchField_->fontMetrics().height() + 16);
    resultsView_->list()->doItemsLayout();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(settings_->fontPointSize(), settings_->theme(), settings_->completionEnabled(), this);
    if (dialog.exec() == QDialog::Accepted)
        applySettings(dialog.fontPoint(), dialog.theme(), dialog.completion());
}

QVector<ShortcutEntry> MainWindow::shortcutEntries() const
{
    QVector<ShortcutEntry> entries;
    const QList<QAction*> listed = {focusSearchAction_, backAction_,      forwardAction_,     homeAction_,
                                    bookmarkAction_,    bookmarksPanelAction_, filtersPanelAction_, findAction_,
                                    zoomInAction_,      zoomOutAction_,   zoomResetAction_,   printAction_,
                                    exportPdfAction_,   readAloudAction_, stopReadingAction_, undoAction_,
                                    redoAction_,        settingsAction_,  shortcutsAction_,   quitAction_};
    for (QAction* action : listed) {
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        QString what = action->text();
        what.remove(QLatin1Char('&'));
        what.remove(QChar(0x2026));
        what.remove(QChar(0x2190)).remove(QChar(0x2192)).remove(QChar(0x2606)).remove(QChar(0x2605));
        if (action == undoAction_)
            what = tr("Undo the last bookmark change");
        if (action == redoAction_)
            what = tr("Redo the last bookmark change");
        entries.push_back({keys.join(tr(" or ")), what.trimmed()});
    }
    entries.push_back({tr("Down / Up"), tr("In the search field: move through the results")});
    entries.push_back({tr("Enter"), tr("Open the chosen result or bookmark")});
    entries.push_back({tr("Esc"), tr("Back to the search field; in the field, clear it")});
    entries.push_back({tr("Tab / Right"), tr("Accept the suggested end of a word")});
    entries.push_back({tr("Space"), tr("In the topic list: tick or untick a topic")});
    entries.push_back({tr("Delete"), tr("In the bookmark list: delete (Ctrl+Z brings it back)")});
    entries.push_back({tr("F2"), tr("In the bookmark or folder list: rename")});
    entries.push_back({tr("Ctrl+Enter"), tr("In the bookmark window: save")});
    entries.push_back({tr("Alt + underlined letter"), tr("Open a menu or jump to a labelled control")});
    return entries;
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(shortcutEntries(), this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QString info;
    if (library_.isOpen())
        info = tr("Library: %1 pages, built %2, in %3")
                   .arg(library_.documentCount())
                   .arg(library_.buildDate(), library_.indexDir());
    AboutDialog dialog(info, this);
    dialog.exec();
}

void MainWindow::showDisclaimer()
{
    DisclaimerDialog dialog(false, this);
    dialog.exec();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress
        && (watched == articleView_->browser() || watched == articleView_->contents())) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            focusSearch();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    readAloud_->stop();
    settings_->setWindowLayout(saveGeometry(), saveState());
    settings_->setFiltersPanelVisible(filtersWanted_);
    settings_->sync();
    QMainWindow::closeEvent(event);
}

}  // namespace fibrokb::app

#include "ui/main_window.h"

#include "core/bookmark_commands.h"
#include "core/bookmark_store.h"
#include "core/result_list_model.h"
#include "core/text_format.h"
#include "ui/article_output.h"
#include "ui/article_view.h"
#include "ui/bookmark_flow.h"
#include "ui/bookmarks_panel.h"
#include "ui/external_links.h"
#include "ui/filter_chips_bar.h"
#include "ui/filter_panel.h"
#include "ui/find_bar.h"
#include "ui/home_view.h"
#include "ui/index_problem_page.h"
#include "ui/main_actions.h"
#include "ui/panel_docks.h"
#include "ui/search_presenter.h"
#include "ui/read_aloud.h"
#include "ui/safe_text_browser.h"
#include "ui/results_view.h"
#include "ui/search_field.h"
#include "ui/settings_dialog.h"
#include "ui/theme.h"
#include "ui/window_placement.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace fibrokb::app {

MainWindow::MainWindow(const MainWindowOptions& options, QWidget* parent) : QMainWindow(parent), options_(options)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("FibroKB"));
    qRegisterMetaType<Page>();
    session_ = new AppSession({options.bookmarksPath, options.historyPath, options.settingsPath}, this);
    applyAppearance(qApp, settings().theme(), settings().fontPointSize());
    if (!session_->recoveryNotes().isEmpty())
        QTimer::singleShot(0, this, [this] { showStoreRecoveryMessage(session_->recoveryNotes(), this); });
    readAloud_ = new ReadAloud(this);
    readAloud_->setRate(settings().speechRate());

    actions_ = new MainActions(this, bookmarkActions()->undoStack());
    buildViews();
    actions_->buildTopBar(bookmarksPanel_);
    navigation_ = new NavigationController(*session_, stack_, homeView_, resultsView_, articleView_, indexProblem_,
                                           searchField_, this);
    bookmarkFlow_ = new BookmarkFlow(session_->library(), bookmarkActions(), bookmarksPanel_, this);
    output_ = new ArticleOutput(*session_, articleView_, readAloud_, readAloudBar_, this);
    externalLinks_ = new ExternalLinks(this);
    searchPresenter_ = new SearchPresenter(
        *session_, navigation_, {searchField_, queryNote_, busyLabel_, chips_, filterPanel_, resultsView_, homeView_},
        this);
    connectViews();
    connectActions();

    // The first start on a small screen (or at 200% on a laptop): the page gets the width and the
    // filters wait behind their toolbar button.
    const WindowPlacement placement = placeWindow(this, settings().windowGeometry(), settings().windowState());
    if (placement.firstStart && placement.narrow)
        actions_->filtersPanel->setChecked(false);
    articleView_->setZoomPercent(settings().zoomPercent());
    articleView_->setPageColors(pageColorsFor(palette(), settings().theme()));
    searchField_->setCompletionEnabled(settings().completionEnabled());

    reopenLibrary(options_.indexDir);
    if (options_.probeSpeech)
        QTimer::singleShot(0, this, &MainWindow::updateReadAloudAvailability);
    searchField_->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    readAloud_->stop();
}

void MainWindow::buildViews()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);
    searchField_ = new SearchField(central);
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
    resultsView_ = new ResultsView(resultModel(), stack_);
    articleView_ = new ArticleView(stack_);
    indexProblem_ = new IndexProblemPage(stack_);
    for (QWidget* page : {static_cast<QWidget*>(homeView_), static_cast<QWidget*>(resultsView_),
                          static_cast<QWidget*>(articleView_), static_cast<QWidget*>(indexProblem_)})
        stack_->addWidget(page);
    layout->addWidget(stack_, 1);
    setCentralWidget(central);

    readAloudBar_ = new ReadAloudBar(readAloud_, articleView_);
    readAloudBar_->hide();
    articleView_->setReadAloudBar(readAloudBar_);

    filterPanel_ = new FilterPanel(topicModel(), this);
    bookmarksPanel_ = new BookmarksPanel(bookmarkActions(), this);
    bookmarksPanel_->setSettings(&settings());  // restores and remembers the sort order
    bookmarksPanel_->setLargePrint(settings().largePrint());
    bookmarksPanel_->setPageTitleLookup([this](const QString& id) {
        const auto article = library().article(id);  // only while a visit sheet is made
        return article ? toQString(article->title) : QString();
    });
    docks_ = new PanelDocks(this, filterPanel_, bookmarksPanel_);

    busyLabel_ = new QLabel(this);
    busyLabel_->setObjectName(QStringLiteral("busyLabel"));
    statusBar()->addPermanentWidget(busyLabel_);
}

void MainWindow::connectViews()
{
    NavigationController* nav = navigation_;
    connect(nav, &NavigationController::pageShown, this, &MainWindow::onPageShown);
    connect(nav, &NavigationController::pageChanged, this, [this](Page page) { Q_EMIT pageChanged(page); });
    connect(nav, &NavigationController::articleShown, this, [this](const QString& id, const QString& anchor) {
        setWindowTitle(tr("%1 \u2014 FibroKB").arg(articleView_->title()));
        updateActions();
        Q_EMIT articleShown(id, anchor);
    });
    connect(nav, &NavigationController::historyChanged, this, &MainWindow::updateActions);
    connect(nav, &NavigationController::statusMessage, this, &MainWindow::showStatus);
    connect(nav, &NavigationController::libraryFailed, this, &MainWindow::onLibraryFailure);
    connect(bookmarkFlow_, &BookmarkFlow::statusMessage, this, &MainWindow::showStatus);
    connect(output_, &ArticleOutput::statusMessage, this, &MainWindow::showStatus);
    connect(externalLinks_, &ExternalLinks::statusMessage, this, &MainWindow::showStatus);
    connect(bookmarksPanel_, &BookmarksPanel::statusMessage, this, &MainWindow::showStatus);
    connect(searchPresenter_, &SearchPresenter::libraryFailed, this, &MainWindow::onLibraryFailure);
    connect(bookmarkFlow_, &BookmarkFlow::saved, this, &MainWindow::updateActions);

    // Results, links and bookmarks all lead to articles.
    connect(resultsView_, &ResultsView::openRequested, nav, &NavigationController::openArticle);
    connect(resultsView_, &ResultsView::escapePressed, nav, &NavigationController::focusSearch);
    connect(homeView_, &HomeView::articleChosen, this, [this](const QString& id) { openArticle(id); });
    connect(articleView_, &ArticleView::internalLinkActivated, nav, &NavigationController::openArticle);
    connect(articleView_, &ArticleView::externalLinkActivated, externalLinks_, &ExternalLinks::activate);
    connect(articleView_, &ArticleView::bookmarkSectionRequested, this, &MainWindow::bookmarkSection);
    connect(articleView_, &ArticleView::readSelectionRequested, output_, &ArticleOutput::readAloud);
    connect(articleView_, &ArticleView::zoomChanged, this, [this](int percent) { settings().setZoomPercent(percent); });
    connect(bookmarksPanel_, &BookmarksPanel::openRequested, nav, &NavigationController::openArticle);
    connect(bookmarkStore(), &BookmarkStore::changed, this, &MainWindow::updateActions);
    connect(indexProblem_, &IndexProblemPage::retryRequested, this, [this] { reopenLibrary(library().indexDir()); });
    connect(indexProblem_, &IndexProblemPage::chooseIndexRequested, this,
            [this] { chooseLibraryFolder(tr("Choose the library folder")); });
    connect(readAloud_, &ReadAloud::failed, this, &MainWindow::showStatus);
    connect(readAloudBar_, &ReadAloudBar::playRequested, output_, &ArticleOutput::readAloud);
    connect(readAloudBar_, &ReadAloudBar::rateChanged, this, [this](double rate) { settings().setSpeechRate(rate); });
    connect(session_, &AppSession::libraryFailed, this, &MainWindow::onLibraryFailure);
    connect(session_, &AppSession::libraryReopened, this, &MainWindow::onLibraryReopened);

    articleView_->browser()->installEventFilter(this);
    articleView_->contents()->installEventFilter(this);
}

void MainWindow::connectActions()
{
    MainActions* a = actions_;
    docks_->setFiltersToggle(a->filtersPanel, settings().filtersPanelVisible());
    connect(a->back, &QAction::triggered, this, &MainWindow::goBack);
    connect(a->forward, &QAction::triggered, this, &MainWindow::goForward);
    connect(a->home, &QAction::triggered, this, &MainWindow::goHome);
    connect(a->focusSearch, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(a->bookmark, &QAction::triggered, this, &MainWindow::bookmarkCurrent);
    connect(a->bookmarksPanel, &QAction::triggered, this, &MainWindow::toggleBookmarksPanel);
    connect(a->print, &QAction::triggered, output_, &ArticleOutput::print);
    connect(a->exportPdf, &QAction::triggered, output_, &ArticleOutput::exportPdfWithDialog);
    connect(a->find, &QAction::triggered, this, [this] {
        if (currentPage() == Page::Article)
            articleView_->findBar()->activate();
    });
    connect(a->zoomIn, &QAction::triggered, articleView_, &ArticleView::zoomIn);
    connect(a->zoomOut, &QAction::triggered, articleView_, &ArticleView::zoomOut);
    connect(a->zoomReset, &QAction::triggered, this, [this] { articleView_->setZoomPercent(100); });
    connect(a->readAloud, &QAction::triggered, output_, &ArticleOutput::readAloud);
    connect(a->stopReading, &QAction::triggered, readAloud_, &ReadAloud::stop);
    connect(a->settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(a->clearHistory, &QAction::triggered, navigation_, [this] { navigation_->clearHistory(this); });
    connect(a->openLibrary, &QAction::triggered, this, [this] { chooseLibraryFolder(tr("Open another library")); });
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->shortcuts, &QAction::triggered, this, [this] { ShortcutsDialog(shortcutEntries(), this).exec(); });
    connect(a->about, &QAction::triggered, this, [this] {
        const QString info = isLibraryOpen() ? tr("Library: %1 pages, built %2, in %3")
                                                   .arg(library().documentCount())
                                                   .arg(library().buildDate(), library().indexDir())
                                             : QString();
        AboutDialog(info, this).exec();
    });
    connect(a->disclaimer, &QAction::triggered, this, [this] { DisclaimerDialog(false, this).exec(); });
    connect(a->recentMenu, &QMenu::aboutToShow, navigation_,
            [this] { navigation_->fillRecentlyRead(actions_->recentMenu); });
    updateActions();
}

bool MainWindow::reopenLibrary(const QString& indexDir)
{
    const bool opened = session_->openLibrary(indexDir);
    if (opened) {
        bookmarksPanel_->setTopicLabels(library().topicLabels());
        // A bookmark whose page has left the library stays, marked as missing.
        bookmarksPanel_->setArticleExists(
            [this](const QString& id) { return !library().isOpen() || library().contains(id); });
        HomeData home;
        home.topics = session_->topicInfo();
        homeView_->setHome(home);  // topics at once; "start here" follows from the worker
        navigation_->showPage(Page::Home);
    } else {
        indexProblem_->setProblem(indexDir, library().error());
        navigation_->showPage(Page::IndexProblem);
    }
    const bool open = library().isOpen();
    searchField_->setEnabled(open);
    docks_->setEnabled(open);
    updateActions();
    return opened;
}

void MainWindow::onLibraryFailure(const QString& error)
{
    session_->closeLibrary(error);
    indexProblem_->setProblem(library().indexDir(), error.isEmpty() ? library().error() : error);
    navigation_->showPage(Page::IndexProblem);
    searchField_->setEnabled(false);
    docks_->setEnabled(false);
    updateActions();
}

void MainWindow::onLibraryReopened()
{
    bookmarksPanel_->setTopicLabels(library().topicLabels());
    showStatus(tr("The library was updated."));
}

void MainWindow::chooseLibraryFolder(const QString& caption)
{
    const QString dir = QFileDialog::getExistingDirectory(this, caption, library().indexDir());
    if (!dir.isEmpty())
        reopenLibrary(dir);
}

void MainWindow::showStatus(const QString& message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::onPageShown(Page page)
{
    if (page != Page::Article) {
        setWindowTitle(tr("FibroKB"));
        readAloudBar_->hide();
    }
    updateActions();
    updateReadAloudAvailability();
    docks_->followPage(page == Page::Home || page == Page::Results);
}

void MainWindow::updateActions()
{
    const Page page = currentPage();
    const bool open = library().isOpen();
    actions_->setPageState(page == Page::Article, open, navigator().canGoBack(), navigator().canGoForward());
    const bool onArticle = page == Page::Article;
    const bool canBookmark = open && (onArticle || (page == Page::Results && resultModel()->rowCount() > 0));
    actions_->setBookmarkState(canBookmark, onArticle && bookmarkStore()->isBookmarked(articleView_->articleId()));
}

void MainWindow::showDisclaimerIfFirstStart()
{
    if (settings().disclaimerAccepted())
        return;
    DisclaimerDialog(true, this).exec();
    settings().setDisclaimerAccepted(true);
    settings().sync();
}

AddBookmarkDialog* MainWindow::bookmarkCurrent()
{
    if (currentPage() == Page::Article)
        return bookmarkFlow_->bookmark(articleView_->articleId(), articleView_->currentSection().anchor);
    if (currentPage() == Page::Results)
        if (const ResultItem* item = resultModel()->itemAt(qMax(0, resultsView_->currentRow())))
            return bookmarkFlow_->bookmark(item->articleId, item->anchor);
    return nullptr;
}

AddBookmarkDialog* MainWindow::bookmarkSection(const QString& anchor)
{
    if (currentPage() != Page::Article)
        return nullptr;
    return bookmarkFlow_->bookmark(articleView_->articleId(), anchor);
}

void MainWindow::toggleBookmarksPanel()
{
    if (docks_->toggleBookmarks())
        focusSearch();
}

bool MainWindow::exportCurrentArticlePdf(const QString& path, QString* error)
{
    if (currentPage() != Page::Article) {
        if (error)
            *error = tr("Open a page first.");
        return false;
    }
    return output_->exportPdf(path, error);
}

void MainWindow::updateReadAloudAvailability()
{
    // Before the first probe (tests skip it) assume it works; reading aloud probes anyway.
    const bool available = !options_.probeSpeech || readAloud_->isAvailable();
    const QString reason = available ? QString() : readAloud_->unavailableReason();  // probes
    actions_->setReadAloudState(currentPage() == Page::Article, available, reason);
    if (!available)
        readAloudBar_->showMessage(reason);
}

void MainWindow::applySettings(int fontPoint, Theme theme, bool completion)
{
    settings().setFontPointSize(fontPoint);
    settings().setTheme(theme);
    settings().setCompletionEnabled(completion);
    settings().sync();
    applyAppearance(qApp, theme, fontPoint);
    // Qt posts the font change to each widget: deliver it now, so every view is laid out at the new
    // size before this returns (and before anything measures a row).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationFontChange);
    articleView_->setPageColors(pageColorsFor(qApp->palette(), theme));
    searchField_->setCompletionEnabled(completion);
    resultsView_->list()->doItemsLayout();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(settings().fontPointSize(), settings().theme(), settings().completionEnabled(), this);
    dialog.setLargePrint(settings().largePrint());
    dialog.setReadAloud(readAloud_);
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings().setLargePrint(dialog.largePrint());
    bookmarksPanel_->setLargePrint(dialog.largePrint());
    applySettings(dialog.fontPoint(), dialog.theme(), dialog.completion());
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress &&
        (watched == articleView_->browser() || watched == articleView_->contents())) {
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
    settings().setWindowLayout(saveGeometry(), saveState());
    settings().setFiltersPanelVisible(docks_->filtersWanted());
    settings().sync();
    QMainWindow::closeEvent(event);
}

}  // namespace fibrokb::app

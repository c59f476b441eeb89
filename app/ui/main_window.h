// The main window: search field on top, filters on the left, the page in the middle
// (home, results or an article), bookmarks on the right. It wires the core objects to
// the views and owns the actions, menus and shortcuts; the views stay thin.
#pragma once

#include "core/app_settings.h"
#include "core/article_library.h"
#include "core/navigator.h"
#include "core/search_types.h"
#include "ui/about_dialogs.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;

namespace fibrokb::app {

class AddBookmarkDialog;
class ArticleView;
class BookmarkActions;
class BookmarkStore;
class BookmarksPanel;
class FilterChipsBar;
class FilterPanel;
class HistoryStore;
class HomeView;
class IndexProblemPage;
class ReadAloud;
class ReadAloudBar;
class ResultListModel;
class ResultsView;
class SearchController;
class SearchField;
class TopicFilterModel;

struct MainWindowOptions {
    QString indexDir;
    QString bookmarksPath;      // "" = BookmarkStore::defaultPath() (AppDataLocation)
    QString historyPath;        // "" = HistoryStore::defaultPath()
    QString settingsPath;       // "" = the application's QSettings
    bool probeSpeech = true;    // look for a speech voice shortly after start
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Home, Results, Article, IndexProblem };

    explicit MainWindow(const MainWindowOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Start-up helpers for main().
    void startWithQuery(const QString& query);
    void showDisclaimerIfFirstStart();

    Page currentPage() const;
    bool isLibraryOpen() const { return library_.isOpen(); }
    const ArticleLibrary& library() const { return library_; }
    Navigator& navigator() { return navigator_; }
    AppSettings& settings() { return *settings_; }

    SearchField* searchField() const { return searchField_; }
    SearchController* searchController() const { return search_; }
    ResultListModel* resultModel() const { return results_; }
    TopicFilterModel* topicModel() const { return topics_; }
    ResultsView* resultsView() const { return resultsView_; }
    HomeView* homeView() const { return homeView_; }
    ArticleView* articleView() const { return articleView_; }
    FilterPanel* filterPanel() const { return filterPanel_; }
    FilterChipsBar* chipsBar() const { return chips_; }
    BookmarksPanel* bookmarksPanel() const { return bookmarksPanel_; }
    BookmarkStore* bookmarkStore() const { return bookmarkStore_; }
    BookmarkActions* bookmarkActions() const { return bookmarkActions_; }
    HistoryStore* historyStore() const { return history_; }
    IndexProblemPage* indexProblemPage() const { return indexProblem_; }
    ReadAloud* readAloud() const { return readAloud_; }
    QDockWidget* filtersDock() const { return filtersDock_; }
    QDockWidget* bookmarksDock() const { return bookmarksDock_; }

    // Replaces the "open this website?" question and the system browser (tests).
    void setExternalLinkHandlers(std::function<bool(const QUrl&)> confirm, std::function<void(const QUrl&)> open);
    // Replaces only the system browser; the real question is still asked (tests).
    void setExternalLinkOpener(std::function<void(const QUrl&)> open);
    // The calm note under the search field ("only the first part of a very long search was used").
    QLabel* queryNote() const { return queryNote_; }

    QVector<ShortcutEntry> shortcutEntries() const;
    QString currentArticlePrintHtml() const;
    bool exportCurrentArticlePdf(const QString& path, QString* error = nullptr);
    void applySettings(int fontPoint, Theme theme, bool completion);
    void updateReadAloudAvailability();

public Q_SLOTS:
    bool openArticle(const QString& articleId, const QString& anchor = {});
    void goBack();
    void goForward();
    void goHome();
    void focusSearch();
    // Opens the bookmark dialog for the page (or result) shown; returns it for keyboard use.
    AddBookmarkDialog* bookmarkCurrent();
    AddBookmarkDialog* bookmarkSection(const QString& anchor);
    void toggleBookmarksPanel();
    void printCurrentArticle();
    void exportCurrentArticlePdfWithDialog();
    void readAloudCurrent();
    void showSettings();
    void showShortcuts();
    void showAbout();
    void showDisclaimer();
    void clearHistory();
    bool reopenLibrary(const QString& indexDir);

Q_SIGNALS:
    void articleShown(const QString& articleId, const QString& anchor);
    void pageChanged(fibrokb::app::MainWindow::Page page);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildViews();
    void buildActions();
    void buildMenus();
    void connectSearch();
    void showPage(Page page);
    void showSearchPage();
    void showLocation(const Location& location);
    void onQueryEdited(const QString& text);
    void onResults(const SearchAnswer& answer);
    void onHome(const HomeData& home);
    // The index turned out damaged or gone while in use: close it and show the problem page.
    void onLibraryFailure(const QString& error);
    // A rebuild switched the index to a newer generation: labels, topics and home follow it.
    void onLibraryReopened();
    void onExternalLink(const QUrl& url);
    void leaveArticleForSearch();
    void updateNavigationActions();
    void updateBookmarkAction();
    void updateLibraryActions();
    void updateFiltersDock();
    void rebuildRecentMenu();
    bool showArticleInternal(const QString& articleId, const QString& anchor, bool record);
    AddBookmarkDialog* openBookmarkDialog(const QString& articleId, const QString& anchor);
    QAction* makeAction(const QString& text, const QString& objectName, const QKeySequence& shortcut = {},
                        const QString& tip = {});

    MainWindowOptions options_;
    std::unique_ptr<AppSettings> settings_;
    ArticleLibrary library_;
    Navigator navigator_;
    SearchController* search_ = nullptr;
    ResultListModel* results_ = nullptr;
    TopicFilterModel* topics_ = nullptr;
    BookmarkStore* bookmarkStore_ = nullptr;
    BookmarkActions* bookmarkActions_ = nullptr;
    HistoryStore* history_ = nullptr;
    ReadAloud* readAloud_ = nullptr;

    SearchField* searchField_ = nullptr;
    FilterChipsBar* chips_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    HomeView* homeView_ = nullptr;
    ResultsView* resultsView_ = nullptr;
    ArticleView* articleView_ = nullptr;
    IndexProblemPage* indexProblem_ = nullptr;
    FilterPanel* filterPanel_ = nullptr;
    BookmarksPanel* bookmarksPanel_ = nullptr;
    ReadAloudBar* readAloudBar_ = nullptr;
    QDockWidget* filtersDock_ = nullptr;
    QDockWidget* bookmarksDock_ = nullptr;
    QLabel* busyLabel_ = nullptr;
    QLabel* queryNote_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* readMenu_ = nullptr;

    QAction* backAction_ = nullptr;
    QAction* forwardAction_ = nullptr;
    QAction* homeAction_ = nullptr;
    QAction* focusSearchAction_ = nullptr;
    QAction* bookmarkAction_ = nullptr;
    QAction* bookmarksPanelAction_ = nullptr;
    QAction* printAction_ = nullptr;
    QAction* exportPdfAction_ = nullptr;
    QAction* findAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* zoomResetAction_ = nullptr;
    QAction* readAloudAction_ = nullptr;
    QAction* stopReadingAction_ = nullptr;
    QAction* readAloudNoteAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* settingsAction_ = nullptr;
    QAction* clearHistoryAction_ = nullptr;
    QAction* openLibraryAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* shortcutsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* disclaimerAction_ = nullptr;
    QAction* filtersPanelAction_ = nullptr;

    QVector<TopicInfo> topicInfo_;
    std::function<bool(const QUrl&)> confirmExternal_;
    std::function<void(const QUrl&)> openExternal_;
    bool startedWithQuery_ = false;
    bool filtersWanted_ = true;     // the person's choice; hidden anyway while reading
    bool adjustingDocks_ = false;
};

}  // namespace fibrokb::app

Q_DECLARE_METATYPE(fibrokb::app::MainWindow::Page)

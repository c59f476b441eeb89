// The main window: the composition root. It creates one AppSession (stores, library, search),
// the views (search field on top, filters on the left, the page in the middle, bookmarks on the
// right) and the controllers that carry the behaviour (MainActions, NavigationController,
// BookmarkFlow, ArticleOutput), and wires them together. The views stay thin.
#pragma once

#include "core/app_session.h"
#include "core/search_types.h"
#include "ui/about_dialogs.h"
#include "ui/article_output.h"
#include "ui/external_links.h"
#include "ui/main_actions.h"
#include "ui/navigation_controller.h"
#include "ui/panel_docks.h"
#include "ui/search_presenter.h"

#include <QMainWindow>
#include <QUrl>

#include <functional>

class QDockWidget;
class QLabel;
class QStackedWidget;

namespace fibrokb::app {

class AddBookmarkDialog;
class ArticleView;
class BookmarkFlow;
class BookmarksPanel;
class FilterChipsBar;
class FilterPanel;
class HomeView;
class IndexProblemPage;
class ReadAloud;
class ReadAloudBar;
class ResultsView;
class SearchField;

struct MainWindowOptions {
    QString indexDir;
    QString bookmarksPath;    // "" = BookmarkStore::defaultPath() (AppDataLocation)
    QString historyPath;      // "" = HistoryStore::defaultPath()
    QString settingsPath;     // "" = the application's QSettings
    bool probeSpeech = true;  // look for a speech voice shortly after start
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    using Page = AppPage;

    explicit MainWindow(const MainWindowOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Start-up helpers for main().
    void startWithQuery(const QString& query) { searchPresenter_->startWithQuery(query); }
    void showDisclaimerIfFirstStart();

    Page currentPage() const { return navigation_->currentPage(); }
    AppSession& session() { return *session_; }
    bool isLibraryOpen() const { return session_->library().isOpen(); }
    const ArticleLibrary& library() const { return session_->library(); }
    Navigator& navigator() { return session_->navigator(); }
    AppSettings& settings() { return session_->settings(); }
    SearchController* searchController() const { return session_->search(); }
    ResultListModel* resultModel() const { return session_->results(); }
    TopicFilterModel* topicModel() const { return session_->topics(); }
    BookmarkStore* bookmarkStore() const { return session_->bookmarks(); }
    BookmarkActions* bookmarkActions() const { return session_->bookmarkActions(); }
    HistoryStore* historyStore() const { return session_->history(); }

    SearchField* searchField() const { return searchField_; }
    ResultsView* resultsView() const { return resultsView_; }
    HomeView* homeView() const { return homeView_; }
    ArticleView* articleView() const { return articleView_; }
    FilterPanel* filterPanel() const { return filterPanel_; }
    FilterChipsBar* chipsBar() const { return chips_; }
    BookmarksPanel* bookmarksPanel() const { return bookmarksPanel_; }
    IndexProblemPage* indexProblemPage() const { return indexProblem_; }
    ReadAloud* readAloud() const { return readAloud_; }
    QDockWidget* filtersDock() const { return docks_->filtersDock(); }
    QDockWidget* bookmarksDock() const { return docks_->bookmarksDock(); }
    MainActions* actions() const { return actions_; }
    // The calm note under the search field ("only the first part of a very long search was used").
    QLabel* queryNote() const { return queryNote_; }

    // Replaces the "open this website?" question and the system browser (tests).
    void setExternalLinkHandlers(std::function<bool(const QUrl&)> confirm, std::function<void(const QUrl&)> open)
    {
        externalLinks_->setConfirm(std::move(confirm));
        externalLinks_->setOpener(std::move(open));
    }
    // Replaces only the system browser; the real question is still asked (tests).
    void setExternalLinkOpener(std::function<void(const QUrl&)> open) { externalLinks_->setOpener(std::move(open)); }

    QVector<ShortcutEntry> shortcutEntries() const { return actions_->shortcutEntries(); }
    QString currentArticlePrintHtml() const { return output_->printHtml(); }
    bool exportCurrentArticlePdf(const QString& path, QString* error = nullptr);
    void applySettings(int fontPoint, Theme theme, bool completion);
    void updateReadAloudAvailability();

public Q_SLOTS:
    bool openArticle(const QString& articleId, const QString& anchor = {})
    {
        return navigation_->openArticle(articleId, anchor);
    }
    void goBack() { navigation_->goBack(); }
    void goForward() { navigation_->goForward(); }
    void goHome() { navigation_->goHome(); }
    void focusSearch() { navigation_->focusSearch(); }
    // Opens the bookmark dialog for the page (or result) shown; returns it for keyboard use.
    AddBookmarkDialog* bookmarkCurrent();
    AddBookmarkDialog* bookmarkSection(const QString& anchor);
    void toggleBookmarksPanel();
    void showSettings();
    bool reopenLibrary(const QString& indexDir);

Q_SIGNALS:
    void articleShown(const QString& articleId, const QString& anchor);
    void pageChanged(fibrokb::app::MainWindow::Page page);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildViews();
    void connectViews();
    void connectActions();
    void onPageShown(Page page);
    // The index turned out damaged or gone while in use: close it and show the problem page.
    void onLibraryFailure(const QString& error);
    void onLibraryReopened();
    void showStatus(const QString& message);
    void updateActions();
    void chooseLibraryFolder(const QString& caption);

    MainWindowOptions options_;
    AppSession* session_ = nullptr;
    ReadAloud* readAloud_ = nullptr;

    SearchField* searchField_ = nullptr;
    QLabel* queryNote_ = nullptr;
    FilterChipsBar* chips_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    HomeView* homeView_ = nullptr;
    ResultsView* resultsView_ = nullptr;
    ArticleView* articleView_ = nullptr;
    IndexProblemPage* indexProblem_ = nullptr;
    FilterPanel* filterPanel_ = nullptr;
    BookmarksPanel* bookmarksPanel_ = nullptr;
    ReadAloudBar* readAloudBar_ = nullptr;
    PanelDocks* docks_ = nullptr;
    QLabel* busyLabel_ = nullptr;

    MainActions* actions_ = nullptr;
    NavigationController* navigation_ = nullptr;
    BookmarkFlow* bookmarkFlow_ = nullptr;
    ArticleOutput* output_ = nullptr;
    ExternalLinks* externalLinks_ = nullptr;
    SearchPresenter* searchPresenter_ = nullptr;
};

}  // namespace fibrokb::app

Q_DECLARE_METATYPE(fibrokb::app::MainWindow::Page)

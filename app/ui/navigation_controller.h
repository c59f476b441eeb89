// Which page the window shows (home, results, an article, the index-problem page) and how the
// reader moves between them: opening pages, Back and Forward (back to where they had scrolled),
// Home, and leaving an article when the search or the filters change.
#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QStackedWidget;
class QWidget;

namespace fibrokb::app {

class AppSession;
class ArticleView;
class HomeView;
class IndexProblemPage;
class ResultsView;
class SearchField;
struct Location;

enum class AppPage { Home, Results, Article, IndexProblem };

class NavigationController final : public QObject {
    Q_OBJECT
public:
    NavigationController(AppSession& session, QStackedWidget* stack, HomeView* home, ResultsView* results,
                         ArticleView* article, IndexProblemPage* problem, SearchField* field, QObject* parent);

    AppPage currentPage() const;
    void showPage(AppPage page);
    // Home when there is no query and no filter, else the results.
    void showSearchPage();
    // The search or the filters changed while reading: Back returns to the page.
    void leaveArticleForSearch();

public Q_SLOTS:
    bool openArticle(const QString& articleId, const QString& anchor = {});
    void goBack();
    void goForward();
    void goHome();
    void focusSearch();
    // The Go menu's "Recently read", filled from the reading history each time it opens.
    void fillRecentlyRead(QMenu* menu);
    // Asks first; bookmarks are kept.
    void clearHistory(QWidget* dialogParent);

Q_SIGNALS:
    void pageShown(fibrokb::app::AppPage page);    // every time, even the same page again
    void pageChanged(fibrokb::app::AppPage page);  // only when it is another page
    void articleShown(const QString& articleId, const QString& anchor);
    void historyChanged();  // Back/Forward availability
    void statusMessage(const QString& message);
    void libraryFailed(const QString& error);

private:
    bool showArticle(const Location& location, bool record);
    void show(const Location& location);
    void rememberReadingPosition();

    AppSession& session_;
    QStackedWidget* stack_;
    HomeView* home_;
    ResultsView* results_;
    ArticleView* article_;
    IndexProblemPage* problem_;
    SearchField* field_;
};

}  // namespace fibrokb::app

#include "ui/navigation_controller.h"

#include "core/app_session.h"
#include "core/history_store.h"
#include "core/search_controller.h"
#include "ui/article_view.h"
#include "ui/home_view.h"
#include "ui/index_problem_page.h"
#include "ui/results_view.h"
#include "ui/safe_text_browser.h"
#include "ui/search_field.h"

#include <QMenu>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTextBrowser>

namespace fibrokb::app {

NavigationController::NavigationController(AppSession& session, QStackedWidget* stack, HomeView* home,
                                           ResultsView* results, ArticleView* article, IndexProblemPage* problem,
                                           SearchField* field, QObject* parent)
    : QObject(parent), session_(session), stack_(stack), home_(home), results_(results), article_(article),
      problem_(problem), field_(field)
{
}

AppPage NavigationController::currentPage() const
{
    QWidget* page = stack_->currentWidget();
    if (page == home_)
        return AppPage::Home;
    if (page == results_)
        return AppPage::Results;
    if (page == article_)
        return AppPage::Article;
    return AppPage::IndexProblem;
}

void NavigationController::showPage(AppPage page)
{
    QWidget* target = page == AppPage::Home      ? static_cast<QWidget*>(home_)
                      : page == AppPage::Results ? static_cast<QWidget*>(results_)
                      : page == AppPage::Article ? static_cast<QWidget*>(article_)
                                                 : static_cast<QWidget*>(problem_);
    const bool changed = stack_->currentWidget() != target;
    stack_->setCurrentWidget(target);
    Q_EMIT pageShown(page);
    if (changed)
        Q_EMIT pageChanged(page);
}

void NavigationController::showSearchPage()
{
    if (!session_.library().isOpen())
        return;
    const SearchQuery& query = session_.search()->query();
    showPage(query.isEmpty() && !query.hasFilters() ? AppPage::Home : AppPage::Results);
}

void NavigationController::leaveArticleForSearch()
{
    if (currentPage() == AppPage::Article) {
        rememberReadingPosition();
        session_.navigator().visit(Location{});
        Q_EMIT historyChanged();
    }
    showSearchPage();
}

bool NavigationController::openArticle(const QString& articleId, const QString& anchor)
{
    return showArticle(Location{articleId, anchor, {}}, true);
}

void NavigationController::rememberReadingPosition()
{
    if (currentPage() == AppPage::Article)
        session_.navigator().rememberPosition(article_->readingPosition());
}

bool NavigationController::showArticle(const Location& location, bool record)
{
    ArticleLibrary& library = session_.library();
    const auto article = library.article(location.articleId);
    if (!article) {
        if (!library.isOpen()) {
            // Damaged or gone (the failure handler says so too, once this call returns).
            Q_EMIT libraryFailed(library.error());
            return false;
        }
        Q_EMIT statusMessage(tr("The page \u201c%1\u201d is not in this library.").arg(location.articleId));
        return false;
    }
    const QVector<ResultItem> related = library.related(location.articleId, 5);
    if (!library.isOpen()) {
        Q_EMIT libraryFailed(library.error());
        return false;
    }
    Navigator& navigator = session_.navigator();
    if (record) {
        rememberReadingPosition();
        if (currentPage() != AppPage::Article && navigator.size() == 0)
            navigator.visit(Location{});  // so Back returns to the search
    }
    // Back and Forward return to where the reader was; a new visit starts at its anchor or the top.
    article_->showArticle(*article, related, library.topicLabels(), location.anchor, location.position);
    showPage(AppPage::Article);
    if (record) {
        navigator.visit(Location{location.articleId, location.anchor, {}});
        session_.history()->record(location.articleId, location.anchor, article_->title());
    }
    Q_EMIT historyChanged();
    article_->browser()->setFocus(Qt::OtherFocusReason);
    Q_EMIT articleShown(location.articleId, location.anchor);
    return true;
}

void NavigationController::show(const Location& location)
{
    if (location.isSearch()) {
        showSearchPage();
        focusSearch();
    } else {
        showArticle(location, false);
    }
    Q_EMIT historyChanged();
}

void NavigationController::goBack()
{
    if (!session_.navigator().canGoBack())
        return;
    rememberReadingPosition();
    show(session_.navigator().back());
}

void NavigationController::goForward()
{
    if (!session_.navigator().canGoForward())
        return;
    rememberReadingPosition();
    show(session_.navigator().forward());
}

void NavigationController::goHome()
{
    if (!session_.library().isOpen())
        return;
    rememberReadingPosition();
    field_->setQueryText(QString());
    session_.search()->clearFilters();
    session_.navigator().visit(Location{});
    showPage(AppPage::Home);
    Q_EMIT historyChanged();
    focusSearch();
}

void NavigationController::focusSearch()
{
    field_->setFocus(Qt::ShortcutFocusReason);
    field_->selectAll();
}

void NavigationController::fillRecentlyRead(QMenu* menu)
{
    menu->clear();
    const QVector<Visit> visits = session_.history()->recent(15);
    if (visits.isEmpty())
        menu->addAction(tr("Nothing read yet"))->setEnabled(false);
    for (const Visit& visit : visits)
        menu->addAction(visit.title, this, [this, id = visit.articleId] { openArticle(id); });
}

void NavigationController::clearHistory(QWidget* dialogParent)
{
    const auto answer = QMessageBox::question(dialogParent, tr("Clear reading history"),
                                              tr("Forget which pages you have read? Bookmarks are kept."));
    if (answer != QMessageBox::Yes)
        return;
    session_.history()->clear();
    Q_EMIT statusMessage(tr("Reading history cleared."));
}

}  // namespace fibrokb::app

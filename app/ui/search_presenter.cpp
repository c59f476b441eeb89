#include "ui/search_presenter.h"

#include "core/app_session.h"
#include "core/result_list_model.h"
#include "core/search_controller.h"
#include "core/topic_filter_model.h"
#include "ui/filter_chips_bar.h"
#include "ui/filter_panel.h"
#include "ui/home_view.h"
#include "ui/navigation_controller.h"
#include "ui/results_view.h"
#include "ui/search_field.h"

#include <QLabel>

namespace fibrokb::app {

SearchPresenter::SearchPresenter(AppSession& session, NavigationController* navigation, const SearchViews& views,
                                 QObject* parent)
    : QObject(parent), session_(session), navigation_(navigation), views_(views)
{
    SearchController* search = session_.search();
    connect(search, &SearchController::resultsReady, this, &SearchPresenter::onResults);
    connect(search, &SearchController::homeReady, this, &SearchPresenter::onHome);
    connect(search, &SearchController::queryChanged, this, [this](const SearchQuery& query) {
        views_.chips->setQuery(query, session_.library().topicLabels());
        views_.filters->setQuery(query);
    });
    connect(search, &SearchController::busyChanged, this,
            [this](bool busy) { views_.busyLabel->setText(busy ? tr("Searching\u2026") : QString()); });
    connect(views_.results, &ResultsView::moreLikeRequested, this, &SearchPresenter::showPagesLike);
    connectField();
    connectFilters();
}

void SearchPresenter::showPagesLike(const QString& id, const QString& title)
{
    // The engine's related pages (an expand set of the result's own words), shown as a result list; the search
    // and its filters stay as they were, so Enter in the field brings its own results back.
    SearchAnswer like;
    like.query = session_.search()->query();
    like.items = session_.library().related(id, 10);
    like.total = int(like.items.size());
    like.likeTitle = title;
    showingPagesLike_ = true;
    session_.results()->setItems(like.items);
    views_.results->setAnswer(like, session_.topicInfo());
    if (!like.items.isEmpty()) {
        views_.results->setCurrentRow(0);
        views_.results->list()->setFocus();
    }
}

void SearchPresenter::connectField()
{
    SearchField* field = views_.field;
    ResultsView* results = views_.results;
    connect(field, &SearchField::queryEdited, this, &SearchPresenter::onTextEdited);
    connect(field, &SearchField::moveSelection, this, [this, results](int delta) {
        if (navigation_->currentPage() == AppPage::Results)
            results->moveCurrent(delta);
    });
    connect(field, &SearchField::activateCurrent, this, [this, field, results] {
        // Enter on a short search ("ME", "OT") searches it: only typing waits for three letters.
        // After "More like this", Enter in the field brings the search's own results back.
        if (showingPagesLike_ || field->typedText().trimmed() != session_.search()->query().text.trimmed()) {
            leaveOnAnswer_ = true;
            session_.search()->setText(field->typedText());
            session_.search()->submitNow();
            return;
        }
        if (navigation_->currentPage() == AppPage::Results && session_.results()->rowCount() > 0)
            results->activateCurrent();
    });
    connect(field, &SearchField::escapePressed, this, [field] {
        if (!field->text().isEmpty())
            field->setQueryText(QString());
    });
    connect(results, &ResultsView::correctionChosen, this, [this, field](const QString& text) {
        field->setQueryText(text);
        session_.search()->submitNow();
    });
}

void SearchPresenter::connectFilters()
{
    SearchController* search = session_.search();
    connect(session_.topics(), &TopicFilterModel::topicToggled, this, [this, search](const QString& topic, bool on) {
        search->toggleTopic(topic, on);
        showSearch();
    });
    connect(views_.filters, &FilterPanel::typeChosen, this, [this, search](const QString& type) {
        search->setType(type);
        showSearch();
    });
    connect(views_.filters, &FilterPanel::audienceChosen, this, [this, search](const QString& audience) {
        search->setAudience(audience);
        showSearch();
    });
    connect(views_.filters, &FilterPanel::clearRequested, search, &SearchController::clearFilters);
    connect(views_.results, &ResultsView::clearFiltersRequested, search, &SearchController::clearFilters);
    FilterChipsBar* chips = views_.chips;
    connect(chips, &FilterChipsBar::topicRemoved, this,
            [search](const QString& topic) { search->toggleTopic(topic, false); });
    connect(chips, &FilterChipsBar::typeRemoved, this, [search] { search->setType(QString()); });
    connect(chips, &FilterChipsBar::audienceRemoved, this, [search] { search->setAudience(QString()); });
    connect(chips, &FilterChipsBar::clearAllRequested, this, [this, search] {
        search->clearFilters();
        views_.field->setFocus(Qt::OtherFocusReason);
    });
    // A topic tile on the home page, or a topic named on the results page: browse that topic.
    auto browseTopic = [this, search](const QString& topic) {
        views_.field->setQueryText(QString());
        search->setTopics({topic});
        navigation_->showSearchPage();
    };
    connect(views_.results, &ResultsView::topicChosen, this, browseTopic);
    connect(views_.home, &HomeView::topicChosen, this, browseTopic);
}

void SearchPresenter::showSearch()
{
    navigation_->leaveArticleForSearch();
}

bool SearchPresenter::worthSuggesting(const QString& suggestion, const QString& fieldText, bool hasResults)
{
    if (suggestion.isEmpty())
        return false;
    const QString typed = fieldText.trimmed();
    // What the field already says (typed or completed) is no suggestion.
    if (suggestion.compare(typed, Qt::CaseInsensitive) == 0)
        return false;
    // While a word is being typed its start already finds pages ("sci" finds sciatica): a spelling
    // guess for that unfinished word ("Did you mean si?") only distracts.
    const bool typingLastWord = !fieldText.isEmpty() && !fieldText.back().isSpace();
    if (typingLastWord && hasResults) {
        const qsizetype lastSpace = typed.lastIndexOf(QLatin1Char(' '));
        const QString before = lastSpace < 0 ? QString() : typed.left(lastSpace);
        const qsizetype suggestionSpace = suggestion.lastIndexOf(QLatin1Char(' '));
        const QString suggestionBefore = suggestionSpace < 0 ? QString() : suggestion.left(suggestionSpace);
        if (before.compare(suggestionBefore, Qt::CaseInsensitive) == 0)
            return false;
    }
    return true;
}

bool SearchPresenter::tooShortToSearch(const QString& text)
{
    const QString trimmed = text.trimmed();
    return !trimmed.isEmpty() && trimmed.size() < kMinTypedLength;
}

void SearchPresenter::onTextEdited(const QString& text)
{
    // One or two letters match almost nothing useful and would flash "Nothing found" or a
    // spelling guess at every keystroke: what is shown stays until there is enough to search.
    if (tooShortToSearch(text))
        return;
    session_.search()->setText(text);
    // The page changes when the answer arrives, not before: no empty or stale page in between.
    leaveOnAnswer_ = true;
}

void SearchPresenter::startWithQuery(const QString& query)
{
    if (query.trimmed().isEmpty() || !session_.library().isOpen())
        return;
    views_.field->setQueryText(query);
    session_.search()->submitNow();
}

void SearchPresenter::onResults(const SearchAnswer& answer)
{
    // The home state's answer (empty query, no filters) carries the whole library's counts: the worker
    // reads them once per index generation, so nothing here reads the index.
    if (!answer.error.isEmpty()) {
        Q_EMIT libraryFailed(answer.error);
        return;
    }
    // A very long query: the field keeps at most maxLength() characters and the engine at most
    // kMaxQueryBytes bytes. Either way, say calmly that only the start was used.
    SearchField* field = views_.field;
    views_.queryNote->setVisible(answer.truncated || answer.query.text.size() >= field->maxLength());
    showingPagesLike_ = false;
    SearchAnswer shown = answer;
    if (!shown.showingCorrected && !worthSuggesting(shown.corrected, field->text(), !shown.items.isEmpty()))
        shown.corrected.clear();
    session_.results()->setItems(shown.items);
    views_.filters->setAnswer(shown);
    views_.chips->setQuery(shown.query, session_.library().topicLabels());
    views_.results->setAnswer(shown, session_.topicInfo());
    if (!answer.completion.isEmpty() && field->hasFocus() && answer.query.text == field->typedText())
        field->offerCompletion(answer.completion);
    const AppPage page = navigation_->currentPage();
    if (leaveOnAnswer_ && answer.query.text == session_.search()->query().text) {
        leaveOnAnswer_ = false;
        showSearch();
    } else if (page == AppPage::Home || page == AppPage::Results) {
        navigation_->showSearchPage();
    }
    Navigator& navigator = session_.navigator();
    if (navigator.size() == 0 && !(answer.query.isEmpty() && !answer.query.hasFilters()))
        navigator.visit(Location{});
}

void SearchPresenter::onHome(const HomeData& home)
{
    if (!home.error.isEmpty()) {
        Q_EMIT libraryFailed(home.error);
        return;
    }
    session_.setTopicInfo(home.topics);
    views_.home->setHome(home);
}

}  // namespace fibrokb::app

// Keeps what the reader sees of a search in step: the typed text goes to SearchController, and
// its answers fill the results, the filter panel, the chips and the home page. Filters chosen
// anywhere (panel, chips, a topic tile) change the query the same way.
#pragma once

#include "core/search_types.h"

#include <QObject>

class QLabel;

namespace fibrokb::app {

class AppSession;
class FilterChipsBar;
class FilterPanel;
class HomeView;
class NavigationController;
class ResultsView;
class SearchField;

struct SearchViews {
    SearchField* field = nullptr;
    QLabel* queryNote = nullptr;
    QLabel* busyLabel = nullptr;
    FilterChipsBar* chips = nullptr;
    FilterPanel* filters = nullptr;
    ResultsView* results = nullptr;
    HomeView* home = nullptr;
};

class SearchPresenter final : public QObject {
    Q_OBJECT
public:
    SearchPresenter(AppSession& session, NavigationController* navigation, const SearchViews& views, QObject* parent);

    // Typing searches from this many characters on; Enter searches anything.
    static constexpr int kMinTypedLength = 3;
    static bool tooShortToSearch(const QString& text);
    // A spelling suggestion is shown unless it is what the field says, or it only guesses at the
    // word still being typed while that word's start already finds pages.
    static bool worthSuggesting(const QString& suggestion, const QString& fieldText, bool hasResults);

    // Starts with a search (the command line).
    void startWithQuery(const QString& query);

Q_SIGNALS:
    void libraryFailed(const QString& error);

private:
    void connectField();
    void connectFilters();
    void onTextEdited(const QString& text);
    void onResults(const SearchAnswer& answer);
    void onHome(const HomeData& home);
    // "More like this" on a result: the pages like it, in place of the results.
    void showPagesLike(const QString& id, const QString& title);
    // The search or the filters changed: leave the article being read for the results.
    void showSearch();

    AppSession& session_;
    NavigationController* navigation_;
    SearchViews views_;
    bool leaveOnAnswer_ = false;     // typed while reading: show the results once they arrive
    bool showingPagesLike_ = false;  // the list shows "More like this", not the search's answer
};

}  // namespace fibrokb::app

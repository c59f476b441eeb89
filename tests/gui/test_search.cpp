// Searching: typing, stale answers, keyboard, filters with live counts, chips, spelling,
// the empty state and the home view.
#include "support/test_support.h"

#include "core/result_list_model.h"
#include "core/search_controller.h"
#include "core/topic_filter_model.h"
#include "ui/article_view.h"
#include "ui/filter_chips_bar.h"
#include "ui/filter_panel.h"
#include "ui/home_view.h"
#include "ui/result_delegate.h"
#include "ui/results_view.h"
#include "ui/search_field.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QCommandLinkButton>
#include <QLabel>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace fibrokb;
using app::MainWindow;
using app::ResultListModel;

TEST_CASE("Typing in the search field updates the results as you type", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    REQUIRE(window->currentPage() == MainWindow::Page::Home);
    window->searchField()->setCompletionEnabled(false);

    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    CHECK(window->currentPage() == MainWindow::Page::Results);
    const QStringList hip = test::resultIds(*window);
    CHECK(hip.contains(QStringLiteral("hip-outer")));
    CHECK(hip.contains(QStringLiteral("hip-exercise")));
    CHECK(window->resultsView()->summaryLabel()->text().contains(QStringLiteral("4 pages found")));

    REQUIRE(test::typeQuery(*window, QStringLiteral(" water")));
    CHECK(test::resultIds(*window) == QStringList{QStringLiteral("hip-exercise")});
    CHECK(window->resultsView()->summaryLabel()->text().contains(QStringLiteral("1 page found")));
}

TEST_CASE("When few pages have every word, the closest pages follow below a divider that is read out",
          "[gui][search][partial]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("hip water")));
    CHECK(test::resultIds(*window) == QStringList{QStringLiteral("hip-exercise")});
    const QStringList partial = test::partialResultIds(*window);
    REQUIRE_FALSE(partial.isEmpty());
    CHECK_FALSE(partial.contains(QStringLiteral("hip-exercise")));
    // The total counts the pages with every word only.
    CHECK(window->resultsView()->summaryLabel()->text().contains(QStringLiteral("1 page found")));

    auto* model = window->resultModel();
    const QModelIndex first = model->index(0, 0);
    const QModelIndex divided = model->index(1, 0);
    CHECK_FALSE(first.data(ResultListModel::StartsPartialRole).toBool());
    CHECK(divided.data(ResultListModel::StartsPartialRole).toBool());
    CHECK(divided.data(Qt::AccessibleTextRole).toString().startsWith(ResultListModel::partialDividerText()));
    if (model->rowCount() > 2)
        CHECK_FALSE(model->index(2, 0).data(ResultListModel::StartsPartialRole).toBool());

    // The divider takes room above the row: the row is taller than the same row without it.
    QListView* list = window->resultsView()->list();
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.rect = QRect(0, 0, list->viewport()->width(), 100);
    app::ResultItem same = *model->itemAt(1);
    same.partial = false;
    ResultListModel alone;
    alone.setItems({same});
    const int withDivider = list->itemDelegate()->sizeHint(option, divided).height();
    const int without = list->itemDelegate()->sizeHint(option, alone.index(0, 0)).height();
    CHECK(withDivider > without);
}

TEST_CASE("Answers to older requests are dropped and only the newest is shown", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    app::SearchController* search = window->searchController();
    QSignalSpy shown(search, &app::SearchController::resultsReady);

    // Three requests in flight at once: the worker may answer all of them, but the
    // window must only ever see the answer to the last one.
    search->setText(QStringLiteral("back"));
    search->submitNow();
    search->setText(QStringLiteral("heat"));
    search->submitNow();
    search->setText(QStringLiteral("water"));
    search->submitNow();
    REQUIRE(test::waitIdle(*window));
    // The worker answers in order, so the older answers arrived (and were dropped) before the last.
    QCoreApplication::processEvents();
    REQUIRE(shown.count() == 1);
    const auto answer = shown.at(0).at(0).value<app::SearchAnswer>();
    CHECK(answer.query.text == QStringLiteral("water"));
    CHECK(answer.seq == search->lastSeq());
    CHECK(test::resultIds(*window) == QStringList{QStringLiteral("hip-exercise")});
}

TEST_CASE("A keystroke is searched at once when no search is in flight", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    app::SearchController* search = window->searchController();
    REQUIRE(search->isIdle());
    QSignalSpy sent(search, &app::SearchController::searchSent);
    window->searchField()->setFocus();

    // One or two letters are not searched while typing (no "Nothing found for h" flashes).
    QTest::keyClicks(window->searchField(), QStringLiteral("he"));
    CHECK(sent.count() == 0);
    // No event loop turn and no timer between the third key and the request: it leaves with the key.
    QTest::keyClick(window->searchField(), Qt::Key_A);
    REQUIRE(sent.count() == 1);
    CHECK(sent.at(0).at(1).value<app::SearchQuery>().text == QStringLiteral("hea"));
    CHECK(search->isInFlight());
    CHECK_FALSE(search->hasPendingText());
    REQUIRE(test::waitIdle(*window));
    CHECK(sent.count() == 1);
}

TEST_CASE("Keys typed while a search is in flight become one more search for the newest text", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    app::SearchController* search = window->searchController();
    REQUIRE(search->isIdle());
    QSignalSpy sent(search, &app::SearchController::searchSent);
    QSignalSpy shown(search, &app::SearchController::resultsReady);
    window->searchField()->setFocus();

    QTest::keyClicks(window->searchField(), QStringLiteral("hea"));
    REQUIRE(sent.count() == 1);
    // The answer to "hea" cannot arrive before the event loop runs: these keys all find it in flight.
    QTest::keyClicks(window->searchField(), QStringLiteral("t pad"));
    CHECK(sent.count() == 1);
    CHECK(search->hasPendingText());
    CHECK_FALSE(search->isIdle());

    REQUIRE(test::waitIdle(*window));
    REQUIRE(sent.count() == 2);
    CHECK(sent.at(1).at(1).value<app::SearchQuery>().text == QStringLiteral("heat pad"));
    CHECK(sent.at(1).at(0).toULongLong() == search->lastSeq());
    // The answer for "hea" was typed past: only the newest text's answer is shown.
    REQUIRE(shown.count() == 1);
    CHECK(shown.at(0).at(0).value<app::SearchAnswer>().query.text == QStringLiteral("heat pad"));
    CHECK(test::resultIds(*window).first() == QStringLiteral("faq-common#is-a-heat-pad-safe"));
}

TEST_CASE("Down, Enter and Esc work from the search field and the list", "[gui][search][keyboard]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    CHECK(window->resultsView()->currentRow() == 0);
    QTest::keyClick(window->searchField(), Qt::Key_Down);
    CHECK(window->resultsView()->currentRow() == 1);
    CHECK(window->searchField()->hasFocus());  // the hands stay in the field
    const QString expected = window->resultModel()->index(1, 0).data(ResultListModel::ArticleIdRole).toString();
    QTest::keyClick(window->searchField(), Qt::Key_Return);
    REQUIRE(window->currentPage() == MainWindow::Page::Article);
    CHECK(window->articleView()->articleId() == expected);

    // Back to the list, move in it, and Esc returns to the field.
    window->goBack();
    REQUIRE(window->currentPage() == MainWindow::Page::Results);
    window->resultsView()->list()->setFocus();
    QTest::keyClick(window->resultsView()->list(), Qt::Key_Escape);
    CHECK(window->searchField()->hasFocus());
}

TEST_CASE("Result rows carry title, type badge, topics, highlighted snippet and date", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("heat pad")));
    auto* model = window->resultModel();
    REQUIRE(model->rowCount() >= 2);
    const QModelIndex faq = model->index(0, 0);
    CHECK(faq.data(ResultListModel::TypeRole).toString() == QStringLiteral("faq"));
    CHECK(faq.data(ResultListModel::TypeLabelRole).toString() == QStringLiteral("Question"));
    CHECK(faq.data(Qt::DisplayRole).toString() == QStringLiteral("Is a heat pad safe?"));
    CHECK(faq.data(ResultListModel::SnippetRole).toString().contains(QStringLiteral("<b>")));
    CHECK(faq.data(ResultListModel::ReviewedRole).toString() == QStringLiteral("1 May 2026"));
    CHECK(faq.data(ResultListModel::TopicLabelsRole).toStringList().contains(QStringLiteral("Back pain")));
    CHECK(faq.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Is a heat pad safe?")));
    const QModelIndex article = model->index(1, 0);
    CHECK(article.data(ResultListModel::TypeLabelRole).toString() == QStringLiteral("Article"));
    // The delegate gives every row room for its snippet.
    const QSize hint = window->resultsView()->list()->sizeHintForIndex(faq);
    CHECK(hint.height() > window->resultsView()->list()->fontMetrics().height() * 3);
}

TEST_CASE("Result rows are laid out once and reused for sizing and painting", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    QListView* list = window->resultsView()->list();
    auto* delegate = qobject_cast<app::ResultDelegate*>(list->itemDelegate());
    REQUIRE(delegate);
    const int rows = window->resultModel()->rowCount();
    REQUIRE(rows >= 2);
    for (int row = 0; row < rows; ++row)
        list->sizeHintForIndex(window->resultModel()->index(row, 0));
    list->viewport()->grab();  // paints the visible rows
    const int built = delegate->layoutsBuilt();
    CHECK(built >= rows);

    // Sizing and painting the same rows again lays out nothing new.
    for (int row = 0; row < rows; ++row)
        list->sizeHintForIndex(window->resultModel()->index(row, 0));
    list->viewport()->grab();
    CHECK(delegate->layoutsBuilt() == built);

    // The same answer again (empty the field, type the same text) reuses every row.
    REQUIRE(test::replaceQuery(*window, QStringLiteral("hip")));
    list->viewport()->grab();
    CHECK(delegate->layoutsBuilt() == built);
}

TEST_CASE("Topic counts honour the query and the other filters", "[gui][filters]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    auto* topics = window->topicModel();
    // Home: counts for the whole library.
    CHECK(topics->countOf(QStringLiteral("back-pain")) == 5);
    CHECK(topics->countOf(QStringLiteral("hip-pain")) == 5);
    CHECK(topics->countOf(QStringLiteral("exercise")) == 1);

    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    CHECK(topics->countOf(QStringLiteral("hip-pain")) == 3);
    CHECK(topics->countOf(QStringLiteral("exercise")) == 1);
    CHECK(topics->countOf(QStringLiteral("back-pain")) == 2);
    CHECK(topics->index(test::topicRow(*window, QStringLiteral("exercise")), 0).data().toString() ==
          QStringLiteral("Exercise (1)"));

    // A type filter changes the topic counts too.
    auto* type = window->filterPanel()->typeBox();
    CHECK(type->itemText(2) == QStringLiteral("Questions and answers (1)"));
    type->setCurrentIndex(2);
    Q_EMIT type->activated(2);
    REQUIRE(test::waitIdle(*window));
    CHECK(test::resultIds(*window) == QStringList{QStringLiteral("faq-common#can-hip-pain-come-from-the-back")});
    CHECK(topics->countOf(QStringLiteral("exercise")) == 0);
    CHECK(topics->countOf(QStringLiteral("back-pain")) == 1);
}

TEST_CASE("Ticking topics filters the results, OR within topics", "[gui][filters]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    auto* topics = window->topicModel();
    const QModelIndex exercise = topics->index(test::topicRow(*window, QStringLiteral("exercise")), 0);

    // Tick with the keyboard: select the row in the list and press Space.
    QListView* list = window->filterPanel()->topicList();
    list->setFocus();
    list->setCurrentIndex(exercise);
    QTest::keyClick(list, Qt::Key_Space);
    REQUIRE(test::waitIdle(*window));
    CHECK(exercise.data(Qt::CheckStateRole).toInt() == Qt::Checked);
    CHECK(window->searchController()->query().topics == QStringList{QStringLiteral("exercise")});
    CHECK(test::resultIds(*window) == QStringList{QStringLiteral("hip-exercise")});

    const QModelIndex back = topics->index(test::topicRow(*window, QStringLiteral("back-pain")), 0);
    REQUIRE(topics->setData(back, Qt::Checked, Qt::CheckStateRole));
    REQUIRE(test::waitIdle(*window));
    QStringList ids = test::resultIds(*window);
    ids.sort();
    CHECK(ids == QStringList{QStringLiteral("carer-guide"),
                             QStringLiteral("faq-common#can-hip-pain-come-from-the-back"),
                             QStringLiteral("hip-exercise")});
}

TEST_CASE("Active filters show as removable chips, and one click clears them", "[gui][filters]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    auto* topics = window->topicModel();
    topics->setData(topics->index(test::topicRow(*window, QStringLiteral("exercise")), 0), Qt::Checked,
                    Qt::CheckStateRole);
    topics->setData(topics->index(test::topicRow(*window, QStringLiteral("hip-pain")), 0), Qt::Checked,
                    Qt::CheckStateRole);
    window->filterPanel()->audienceBox()->setCurrentIndex(2);
    Q_EMIT window->filterPanel()->audienceBox()->activated(2);
    REQUIRE(test::waitIdle(*window));

    auto* chips = window->chipsBar();
    REQUIRE(chips->isVisible());
    REQUIRE(chips->chips().size() == 3);
    CHECK(chips->chips().at(0)->accessibleName() == QStringLiteral("Remove filter: Exercise"));
    const QPointer<QToolButton> clicked = chips->chips().at(0);
    QTest::mouseClick(chips->chips().at(0), Qt::LeftButton);
    REQUIRE(test::waitIdle(*window));
    CHECK(window->searchController()->query().topics == QStringList{QStringLiteral("hip-pain")});
    CHECK(topics->index(test::topicRow(*window, QStringLiteral("exercise")), 0).data(Qt::CheckStateRole).toInt() ==
          Qt::Unchecked);
    // The bar is rebuilt at once; the old chips go with deleteLater, so wait for the clicked one to go.
    REQUIRE(chips->chips().size() == 2);
    REQUIRE(QTest::qWaitFor([&] { return clicked.isNull(); }));
    CHECK(chips->findChildren<QToolButton*>(QStringLiteral("filterChip")).size() == 2);

    QTest::mouseClick(chips->clearAllButton(), Qt::LeftButton);
    REQUIRE(test::waitIdle(*window));
    CHECK_FALSE(window->searchController()->query().hasFilters());
    CHECK_FALSE(chips->isVisible());
    CHECK(test::resultIds(*window).size() == 4);
}

TEST_CASE("Written-for filter keeps pages for carers and pages for everyone", "[gui][filters]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    QComboBox* audience = window->filterPanel()->audienceBox();
    CHECK(audience->itemText(2) == QStringLiteral("Carers (3)"));
    audience->setCurrentIndex(2);
    Q_EMIT audience->activated(2);
    REQUIRE(test::waitIdle(*window));
    CHECK(test::resultIds(*window).size() == 3);
    CHECK(test::resultIds(*window).contains(QStringLiteral("carer-guide")));
    CHECK_FALSE(test::resultIds(*window).contains(QStringLiteral("hip-outer")));
    CHECK(window->chipsBar()->chips().size() == 1);
}

TEST_CASE("A misspelling offers a clickable correction", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("pregablin")));
    QLabel* correction = window->resultsView()->correctionLabel();
    REQUIRE(correction->isVisible());
    CHECK(correction->text().contains(QStringLiteral("pregabalin")));
    window->resultsView()->chooseCorrection();
    REQUIRE(test::waitIdle(*window));
    CHECK(window->searchField()->text() == QStringLiteral("pregabalin"));
    CHECK(test::resultIds(*window) == QStringList{QStringLiteral("hip-outer")});
}

TEST_CASE("Nothing found shows a kind empty state that offers browsing by topic", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("zzzqqq")));
    REQUIRE(window->resultsView()->isShowingEmptyState());
    auto* title = window->resultsView()->findChild<QLabel*>(QStringLiteral("emptyTitle"));
    REQUIRE(title);
    CHECK(title->text().contains(QStringLiteral("Nothing found for")));
    QPushButton* hipButton = nullptr;
    for (auto* button : window->resultsView()->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Hip pain"))
            hipButton = button;
    REQUIRE(hipButton);
    QTest::mouseClick(hipButton, Qt::LeftButton);
    REQUIRE(test::waitIdle(*window));
    CHECK(window->searchField()->text().isEmpty());
    CHECK(window->searchController()->query().topics == QStringList{QStringLiteral("hip-pain")});
    CHECK(test::resultIds(*window).size() == 5);  // browse: every hip page, A to Z
}

TEST_CASE("The home view lists topics with counts and the start-here pages", "[gui][home]")
{
    test::TestEnv env;
    auto window = env.window();
    app::HomeView* home = window->homeView();
    REQUIRE(QTest::qWaitFor([&] { return home->startHereCount() == 1; }, 5000));
    CHECK(home->topicButtonCount() == 3);
    QStringList labels;
    for (auto* button : home->findChildren<QCommandLinkButton*>(QStringLiteral("topicButton")))
        labels << button->text();
    CHECK(labels.contains(QStringLiteral("Hip pain (5)")));
    auto* start = home->findChild<QCommandLinkButton*>(QStringLiteral("startHereButton"));
    REQUIRE(start);
    CHECK(start->text() == QStringLiteral("Outer hip pain"));
    QTest::mouseClick(start, Qt::LeftButton);
    CHECK(window->currentPage() == MainWindow::Page::Article);
    CHECK(window->articleView()->articleId() == QStringLiteral("hip-outer"));
}

TEST_CASE("A topic on the home view browses that topic by title", "[gui][home]")
{
    test::TestEnv env;
    auto window = env.window();
    // The topics come with the worker's home answer: wait for them rather than assume they are in.
    REQUIRE(QTest::qWaitFor([&] { return window->homeView()->topicButtonCount() == 3; }, 5000));
    QCommandLinkButton* exercise = nullptr;
    for (auto* button : window->homeView()->findChildren<QCommandLinkButton*>(QStringLiteral("topicButton")))
        if (button->text().startsWith(QStringLiteral("Exercise")))
            exercise = button;
    REQUIRE(exercise);
    QTest::mouseClick(exercise, Qt::LeftButton);
    REQUIRE(test::waitIdle(*window));
    CHECK(window->currentPage() == MainWindow::Page::Results);
    CHECK(test::resultIds(*window) == QStringList{QStringLiteral("hip-exercise")});
    CHECK(window->chipsBar()->isVisible());
}

TEST_CASE("Completion from titles is offered inline and never changes what was searched", "[gui][search]")
{
    test::TestEnv env;
    auto window = env.window();
    app::SearchField* field = window->searchField();
    field->setCompletionEnabled(true);
    REQUIRE(test::typeQuery(*window, QStringLiteral("outer h")));
    REQUIRE(QTest::qWaitFor([&] { return field->hasCompletion(); }, 3000));
    CHECK(field->text().startsWith(QStringLiteral("outer h")));
    CHECK(field->text().size() > QStringLiteral("outer h").size());
    CHECK(field->typedText() == QStringLiteral("outer h"));
    CHECK(window->searchController()->query().text == QStringLiteral("outer h"));
    // Typing on simply replaces the suggestion.
    QTest::keyClick(field, Qt::Key_I);
    CHECK(field->typedText() == QStringLiteral("outer hi"));
    // The answer for "outer hi" offers a completion again; Right accepts it.
    REQUIRE(test::waitIdle(*window));
    REQUIRE(field->hasCompletion());
    const QString offered = field->text();
    CHECK(offered.startsWith(QStringLiteral("outer hi")));
    QTest::keyClick(field, Qt::Key_Right);
    CHECK(field->typedText() == offered);
    CHECK_FALSE(field->hasCompletion());
}

TEST_CASE("Typing one or two letters shows nothing alarming and keeps the page", "[gui][search][typing]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    app::SearchController* search = window->searchController();
    QSignalSpy sent(search, &app::SearchController::searchSent);
    REQUIRE(window->currentPage() == app::MainWindow::Page::Home);
    window->searchField()->setFocus();
    QTest::keyClicks(window->searchField(), QStringLiteral("hi"));
    CHECK(sent.count() == 0);
    CHECK(window->currentPage() == app::MainWindow::Page::Home);
    CHECK_FALSE(window->resultsView()->summaryLabel()->isVisible());

    // The third letter searches, and the results page appears with its answer, not before.
    QSignalSpy pages(window.get(), &app::MainWindow::pageChanged);
    QTest::keyClick(window->searchField(), Qt::Key_P);
    REQUIRE(sent.count() == 1);
    CHECK(window->currentPage() == app::MainWindow::Page::Home);
    REQUIRE(test::waitIdle(*window));
    REQUIRE(pages.count() == 1);
    CHECK(window->currentPage() == app::MainWindow::Page::Results);
    CHECK_FALSE(test::resultIds(*window).isEmpty());
    CHECK_FALSE(window->resultsView()->summaryLabel()->text().contains(QStringLiteral("Nothing")));
}

TEST_CASE("Enter searches a short word that typing alone does not", "[gui][search][typing]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    window->searchField()->setFocus();
    QTest::keyClicks(window->searchField(), QStringLiteral("hi"));
    REQUIRE(window->searchController()->query().text.isEmpty());
    QTest::keyClick(window->searchField(), Qt::Key_Return);
    CHECK(window->searchController()->query().text == QStringLiteral("hi"));
    REQUIRE(test::waitIdle(*window));
    CHECK(window->currentPage() == app::MainWindow::Page::Results);
}

TEST_CASE("Tab leaves the search field without changing the search", "[gui][search][keyboard][typing]")
{
    test::TestEnv env;
    auto window = env.window();
    window->show();
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    app::SearchField* field = window->searchField();
    field->setCompletionEnabled(true);
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("hip pai"));
    REQUIRE(test::waitIdle(*window));
    // The engine offers a completion for the last word: it is shown, selected, after the typed text.
    REQUIRE(field->hasCompletion());
    QTest::keyClick(field, Qt::Key_Tab);
    CHECK(field->text() == QStringLiteral("hip pai"));
    CHECK(field->typedText() == QStringLiteral("hip pai"));
    CHECK_FALSE(field->hasFocus());
    CHECK(window->searchController()->query().text == QStringLiteral("hip pai"));
}

TEST_CASE("No spelling guess for a word still being typed when its start finds pages", "[gui][search][typing]")
{
    using app::SearchPresenter;
    // "sci" finds sciatica as a prefix: "Did you mean si?" would only distract.
    CHECK_FALSE(SearchPresenter::worthSuggesting(QStringLiteral("si"), QStringLiteral("sci"), true));
    CHECK_FALSE(SearchPresenter::worthSuggesting(QStringLiteral("hip pain si"), QStringLiteral("hip pain sci"), true));
    // The same guess once the word is finished (a space typed), or when nothing was found, is offered.
    CHECK(SearchPresenter::worthSuggesting(QStringLiteral("si"), QStringLiteral("sci "), true));
    CHECK(SearchPresenter::worthSuggesting(QStringLiteral("sciatic"), QStringLiteral("sciatc"), false));
    // A misspelt earlier word is still worth a suggestion while the last one is typed.
    CHECK(SearchPresenter::worthSuggesting(QStringLiteral("hip pain"), QStringLiteral("hpi pai"), true));
    // Never what the field already says.
    CHECK_FALSE(SearchPresenter::worthSuggesting(QStringLiteral("Sciatic"), QStringLiteral("sciatic"), true));
    CHECK_FALSE(SearchPresenter::worthSuggesting(QString(), QStringLiteral("hip"), true));
}

TEST_CASE("More like this lists the pages like a result, and Enter in the field brings the results back",
          "[gui][search][related]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("bursitis")));
    const QStringList before = test::resultIds(*window);
    REQUIRE(before.contains(QStringLiteral("hip-outer")));
    QListView* list = window->resultsView()->list();
    const int row = int(before.indexOf(QStringLiteral("hip-outer")));
    window->resultsView()->setCurrentRow(row);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_M, Qt::ControlModifier);
    CHECK(window->resultsView()->summaryLabel()->text().contains(QStringLiteral("Pages like")));
    const QStringList like = test::resultIds(*window);
    REQUIRE_FALSE(like.isEmpty());
    CHECK_FALSE(like.contains(QStringLiteral("hip-outer")));  // never the page itself
    CHECK(list->hasFocus());

    window->searchField()->setFocus();
    QSignalSpy answered(window->searchController(), &app::SearchController::resultsReady);
    QTest::keyClick(window->searchField(), Qt::Key_Return);
    REQUIRE(answered.wait());
    CHECK(test::resultIds(*window) == before);
    CHECK_FALSE(window->resultsView()->summaryLabel()->text().contains(QStringLiteral("Pages like")));
}

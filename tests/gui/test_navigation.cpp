// Moving between pages as a reader does, on the bundled library's long pages: Back and Forward
// return to where the reader was on each page, and a search typed while reading leaves the page
// only once its answer is there.
#include "support/test_support.h"

#include "core/search_controller.h"
#include "ui/article_view.h"
#include "ui/safe_text_browser.h"
#include "ui/search_field.h"

#include <catch2/catch.hpp>

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace fibrokb;

namespace {

int scrollValue(app::MainWindow& window)
{
    return window.articleView()->browser()->verticalScrollBar()->value();
}

}  // namespace

TEST_CASE("Back and Forward return to where the reader had scrolled", "[gui][navigation]")
{
    test::TestEnv env;
    REQUIRE_FALSE(test::bundledIndex().isEmpty());
    auto window = env.window(test::bundledIndex());
    REQUIRE(window->openArticle(QStringLiteral("what-is-fibromyalgia")));
    QScrollBar* bar = window->articleView()->browser()->verticalScrollBar();
    REQUIRE(QTest::qWaitFor([&] { return bar->maximum() > 600; }));

    // The reader pages down to the middle of the page (real keys: the scroll is theirs).
    window->articleView()->browser()->setFocus();
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(window->articleView()->browser(), Qt::Key_PageDown);
    const int reading = scrollValue(*window);
    REQUIRE(reading > 300);
    const app::ReadingPosition where = window->articleView()->readingPosition();
    REQUIRE_FALSE(where.isTop());

    REQUIRE(window->openArticle(QStringLiteral("pacing")));
    CHECK(scrollValue(*window) == 0);  // a new page starts at its top

    window->goBack();
    REQUIRE(window->articleView()->articleId() == QStringLiteral("what-is-fibromyalgia"));
    REQUIRE(QTest::qWaitFor([&] { return window->articleView()->readingPosition() == where; }));
    CHECK(std::abs(scrollValue(*window) - reading) <= 2);

    window->goForward();
    REQUIRE(window->articleView()->articleId() == QStringLiteral("pacing"));
    CHECK(window->articleView()->readingPosition().isTop());
}

TEST_CASE("A search typed while reading leaves the page when its answer arrives", "[gui][navigation][typing]")
{
    test::TestEnv env;
    auto window = env.window();
    REQUIRE(window->openArticle(QStringLiteral("hip-outer")));
    QSignalSpy answers(window->searchController(), &app::SearchController::resultsReady);
    window->searchField()->setFocus();
    QTest::keyClicks(window->searchField(), QStringLiteral("back"));
    // Nothing has been answered yet: the page stays, with no empty results page in between.
    CHECK(window->currentPage() == app::MainWindow::Page::Article);
    REQUIRE(answers.wait(8000));
    REQUIRE(test::waitIdle(*window));
    CHECK(window->currentPage() == app::MainWindow::Page::Results);
    CHECK_FALSE(test::resultIds(*window).isEmpty());
    // Back returns to the page that was being read.
    window->goBack();
    CHECK(window->articleView()->articleId() == QStringLiteral("hip-outer"));
}

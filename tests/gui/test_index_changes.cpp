// A library that changes under the running app. Damaged or deleted index files become the
// index-problem page with the engine's message (never a crash), whether a search or a page
// lookup meets them first; a rebuild into the same folder is picked up without a restart.
#include "support/test_support.h"
#include "temp_library.h"

#include "core/search_controller.h"
#include "ui/article_view.h"
#include "ui/index_problem_page.h"
#include "ui/search_field.h"

#include <fibrokb/searcher.h>

#include <catch2/catch.hpp>

#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace fibrokb;
using app::MainWindow;

namespace {

// The fixture corpus plus enough filler pages that each table spans many blocks, so the damaged
// blocks are not all still in Xapian's memory from earlier reads. Built once; each test damages a copy.
QString pristineIndex()
{
    static test::TempLibrary library;
    static const bool built = [] {
        const QStringList words = {QStringLiteral("stretch"), QStringLiteral("walk"),  QStringLiteral("pool"),
                                   QStringLiteral("rest"),    QStringLiteral("heat"),  QStringLiteral("sleep"),
                                   QStringLiteral("pacing"),  QStringLiteral("bands"), QStringLiteral("yoga")};
        for (int i = 0; i < 240; ++i) {
            QString body;
            for (int p = 0; p < 6; ++p)
                body += QStringLiteral("Water exercise note %1 part %2: %3 and %4 help some people with hip pain, "
                                       "and %5 helps others on a bad day.\n\n")
                            .arg(i)
                            .arg(p)
                            .arg(words[(i + p) % words.size()], words[(i * 7 + p) % words.size()],
                                 words[(i * 3 + p * 5) % words.size()]);
            library.addArticle(QStringLiteral("filler-%1").arg(i), QStringLiteral("Filler page %1").arg(i), body);
        }
        return library.build();
    }();
    return built ? library.index() : QString();
}

enum class Damage { TruncatePostlist, GarbagePostlist, GarbageDocdata, TruncateTermlist, DeleteFolder };

const char* damageName(Damage damage)
{
    switch (damage) {
    case Damage::TruncatePostlist:
        return "postlist.glass truncated";
    case Damage::GarbagePostlist:
        return "postlist.glass overwritten";
    case Damage::GarbageDocdata:
        return "docdata.glass overwritten";
    case Damage::TruncateTermlist:
        return "termlist.glass truncated";
    case Damage::DeleteFolder:
        return "index folder deleted";
    }
    return "";
}

bool damageIndex(const QString& indexDir, Damage damage)
{
    const QString generation = test::liveGenerationDir(indexDir);
    if (generation.isEmpty())
        return false;
    const QDir gen(generation);
    switch (damage) {
    case Damage::TruncatePostlist:
        return test::truncateFile(gen.filePath(QStringLiteral("postlist.glass")), 0);
    case Damage::GarbagePostlist:
        return test::overwriteWithGarbage(gen.filePath(QStringLiteral("postlist.glass")));
    case Damage::GarbageDocdata:
        return test::overwriteWithGarbage(gen.filePath(QStringLiteral("docdata.glass")));
    case Damage::TruncateTermlist:
        return test::truncateFile(gen.filePath(QStringLiteral("termlist.glass")), 0);
    case Damage::DeleteFolder:
        return QDir(indexDir).removeRecursively() && !QDir(indexDir).exists();
    }
    return false;
}

bool waitForPage(MainWindow& window, MainWindow::Page page, int timeoutMs = 8000)
{
    return QTest::qWaitFor([&] { return window.currentPage() == page; }, timeoutMs);
}

// After the problem page: rebuild the index where it was and press "Try again".
void checkRecovery(MainWindow& window, const QString& indexDir)
{
    QString log;
    REQUIRE_FALSE(test::buildIndexFrom(QStringLiteral(FIBROKB_TEST_CORPUS), indexDir, &log).isEmpty());
    QPushButton* retry = nullptr;
    for (QPushButton* button : window.indexProblemPage()->findChildren<QPushButton*>())
        if (button->text().contains(QStringLiteral("Try again")))
            retry = button;
    REQUIRE(retry != nullptr);
    QTest::mouseClick(retry, Qt::LeftButton);
    REQUIRE(waitForPage(window, MainWindow::Page::Home));
    REQUIRE(test::waitIdle(window));
    INFO(window.indexProblemPage()->text().toStdString());
    CHECK(window.isLibraryOpen());
    CHECK(window.searchField()->isEnabled());
    REQUIRE(test::typeQuery(window, QStringLiteral("heat pad")));
    CHECK(window.currentPage() == MainWindow::Page::Results);
    CHECK_FALSE(test::resultIds(window).isEmpty());
    CHECK(window.openArticle(QStringLiteral("hip-outer")));
}

}  // namespace

TEST_CASE("A damaged or deleted index met by a search shows the problem page and the app lives on",
          "[gui][index-changes]")
{
    // Not a truncated term list: a search no longer reads term lists (facets come from a value slot and
    // snippets from the query's own terms), so that damage is met when a page is opened and its related pages
    // are looked up, which the next test covers.
    const Damage damage =
        GENERATE(Damage::TruncatePostlist, Damage::GarbagePostlist, Damage::GarbageDocdata, Damage::DeleteFolder);
    INFO(damageName(damage));
    REQUIRE_FALSE(pristineIndex().isEmpty());
    test::TestEnv env;
    const QString index = env.file(QStringLiteral("index"));
    REQUIRE(test::copyTree(pristineIndex(), index));
    auto window = env.window(index);
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(window->currentPage() == MainWindow::Page::Home);
    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    REQUIRE(window->currentPage() == MainWindow::Page::Results);

    REQUIRE(damageIndex(index, damage));
    REQUIRE(test::replaceQuery(*window, QStringLiteral("water exercise")));
    REQUIRE(waitForPage(*window, MainWindow::Page::IndexProblem));
    const QString text = window->indexProblemPage()->text();
    CHECK(text.contains(QStringLiteral("missing or damaged")));
    CHECK(text.contains(QStringLiteral("Details:")));
    CHECK(text.contains(index.toHtmlEscaped()));
    CHECK_FALSE(window->isLibraryOpen());
    CHECK_FALSE(window->searchField()->isEnabled());
    // Page lookups after the failure report the same page, not a crash.
    CHECK_FALSE(window->openArticle(QStringLiteral("hip-outer")));
    CHECK(window->currentPage() == MainWindow::Page::IndexProblem);

    checkRecovery(*window, index);
}

TEST_CASE("A damaged or deleted index met by opening a page shows the problem page and the app lives on",
          "[gui][index-changes]")
{
    const Damage damage = GENERATE(Damage::TruncatePostlist, Damage::GarbagePostlist, Damage::GarbageDocdata,
                                   Damage::TruncateTermlist, Damage::DeleteFolder);
    INFO(damageName(damage));
    REQUIRE_FALSE(pristineIndex().isEmpty());
    test::TestEnv env;
    const QString index = env.file(QStringLiteral("index"));
    REQUIRE(test::copyTree(pristineIndex(), index));
    auto window = env.window(index);
    REQUIRE(window->currentPage() == MainWindow::Page::Home);

    REQUIRE(damageIndex(index, damage));
    // Pages not read before, so the lookup has to go to the damaged files.
    bool opened = window->openArticle(QStringLiteral("carer-guide"));
    if (opened)
        opened = window->openArticle(QStringLiteral("hip-exercise"));
    CHECK_FALSE(opened);
    REQUIRE(waitForPage(*window, MainWindow::Page::IndexProblem));
    CHECK(window->indexProblemPage()->text().contains(QStringLiteral("missing or damaged")));
    CHECK_FALSE(window->isLibraryOpen());
    CHECK_FALSE(window->searchField()->isEnabled());
    // The menus that read the library do not bring it back to life by accident.
    CHECK(window->bookmarkCurrent() == nullptr);
    CHECK(window->library().documentCount() == 0);

    checkRecovery(*window, index);
}

TEST_CASE("A rebuild into the same folder is found without restarting", "[gui][index-changes]")
{
    test::TempLibrary library;
    REQUIRE(library.build());
    test::TestEnv env;
    auto window = env.window(library.index());
    window->searchField()->setCompletionEnabled(false);
    const QString firstGeneration = window->library().generation();
    REQUIRE_FALSE(firstGeneration.isEmpty());
    QSignalSpy switched(window->searchController(), &app::SearchController::generationChanged);

    REQUIRE(test::typeQuery(*window, QStringLiteral("zebrafinch")));
    CHECK_FALSE(test::resultIds(*window).contains(QStringLiteral("finch-walks")));

    REQUIRE(
        library.addArticle(QStringLiteral("finch-walks"), QStringLiteral("Walks with a zebrafinch"),
                           QStringLiteral("A short zebrafinch walk each morning can ease stiff hips.\n\n"
                                          "## Starting out\n\nWalk slowly with your zebrafinch for five minutes.\n")));
    QString log;
    REQUIRE(library.build(&log));
    INFO(log.toStdString());

    // The same words again: the worker notices the new generation before searching.
    REQUIRE(test::replaceQuery(*window, QStringLiteral("zebrafinch")));
    CHECK(test::resultIds(*window).contains(QStringLiteral("finch-walks")));
    CHECK(switched.count() == 1);
    CHECK(window->currentPage() == MainWindow::Page::Results);

    // The page lookups follow too.
    REQUIRE(test::openResult(*window, QStringLiteral("finch-walks")));
    CHECK(window->articleView()->plainText().contains(QStringLiteral("zebrafinch walk each morning")));
    CHECK(window->library().generation() != firstGeneration);
    CHECK(window->library().generation().toStdString() == fibrokb::liveGeneration(library.index().toStdString()));

    // Two more rebuilds: the first generation is deleted by now, and the app still follows.
    REQUIRE(library.addArticle(QStringLiteral("otter-swims"), QStringLiteral("Swimming like an otter"),
                               QStringLiteral("Warm water and slow otterlike strokes ease hip pain.\n")));
    REQUIRE(library.build());
    REQUIRE(library.build());
    CHECK_FALSE(QDir(library.index()).exists(firstGeneration));
    window->goHome();
    REQUIRE(test::replaceQuery(*window, QStringLiteral("otterlike")));
    CHECK(test::resultIds(*window).contains(QStringLiteral("otter-swims")));
    REQUIRE(test::openResult(*window, QStringLiteral("otter-swims")));
    CHECK(window->currentPage() == MainWindow::Page::Article);
    CHECK(window->isLibraryOpen());
}

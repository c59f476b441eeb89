// Reading: opening results, the page itself, links, back/forward, history, find, zoom,
// contents, print to PDF and read aloud.
#include "support/test_support.h"

#include "core/app_settings.h"
#include "core/history_store.h"
#include "core/result_list_model.h"
#include "ui/article_view.h"
#include "ui/find_bar.h"
#include "ui/read_aloud.h"
#include "ui/results_view.h"
#include "ui/safe_text_browser.h"
#include "ui/search_field.h"

#include <catch2/catch.hpp>

#include <QImage>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace fibrokb;
using app::MainWindow;

namespace {

// Clicks the link whose href is `href` in the article text, like a person would.
bool clickLink(app::ArticleView* view, const QString& href)
{
    app::SafeTextBrowser* browser = view->browser();
    QTextDocument* doc = browser->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref() != href)
                continue;
            QTextCursor cursor(doc);
            cursor.setPosition(fragment.position() + 1);
            browser->setTextCursor(cursor);
            browser->ensureCursorVisible();
            const QRect rect = browser->cursorRect(cursor);
            QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, rect.center());
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("Opening a result shows the article with its date, sources and disclaimer", "[gui][article]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("water")));
    REQUIRE(test::openResult(*window, QStringLiteral("hip-exercise")));
    const QString text = window->articleView()->plainText();
    CHECK(text.contains(QStringLiteral("Exercises for hip pain")));
    CHECK(text.contains(QStringLiteral("Warm water takes weight off the joints")));
    CHECK(text.contains(QStringLiteral("Checked against its sources on 10 January 2026")));
    CHECK(text.contains(QStringLiteral("Next check due by 10 January 2028")));
    CHECK(text.contains(QStringLiteral("Sources")));
    CHECK(text.contains(QStringLiteral("Aquatic exercise training for fibromyalgia")));
    CHECK(text.contains(QStringLiteral("not been reviewed by a clinician")));
    // The engine's safe HTML: no script text, javascript: link removed, picture as its alt text.
    CHECK_FALSE(text.contains(QStringLiteral("alert(")));
    CHECK(window->windowTitle().startsWith(QStringLiteral("Exercises for hip pain")));
    CHECK(window->articleView()->browser()->hasFocus());
}

TEST_CASE("An FAQ result opens its page at the question", "[gui][article]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("heat pad")));
    window->resultsView()->setCurrentRow(0);
    window->resultsView()->activateCurrent();
    REQUIRE(window->currentPage() == MainWindow::Page::Article);
    CHECK(window->articleView()->articleId() == QStringLiteral("faq-common"));
    CHECK(window->navigator().current().anchor == QStringLiteral("is-a-heat-pad-safe"));
    CHECK(window->articleView()->contents()->currentItem()->data(Qt::UserRole).toString() ==
          QStringLiteral("is-a-heat-pad-safe"));
}

TEST_CASE("Internal links open pages in the app, with their section", "[gui][links]")
{
    test::TestEnv env;
    auto window = env.window();
    REQUIRE(window->openArticle(QStringLiteral("carer-guide")));
    REQUIRE(clickLink(window->articleView(), QStringLiteral("hip-outer")));
    REQUIRE(window->currentPage() == MainWindow::Page::Article);
    CHECK(window->articleView()->articleId() == QStringLiteral("hip-outer"));

    REQUIRE(window->openArticle(QStringLiteral("carer-guide")));
    REQUIRE(clickLink(window->articleView(), QStringLiteral("faq-common#is-a-heat-pad-safe")));
    CHECK(window->articleView()->articleId() == QStringLiteral("faq-common"));
    CHECK(window->navigator().current().anchor == QStringLiteral("is-a-heat-pad-safe"));
    CHECK(window->articleView()->browser()->verticalScrollBar()->value() > 0);
}

TEST_CASE("External links need a yes first and remote resources are never loaded", "[gui][links]")
{
    test::TestEnv env;
    auto window = env.window();
    QList<QUrl> asked, opened;
    bool answer = false;
    window->setExternalLinkHandlers(
        [&](const QUrl& url) {
            asked << url;
            return answer;
        },
        [&](const QUrl& url) { opened << url; });
    REQUIRE(window->openArticle(QStringLiteral("hip-exercise")));
    REQUIRE(clickLink(window->articleView(), QStringLiteral("https://www.nhs.uk")));
    CHECK(asked.size() == 1);
    CHECK(opened.isEmpty());
    CHECK(window->articleView()->articleId() == QStringLiteral("hip-exercise"));
    answer = true;
    REQUIRE(clickLink(window->articleView(), QStringLiteral("https://www.nhs.uk")));
    REQUIRE(opened.size() == 1);
    CHECK(opened.first() == QUrl(QStringLiteral("https://www.nhs.uk")));
    // Source links are marked as needing the internet.
    CHECK(window->articleView()->plainText().contains(QStringLiteral("needs internet")));

    app::SafeTextBrowser* browser = window->articleView()->browser();
    const int blockedBefore = browser->blockedResourceCount();
    CHECK_FALSE(browser->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://example.com/p.png")))
                    .isValid());
    CHECK_FALSE(
        browser->loadResource(QTextDocument::StyleSheetResource, QUrl(QStringLiteral("http://example.com/a.css")))
            .isValid());
    CHECK_FALSE(
        browser->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/passwd"))).isValid());
    CHECK(browser->blockedResourceCount() == blockedBefore + 3);
}

TEST_CASE("Back and forward move through results and pages (Alt+Left, Alt+Right)", "[gui][navigation]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
    REQUIRE(test::openResult(*window, QStringLiteral("hip-exercise")));
    REQUIRE(clickLink(window->articleView(), QStringLiteral("back-basics#what-helps")));
    REQUIRE(window->articleView()->articleId() == QStringLiteral("back-basics"));

    QTest::keyClick(window.get(), Qt::Key_Left, Qt::AltModifier);
    CHECK(window->articleView()->articleId() == QStringLiteral("hip-exercise"));
    QTest::keyClick(window.get(), Qt::Key_Left, Qt::AltModifier);
    CHECK(window->currentPage() == MainWindow::Page::Results);
    CHECK(window->searchField()->text() == QStringLiteral("hip"));
    CHECK(window->findChild<QAction*>(QStringLiteral("actionForward"))->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::AltModifier);
    CHECK(window->currentPage() == MainWindow::Page::Article);
    CHECK(window->articleView()->articleId() == QStringLiteral("hip-exercise"));
    window->findChild<QAction*>(QStringLiteral("actionForward"))->trigger();
    CHECK(window->articleView()->articleId() == QStringLiteral("back-basics"));
    CHECK(window->navigator().current().anchor == QStringLiteral("what-helps"));
    CHECK_FALSE(window->findChild<QAction*>(QStringLiteral("actionForward"))->isEnabled());
}

TEST_CASE("Reading history is kept across restarts and can be cleared", "[gui][history]")
{
    test::TestEnv env;
    {
        auto window = env.window();
        REQUIRE(window->openArticle(QStringLiteral("back-basics")));
        REQUIRE(window->openArticle(QStringLiteral("hip-outer")));
        REQUIRE(window->openArticle(QStringLiteral("back-basics")));
    }
    app::HistoryStore history(env.history());
    REQUIRE(history.open());
    const auto recent = history.recent(10);
    REQUIRE(recent.size() == 2);
    CHECK(recent.at(0).articleId == QStringLiteral("back-basics"));
    CHECK(recent.at(1).title == QStringLiteral("Outer hip pain"));
    history.clear();
    CHECK(history.recent(10).isEmpty());
    app::HistoryStore again(env.history());
    REQUIRE(again.open());
    CHECK(again.count() == 0);
}

TEST_CASE("Find in page highlights matches and counts them", "[gui][article]")
{
    test::TestEnv env;
    auto window = env.window();
    REQUIRE(window->openArticle(QStringLiteral("hip-exercise")));
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    app::FindBar* find = window->articleView()->findBar();
    REQUIRE(find->isVisible());
    REQUIRE(find->field()->hasFocus());
    QTest::keyClicks(find->field(), QStringLiteral("water"));
    const int expected = window->articleView()->plainText().count(QStringLiteral("water"), Qt::CaseInsensitive);
    CHECK(find->matchCount() == expected);
    CHECK(find->statusText() == QStringLiteral("1 of %1").arg(expected));
    QTest::keyClick(find->field(), Qt::Key_Return);
    CHECK(find->statusText() == QStringLiteral("2 of %1").arg(expected));
    CHECK(window->articleView()->browser()->extraSelections().size() == expected);
    QTest::keyClicks(find->field(), QStringLiteral("zzz"));
    CHECK(find->statusText() == QStringLiteral("No matches"));
    QTest::keyClick(find->field(), Qt::Key_Escape);
    CHECK_FALSE(find->isVisible());
    CHECK(window->articleView()->browser()->extraSelections().isEmpty());
}

TEST_CASE("Zoom changes the page text size and is remembered", "[gui][article][settings]")
{
    test::TestEnv env;
    {
        auto window = env.window();
        REQUIRE(window->openArticle(QStringLiteral("hip-outer")));
        const qreal before = window->articleView()->browser()->font().pointSizeF();
        QTest::keyClick(window.get(), Qt::Key_Plus, Qt::ControlModifier);
        QTest::keyClick(window.get(), Qt::Key_Plus, Qt::ControlModifier);
        CHECK(window->articleView()->zoomPercent() == 120);
        CHECK(window->articleView()->browser()->font().pointSizeF() > before);
        QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
        CHECK(window->articleView()->zoomPercent() == 110);
    }
    app::AppSettings settings(env.settings());
    CHECK(settings.zoomPercent() == 110);
    auto again = env.window();
    CHECK(again->articleView()->zoomPercent() == 110);
}

TEST_CASE("The contents list the sections and jump to them", "[gui][article]")
{
    test::TestEnv env;
    auto window = env.window();
    window->resize(900, 400);
    REQUIRE(window->openArticle(QStringLiteral("back-basics")));
    QListWidget* contents = window->articleView()->contents();
    QStringList entries;
    for (int i = 0; i < contents->count(); ++i)
        entries << contents->item(i)->data(Qt::UserRole).toString();
    CHECK(entries.contains(QStringLiteral("what-helps")));
    CHECK(entries.contains(QStringLiteral("what-helps-2")));  // a repeated heading keeps its own anchor
    CHECK(entries.contains(QStringLiteral("fibrokb-sources")));
    QScrollBar* bar = window->articleView()->browser()->verticalScrollBar();
    bar->setValue(0);
    const int row = int(entries.indexOf(QStringLiteral("fibrokb-sources")));
    contents->setFocus();
    contents->setCurrentRow(row);
    QTest::keyClick(contents, Qt::Key_Return);
    CHECK(bar->value() > 0);
}

TEST_CASE("Export as PDF writes the article with its sources", "[gui][print]")
{
    test::TestEnv env;
    auto window = env.window();
    REQUIRE(window->openArticle(QStringLiteral("hip-outer")));
    const QString html = window->currentArticlePrintHtml();
    CHECK(html.contains(QStringLiteral("LEAP trial")));
    CHECK(html.contains(QStringLiteral("https://doi.org/10.1136/bmj.k1662")));
    const QString pdf = env.file(QStringLiteral("outer-hip.pdf"));
    QString error;
    REQUIRE(window->exportCurrentArticlePdf(pdf, &error));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.size() > 1000);
    CHECK(file.read(5) == QByteArray("%PDF-"));
    CHECK(window->findChild<QAction*>(QStringLiteral("actionPrint"))->isEnabled());
    CHECK(window->findChild<QAction*>(QStringLiteral("actionPrint"))->shortcut() == QKeySequence::Print);
}

namespace {
// The darkest and the lightest opaque pixel of a drawing, by lightness.
std::pair<int, int> inkRange(const QImage& image)
{
    int darkest = 255, lightest = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() < 250)
                continue;
            darkest = qMin(darkest, c.lightness());
            lightest = qMax(lightest, c.lightness());
        }
    return {darkest, lightest};
}
}  // namespace

TEST_CASE("A page's drawing is shown in the page's ink, follows the dark theme and goes into the PDF",
          "[gui][article][images]")
{
    test::TestEnv env;
    auto window = env.window();
    REQUIRE(window->openArticle(QStringLiteral("back-basics")));
    QTextDocument* doc = window->articleView()->browser()->document();
    const QUrl url(QStringLiteral("fibrokb-image:knee-roll.svg"));
    const QImage light = doc->resource(QTextDocument::ImageResource, url).value<QImage>();
    REQUIRE_FALSE(light.isNull());
    CHECK(light.width() > 100);
    CHECK(inkRange(light).second < 100);  // drawn in the dark page text colour, nothing light
    // Nothing was fetched: the drawing came from the index, not from a file or the network.
    CHECK(window->articleView()->browser()->blockedResourceCount() == 0);

    window->applySettings(12, app::Theme::Dark, true);
    const QImage dark =
        window->articleView()->browser()->document()->resource(QTextDocument::ImageResource, url).value<QImage>();
    REQUIRE_FALSE(dark.isNull());
    CHECK(inkRange(dark).first > 150);  // light lines on the dark page

    const QString pdf = env.file(QStringLiteral("drawing.pdf"));
    REQUIRE(window->exportCurrentArticlePdf(pdf));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().contains("/Subtype /Image"));
}

TEST_CASE("Read aloud is offered only with a voice, otherwise disabled with a note", "[gui][speech]")
{
    test::TestEnv env;
    auto options = env.options();
    options.probeSpeech = true;
    app::MainWindow window(options);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openArticle(QStringLiteral("hip-outer")));
    QAction* read = window.findChild<QAction*>(QStringLiteral("actionReadAloud"));
    REQUIRE(read);
    app::ReadAloud* reader = window.readAloud();
    // Say which branch ran, so a machine without a voice is visible in the test log.
    WARN("read aloud available on this machine: " << (reader->isAvailable() ? "yes" : "no") << " "
                                                  << reader->unavailableReason().toStdString());
    if (reader->isAvailable()) {
        CHECK(read->isEnabled());
    } else {
        CHECK_FALSE(read->isEnabled());
        CHECK_FALSE(reader->unavailableReason().isEmpty());
        CHECK(read->toolTip() == reader->unavailableReason());
        auto* note = window.findChild<QLabel*>(QStringLiteral("readAloudNote"));
        REQUIRE(note);
        CHECK(note->text() == reader->unavailableReason());
    }
    reader->setRate(0.5);
    CHECK(reader->rate() == Approx(0.5));
    reader->stop();
    CHECK(reader->state() == app::ReadAloud::State::Idle);
}

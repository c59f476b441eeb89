// Reading at any size, with any input: a page opens at the question asked (after layout, at
// 800x600 and 1366x768), Back can bring the reading position back, "On this page" follows the
// text, keyboard focus shows in every theme, 200% text fits, and printing is readable on paper.
#include "support/test_support.h"
#include "temp_library.h"

#include "core/app_settings.h"
#include "core/article_library.h"
#include "core/article_page.h"
#include "core/result_list_model.h"
#include "ui/article_view.h"
#include "ui/contents_delegate.h"
#include "ui/home_link_button.h"
#include "ui/home_view.h"
#include "ui/printing.h"
#include "ui/results_view.h"
#include "ui/safe_text_browser.h"
#include "ui/theme.h"

#include <catch2/catch.hpp>

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QVBoxLayout>

using namespace fibrokb;

namespace {

const QString kLongPage = QStringLiteral("long-questions");
const QString kLongTitle = QStringLiteral("Understanding fibromyalgia and widespread musculoskeletal tenderness");

// A page long enough that every question can be scrolled to the top of an 800x600 view, with
// sub-headings and headings long enough to wrap in the contents list.
QString longPageBody()
{
    QString body = QStringLiteral("Short answers to questions people ask about hip pain at night.\n\n");
    for (int i = 1; i <= 12; ++i) {
        body += QStringLiteral("## Why does my outer hip hurt at night, question %1?\n\n").arg(i);
        for (int p = 0; p < 3; ++p)
            body += QStringLiteral("Lying on the sore side presses on the tendons at the side of the hip. A pillow "
                                   "between the knees keeps the hips level and eases the pressure. Paragraph %1.\n\n")
                        .arg(p + 1);
        if (i % 3 == 0)
            body += QStringLiteral("### A smaller point about sleeping positions and pillows for question %1\n\n"
                                   "Try the other side first, then your back.\n\n")
                        .arg(i);
    }
    body += QStringLiteral(
        "Read [back pain basics](back-basics) and the [NHS page](https://www.nhs.uk/conditions/fibromyalgia/).\n");
    return body;
}

// One index for this file: the fixture corpus and the long page, built by the real fibrokb-index.
QString readingIndex()
{
    static test::TempLibrary library;
    static const bool built = library.addArticle(kLongPage, kLongTitle, longPageBody()) && library.build();
    return built ? library.index() : QString();
}

struct OpenLibrary {
    app::ArticleLibrary library;
    explicit OpenLibrary(const QString& index) { library.open(index); }
    fibrokb::Article article(const QString& id) const { return library.article(id).value_or(fibrokb::Article{}); }
};

// A top-level window of a given size holding one widget, active so that focus is real.
struct Window {
    QWidget top;
    explicit Window(QWidget* child, QSize size)
    {
        auto* layout = new QVBoxLayout(&top);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(child);
        top.resize(size);
        top.show();
        QApplication::setActiveWindow(&top);
        QApplication::sendPostedEvents();
    }
};

int anchorBlockTop(app::ArticleView* view, const QString& anchor)
{
    QTextDocument* doc = view->browser()->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().anchorNames().contains(anchor))
                return qRound(doc->documentLayout()->blockBoundingRect(block).top());
    return -1;
}

QString anchorOfQuestion(int n)
{
    return QStringLiteral("why-does-my-outer-hip-hurt-at-night-question-%1").arg(n);
}

// The application font at twice its size while it lives (for widgets made after it).
struct DoubleTextSize {
    QFont saved = QApplication::font();
    DoubleTextSize()
    {
        QFont big = saved;
        big.setPointSizeF(saved.pointSizeF() * 2);
        QApplication::setFont(big);
    }
    ~DoubleTextSize() { QApplication::setFont(saved); }
};

// A theme for the whole application while it lives.
struct ThemeInForce {
    QFont savedFont = QApplication::font();
    explicit ThemeInForce(app::Theme theme) { app::applyAppearance(qApp, theme, savedFont.pointSize()); }
    ~ThemeInForce()
    {
        app::applyAppearance(qApp, app::Theme::System, savedFont.pointSize());
        QApplication::setFont(savedFont);
    }
};

bool near(QColor a, QColor b)
{
    return qAbs(a.red() - b.red()) <= 8 && qAbs(a.green() - b.green()) <= 8 && qAbs(a.blue() - b.blue()) <= 8;
}

// Whether the 2 px ring is drawn along the left edge of `rect` in `image`, in `colour`.
bool ringAt(const QImage& image, const QRect& rect, QColor colour)
{
    const int y = rect.center().y();
    return near(image.pixelColor(rect.left() + 1, y), colour) && near(image.pixelColor(rect.left() + 2, y), colour);
}

int pdfPages(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    return int(QString::fromLatin1(file.readAll()).count(page));
}

}  // namespace

TEST_CASE("A page opened at a question shows that question at the top at 800x600 and 1366x768", "[gui][reading]")
{
    const QString index = readingIndex();
    REQUIRE_FALSE(index.isEmpty());
    test::TestEnv env;
    auto window = env.window(index);
    window->resize(800, 600);
    const QString anchor = anchorOfQuestion(7);
    REQUIRE(window->openArticle(kLongPage, anchor));
    QApplication::sendPostedEvents();
    app::ArticleView* view = window->articleView();
    QScrollBar* bar = view->browser()->verticalScrollBar();
    REQUIRE(bar->value() > 0);
    CHECK(qAbs(anchorBlockTop(view, anchor) - bar->value()) <= 3);
    CHECK(view->contents()->currentItem()->data(Qt::UserRole).toString() == anchor);

    // The text reflows at another width: the question is put back at the top.
    window->resize(1366, 768);
    QApplication::sendPostedEvents();
    CHECK(view->isHoldingPlace());
    CHECK(qAbs(anchorBlockTop(view, anchor) - bar->value()) <= 3);

    // Once the reader scrolls, a resize no longer pulls the page back to the question.
    QTest::keyClick(view->browser(), Qt::Key_PageDown);
    CHECK_FALSE(view->isHoldingPlace());
    const int afterReading = bar->value();
    CHECK(afterReading > anchorBlockTop(view, anchor));
    window->resize(800, 600);
    QApplication::sendPostedEvents();
    CHECK(qAbs(anchorBlockTop(view, anchor) - bar->value()) > 3);
}

TEST_CASE("An anchor given before the view has its size is scrolled to after layout", "[gui][reading]")
{
    const QString index = readingIndex();
    REQUIRE_FALSE(index.isEmpty());
    OpenLibrary library(index);
    REQUIRE(library.library.isOpen());
    // Shown the way the main window does it: the page is filled while the view is hidden and
    // small, then the view is shown at its real size.
    auto* view = new app::ArticleView;
    view->resize(300, 200);
    const QString anchor = anchorOfQuestion(5);
    view->showArticle(library.article(kLongPage), {}, library.library.topicLabels(), anchor);
    Window window(view, QSize(800, 600));
    QScrollBar* bar = view->browser()->verticalScrollBar();
    REQUIRE(view->browser()->viewport()->width() > 300);
    REQUIRE(bar->value() > 0);
    CHECK(qAbs(anchorBlockTop(view, anchor) - bar->value()) <= 3);
    // Zoom reflows the text too: the question stays at the top.
    view->setZoomPercent(150);
    CHECK(qAbs(anchorBlockTop(view, anchor) - bar->value()) <= 3);
}

TEST_CASE("The reading position comes back in the same page after zoom and at another width", "[gui][reading]")
{
    const QString index = readingIndex();
    REQUIRE_FALSE(index.isEmpty());
    OpenLibrary library(index);
    auto* view = new app::ArticleView;
    Window window(view, QSize(1000, 700));
    const fibrokb::Article page = library.article(kLongPage);
    view->showArticle(page, {}, library.library.topicLabels());
    CHECK(view->readingPosition().isTop());
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(view->browser(), Qt::Key_PageDown);
    QScrollBar* bar = view->browser()->verticalScrollBar();
    const int scrolled = bar->value();
    REQUIRE(scrolled > 0);
    const app::ReadingPosition position = view->readingPosition();
    REQUIRE_FALSE(position.isTop());

    // Another page, then back: the same place.
    view->showArticle(library.article(QStringLiteral("hip-outer")), {}, library.library.topicLabels());
    CHECK(bar->value() == 0);
    view->showArticle(page, {}, library.library.topicLabels(), QString(), position);
    CHECK(qAbs(bar->value() - scrolled) <= 2);
    CHECK(view->readingPosition().block == position.block);

    // Larger text: the same words stay at the top.
    view->setZoomPercent(180);
    CHECK(view->readingPosition().block == position.block);

    // A narrower window, then the position restored: the same block is at the top.
    view->setZoomPercent(100);
    window.top.resize(800, 600);
    QApplication::sendPostedEvents();
    view->showArticle(library.article(QStringLiteral("hip-outer")), {}, library.library.topicLabels());
    view->showArticle(page, {}, library.library.topicLabels(), QString(), position);
    CHECK(view->readingPosition().block == position.block);
}

TEST_CASE("On this page follows scrolling and wrapped entries keep their indent", "[gui][reading]")
{
    const QString index = readingIndex();
    REQUIRE_FALSE(index.isEmpty());
    OpenLibrary library(index);
    auto* view = new app::ArticleView;
    Window window(view, QSize(800, 600));
    view->showArticle(library.article(kLongPage), {}, library.library.topicLabels());
    QListWidget* contents = view->contents();
    REQUIRE(contents->count() > 10);
    CHECK(contents->currentRow() == 0);

    // The reader pages down: the current entry is always the section at the top of the text.
    QStringList seen;
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(view->browser(), Qt::Key_PageDown);
        const QString current = contents->currentItem()->data(Qt::UserRole).toString();
        CHECK(current == view->sectionAt(QPoint(0, view->browser()->fontMetrics().height())).anchor);
        seen << current;
    }
    seen.removeDuplicates();
    CHECK(seen.size() >= 4);

    // Entries: no leading spaces; a sub-heading's text starts further right on every line; every
    // entry's wrapped text fits its row and the list never scrolls sideways.
    contents->doItemsLayout();
    QStyleOptionViewItem option;
    option.initFrom(contents);
    option.font = contents->font();
    int topLeft = -1, subLeft = -1, wrapped = 0;
    for (int i = 0; i < contents->count(); ++i) {
        QListWidgetItem* item = contents->item(i);
        const QModelIndex modelIndex = contents->model()->index(i, 0);
        CHECK_FALSE(item->text().startsWith(QLatin1Char(' ')));
        const QRect rect = contents->visualItemRect(item);
        CHECK(rect.width() <= contents->viewport()->width());
        const QRect text = app::ContentsDelegate::textRect(option, modelIndex, rect);
        const QRect needed =
            contents->fontMetrics().boundingRect(QRect(0, 0, text.width(), 100000), Qt::TextWordWrap, item->text());
        CHECK(needed.height() <= text.height());
        if (needed.height() > contents->fontMetrics().height() * 3 / 2)
            ++wrapped;
        const int level = item->data(app::ContentsDelegate::LevelRole).toInt();
        (level == 3 ? subLeft : topLeft) = text.left();
    }
    CHECK(wrapped > 0);
    CHECK(subLeft > topLeft);
    CHECK(contents->horizontalScrollBar()->maximum() == 0);
}

TEST_CASE("Keyboard focus shows as a ring in light dark and high-contrast themes", "[gui][reading][focus]")
{
    const QString index = readingIndex();
    REQUIRE_FALSE(index.isEmpty());
    OpenLibrary library(index);
    const app::Theme theme = GENERATE(app::Theme::Light, app::Theme::Dark, app::Theme::HighContrast);
    ThemeInForce force(theme);

    SECTION("results list: the focused current row differs from a selected row")
    {
        app::ResultListModel model;
        model.setItems(library.library.related(QStringLiteral("hip-outer"), 4));
        REQUIRE(model.rowCount() >= 2);
        auto* results = new app::ResultsView(&model);
        Window window(results, QSize(800, 600));
        QListView* list = results->list();
        results->setCurrentRow(1);
        const QRect row = list->visualRect(model.index(1, 0));
        const QPalette palette = list->palette();
        list->clearFocus();
        const QImage selectedOnly = list->viewport()->grab().toImage();
        list->setFocus();
        REQUIRE(list->hasFocus());
        const QImage focused = list->viewport()->grab().toImage();
        CHECK(focused != selectedOnly);
        CHECK(ringAt(focused, row, app::focusRingColor(palette, true)));
        CHECK_FALSE(ringAt(selectedOnly, row, app::focusRingColor(palette, true)));
    }
    SECTION("home page: the focused tile has the ring and Enter and Space open that tile")
    {
        app::HomeData home;
        home.topics = library.library.topics();
        home.startHere = library.library.related(QStringLiteral("hip-outer"), 2);
        auto* view = new app::HomeView;
        view->setHome(home);
        Window window(view, QSize(800, 600));
        const auto tiles = view->findChildren<app::HomeLinkButton*>();
        REQUIRE(tiles.size() >= 3);
        QSignalSpy articles(view, &app::HomeView::articleChosen);
        QSignalSpy topics(view, &app::HomeView::topicChosen);
        tiles.first()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto* focused = qobject_cast<app::HomeLinkButton*>(QApplication::focusWidget());
        REQUIRE(focused);
        CHECK(focused != tiles.first());
        // The ring is on the focused tile, and on no other.
        for (app::HomeLinkButton* tile : tiles) {
            const QImage image = tile->grab().toImage();
            CHECK(ringAt(image, tile->rect(), app::focusRingColor(tile->palette(), false)) == (tile == focused));
        }
        QTest::keyClick(focused, Qt::Key_Return);
        QTest::keyClick(focused, Qt::Key_Space);
        CHECK(articles.size() + topics.size() == 2);
        const bool isTopic = focused->objectName() == QLatin1String("topicButton");
        CHECK((isTopic ? topics : articles).size() == 2);
    }
    SECTION("On this page: the current entry has the ring while the list has focus")
    {
        auto* view = new app::ArticleView;
        Window window(view, QSize(800, 600));
        view->showArticle(library.article(kLongPage), {}, library.library.topicLabels());
        QListWidget* contents = view->contents();
        contents->setFocus();
        REQUIRE(contents->hasFocus());
        contents->setCurrentRow(2);
        const QRect row = contents->visualItemRect(contents->item(2));
        const QImage image = contents->viewport()->grab().toImage();
        CHECK(ringAt(image, row, app::focusRingColor(contents->palette(), true)));
    }
}

TEST_CASE("At 200% text the home page and the article fit 800x600 and 1366x768", "[gui][reading][large-text]")
{
    const QString index = readingIndex();
    REQUIRE_FALSE(index.isEmpty());
    OpenLibrary library(index);
    const QSize size = GENERATE(QSize(800, 600), QSize(1366, 768));
    CAPTURE(size.width(), size.height());
    DoubleTextSize large;
    const qreal textPoints = QApplication::font().pointSizeF();

    SECTION("home page: headings and links scale with the intro and nothing is cut")
    {
        app::HomeData home;
        home.topics = library.library.topics();
        home.startHere = library.library.related(QStringLiteral("hip-outer"), 3);
        auto* view = new app::HomeView;
        view->setHome(home);
        Window window(view, size);
        QApplication::sendPostedEvents();
        CHECK_FALSE(view->horizontalScrollBar()->isVisible());
        CHECK(view->widget()->width() <= view->viewport()->width());
        auto* intro = view->findChild<QLabel*>(QStringLiteral("homeIntro"));
        REQUIRE(intro);
        CHECK(intro->font().pointSizeF() == Approx(textPoints));
        for (QLabel* label : view->findChildren<QLabel*>()) {
            CHECK(label->heightForWidth(label->width()) <= label->height());
            CHECK(label->geometry().right() <= view->viewport()->width());
        }
        const auto headings = view->findChildren<QLabel*>(QStringLiteral("homeHeading"));
        REQUIRE_FALSE(headings.isEmpty());
        for (QLabel* heading : headings)
            CHECK(heading->font().pointSizeF() > textPoints);
        const auto tiles = view->findChildren<app::HomeLinkButton*>();
        REQUIRE(tiles.size() >= 3);
        for (app::HomeLinkButton* tile : tiles) {
            CHECK(tile->titleFont().pointSizeF() >= textPoints);
            CHECK(tile->descriptionFont().pointSizeF() == Approx(textPoints));
            CHECK(tile->heightForWidth(tile->width()) <= tile->height());
            CHECK(tile->minimumSizeHint().width() <= tile->width());
            CHECK(tile->geometry().right() <= view->viewport()->width());
        }
    }
    SECTION("article: the title breaks only at spaces and contents entries wrap")
    {
        auto* view = new app::ArticleView;
        Window window(view, size);
        view->showArticle(library.article(kLongPage), {}, library.library.topicLabels());
        QApplication::sendPostedEvents();
        QTextDocument* doc = view->browser()->document();
        const QTextBlock title = doc->begin();
        REQUIRE(title.text().contains(QStringLiteral("fibromyalgia")));
        QTextLayout* layout = title.layout();
        // At double text size the long title wraps at both sizes, so the check below sees every break.
        REQUIRE(layout->lineCount() >= 2);
        for (int i = 0; i + 1 < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            const int end = line.textStart() + line.textLength();
            CAPTURE(title.text().mid(line.textStart(), line.textLength()));
            CHECK(title.text().at(end - 1).isSpace());
        }
        CHECK(view->browser()->horizontalScrollBar()->maximum() == 0);
        QListWidget* contents = view->contents();
        contents->doItemsLayout();
        CHECK(contents->horizontalScrollBar()->maximum() == 0);
        QStyleOptionViewItem option;
        option.initFrom(contents);
        option.font = contents->font();
        REQUIRE(contents->count() > 10);
        for (int i = 0; i < contents->count(); ++i) {
            const QRect rect = contents->visualItemRect(contents->item(i));
            const QRect text = app::ContentsDelegate::textRect(option, contents->model()->index(i, 0), rect);
            const QRect needed = contents->fontMetrics().boundingRect(QRect(0, 0, text.width(), 100000),
                                                                      Qt::TextWordWrap, contents->item(i)->text());
            CHECK(needed.height() <= text.height());
            CHECK(needed.width() <= text.width());
        }
    }
}

TEST_CASE("A printed page has 12 pt text plain links and the disclaimer with the title", "[gui][print]")
{
    const QString index = readingIndex();
    REQUIRE_FALSE(index.isEmpty());
    OpenLibrary library(index);
    const fibrokb::Article page = library.article(kLongPage);
    app::PageOptions options;
    options.forPrint = true;
    const QString html = app::ArticlePage::html(page, {}, library.library.topicLabels(), options);
    CHECK(html.contains(QStringLiteral("body { font-size: 12pt; }")));
    // Links are words on paper; an external one keeps its address.
    CHECK_FALSE(html.contains(QStringLiteral("<a href")));
    CHECK(html.contains(QStringLiteral("back pain basics")));
    CHECK(html.contains(QStringLiteral("NHS page (https://www.nhs.uk/conditions/fibromyalgia/)")));
    // The disclaimer comes straight after the title and dates, before the first word of the body, and
    // nothing follows the sources.
    const qsizetype disclaimer = html.indexOf(QStringLiteral("class=\"disclaimer\""));
    REQUIRE(disclaimer > 0);
    CHECK(disclaimer < html.indexOf(QStringLiteral("Short answers to questions")));
    CHECK(html.count(QStringLiteral("class=\"disclaimer\"")) == 1);
    CHECK(html.mid(html.lastIndexOf(QStringLiteral("</ol>"))) == QStringLiteral("</ol></body></html>"));

    options.largePrint = true;
    const QString large = app::ArticlePage::html(page, {}, library.library.topicLabels(), options);
    CHECK(large.contains(QStringLiteral("body { font-size: 16pt; }")));

    // Through the real export: a short page is one page (the disclaimer does not spill onto a second),
    // and large print takes more pages than regular print for a long one.
    test::TestEnv env;
    auto window = env.window(index);
    REQUIRE(window->openArticle(QStringLiteral("hip-outer")));
    const QString shortPdf = env.file(QStringLiteral("short.pdf"));
    REQUIRE(window->exportCurrentArticlePdf(shortPdf));
    CHECK(pdfPages(shortPdf) == 1);
    const QString regularPdf = env.file(QStringLiteral("regular.pdf"));
    const QString largePdf = env.file(QStringLiteral("large.pdf"));
    REQUIRE(app::exportHtmlToPdf(html, page.title.c_str(), regularPdf));
    REQUIRE(app::exportHtmlToPdf(large, page.title.c_str(), largePdf));
    CHECK(pdfPages(regularPdf) >= 2);
    CHECK(pdfPages(largePdf) > pdfPages(regularPdf));
}

TEST_CASE("Sources end each part with one full stop", "[gui][print][sources]")
{
    fibrokb::Source source;
    source.by = "Bidonde J, et al.";
    source.title = "Aquatic exercise training for fibromyalgia";
    source.year = "2014";
    CHECK(app::ArticlePage::sourceLine(source, true) ==
          QStringLiteral("Bidonde J, et al. <i>Aquatic exercise training for fibromyalgia</i>. 2014."));
    source.by = "NICE";
    source.title = "Is exercise safe?";
    source.year.clear();
    CHECK(app::ArticlePage::sourceLine(source, false) == QStringLiteral("NICE. <i>Is exercise safe?</i>"));

    // And in a real page's Sources list, on screen and on paper.
    OpenLibrary library(test::fixtureIndex());
    const fibrokb::Article page = library.article(QStringLiteral("hip-exercise"));
    REQUIRE_FALSE(page.sources.empty());
    app::PageOptions print;
    print.forPrint = true;
    for (const app::PageOptions& options : {app::PageOptions{}, print}) {
        const QString html = app::ArticlePage::html(page, {}, library.library.topicLabels(), options);
        CHECK(html.contains(QStringLiteral("et al. <i>")));
        CHECK_FALSE(html.contains(QStringLiteral("et al..")));
    }
}

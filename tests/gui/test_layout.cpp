// Layout on small screens and with large text, as readers use the app: the real window on the
// real bundled library, on an 800x600 screen at the normal text size, and on a 1366x768 laptop
// screen with text twice the normal size, set in the app or by the desktop. These tests are hidden from the normal run
// ("[.]"): CMake runs them once per screen, each under an offscreen screen of that size (tests/gui/screens/*.json),
// because a screen's size is fixed when the application starts.
#include "support/test_support.h"

#include "core/app_settings.h"
#include "ui/article_view.h"
#include "ui/bookmarks_panel.h"
#include "ui/results_view.h"
#include "ui/search_field.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <QToolButton>

using namespace fibrokb;

namespace {

QString describe(const QWidget* w)
{
    QString text;
    if (const auto* label = qobject_cast<const QLabel*>(w))
        text = label->text();
    else if (const auto* button = qobject_cast<const QAbstractButton*>(w))
        text = button->text();
    else if (const auto* combo = qobject_cast<const QComboBox*>(w))
        text = combo->currentText();
    return QStringLiteral("%1 \"%2\" (%3, %4x%5 needs %6x%7)")
        .arg(QString::fromLatin1(w->metaObject()->className()), text.left(60), w->objectName())
        .arg(w->width())
        .arg(w->height())
        .arg(w->sizeHint().width())
        .arg(w->sizeHint().height());
}

// Visible labels, buttons and combo boxes whose text does not fit the space they were given.
// A word-wrapped label needs its height for its width; anything else needs its size hint.
QStringList clippedTexts(QWidget* root)
{
    QStringList clipped;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        // Qt's own parts (a line edit's clear button) size themselves.
        if (!w->isVisible() || w->width() <= 0 || w->objectName().startsWith(QLatin1String("qt_")) ||
            w->inherits("QLineEditIconButton"))
            continue;
        if (auto* label = qobject_cast<QLabel*>(w)) {
            if (label->text().isEmpty() || label->pixmap().isNull() == false)
                continue;
            const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height() + 1
                                                : label->sizeHint().width() <= label->width() + 1;
            if (!fits)
                clipped << describe(w);
        } else if (qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w)) {
            if (w->sizeHint().width() > w->width() + 1 || w->sizeHint().height() > w->height() + 1)
                clipped << describe(w);
        }
    }
    return clipped;
}

// Side panels scroll up and down when the window is short, never sideways: a sideways scroll
// hides the end of every row behind the panel's edge.
QStringList sidewaysScrolling(QWidget* root)
{
    QStringList found;
    for (QScrollArea* area : root->findChildren<QScrollArea*>())
        if (area->isVisible() && area->horizontalScrollBar()->isVisible())
            found << area->objectName();
    return found;
}

// The window as a reader would first see it: its own first size, not a test's.
std::unique_ptr<app::MainWindow> firstWindow(const test::TestEnv& env, const QString& index, int fontPoint)
{
    {
        app::AppSettings settings(env.settings());
        settings.setFontPointSize(fontPoint);
        settings.setDisclaimerAccepted(true);
        settings.sync();
    }
    auto window = std::make_unique<app::MainWindow>(env.options(index));
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    REQUIRE(test::waitIdle(*window));
    return window;
}

QString bundledLibrary()
{
    return test::bundledIndex();
}

void checkEveryPage(app::MainWindow& window)
{
    const QRect screen = window.screen()->availableGeometry();
    INFO("window " << window.frameGeometry().width() << "x" << window.frameGeometry().height() << " on a screen of "
                   << screen.width() << "x" << screen.height());
    CHECK(screen.contains(window.frameGeometry()));

    SECTION("home page")
    {
        CHECK(window.currentPage() == app::MainWindow::Page::Home);
        const QStringList clipped = clippedTexts(&window);
        INFO(clipped.join(QLatin1Char('\n')).toStdString());
        CHECK(clipped.isEmpty());
    }
    SECTION("results with filters")
    {
        REQUIRE(test::typeQuery(window, QStringLiteral("hip pain at night")));
        REQUIRE(window.currentPage() == app::MainWindow::Page::Results);
        const QStringList clipped = clippedTexts(&window);
        INFO(clipped.join(QLatin1Char('\n')).toStdString());
        CHECK(clipped.isEmpty());
        CHECK(screen.contains(window.frameGeometry()));
    }
    SECTION("an article with the bookmarks panel open")
    {
        REQUIRE(window.openArticle(QStringLiteral("what-is-fibromyalgia")));
        window.toggleBookmarksPanel();
        REQUIRE(window.bookmarksDock()->isVisible());
        QCoreApplication::processEvents();
        const QStringList clipped = clippedTexts(&window);
        INFO(clipped.join(QLatin1Char('\n')).toStdString());
        CHECK(clipped.isEmpty());
        CHECK(screen.contains(window.frameGeometry()));
        CHECK(sidewaysScrolling(&window).isEmpty());
        // Every toolbar command stays in sight (none hidden behind an overflow arrow).
        auto* toolbar = window.findChild<QWidget*>(QStringLiteral("mainToolbar"));
        REQUIRE(toolbar != nullptr);
        const QList<QToolButton*> buttons = toolbar->findChildren<QToolButton*>();
        CHECK(buttons.size() == 8);
        for (QToolButton* button : buttons) {
            INFO(button->text().toStdString());
            CHECK(button->isVisible());
            CHECK(toolbar->rect().contains(button->geometry()));
        }
    }
}

}  // namespace

TEST_CASE("On an 800x600 screen the whole window fits and no text is cut off", "[.][layout-800x600]")
{
    REQUIRE(QGuiApplication::primaryScreen()->geometry().size() == QSize(800, 600));
    test::TestEnv env;
    REQUIRE_FALSE(bundledLibrary().isEmpty());
    auto window = firstWindow(env, bundledLibrary(), app::AppSettings::kDefaultFontPoint);
    checkEveryPage(*window);
}

TEST_CASE("With text at 200 percent on a 1366x768 screen the window fits and no text is cut off",
          "[.][layout-1366x768-200]")
{
    REQUIRE(QGuiApplication::primaryScreen()->geometry().size() == QSize(1366, 768));
    test::TestEnv env;
    REQUIRE_FALSE(bundledLibrary().isEmpty());
    auto window = firstWindow(env, bundledLibrary(), 2 * app::AppSettings::kDefaultFontPoint);
    CHECK(window->font().pointSize() == 2 * app::AppSettings::kDefaultFontPoint);
    checkEveryPage(*window);
}

TEST_CASE("At the desktop's 200 percent on a 1366x768 screen the window fits and no text is cut off",
          "[.][layout-1366x768-system200]")
{
    // Qt scales the whole window by two: the screen is 683x384 logical pixels.
    REQUIRE(QGuiApplication::primaryScreen()->geometry().size() == QSize(683, 384));
    REQUIRE(QGuiApplication::primaryScreen()->devicePixelRatio() == Approx(2.0));
    test::TestEnv env;
    REQUIRE_FALSE(bundledLibrary().isEmpty());
    auto window = firstWindow(env, bundledLibrary(), app::AppSettings::kDefaultFontPoint);
    // The page gets the width: the filters wait behind their toolbar button, "On this page" steps aside.
    CHECK_FALSE(window->filtersDock()->isVisible());
    checkEveryPage(*window);
}

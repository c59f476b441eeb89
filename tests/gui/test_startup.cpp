// Start-up: command line, a missing or corrupt index, the disclaimer, accessibility,
// shortcuts in Help, settings and the remembered window layout.
#include "support/test_support.h"

#include "core/app_settings.h"
#include "core/command_line.h"
#include "core/disclaimer.h"
#include "core/search_controller.h"
#include "ui/about_dialogs.h"
#include "ui/article_view.h"
#include "ui/add_bookmark_dialog.h"
#include "ui/index_problem_page.h"
#include "ui/results_view.h"
#include "ui/search_field.h"
#include "ui/settings_dialog.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextEdit>

using namespace fibrokb;
using app::MainWindow;

namespace {

// Every control a person can reach must have a name a screen reader can say.
QStringList unnamedControls(QWidget* root)
{
    QStringList unnamed;
    const auto widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                             qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w) ||
                             qobject_cast<QTextEdit*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
                             qobject_cast<QAbstractSlider*>(w) || qobject_cast<QAbstractSpinBox*>(w);
        if (!control || w->inherits("QScrollBar") || qobject_cast<QLineEdit*>(w->parentWidget()) ||
            qobject_cast<QComboBox*>(w->parentWidget()) || qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
            w->inherits("QDockWidgetTitleButton") || w->inherits("QToolBarExtension") || w->inherits("QHeaderView") ||
            w->inherits("QTableCornerButton") || w->inherits("QComboBoxListView") ||
            w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name) : QString();
        if (name.trimmed().isEmpty())
            unnamed << QStringLiteral("%1 (%2)").arg(w->objectName(),
                                                     QString::fromLatin1(w->metaObject()->className()));
    }
    return unnamed;
}

}  // namespace

TEST_CASE("The command line takes a query, --index, --check, --help and --version", "[gui][startup]")
{
    auto options = app::parseCommandLine({QStringLiteral("fibrokb"), QStringLiteral("--index"),
                                          QStringLiteral("/some/index"), QStringLiteral("water exercise")});
    CHECK_FALSE(options.exitNow);
    CHECK(options.indexDir == QStringLiteral("/some/index"));
    CHECK(options.indexSource == QStringLiteral("--index"));
    CHECK_FALSE(options.check);
    CHECK(options.query == QStringLiteral("water exercise"));

    options = app::parseCommandLine({QStringLiteral("fibrokb"), QStringLiteral("--version")});
    CHECK(options.exitNow);
    CHECK(options.exitCode == 0);
    CHECK(options.message.startsWith(QStringLiteral("fibrokb ")));

    options = app::parseCommandLine({QStringLiteral("fibrokb"), QStringLiteral("--help")});
    CHECK(options.exitNow);
    CHECK(options.message.contains(QStringLiteral("--index")));
    CHECK(options.message.contains(QStringLiteral("FIBROKB_INDEX")));
    CHECK(options.message.contains(QStringLiteral("share/fibrokb/index")));
    CHECK(options.message.contains(QStringLiteral("--check")));

    options = app::parseCommandLine({QStringLiteral("fibrokb"), QStringLiteral("--no-such-option")});
    CHECK(options.exitNow);
    CHECK(options.exitCode == 2);

    options = app::parseCommandLine({QStringLiteral("fibrokb")});
    CHECK_FALSE(options.indexDir.isEmpty());
    CHECK(options.query.isEmpty());
}

TEST_CASE("Starting with a query shows its results at once", "[gui][startup]")
{
    test::TestEnv env;
    auto window = env.window();
    window->startWithQuery(QStringLiteral("heat pad"));
    REQUIRE(test::waitIdle(*window));
    CHECK(window->currentPage() == MainWindow::Page::Results);
    CHECK(window->searchField()->text() == QStringLiteral("heat pad"));
    CHECK(test::resultIds(*window).size() == 2);
    CHECK(window->searchField()->hasFocus());
}

TEST_CASE("A missing index gives a clear message with how to rebuild, not a crash", "[gui][startup]")
{
    test::TestEnv env;
    const QString missing = env.file(QStringLiteral("no-index-here"));
    auto window = env.window(missing);
    REQUIRE(window->currentPage() == MainWindow::Page::IndexProblem);
    const QString text = window->indexProblemPage()->text();
    CHECK(text.contains(QStringLiteral("cannot open its library")));
    CHECK(text.contains(QStringLiteral("cmake --build build")));
    CHECK(text.contains(QStringLiteral("fibrokb-index build")));
    CHECK(text.contains(missing.toHtmlEscaped()));
    CHECK_FALSE(window->isLibraryOpen());
    CHECK_FALSE(window->searchField()->isEnabled());
    CHECK_FALSE(window->openArticle(QStringLiteral("hip-outer")));
    CHECK(window->bookmarkCurrent() == nullptr);

    // Once an index is there, "Try again" works without restarting.
    REQUIRE(window->reopenLibrary(test::fixtureIndex()));
    CHECK(window->currentPage() == MainWindow::Page::Home);
    CHECK(window->searchField()->isEnabled());
}

TEST_CASE("A corrupt index is reported the same way", "[gui][startup]")
{
    test::TestEnv env;
    const QString corrupt = env.file(QStringLiteral("corrupt-index"));
    QDir().mkpath(corrupt);
    {
        QFile stub(QDir(corrupt).filePath(QStringLiteral("XAPIANDB")));
        REQUIRE(stub.open(QIODevice::WriteOnly));
        stub.write("this is not a database\n\x01\x02");
    }
    {
        QFile junk(QDir(corrupt).filePath(QStringLiteral("docdata.glass")));
        REQUIRE(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, '\xff'));
    }
    auto window = env.window(corrupt);
    CHECK(window->currentPage() == MainWindow::Page::IndexProblem);
    CHECK(window->indexProblemPage()->text().contains(QStringLiteral("missing or damaged")));
}

TEST_CASE("The first start shows a kind disclaimer once and About repeats it", "[gui][startup]")
{
    const QString text = app::fullDisclaimerHtml();
    CHECK(text.contains(QStringLiteral("general information")));
    CHECK(text.contains(QStringLiteral("No clinician has reviewed it yet")));
    CHECK(text.contains(QStringLiteral("no substitute")));
    CHECK(app::pageDisclaimerHtml().contains(QStringLiteral("not been reviewed by a clinician")));

    test::TestEnv env;
    auto window = env.window();
    CHECK_FALSE(window->settings().disclaimerAccepted());
    bool answered = false;
    QTimer::singleShot(0, window.get(), [&answered] {
        // Accept the modal dialog the way a keyboard user would, once it is up.
        app::DisclaimerDialog* dialog = nullptr;
        if (!QTest::qWaitFor(
                [&] { return (dialog = qobject_cast<app::DisclaimerDialog*>(QApplication::activeModalWidget())); }))
            return;  // no dialog: `answered` stays false and the checks below fail
        QTest::keyClick(dialog, Qt::Key_Return);
        answered = true;
    });
    window->showDisclaimerIfFirstStart();
    REQUIRE(answered);
    CHECK(window->settings().disclaimerAccepted());
    app::AppSettings settings(env.settings());
    CHECK(settings.disclaimerAccepted());

    app::AboutDialog about(QStringLiteral("Library: 7 pages"));
    CHECK(unnamedControls(&about).isEmpty());
}

TEST_CASE("Every control has an accessible name", "[gui][a11y]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    REQUIRE(test::typeQuery(*window, QStringLiteral("zzzqqq")));  // empty state with topic buttons
    REQUIRE(window->openArticle(QStringLiteral("hip-exercise")));
    window->toggleBookmarksPanel();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    const QStringList unnamed = unnamedControls(window.get());
    INFO(unnamed.join(QStringLiteral(", ")).toStdString());
    CHECK(unnamed.isEmpty());

    auto* dialog = window->bookmarkCurrent();
    REQUIRE(dialog);
    CHECK(unnamedControls(dialog).isEmpty());
    dialog->reject();
    app::SettingsDialog settings(13, app::Theme::System, true);
    CHECK(unnamedControls(&settings).isEmpty());
}

TEST_CASE("Help lists the keyboard shortcuts", "[gui][a11y]")
{
    test::TestEnv env;
    auto window = env.window();
    QStringList keys;
    for (const auto& entry : window->shortcutEntries())
        keys << entry.keys + QStringLiteral(" = ") + entry.what;
    const QString all = keys.join(QLatin1Char('\n'));
    for (const QString& expected :
         {QStringLiteral("Ctrl+D"), QStringLiteral("Ctrl+B"), QStringLiteral("Ctrl+F"), QStringLiteral("Ctrl+P"),
          QStringLiteral("Alt+Left"), QStringLiteral("Alt+Right"), QStringLiteral("Ctrl+L"), QStringLiteral("Ctrl+Z"),
          QStringLiteral("Esc"), QStringLiteral("Enter")}) {
        INFO(expected.toStdString());
        CHECK(all.contains(expected));
    }
    app::ShortcutsDialog dialog(window->shortcutEntries());
    INFO(unnamedControls(&dialog).join(QStringLiteral(", ")).toStdString());
    CHECK(unnamedControls(&dialog).isEmpty());
}

TEST_CASE("Text size and theme are applied and remembered and 200% text still fits", "[gui][settings]")
{
    test::TestEnv env;
    {
        auto window = env.window();
        window->searchField()->setCompletionEnabled(false);
        REQUIRE(test::typeQuery(*window, QStringLiteral("hip")));
        const int rowBefore = window->resultsView()->list()->sizeHintForRow(0);
        window->applySettings(26, app::Theme::HighContrast, false);
        CHECK(QApplication::font().pointSize() == 26);
        // The new font reaches the widgets through posted events: wait until the list has it.
        QListView* list = window->resultsView()->list();
        REQUIRE(QTest::qWaitFor([&] { return list->font().pointSize() == 26; }, 5000));
        CHECK(QApplication::palette().color(QPalette::Base) == QColor(Qt::black));
        CHECK(window->resultsView()->list()->sizeHintForRow(0) > rowBefore);
        CHECK_FALSE(window->searchField()->completionEnabled());
        // Nothing is cut off: the window still fits its content at double text size.
        CHECK(window->minimumSizeHint().width() < 1600);
        REQUIRE(window->openArticle(QStringLiteral("hip-outer")));
        CHECK(window->articleView()->plainText().contains(QStringLiteral("Outer hip pain")));
    }
    app::AppSettings settings(env.settings());
    CHECK(settings.fontPointSize() == 26);
    CHECK(settings.theme() == app::Theme::HighContrast);
    CHECK_FALSE(settings.completionEnabled());
    // Back to normal for the tests that follow.
    auto window = env.window();
    window->applySettings(app::AppSettings::kDefaultFontPoint, app::Theme::System, true);
}

TEST_CASE("The window layout is remembered", "[gui][settings]")
{
    test::TestEnv env;
    {
        auto window = env.window();
        window->toggleBookmarksPanel();
        window->findChild<QAction*>(QStringLiteral("actionFiltersPanel"))->setChecked(false);
        window->resize(1000, 700);
        window->close();
    }
    app::AppSettings settings(env.settings());
    CHECK_FALSE(settings.windowGeometry().isEmpty());
    CHECK_FALSE(settings.filtersPanelVisible());
    auto window = env.window();
    CHECK(window->bookmarksDock()->isVisible());
    CHECK_FALSE(window->filtersDock()->isVisible());
    CHECK_FALSE(window->findChild<QAction*>(QStringLiteral("actionFiltersPanel"))->isChecked());
}

// Makes the user-guide screenshots from the real app: the real MainWindow on a real
// index, driven with real key events, each step grabbed to a PNG. Run by
// scripts/screenshots under the offscreen platform; not a test.
//
//   fibrokb-screenshot-tour --index DIR --out DIR [--data DIR]
#include "core/bookmark_store.h"
#include "core/result_list_model.h"
#include "core/search_controller.h"
#include "core/topic_filter_model.h"
#include "ui/add_bookmark_dialog.h"
#include "ui/article_view.h"
#include "ui/bookmarks_panel.h"
#include "ui/find_bar.h"
#include "ui/main_window.h"
#include "ui/results_view.h"
#include "ui/search_field.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <cstdio>

using namespace fibrokb::app;

namespace {

bool waitIdle(MainWindow& window)
{
    return QTest::qWaitFor([&] { return window.searchController()->isIdle(); }, 10000);
}

bool save(QWidget* widget, const QString& dir, const QString& name)
{
    QTest::qWait(150);  // let layouts and repaints settle
    const QString path = QDir(dir).filePath(name);
    const bool ok = widget->grab().save(path, "PNG", 9);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

}  // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FibroKB-screenshots"));
    QApplication::setApplicationName(QStringLiteral("fibrokb"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("index"), QStringLiteral("Index to show."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Where the PNGs go."), QStringLiteral("dir")});
    parser.addOption(
        {QStringLiteral("data"), QStringLiteral("Scratch dir for bookmarks and settings."), QStringLiteral("dir")});
    parser.process(app);
    const QString out = parser.value(QStringLiteral("out"));
    if (!parser.isSet(QStringLiteral("index")) || out.isEmpty()) {
        std::fputs("usage: fibrokb-screenshot-tour --index DIR --out DIR [--data DIR]\n", stderr);
        return 2;
    }
    QDir().mkpath(out);
    QTemporaryDir scratch;
    const QString data = parser.isSet(QStringLiteral("data")) ? parser.value(QStringLiteral("data")) : scratch.path();

    MainWindowOptions options;
    options.indexDir = parser.value(QStringLiteral("index"));
    options.bookmarksPath = QDir(data).filePath(QStringLiteral("bookmarks.sqlite"));
    options.historyPath = QDir(data).filePath(QStringLiteral("history.sqlite"));
    options.settingsPath = QDir(data).filePath(QStringLiteral("settings.ini"));
    options.probeSpeech = false;
    MainWindow window(options);
    window.applySettings(12, Theme::Light, true);
    window.resize(1200, 780);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::fputs("window not exposed\n", stderr);
    waitIdle(window);
    QTest::qWait(300);  // the "start here" list comes from the worker
    bool ok = save(&window, out, QStringLiteral("home.png"));

    // Search as you type.
    window.searchField()->setFocus();
    QTest::keyClicks(window.searchField(), QStringLiteral("water exercise for hip pain"), Qt::NoModifier, 20);
    waitIdle(window);
    if (window.searchField()->hasCompletion())
        QTest::keyClick(window.searchField(), Qt::Key_Escape);  // decline the inline suggestion
    ok &= save(&window, out, QStringLiteral("search.png"));

    // Few pages with every word: the closest ones below the divider; then "More like this" on the first.
    window.searchField()->selectAll();
    QTest::keyClicks(window.searchField(), QStringLiteral("walking stick"), Qt::NoModifier, 20);
    waitIdle(window);
    if (window.searchField()->hasCompletion())
        QTest::keyClick(window.searchField(), Qt::Key_Escape);
    // The divider at the top of the list.
    for (int r = 0; r < window.resultModel()->rowCount(); ++r)
        if (window.resultModel()->index(r, 0).data(ResultListModel::StartsPartialRole).toBool())
            window.resultsView()->list()->scrollTo(window.resultModel()->index(r > 0 ? r - 1 : 0, 0),
                                                   QAbstractItemView::PositionAtTop);
    ok &= save(&window, out, QStringLiteral("partial-matches.png"));
    window.resultsView()->setCurrentRow(0);
    window.resultsView()->list()->setFocus();
    QTest::keyClick(window.resultsView()->list(), Qt::Key_M, Qt::ControlModifier);
    ok &= save(&window, out, QStringLiteral("more-like-this.png"));
    window.searchField()->setFocus();
    window.searchField()->selectAll();
    QTest::keyClicks(window.searchField(), QStringLiteral("water exercise for hip pain"), Qt::NoModifier, 20);
    waitIdle(window);
    if (window.searchField()->hasCompletion())
        QTest::keyClick(window.searchField(), Qt::Key_Escape);

    // Filter to the exercise topic.
    const int row = window.topicModel()->rowOf(QStringLiteral("exercise"));
    if (row >= 0)
        window.topicModel()->setData(window.topicModel()->index(row, 0), Qt::Checked, Qt::CheckStateRole);
    waitIdle(window);
    ok &= save(&window, out, QStringLiteral("filters.png"));

    // Open the first result.
    window.searchField()->setFocus();
    QTest::keyClick(window.searchField(), Qt::Key_Return);
    ok &= QTest::qWaitFor([&] { return window.currentPage() == MainWindow::Page::Article; }, 5000);
    ok &= save(&window, out, QStringLiteral("article.png"));

    // Find in page.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(window.articleView()->findBar()->field(), QStringLiteral("water"));
    ok &= save(&window, out, QStringLiteral("find.png"));
    window.articleView()->findBar()->close();

    // Bookmark a section into a new folder with a note.
    AddBookmarkDialog* dialog = window.bookmarkCurrent();
    if (dialog) {
        if (dialog->sectionBox()->count() > 1)
            dialog->sectionBox()->setCurrentIndex(1);
        dialog->chooseNewFolder(QStringLiteral("For my next appointment"));
        dialog->noteField()->setPlainText(QStringLiteral("Ask whether the hospital pool has a warm-water class."));
        ok &= QTest::qWaitForWindowExposed(dialog);
        ok &= save(dialog, out, QStringLiteral("bookmark-dialog.png"));
        dialog->accept();
    }
    window.toggleBookmarksPanel();
    ok &= save(&window, out, QStringLiteral("bookmarks.png"));

    // Dark and high-contrast themes, for the settings section.
    window.applySettings(12, Theme::Dark, true);
    ok &= save(&window, out, QStringLiteral("article-dark.png"));
    window.applySettings(12, Theme::HighContrast, true);
    ok &= save(&window, out, QStringLiteral("article-high-contrast.png"));
    // Twice the text size: everything still reachable, the column still readable.
    window.applySettings(24, Theme::Light, true);
    window.bookmarksDock()->hide();
    window.goBack();
    ok &= QTest::qWaitFor([&] { return window.currentPage() == MainWindow::Page::Results; }, 3000);
    ok &= save(&window, out, QStringLiteral("large-text.png"));
    window.applySettings(12, Theme::Light, true);

    // The illustrated exercise guide: its drawings in the light and dark themes, and on paper (the PDF export;
    // scripts/screenshots turns its first pages into PNGs).
    window.resize(1200, 780);
    ok &= window.openArticle(QStringLiteral("gentle-exercises-for-back-and-hip"),
                             QStringLiteral("bottom-to-heels-stretch"));
    ok &= QTest::qWaitFor([&] { return window.currentPage() == MainWindow::Page::Article; }, 5000);
    ok &= save(&window, out, QStringLiteral("exercise-drawings.png"));
    window.applySettings(12, Theme::Dark, true);
    window.articleView()->scrollToSection(QStringLiteral("bottom-to-heels-stretch"));
    ok &= save(&window, out, QStringLiteral("exercise-drawings-dark.png"));
    window.applySettings(24, Theme::Light, true);
    window.articleView()->scrollToSection(QStringLiteral("bottom-to-heels-stretch"));
    ok &= save(&window, out, QStringLiteral("exercise-drawings-large-text.png"));
    window.applySettings(12, Theme::Light, true);
    QString error;
    const bool pdf = window.exportCurrentArticlePdf(QDir(data).filePath(QStringLiteral("exercises.pdf")), &error);
    std::printf("%s %s\n", pdf ? "wrote" : "FAILED", qPrintable(QDir(data).filePath(QStringLiteral("exercises.pdf"))));
    ok &= pdf;
    return ok ? 0 : 1;
}

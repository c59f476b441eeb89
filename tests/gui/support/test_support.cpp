#include "support/test_support.h"

#include "core/result_list_model.h"
#include "core/search_controller.h"
#include "core/topic_filter_model.h"
#include "ui/results_view.h"
#include "ui/search_field.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>

namespace fibrokb::test {

QString buildIndexFrom(const QString& corpusDir, const QString& outDir, QString* log)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(FIBROKB_INDEX_TOOL),
                  {QStringLiteral("build"), QStringLiteral("--full"), QStringLiteral("--corpus"), corpusDir,
                   QStringLiteral("--out"), outDir});
    process.waitForFinished(120000);
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (log)
        *log = output;
    if (process.exitStatus() != QProcess::NormalExit || !QDir(outDir).exists(QStringLiteral("XAPIANDB")))
        return {};
    return outDir;
}

QString fixtureIndex()
{
    // Built once per test process; the fixture corpus is small (a second or so).
    static QTemporaryDir dir;
    static QString path;
    static bool tried = false;
    if (!tried) {
        tried = true;
        QString log;
        path = buildIndexFrom(QStringLiteral(FIBROKB_TEST_CORPUS), dir.filePath(QStringLiteral("index")), &log);
        if (path.isEmpty())
            std::fprintf(stderr, "fixture index build failed:\n%s\n", qPrintable(log));
    }
    return path;
}

QString bundledIndex()
{
    static QTemporaryDir dir;
    static const QString path =
        buildIndexFrom(QStringLiteral(FIBROKB_BUNDLED_CORPUS), dir.filePath(QStringLiteral("index")));
    return path;
}

TestEnv::TestEnv() = default;

app::MainWindowOptions TestEnv::options(const QString& indexDir) const
{
    app::MainWindowOptions options;
    options.indexDir = indexDir;
    options.bookmarksPath = bookmarks();
    options.historyPath = history();
    options.settingsPath = settings();
    options.probeSpeech = false;  // the speech engine is probed by its own test
    return options;
}

std::unique_ptr<app::MainWindow> TestEnv::window(const QString& indexDir) const
{
    auto window = std::make_unique<app::MainWindow>(options(indexDir));
    window->resize(1100, 760);
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("test window did not become active");
    waitIdle(*window);
    return window;
}

bool waitIdle(app::MainWindow& window, int timeoutMs)
{
    return QTest::qWaitFor([&] { return window.searchController()->isIdle(); }, timeoutMs);
}

bool typeQuery(app::MainWindow& window, const QString& text)
{
    window.searchField()->setFocus();
    QTest::keyClicks(window.searchField(), text);
    return waitIdle(window);
}

bool replaceQuery(app::MainWindow& window, const QString& text)
{
    window.searchField()->setFocus();
    window.searchField()->selectAll();
    QTest::keyClick(window.searchField(), Qt::Key_Backspace);
    return typeQuery(window, text);
}

namespace {
QStringList idsOfRows(app::MainWindow& window, bool partial)
{
    QStringList ids;
    auto* model = window.resultModel();
    bool belowDivider = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        belowDivider |= index.data(app::ResultListModel::StartsPartialRole).toBool();
        if (belowDivider == partial)
            ids << index.data(app::ResultListModel::IdRole).toString();
    }
    return ids;
}
}  // namespace

QStringList resultIds(app::MainWindow& window)
{
    return idsOfRows(window, false);
}

QStringList partialResultIds(app::MainWindow& window)
{
    return idsOfRows(window, true);
}

int topicRow(app::MainWindow& window, const QString& topicId)
{
    return window.topicModel()->rowOf(topicId);
}

bool openResult(app::MainWindow& window, const QString& articleId)
{
    auto* model = window.resultModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(app::ResultListModel::ArticleIdRole).toString() == articleId) {
            window.resultsView()->setCurrentRow(row);
            window.resultsView()->activateCurrent();
            return window.currentPage() == app::MainWindow::Page::Article;
        }
    }
    return false;
}

}  // namespace fibrokb::test

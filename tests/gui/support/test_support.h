// Shared set-up for the GUI tests: one real index per test run (built from
// tests/data/corpus by the real fibrokb-index), fresh temp files for every window,
// and small wait helpers.
#pragma once

#include "ui/main_window.h"

#include <QTemporaryDir>

#include <memory>

namespace fibrokb::test {

// Path of the fixture index, built on first use. Empty (and a message) if the build fails.
QString fixtureIndex();
// The bundled library (corpus/ at the top of the tree), built once per run: long real pages.
QString bundledIndex();
QString buildIndexFrom(const QString& corpusDir, const QString& outDir, QString* log = nullptr);

// A private place for bookmarks, history and settings.
class TestEnv {
public:
    TestEnv();
    QString bookmarks() const { return dir_.filePath(QStringLiteral("bookmarks.sqlite")); }
    QString history() const { return dir_.filePath(QStringLiteral("history.sqlite")); }
    QString settings() const { return dir_.filePath(QStringLiteral("settings.ini")); }
    QString file(const QString& name) const { return dir_.filePath(name); }
    app::MainWindowOptions options(const QString& indexDir = fixtureIndex()) const;
    // A shown, active main window on the fixture index with everything loaded.
    std::unique_ptr<app::MainWindow> window(const QString& indexDir = fixtureIndex()) const;

private:
    QTemporaryDir dir_;
};

bool waitIdle(app::MainWindow& window, int timeoutMs = 8000);
// Types into the search field with real key events and waits for the answer.
bool typeQuery(app::MainWindow& window, const QString& text);
// Replaces the field's text (select all + type).
bool replaceQuery(app::MainWindow& window, const QString& text);
// Ids of the result rows that match every word (above the "Pages that match some of your words" divider),
// and of the partial matches below it.
QStringList resultIds(app::MainWindow& window);
QStringList partialResultIds(app::MainWindow& window);
int topicRow(app::MainWindow& window, const QString& topicId);
bool openResult(app::MainWindow& window, const QString& articleId);

}  // namespace fibrokb::test

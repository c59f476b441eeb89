// Everything the app keeps open while it runs, without a single widget: settings, the library
// (page lookups on this thread), the search controller and its models, bookmarks (with undo),
// reading history and back/forward. The main window composes views around one AppSession;
// tests drive one without any window.
#pragma once

#include "core/app_settings.h"
#include "core/article_library.h"
#include "core/navigator.h"
#include "core/search_types.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace fibrokb::app {

class BookmarkActions;
class BookmarkStore;
class HistoryStore;
class ResultListModel;
class SearchController;
class TopicFilterModel;

struct AppSessionOptions {
    QString bookmarksPath;  // "" = BookmarkStore::defaultPath() (AppDataLocation)
    QString historyPath;    // "" = HistoryStore::defaultPath()
    QString settingsPath;   // "" = the application's QSettings
};

class AppSession final : public QObject {
    Q_OBJECT
public:
    explicit AppSession(const AppSessionOptions& options, QObject* parent = nullptr);
    ~AppSession() override;

    AppSettings& settings() { return *settings_; }
    ArticleLibrary& library() { return library_; }
    const ArticleLibrary& library() const { return library_; }
    Navigator& navigator() { return navigator_; }
    SearchController* search() const { return search_; }
    ResultListModel* results() const { return results_; }
    TopicFilterModel* topics() const { return topics_; }
    BookmarkStore* bookmarks() const { return bookmarks_; }
    BookmarkActions* bookmarkActions() const { return bookmarkActions_; }
    HistoryStore* history() const { return history_; }

    // Notes about a damaged bookmarks or history file that was moved aside at start (shown once).
    QStringList recoveryNotes() const { return recoveryNotes_; }
    // The library's topics with their page counts (updated by the worker's home answer).
    const QVector<TopicInfo>& topicInfo() const { return topicInfo_; }
    void setTopicInfo(const QVector<TopicInfo>& topics) { topicInfo_ = topics; }

    // Opens the index for page lookups and for the search worker. False (library().error() says
    // why) when it is missing or damaged.
    bool openLibrary(const QString& indexDir);
    // The index failed while in use (a lookup or the worker): close it so nothing else reads it.
    void closeLibrary(const QString& error);

Q_SIGNALS:
    // Queued after the call that found the problem has returned, so a view is never torn down
    // from inside its own call.
    void libraryFailed(const QString& error);
    // A rebuild switched the index to a newer generation; topics and labels follow it.
    void libraryReopened();

private:
    void onReopened();

    std::unique_ptr<AppSettings> settings_;
    ArticleLibrary library_;
    Navigator navigator_;
    SearchController* search_ = nullptr;
    ResultListModel* results_ = nullptr;
    TopicFilterModel* topics_ = nullptr;
    BookmarkStore* bookmarks_ = nullptr;
    BookmarkActions* bookmarkActions_ = nullptr;
    HistoryStore* history_ = nullptr;
    QStringList recoveryNotes_;
    QVector<TopicInfo> topicInfo_;
};

}  // namespace fibrokb::app

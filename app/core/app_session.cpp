#include "core/app_session.h"

#include "core/bookmark_commands.h"
#include "core/bookmark_store.h"
#include "core/history_store.h"
#include "core/result_list_model.h"
#include "core/search_controller.h"
#include "core/topic_filter_model.h"

namespace fibrokb::app {

AppSession::AppSession(const AppSessionOptions& options, QObject* parent) : QObject(parent)
{
    settings_ = options.settingsPath.isEmpty() ? std::make_unique<AppSettings>()
                                               : std::make_unique<AppSettings>(options.settingsPath);
    search_ = new SearchController(this);
    results_ = new ResultListModel(this);
    topics_ = new TopicFilterModel(this);
    bookmarks_ =
        new BookmarkStore(options.bookmarksPath.isEmpty() ? BookmarkStore::defaultPath() : options.bookmarksPath, this);
    if (!bookmarks_->open())
        qWarning("fibrokb: bookmarks unavailable: %s", qPrintable(bookmarks_->error()));
    bookmarkActions_ = new BookmarkActions(bookmarks_, this);
    history_ =
        new HistoryStore(options.historyPath.isEmpty() ? HistoryStore::defaultPath() : options.historyPath, this);
    if (!history_->open())
        qWarning("fibrokb: history unavailable: %s", qPrintable(history_->error()));
    // A damaged file was moved aside and a new one started: the window says so once (the next
    // start finds the new file sound).
    for (const QString& note : {bookmarks_->recoveryNote(), history_->recoveryNote()})
        if (!note.isEmpty())
            recoveryNotes_ << note;

    connect(search_, &SearchController::opened, this, [this](const QString& error) {
        if (!error.isEmpty())
            Q_EMIT libraryFailed(error);
    });
    // The worker noticed a rebuild: the page lookups follow (the library reopens, then onReopened).
    connect(search_, &SearchController::generationChanged, this, [this] { library_.refresh(); });
    // Lookups can fail or reopen from deep inside a view's call (a bookmark check, a link): react
    // once that call has returned.
    library_.setFailureHandler([this](const QString& error) {
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                if (!library_.isOpen())  // not reopened meanwhile ("Try again")
                    Q_EMIT libraryFailed(error);
            },
            Qt::QueuedConnection);
    });
    library_.setReopenedHandler([this] {
        QMetaObject::invokeMethod(
            this, [this] { onReopened(); }, Qt::QueuedConnection);
    });
}

AppSession::~AppSession() = default;

bool AppSession::openLibrary(const QString& indexDir)
{
    if (!library_.open(indexDir))
        return false;
    results_->setTopicLabels(library_.topicLabels());
    topicInfo_ = library_.topics();
    topics_->setTopics(topicInfo_);
    search_->open(indexDir);
    search_->loadHome();
    search_->submitNow();  // facet counts for the filter panel
    return true;
}

void AppSession::closeLibrary(const QString& error)
{
    if (library_.isOpen())
        library_.close(error);  // the worker failed first: page lookups stop too
}

void AppSession::onReopened()
{
    if (!library_.isOpen())
        return;
    results_->setTopicLabels(library_.topicLabels());
    topicInfo_ = library_.topics();
    topics_->setTopics(topicInfo_);
    search_->loadHome();
    Q_EMIT libraryReopened();
}

}  // namespace fibrokb::app

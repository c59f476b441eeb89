// The UI thread's own read-only handle on the index: opening pages, related pages and
// topic labels are quick lookups by id, so they do not need the worker thread.
// (Searches go through SearchController, whose worker owns a second Searcher.)
//
// Every lookup first checks (one small file read) whether a rebuild switched the index to a
// newer generation and then opens a new Searcher on it. A lookup never throws: when the index
// turns out damaged or gone, the library closes, error() says why and the failure handler runs.
#pragma once

#include "core/search_types.h"

#include <fibrokb/article.h>

#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace fibrokb {
class Searcher;
}

namespace fibrokb::app {

class ArticleLibrary final {
public:
    ArticleLibrary();
    ~ArticleLibrary();

    // Returns false and fills error() when the index is missing or corrupt.
    bool open(const QString& indexDir);
    bool isOpen() const { return searcher_ != nullptr; }
    QString indexDir() const { return indexDir_; }
    QString error() const { return error_; }
    // The generation open now ("" when closed or when the folder has no stub).
    QString generation() const;

    // Called (on the calling thread, from inside the lookup) when a lookup finds the index damaged
    // or gone; the library is closed by then. Callers that change pages should queue their reaction.
    void setFailureHandler(std::function<void(const QString& error)> handler) { onFailure_ = std::move(handler); }
    // Called when the library reopened itself on a newer generation after a rebuild.
    void setReopenedHandler(std::function<void()> handler) { onReopened_ = std::move(handler); }
    // Reopens now if a rebuild switched the index; true when the library is open afterwards.
    bool refresh() const;
    // Closes the library because the index failed elsewhere (the search worker); error() says why.
    void close(const QString& error);

    std::optional<fibrokb::Article> article(const QString& id) const;
    bool contains(const QString& articleId) const;
    QVector<ResultItem> related(const QString& id, int limit = 5) const;
    QVector<TopicInfo> topics() const;
    QString topicLabel(const QString& topicId) const;
    QHash<QString, QString> topicLabels() const { return topicLabels_; }
    int documentCount() const;
    QString buildDate() const;

private:
    // The Searcher to use now (reopened after a rebuild), or null when closed.
    fibrokb::Searcher* current() const;
    // Runs `work` on the current Searcher; on an engine error retries once if a rebuild switched
    // generations meanwhile, else closes the library and reports. False when it did not complete.
    template <typename Work>
    bool guarded(const char* what, Work&& work) const;
    void loadTopicLabels() const;
    void fail(const QString& error) const;

    // Lookups are logically const; reopening on a new generation or closing on failure is caching.
    mutable std::unique_ptr<fibrokb::Searcher> searcher_;
    QString indexDir_;
    mutable QString error_;
    mutable QHash<QString, QString> topicLabels_;
    std::function<void(const QString&)> onFailure_;
    std::function<void()> onReopened_;
};

}  // namespace fibrokb::app

// The UI thread's own read-only handle on the index: opening pages, related pages and
// topic labels are quick lookups by id, so they do not need the worker thread.
// (Searches go through SearchController, whose worker owns a second Searcher.)
#pragma once

#include "core/search_types.h"

#include <fibrokb/article.h>

#include <QHash>
#include <QString>

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

    std::optional<fibrokb::Article> article(const QString& id) const;
    bool contains(const QString& articleId) const;
    QVector<ResultItem> related(const QString& id, int limit = 5) const;
    QVector<TopicInfo> topics() const;
    QString topicLabel(const QString& topicId) const;
    QHash<QString, QString> topicLabels() const { return topicLabels_; }
    int documentCount() const;
    // Counts for the whole library (the engine reports no facets for an empty request).
    void fillLibraryCounts(SearchAnswer& answer) const;
    QString buildDate() const;

private:
    std::unique_ptr<fibrokb::Searcher> searcher_;
    QString indexDir_;
    QString error_;
    QHash<QString, QString> topicLabels_;
};

}  // namespace fibrokb::app

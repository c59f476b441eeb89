#include "core/article_library.h"

#include <fibrokb/searcher.h>

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLibrary, "fibrokb.library")

namespace fibrokb::app {

ArticleLibrary::ArticleLibrary() = default;
ArticleLibrary::~ArticleLibrary() = default;

bool ArticleLibrary::open(const QString& indexDir)
{
    searcher_.reset();
    topicLabels_.clear();
    indexDir_ = indexDir;
    error_.clear();
    try {
        searcher_ = std::make_unique<fibrokb::Searcher>(toStdString(indexDir));
        for (const fibrokb::Topic& topic : searcher_->topics())
            topicLabels_.insert(toQString(topic.id), toQString(topic.label));
        return true;
    } catch (const std::exception& e) {
        error_ = QString::fromLocal8Bit(e.what());
    } catch (...) {
        error_ = QCoreApplication::translate("ArticleLibrary", "unknown error");
    }
    searcher_.reset();
    qCWarning(lcLibrary) << "cannot open index" << indexDir << error_;
    return false;
}

std::optional<fibrokb::Article> ArticleLibrary::article(const QString& id) const
{
    if (!searcher_ || id.isEmpty())
        return std::nullopt;
    try {
        return searcher_->article(toStdString(id));
    } catch (const std::exception& e) {
        qCWarning(lcLibrary) << "article" << id << e.what();
        return std::nullopt;
    }
}

bool ArticleLibrary::contains(const QString& articleId) const
{
    return article(articleId).has_value();
}

QVector<ResultItem> ArticleLibrary::related(const QString& id, int limit) const
{
    QVector<ResultItem> items;
    if (!searcher_)
        return items;
    try {
        for (const fibrokb::Hit& hit : searcher_->related(toStdString(id), limit))
            items.push_back(ResultItem::fromHit(hit));
    } catch (const std::exception& e) {
        qCWarning(lcLibrary) << "related" << id << e.what();
    }
    return items;
}

QVector<TopicInfo> ArticleLibrary::topics() const
{
    QVector<TopicInfo> result;
    if (!searcher_)
        return result;
    try {
        const fibrokb::IndexInfo info = searcher_->info();
        for (const fibrokb::Topic& topic : searcher_->topics()) {
            TopicInfo t{toQString(topic.id), toQString(topic.label), toQString(topic.description), 0};
            const auto count = info.byTopic.find(topic.id);
            if (count != info.byTopic.end())
                t.count = count->second;
            result.push_back(t);
        }
    } catch (const std::exception& e) {
        qCWarning(lcLibrary) << "topics" << e.what();
    }
    return result;
}

QString ArticleLibrary::topicLabel(const QString& topicId) const
{
    return topicLabels_.value(topicId, topicId);
}

int ArticleLibrary::documentCount() const
{
    if (!searcher_)
        return 0;
    try {
        return searcher_->info().documents;
    } catch (const std::exception&) {
        return 0;
    }
}

void ArticleLibrary::fillLibraryCounts(SearchAnswer& answer) const
{
    if (!searcher_)
        return;
    try {
        const fibrokb::IndexInfo info = searcher_->info();
        answer.topicCounts.clear();
        answer.typeCounts.clear();
        answer.audienceCounts.clear();
        for (const auto& [key, count] : info.byTopic)
            answer.topicCounts.insert(toQString(key), count);
        for (const auto& [key, count] : info.byType)
            answer.typeCounts.insert(toQString(key), count);
        for (const auto& [key, count] : info.byAudience)
            answer.audienceCounts.insert(toQString(key), count);
    } catch (const std::exception& e) {
        qCWarning(lcLibrary) << "info" << e.what();
    }
}

QString ArticleLibrary::buildDate() const
{
    if (!searcher_)
        return {};
    try {
        return toQString(searcher_->info().buildDate);
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace fibrokb::app

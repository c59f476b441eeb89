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
    searcher_ = openSearcher(indexDir, &error_);
    if (searcher_) {
        try {
            loadTopicLabels();
            return true;
        } catch (const std::exception& e) {
            error_ = errorText(e);
        } catch (...) {
            error_ = QCoreApplication::translate("ArticleLibrary", "unknown error");
        }
    }
    searcher_.reset();
    topicLabels_.clear();
    qCWarning(lcLibrary) << "cannot open index" << indexDir << error_;
    return false;
}

void ArticleLibrary::loadTopicLabels() const
{
    QHash<QString, QString> labels;
    for (const fibrokb::Topic& topic : searcher_->topics())
        labels.insert(toQString(topic.id), toQString(topic.label));
    topicLabels_ = labels;
}

QString ArticleLibrary::generation() const
{
    return searcher_ ? toQString(searcher_->generation()) : QString();
}

fibrokb::Searcher* ArticleLibrary::current() const
{
    if (!searcher_ || !isOutdated(*searcher_))
        return searcher_.get();
    // A rebuild switched the stub to a newer generation, or the folder went away.
    const std::string before = searcher_->generation();
    searcher_.reset();
    QString error;
    searcher_ = openSearcher(indexDir_, &error);
    if (!searcher_) {
        fail(error);
        return nullptr;
    }
    try {
        loadTopicLabels();
    } catch (const std::exception& e) {
        fail(errorText(e));
        return nullptr;
    } catch (...) {
        fail(QCoreApplication::translate("ArticleLibrary", "unknown error"));
        return nullptr;
    }
    if (searcher_->generation() != before) {
        qCInfo(lcLibrary) << "index rebuilt; now reading" << toQString(searcher_->generation());
        if (onReopened_)
            onReopened_();
    }
    return searcher_.get();
}

bool ArticleLibrary::refresh() const
{
    return current() != nullptr;
}

void ArticleLibrary::close(const QString& error)
{
    searcher_.reset();
    error_ = error;
}

void ArticleLibrary::fail(const QString& error) const
{
    qCWarning(lcLibrary) << "the index failed; closing it:" << error;
    searcher_.reset();
    error_ = error;
    if (onFailure_)
        onFailure_(error);
}

template <typename Work>
bool ArticleLibrary::guarded(const char* what, Work&& work) const
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        fibrokb::Searcher* searcher = current();
        if (!searcher)
            return false;
        QString error;
        try {
            work(*searcher);
            return true;
        } catch (const fibrokb::IndexError& e) {
            error = errorText(e);
        } catch (const std::exception& e) {
            error = errorText(e);
        } catch (...) {
            error = QCoreApplication::translate("ArticleLibrary", "unknown error");
        }
        qCWarning(lcLibrary) << what << "failed:" << error;
        // Switched to a new generation in the middle: one more try on it. Otherwise the index is broken.
        if (!isOutdated(*searcher)) {
            fail(error);
            return false;
        }
    }
    fail(
        QCoreApplication::translate("ArticleLibrary", "The library changed twice while it was being read; try again."));
    return false;
}

std::optional<fibrokb::Article> ArticleLibrary::article(const QString& id) const
{
    std::optional<fibrokb::Article> found;
    if (id.isEmpty())
        return found;
    guarded("article", [&](fibrokb::Searcher& searcher) { found = searcher.article(toStdString(id)); });
    return found;
}

bool ArticleLibrary::contains(const QString& articleId) const
{
    return article(articleId).has_value();
}

QVector<ResultItem> ArticleLibrary::related(const QString& id, int limit) const
{
    QVector<ResultItem> items;
    guarded("related", [&](fibrokb::Searcher& searcher) {
        items.clear();
        for (const fibrokb::Hit& hit : searcher.related(toStdString(id), limit))
            items.push_back(ResultItem::fromHit(hit));
    });
    return items;
}

QVector<TopicInfo> ArticleLibrary::topics() const
{
    QVector<TopicInfo> result;
    guarded("topics", [&](fibrokb::Searcher& searcher) {
        result.clear();
        const fibrokb::IndexInfo info = searcher.info();
        for (const fibrokb::Topic& topic : searcher.topics()) {
            TopicInfo t{toQString(topic.id), toQString(topic.label), toQString(topic.description), 0};
            const auto count = info.byTopic.find(topic.id);
            if (count != info.byTopic.end())
                t.count = count->second;
            result.push_back(t);
        }
    });
    return result;
}

QString ArticleLibrary::topicLabel(const QString& topicId) const
{
    return topicLabels_.value(topicId, topicId);
}

int ArticleLibrary::documentCount() const
{
    int documents = 0;
    guarded("info", [&](fibrokb::Searcher& searcher) { documents = searcher.info().documents; });
    return documents;
}

QString ArticleLibrary::buildDate() const
{
    QString date;
    guarded("info", [&](fibrokb::Searcher& searcher) { date = toQString(searcher.info().buildDate); });
    return date;
}

}  // namespace fibrokb::app

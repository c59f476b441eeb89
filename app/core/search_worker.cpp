#include "core/search_worker.h"

#include <fibrokb/searcher.h>

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSearch, "fibrokb.search")

namespace fibrokb::app {

SearchWorker::SearchWorker(std::shared_ptr<std::atomic<quint64>> latestSeq, QObject* parent)
    : QObject(parent), latestSeq_(std::move(latestSeq))
{
}

SearchWorker::~SearchWorker() = default;

void SearchWorker::open(const QString& indexDir)
{
    searcher_.reset();
    openError_.clear();
    try {
        searcher_ = std::make_unique<fibrokb::Searcher>(toStdString(indexDir));
    } catch (const std::exception& e) {
        openError_ = QString::fromLocal8Bit(e.what());
        qCWarning(lcSearch) << "cannot open index" << indexDir << openError_;
    }
    Q_EMIT opened(openError_);
}

void SearchWorker::search(quint64 seq, const SearchQuery& query)
{
    // A newer request is already queued: answering this one would only be dropped.
    if (latestSeq_ && seq < latestSeq_->load())
        return;

    SearchAnswer answer;
    answer.seq = seq;
    answer.query = query;
    if (!searcher_) {
        answer.error = openError_.isEmpty() ? tr("The library is not open.") : openError_;
        Q_EMIT answered(answer);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    try {
        const fibrokb::SearchResult result = searcher_->search(query.toRequest());
        answer.total = result.total;
        answer.items.reserve(int(result.hits.size()));
        for (const fibrokb::Hit& hit : result.hits)
            answer.items.push_back(ResultItem::fromHit(hit));
        for (const auto& [key, count] : result.facets.topics)
            answer.topicCounts.insert(toQString(key), count);
        for (const auto& [key, count] : result.facets.types)
            answer.typeCounts.insert(toQString(key), count);
        for (const auto& [key, count] : result.facets.audiences)
            answer.audienceCounts.insert(toQString(key), count);
        if (result.corrected)
            answer.corrected = toQString(*result.corrected);
        answer.showingCorrected = result.showingCorrected;
        answer.relaxed = result.relaxed;
        if (query.asYouType)
            answer.completion = completionFor(query.text);
    } catch (const std::exception& e) {
        // search() promises not to throw for bad syntax; anything else is an index problem.
        answer.error = QString::fromLocal8Bit(e.what());
        qCWarning(lcSearch) << "search failed" << answer.error;
    }
    answer.elapsedMs = timer.elapsed();
    Q_EMIT answered(answer);
}

// The longest-matching completion that extends what the person typed, or "".
// Titles complete the whole text; spelling words complete the last word.
QString SearchWorker::completionFor(const QString& text) const
{
    const QString typed = text;
    if (typed.trimmed().size() < 2 || typed.endsWith(QLatin1Char(' ')))
        return {};
    const int lastSpace = typed.lastIndexOf(QLatin1Char(' '));
    const QString head = typed.left(lastSpace + 1);
    const QString lastWord = typed.mid(lastSpace + 1);

    auto extend = [&](const std::vector<std::string>& candidates) -> QString {
        for (const std::string& raw : candidates) {
            const QString candidate = toQString(raw);
            if (candidate.size() > typed.size() && candidate.startsWith(typed, Qt::CaseInsensitive))
                return typed + candidate.mid(typed.size());
            if (!head.isEmpty() && candidate.size() > lastWord.size()
                && candidate.startsWith(lastWord, Qt::CaseInsensitive) && !candidate.contains(QLatin1Char(' ')))
                return head + lastWord + candidate.mid(lastWord.size());
        }
        return {};
    };
    try {
        QString found = extend(searcher_->complete(toStdString(typed.trimmed()), 8));
        if (found.isEmpty() && !head.isEmpty() && lastWord.size() >= 2)
            found = extend(searcher_->complete(toStdString(lastWord), 8));
        return found;
    } catch (const std::exception&) {
        return {};
    }
}

void SearchWorker::loadHome()
{
    HomeData home;
    if (!searcher_) {
        home.error = openError_.isEmpty() ? tr("The library is not open.") : openError_;
        Q_EMIT homeLoaded(home);
        return;
    }
    try {
        const fibrokb::IndexInfo info = searcher_->info();
        home.documents = info.documents;
        for (const fibrokb::Topic& topic : searcher_->topics()) {
            TopicInfo t;
            t.id = toQString(topic.id);
            t.label = toQString(topic.label);
            t.description = toQString(topic.description);
            const auto count = info.byTopic.find(topic.id);
            t.count = count == info.byTopic.end() ? 0 : count->second;
            home.topics.push_back(t);
        }
        // "Start here" pages carry a higher curated importance (2 in the authoring guide).
        // Hits do not report importance, so browse the articles and read it from each page.
        fibrokb::SearchRequest browse;
        browse.type = "article";
        browse.limit = 1000;
        const fibrokb::SearchResult all = searcher_->search(browse);
        QVector<QPair<double, ResultItem>> ranked;
        for (const fibrokb::Hit& hit : all.hits) {
            const auto article = searcher_->article(hit.articleId.empty() ? hit.id : hit.articleId);
            if (article && article->importance >= 2.0)
                ranked.push_back({article->importance, ResultItem::fromHit(hit)});
        }
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& entry : ranked)
            home.startHere.push_back(entry.second);
    } catch (const std::exception& e) {
        home.error = QString::fromLocal8Bit(e.what());
    }
    Q_EMIT homeLoaded(home);
}

}  // namespace fibrokb::app

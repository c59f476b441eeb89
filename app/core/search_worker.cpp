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
    info_.reset();
    indexDir_ = indexDir;
    openError_.clear();
    searcher_ = openSearcher(indexDir, &openError_);
    if (!searcher_)
        qCWarning(lcSearch) << "cannot open index" << indexDir << openError_;
    Q_EMIT opened(searcher_ ? QString() : openError_);
}

fibrokb::Searcher* SearchWorker::current()
{
    if (!searcher_) {
        if (openError_.isEmpty())
            openError_ = tr("The library is not open.");
        return nullptr;
    }
    if (!isOutdated(*searcher_))
        return searcher_.get();
    // A rebuild switched the stub to a newer generation (or the folder went away): open what it names now.
    const std::string before = searcher_->generation();
    searcher_.reset();
    searcher_ = openSearcher(indexDir_, &openError_);
    if (!searcher_) {
        qCWarning(lcSearch) << "cannot reopen index" << indexDir_ << openError_;
        return nullptr;
    }
    openError_.clear();
    if (searcher_->generation() != before) {
        qCInfo(lcSearch) << "index rebuilt; now searching" << toQString(searcher_->generation());
        Q_EMIT generationChanged(toQString(searcher_->generation()));
    }
    return searcher_.get();
}

template <typename Work>
QString SearchWorker::run(Work&& work)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        fibrokb::Searcher* searcher = current();
        if (!searcher)
            return openError_;
        QString error;
        try {
            work(*searcher);
            return {};
        } catch (const fibrokb::IndexError& e) {
            error = errorText(e);
        } catch (const std::exception& e) {
            error = errorText(e);
        } catch (...) {
            error = tr("An unknown error happened while reading the library.");
        }
        // A rebuild that switched generations in the middle is worth one more try on the new one;
        // anything else is a damaged or vanished index.
        if (!searcher_ || !isOutdated(*searcher_))
            return error;
    }
    return tr("The library changed twice while it was being read; try again.");
}

void SearchWorker::search(quint64 seq, const SearchQuery& query)
{
    // A newer request is already queued: answering this one would only be dropped.
    if (latestSeq_ && seq < latestSeq_->load())
        return;

    SearchAnswer answer;
    answer.seq = seq;
    answer.query = query;
    QElapsedTimer timer;
    timer.start();
    answer.error = run([&](fibrokb::Searcher& searcher) { runSearch(searcher, query, answer); });
    if (!answer.error.isEmpty()) {
        // search() promises not to throw for bad syntax: anything else is an index problem.
        qCWarning(lcSearch) << "search failed" << answer.error;
        answer.total = 0;
        answer.items.clear();
        answer.topicCounts.clear();
        answer.typeCounts.clear();
        answer.audienceCounts.clear();
    }
    answer.elapsedMs = timer.elapsed();
    Q_EMIT answered(answer);
}

void SearchWorker::runSearch(fibrokb::Searcher& searcher, const SearchQuery& query, SearchAnswer& answer)
{
    const fibrokb::SearchResult result = searcher.search(query.toRequest());
    answer.total = result.total;
    answer.items.clear();
    answer.items.reserve(int(result.hits.size()));
    for (const fibrokb::Hit& hit : result.hits)
        answer.items.push_back(ResultItem::fromHit(hit));
    answer.topicCounts.clear();
    answer.typeCounts.clear();
    answer.audienceCounts.clear();
    for (const auto& [key, count] : result.facets.topics)
        answer.topicCounts.insert(toQString(key), count);
    for (const auto& [key, count] : result.facets.types)
        answer.typeCounts.insert(toQString(key), count);
    for (const auto& [key, count] : result.facets.audiences)
        answer.audienceCounts.insert(toQString(key), count);
    if (query.isEmpty() && !query.hasFilters()) {
        // The home state: counts for everything (the engine reports no facets for an empty request).
        const fibrokb::IndexInfo& info = libraryInfo(searcher);
        for (const auto& [key, count] : info.byTopic)
            answer.topicCounts.insert(toQString(key), count);
        for (const auto& [key, count] : info.byType)
            answer.typeCounts.insert(toQString(key), count);
        for (const auto& [key, count] : info.byAudience)
            answer.audienceCounts.insert(toQString(key), count);
    }
    if (result.total == 0 && query.hasFilters() && !query.isEmpty())
        answer.totalWithoutFilters = totalWithoutFilters(searcher, query);
    answer.corrected = result.corrected ? toQString(*result.corrected) : QString();
    answer.showingCorrected = result.showingCorrected;
    answer.relaxed = result.relaxed;
    answer.truncated = result.truncated;
    if (query.asYouType)
        answer.completion = completionFor(searcher, query.text);
}

int SearchWorker::totalWithoutFilters(const fibrokb::Searcher& searcher, const SearchQuery& query) const
{
    fibrokb::SearchRequest request = query.toRequest();
    request.topics.clear();
    request.type.clear();
    request.audience.clear();
    request.limit = 0;  // the count only: no rows, no snippets
    request.snippets = 0;
    const fibrokb::SearchResult result = searcher.search(request);
    // Pages found only through a spelling correction or with some of the words are not "pages that match
    // the words": the person is told nothing was found, as before.
    return result.showingCorrected || result.relaxed ? 0 : result.total;
}

// The longest-matching completion that extends what the person typed, or "".
// Titles complete the whole text; spelling words complete the last word.
QString SearchWorker::completionFor(const fibrokb::Searcher& searcher, const QString& text) const
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
            if (!head.isEmpty() && candidate.size() > lastWord.size() &&
                candidate.startsWith(lastWord, Qt::CaseInsensitive) && !candidate.contains(QLatin1Char(' ')))
                return head + lastWord + candidate.mid(lastWord.size());
        }
        return {};
    };
    try {
        QString found = extend(searcher.complete(toStdString(typed.trimmed()), 8));
        if (found.isEmpty() && !head.isEmpty() && lastWord.size() >= 2)
            found = extend(searcher.complete(toStdString(lastWord), 8));
        return found;
    } catch (...) {
        // A completion is a nicety: the search itself reports any index problem.
        return {};
    }
}

const fibrokb::IndexInfo& SearchWorker::libraryInfo(fibrokb::Searcher& searcher)
{
    if (!info_ || infoGeneration_ != searcher.generation()) {
        info_ = std::make_unique<fibrokb::IndexInfo>(searcher.info());
        infoGeneration_ = searcher.generation();
    }
    return *info_;
}

void SearchWorker::loadHome()
{
    HomeData home;
    home.error = run([&](fibrokb::Searcher& searcher) { runHome(searcher, home); });
    if (!home.error.isEmpty()) {
        home.topics.clear();
        home.startHere.clear();
        home.documents = 0;
    }
    Q_EMIT homeLoaded(home);
}

void SearchWorker::runHome(fibrokb::Searcher& searcher, HomeData& home)
{
    home.topics.clear();
    home.startHere.clear();
    const fibrokb::IndexInfo& info = libraryInfo(searcher);
    home.documents = info.documents;
    for (const fibrokb::Topic& topic : searcher.topics()) {
        TopicInfo t;
        t.id = toQString(topic.id);
        t.label = toQString(topic.label);
        t.description = toQString(topic.description);
        const auto count = info.byTopic.find(topic.id);
        t.count = count == info.byTopic.end() ? 0 : count->second;
        home.topics.push_back(t);
    }
    // "Start here" pages carry a higher curated importance (2 in the authoring guide): the engine
    // filters on it (a value slot), and each hit reports it for the order. No page is opened.
    fibrokb::SearchRequest browse;
    browse.type = "article";
    browse.minImportance = 2.0;
    browse.limit = 50;
    const fibrokb::SearchResult all = searcher.search(browse);
    QVector<QPair<double, ResultItem>> ranked;
    for (const fibrokb::Hit& hit : all.hits)
        if (hit.importance >= 2.0)
            ranked.push_back({hit.importance, ResultItem::fromHit(hit)});
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& entry : ranked)
        home.startHere.push_back(entry.second);
}

}  // namespace fibrokb::app

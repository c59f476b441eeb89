// Runs engine queries on its own thread. It owns its own fibrokb::Searcher because
// Xapian handles are not thread-safe; nothing here is touched by the UI thread except
// through queued slot calls and the shared `latest` sequence number.
//
// Before each request it checks (one small file read) whether a rebuild switched the index
// to a newer generation, and if so opens a new Searcher on it. Every engine failure (a
// damaged or vanished index) becomes an error in the answer, never an exception out of a slot.
#pragma once

#include "core/search_types.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <string>

namespace fibrokb {
class Searcher;
struct IndexInfo;
}  // namespace fibrokb

namespace fibrokb::app {

class SearchWorker final : public QObject {
    Q_OBJECT
public:
    // `latestSeq` is written by the controller whenever it sends a newer request, so the
    // worker can skip requests that are already stale before it starts them.
    explicit SearchWorker(std::shared_ptr<std::atomic<quint64>> latestSeq, QObject* parent = nullptr);
    ~SearchWorker() override;

public Q_SLOTS:
    void open(const QString& indexDir);
    void search(quint64 seq, const fibrokb::app::SearchQuery& query);
    void loadHome();

Q_SIGNALS:
    void opened(const QString& error);
    void answered(const fibrokb::app::SearchAnswer& answer);
    void homeLoaded(const fibrokb::app::HomeData& home);
    // A rebuild switched the index and the worker now searches the new generation.
    void generationChanged(const QString& generation);

private:
    // The Searcher to use now: reopened when the index moved to a newer generation. Null (and
    // openError_ set) when the index cannot be opened any more.
    fibrokb::Searcher* current();
    // Runs `work` on the current Searcher. If it fails because a rebuild switched generations
    // meanwhile, it runs once more on the new one. Returns the error ("" = none).
    template <typename Work>
    QString run(Work&& work);
    void runSearch(fibrokb::Searcher& searcher, const SearchQuery& query, SearchAnswer& answer);
    void runHome(fibrokb::Searcher& searcher, HomeData& home);
    QString completionFor(const fibrokb::Searcher& searcher, const QString& text) const;
    // Pages the query's words match with every filter removed (for the empty state's wording).
    int totalWithoutFilters(const fibrokb::Searcher& searcher, const SearchQuery& query) const;
    // The whole library's counts (Searcher::info), read once per index generation and reused: the
    // empty query's answer (the home state) carries them, as the engine gives no facets for it.
    const fibrokb::IndexInfo& libraryInfo(fibrokb::Searcher& searcher);

    std::shared_ptr<std::atomic<quint64>> latestSeq_;
    std::unique_ptr<fibrokb::Searcher> searcher_;
    QString indexDir_;
    QString openError_;
    std::unique_ptr<fibrokb::IndexInfo> info_;  // libraryInfo() of infoGeneration_
    std::string infoGeneration_;
};

}  // namespace fibrokb::app

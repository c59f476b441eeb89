// Runs engine queries on its own thread. It owns its own fibrokb::Searcher because
// Xapian handles are not thread-safe; nothing here is touched by the UI thread except
// through queued slot calls and the shared `latest` sequence number.
#pragma once

#include "core/search_types.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace fibrokb {
class Searcher;
}

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

private:
    QString completionFor(const QString& text) const;

    std::shared_ptr<std::atomic<quint64>> latestSeq_;
    std::unique_ptr<fibrokb::Searcher> searcher_;
    QString openError_;
};

}  // namespace fibrokb::app

// The UI side of searching: numbers every request, sends it to the worker thread and passes on
// only the answer to the newest request.
//
// Typing searches as you type with no fixed wait. A keystroke never blocks and never queues work
// behind work: when no request is in flight its text is sent at once; while one is in flight only
// the newest text is kept, and it is sent when that answer arrives (coalescing). So at most one
// typing request is ever waiting on the worker, however fast the keys come, and every pause in
// typing ends with the answer to exactly what is in the field. An answer that arrives when newer
// text is already waiting is not shown (it would flash results for text the person has typed past);
// answers to requests that are no longer the newest are dropped by their sequence number.
#pragma once

#include "core/search_types.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace fibrokb::app {

class SearchWorker;

class SearchController final : public QObject {
    Q_OBJECT
public:
    explicit SearchController(QObject* parent = nullptr);
    ~SearchController() override;

    // Opens the index on the worker thread; `opened` reports the outcome. Until the worker has
    // opened it, what it reports about the index opened before (home data, errors) is dropped.
    void open(const QString& indexDir);

    const SearchQuery& query() const { return query_; }
    quint64 lastSeq() const { return seq_; }
    quint64 answeredSeq() const { return answeredSeq_; }
    int droppedAnswers() const { return dropped_; }
    // A request was sent and its answer has not arrived yet.
    bool isInFlight() const { return answeredSeq_ != seq_; }
    // Typed text is waiting for the request in flight to be answered.
    bool hasPendingText() const { return pending_; }
    // Nothing waiting to be sent and the newest request answered.
    bool isIdle() const { return !pending_ && !isInFlight(); }

public Q_SLOTS:
    // Typing: sent at once when the worker is free, else kept (newest only) until the answer arrives.
    void setText(const QString& text);
    // Filters and explicit submits run at once.
    void setTopics(const QStringList& topics);
    void toggleTopic(const QString& topic, bool on);
    void setType(const QString& type);
    void setAudience(const QString& audience);
    void clearFilters();
    void setQuery(const fibrokb::app::SearchQuery& query);
    void submitNow();
    void loadHome();

Q_SIGNALS:
    void opened(const QString& error);
    void queryChanged(const fibrokb::app::SearchQuery& query);
    // A request left for the worker (before it is answered).
    void searchSent(quint64 seq, const fibrokb::app::SearchQuery& query);
    void resultsReady(const fibrokb::app::SearchAnswer& answer);
    void homeReady(const fibrokb::app::HomeData& home);
    void busyChanged(bool busy);
    // The worker found the index rebuilt and now searches its new generation.
    void generationChanged(const QString& generation);

private:
    void onAnswered(const SearchAnswer& answer);
    void filtersChanged();

    QThread thread_;
    SearchWorker* worker_ = nullptr;  // lives in thread_, deleted when it finishes
    SearchQuery query_;
    bool pending_ = false;  // query_ changed by typing since the request in flight was sent
    quint64 seq_ = 0;
    std::shared_ptr<std::atomic<quint64>> latestSeq_;
    quint64 answeredSeq_ = 0;
    int dropped_ = 0;
    int pendingOpens_ = 0;  // open() calls the worker has not answered yet
};

}  // namespace fibrokb::app

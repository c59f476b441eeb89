// The UI side of searching: debounces typing, numbers every request, sends it to the
// worker thread and passes on only the answer to the newest request.
#pragma once

#include "core/search_types.h"

#include <QObject>
#include <QThread>
#include <QTimer>

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
    // Nothing waiting to be sent and the newest request answered.
    bool isIdle() const { return !debounce_.isActive() && answeredSeq_ == seq_; }
    int debounceMs() const { return debounce_.interval(); }
    void setDebounceMs(int ms) { debounce_.setInterval(ms); }

public Q_SLOTS:
    // Typing: restarts the debounce timer.
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
    void resultsReady(const fibrokb::app::SearchAnswer& answer);
    void homeReady(const fibrokb::app::HomeData& home);
    void busyChanged(bool busy);
    // The worker found the index rebuilt and now searches its new generation.
    void generationChanged(const QString& generation);

private:
    void onAnswered(const SearchAnswer& answer);
    void filtersChanged();

    QThread thread_;
    SearchWorker* worker_ = nullptr;   // lives in thread_, deleted when it finishes
    QTimer debounce_;
    SearchQuery query_;
    quint64 seq_ = 0;
    std::shared_ptr<std::atomic<quint64>> latestSeq_;
    quint64 answeredSeq_ = 0;
    int dropped_ = 0;
    int pendingOpens_ = 0;   // open() calls the worker has not answered yet
};

}  // namespace fibrokb::app

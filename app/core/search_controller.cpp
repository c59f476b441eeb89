#include "core/search_controller.h"

#include "core/search_worker.h"

namespace fibrokb::app {

SearchController::SearchController(QObject* parent)
    : QObject(parent), latestSeq_(std::make_shared<std::atomic<quint64>>(0))
{
    registerSearchMetaTypes();
    thread_.setObjectName(QStringLiteral("fibrokb-search"));
    worker_ = new SearchWorker(latestSeq_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SearchWorker::answered, this, &SearchController::onAnswered);
    connect(worker_, &SearchWorker::opened, this, [this](const QString& error) {
        --pendingOpens_;
        if (pendingOpens_ == 0)  // an older open, already replaced, says nothing about the index now
            Q_EMIT opened(error);
    });
    connect(worker_, &SearchWorker::homeLoaded, this, [this](const HomeData& home) {
        if (pendingOpens_ == 0)
            Q_EMIT homeReady(home);
    });
    connect(worker_, &SearchWorker::generationChanged, this, &SearchController::generationChanged);
    thread_.start();
}

SearchController::~SearchController()
{
    thread_.quit();
    thread_.wait();
}

void SearchController::open(const QString& indexDir)
{
    ++pendingOpens_;
    SearchWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker, indexDir] { worker->open(indexDir); }, Qt::QueuedConnection);
}

void SearchController::setText(const QString& text)
{
    if (text == query_.text)
        return;
    query_.text = text;
    query_.asYouType = true;
    Q_EMIT queryChanged(query_);
    // Coalescing instead of a fixed wait: the worker is never handed more than one typing request,
    // and the newest text goes out as soon as the worker is free.
    if (isInFlight())
        pending_ = true;
    else
        submitNow();
}

void SearchController::setTopics(const QStringList& topics)
{
    if (topics == query_.topics)
        return;
    query_.topics = topics;
    filtersChanged();
}

void SearchController::toggleTopic(const QString& topic, bool on)
{
    QStringList topics = query_.topics;
    if (on && !topics.contains(topic))
        topics << topic;
    if (!on)
        topics.removeAll(topic);
    setTopics(topics);
}

void SearchController::setType(const QString& type)
{
    if (type == query_.type)
        return;
    query_.type = type;
    filtersChanged();
}

void SearchController::setAudience(const QString& audience)
{
    if (audience == query_.audience)
        return;
    query_.audience = audience;
    filtersChanged();
}

void SearchController::clearFilters()
{
    if (!query_.hasFilters())
        return;
    query_.topics.clear();
    query_.type.clear();
    query_.audience.clear();
    filtersChanged();
}

void SearchController::setQuery(const SearchQuery& query)
{
    query_ = query;
    Q_EMIT queryChanged(query_);
    submitNow();
}

void SearchController::filtersChanged()
{
    Q_EMIT queryChanged(query_);
    submitNow();
}

void SearchController::submitNow()
{
    pending_ = false;
    ++seq_;
    latestSeq_->store(seq_);
    Q_EMIT busyChanged(true);
    Q_EMIT searchSent(seq_, query_);
    SearchWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker, seq = seq_, query = query_] { worker->search(seq, query); }, Qt::QueuedConnection);
}

void SearchController::loadHome()
{
    SearchWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker] { worker->loadHome(); }, Qt::QueuedConnection);
}

void SearchController::onAnswered(const SearchAnswer& answer)
{
    // Late answers to older requests are dropped: only the newest request is shown.
    if (answer.seq != seq_) {
        ++dropped_;
        return;
    }
    answeredSeq_ = answer.seq;
    if (pending_) {
        // The person typed on while this was searched: send the newest text now and drop this answer,
        // which is for text already typed past. busy stays true until that answer is in.
        ++dropped_;
        submitNow();
        return;
    }
    Q_EMIT busyChanged(false);
    Q_EMIT resultsReady(answer);
}

}  // namespace fibrokb::app

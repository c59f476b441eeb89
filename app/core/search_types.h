// Qt-side value types that travel between the search worker thread and the UI.
// They copy what the engine returns into QStrings so no engine object crosses threads.
#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <exception>
#include <memory>
#include <string>

namespace fibrokb {
struct Hit;
struct SearchRequest;
class Searcher;
}  // namespace fibrokb

namespace fibrokb::app {

// What the person asked for: the text in the search field plus the active filters.
struct SearchQuery {
    QString text;
    QStringList topics;     // OR'ed
    QString type;           // "" | "article" | "faq"
    QString audience;       // "" | "patients" | "caregivers" | "everyone"
    bool asYouType = true;  // expand the last word while the person is typing
    // Each row costs a snippet and a best-section pick in the engine (the bulk of a keystroke's time,
    // docs/performance.md). 50 rows is more than anyone scrolls; the header still shows the full count.
    int limit = 50;
    // Rows that get a snippet cut around the matched words; the rest show their summary. A window shows at
    // most a dozen rows, so 20 covers the first screen and a scroll; each snippet cost about 0.2 ms at 5,000
    // documents (docs/performance.md).
    int snippets = 20;

    bool isEmpty() const { return text.trimmed().isEmpty(); }
    bool hasFilters() const { return !topics.isEmpty() || !type.isEmpty() || !audience.isEmpty(); }
    fibrokb::SearchRequest toRequest() const;
    bool operator==(const SearchQuery& other) const;
    bool operator!=(const SearchQuery& other) const { return !(*this == other); }
};

// One row of the result list.
struct ResultItem {
    QString id;         // article id, or fileId#anchor for an FAQ entry
    QString articleId;  // the page to open
    QString title;
    QString type;  // "article" | "faq"
    QStringList topics;
    QString audience;
    QString summary;      // plain text; for an FAQ entry the start of its answer
    QString snippetHtml;  // HTML-escaped, matches in <b>..</b>
    QString anchor;       // section to scroll to ("" = top)
    QString reviewed;     // ISO date
    double score = 0;
    bool partial = false;  // matches only some of the words: listed below the "some of your words" divider

    static ResultItem fromHit(const fibrokb::Hit& hit);
};

struct SearchAnswer {
    quint64 seq = 0;
    SearchQuery query;
    int total = 0;
    QVector<ResultItem> items;
    QMap<QString, int> topicCounts;
    QMap<QString, int> typeCounts;
    QMap<QString, int> audienceCounts;
    QString corrected;  // spelling suggestion ("" = none)
    bool showingCorrected = false;
    bool relaxed = false;
    QString likeTitle;       // set when the list shows the pages like one result ("More like this")
    QString completion;      // full text the field could complete to ("" = none)
    bool truncated = false;  // the query was longer than the engine takes; only its start was searched
    QString error;           // set when the index could not be searched (damaged, gone, not open)
    // Only when filters left nothing of a typed query: how many pages match its words with no filters
    // (-1 = not counted). It costs one more search, so it is counted only then, to tell "the filters hide
    // them" from "nothing matches".
    int totalWithoutFilters = -1;
    qint64 elapsedMs = 0;
};

struct TopicInfo {
    QString id;
    QString label;
    QString description;
    int count = 0;
};

// What the home view shows when the query is empty.
struct HomeData {
    QVector<TopicInfo> topics;
    QVector<ResultItem> startHere;
    int documents = 0;
    QString error;
};

QString toQString(const std::string& text);
std::string toStdString(const QString& text);
QString errorText(const std::exception& error);

// Opens a Searcher on `indexDir`, or returns null and fills `error` (never throws). When a rebuild switches
// the index between reading the stub and opening it (the generation it named may be gone by then), it tries
// once more on the new generation.
std::unique_ptr<fibrokb::Searcher> openSearcher(const QString& indexDir, QString* error);
// True when the index folder now names another generation than `searcher` opened (a rebuild happened, or the
// folder is gone). Never throws: a check that fails counts as outdated, so the caller reopens and sees why.
bool isOutdated(const fibrokb::Searcher& searcher);

void registerSearchMetaTypes();

}  // namespace fibrokb::app

Q_DECLARE_METATYPE(fibrokb::app::SearchQuery)
Q_DECLARE_METATYPE(fibrokb::app::SearchAnswer)
Q_DECLARE_METATYPE(fibrokb::app::HomeData)

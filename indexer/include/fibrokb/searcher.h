// Read side of the engine: one Searcher per thread (Xapian handles are not thread-safe).
#pragma once

#include <fibrokb/article.h>

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fibrokb {

// The one exception type the read side throws: the index is missing, corrupt, of another schema, or went
// away (a damaged file, a vanished folder, an unreachable server). Every Searcher method translates
// Xapian::Error (which does not derive from std::exception) and broken stored data into it.
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SearchRequest {
    std::string query;                // free text in the query language; may be empty (browse)
    std::vector<std::string> topics;  // OR'ed together
    std::string type;                 // "" | "article" | "faq"       (AND'ed)
    std::string audience;             // "" | patients | caregivers | everyone (AND'ed). A group also gets the pages
                                      // written for everyone: "caregivers" keeps caregivers and everyone pages.
    double minImportance = 0;         // > 1: only pages with at least this curated importance ("start here")
    int offset = 0;
    int limit = 10;
    bool asYouType = false;  // expand the last word as a prefix (from 3 characters)
    int snippets = -1;       // rows that get a snippet (the rest show their summary); -1: all.
                             // A snippet costs about as much as the match itself: ask for the visible rows.
};

struct Hit {
    std::string id;         // article id, or fileId#anchor for a FAQ entry
    std::string articleId;  // the file to open (same as id for articles)
    std::string title;      // article title, or the question for a FAQ entry
    DocType type = DocType::Article;
    std::vector<std::string> topics;
    std::string audience;
    std::string summary;  // article summary, or the start of the FAQ answer
    std::string snippet;  // HTML-escaped text; matches wrapped in <b>...</b>
    std::string anchor;   // best-matching section anchor ("" when none)
    std::string reviewed;
    std::string path;
    double score = 0;         // 0..100, percentage relevance
    double importance = 1.0;  // curated weight from the front matter (2 = start here, urgent help)
    bool partial = false;     // a closest partial match, shown below the pages that have every word
};

struct Facets {
    std::map<std::string, int> topics;
    std::map<std::string, int> types;
    std::map<std::string, int> audiences;  // by each page's own audience: filtering by a group gives its
                                           // count plus the "everyone" count (SearchRequest::audience)
};

struct SearchResult {
    int total = 0;
    std::vector<Hit> hits;
    Facets facets;
    std::optional<std::string> corrected;  // spelling suggestion for the query, if any
    bool showingCorrected = false;         // the query found nothing, so `corrected` was searched
    bool relaxed = false;                  // no document had every word; results match some words
    int partialMatches = 0;                // hits at the end of the first page that match only some words
                                           // (Hit::partial): few pages had every word, so the page was filled
    std::string parsed;                    // the query as parsed (Xapian description)
    bool truncated = false;                // the query was longer than kMaxQueryBytes and was cut
};

struct IndexInfo {
    int schemaVersion = 0;
    std::string buildDate;
    int documents = 0;
    std::map<std::string, int> byType;
    std::map<std::string, int> byTopic;          // documents (articles and FAQ entries)
    std::map<std::string, int> articlesByTopic;  // articles only
    std::map<std::string, int> byAudience;
    long long terms = 0;  // only with Searcher::info(TermCount::Count)
    long long sizeBytes = 0;
    std::string path;
};

// Ranking switches. The defaults are what the app and the tools use; bench/relevance turns each one off in
// turn to measure what it is worth (docs/search-quality.md).
struct SearchTuning {
    bool synonyms = true;         // expand lay words, brand names and misspellings from synonyms.txt
    bool spelling = true;         // search the spelling correction when the query found nothing
    bool importance = true;       // add the curated front matter importance to the score
    bool relaxToAnyWord = true;   // when no page has every word, rank pages by the words they have
    bool fillWithPartial = true;  // when few pages have every word, fill the first page with partial matches
    bool questionMatch = true;    // the typed words against the questions pages answer (titles, FAQ questions,
                                  // asked_as): matched whole with stop words kept, and lifted
    bool nearMisses = true;  // a page with all of 4+ words but one still matches when its title or questions have two
    bool questionsFavourFaq =
        false;  // question-shaped queries lift FAQ answers (measured: no gain once titleWords is on)
    bool titleWords =
        false;            // every typed word, stopwords too, matched against titles (measured: neutral with tuned BM25)
    double bm25K1 = 2.0;  // term frequency saturation (Xapian default 1.0; 2.0 measured best)
    double bm25B = 0.5;   // document length normalisation (Xapian default 0.5; 0.5 best on the blind tuning sets)
};

// The generation folder the index's stub file names now ("" when it names none). Cheap: reads one line.
// A reader compares it with Searcher::generation() to notice a rebuild and open a new Searcher.
std::string liveGeneration(const std::string& indexDir);

// Queries longer than this many bytes are cut (at a UTF-8 boundary) before parsing; SearchResult::truncated says so.
constexpr size_t kMaxQueryBytes = 1000;

class Searcher final {
public:
    // Opens the index directory (as written by IndexWriter), or a library served by xapian-tcpsrv: a Xapian stub
    // file holding one line `remote HOST:PORT`, or `tcp://HOST:PORT` (docs/remote-library.md). A remote library
    // is opened with timeouts (5 s to connect, 10 s per operation) and reconnected once when the server dropped
    // the connection. Throws IndexError.
    explicit Searcher(const std::string& indexDir);
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    // Never throws for bad query syntax: it falls back to a plain-word query.
    SearchResult search(const SearchRequest& request) const;

    // The stored article (rendered HTML, sections, sources) for an article or FAQ file id.
    std::optional<Article> article(const std::string& id) const;

    // Titles and spelling words that complete `prefix` (case-insensitive), best first.
    std::vector<std::string> complete(const std::string& prefix, int limit = 8) const;

    // Articles like `id` ("more like this"), excluding itself: `id` is an article, a FAQ file or one FAQ answer
    // ("faq-file#question", like that answer's own text).
    std::vector<Hit> related(const std::string& id, int limit = 5) const;

    std::vector<Topic> topics() const;
    // Documents by type, topic and audience, size, dates. Counting the distinct terms reads the whole term
    // list (a second or more at 100,000 documents), so only `fibrokb-index stats` asks for it; otherwise
    // IndexInfo::terms is 0.
    enum class TermCount { Skip, Count };
    IndexInfo info(TermCount terms = TermCount::Skip) const;

    // The generation this Searcher opened (see liveGeneration()).
    const std::string& generation() const;
    // True when the index folder now names another generation than the one open (a rebuild happened).
    // Always false for a remote library (its generation() is empty).
    bool outdated() const;

    void setTuning(const SearchTuning& tuning);
    const SearchTuning& tuning() const;

private:
    void openTables();  // schema check, synonyms, query builder; throws IndexError

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace fibrokb

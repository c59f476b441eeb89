// Turns what a person typed into a Xapian query. Never throws: malformed input falls back to plain words.
#pragma once

#include "synonyms.h"

#include <xapian.h>

#include <functional>
#include <string>

namespace fibrokb {

struct QueryOptions {
    bool asYouType = false;     // expand the last word as a prefix, from kMinPartialLength characters
    bool matchAllWords = true;  // AND between words; false = OR (used when AND finds nothing)
    bool synonyms = true;
    bool boostImportance = true;
    bool questionsFavourFaq = true;
    bool titleWords = true;
    bool questionMatch = true;  // match and lift pages whose questions (XQ terms) have the typed words
    bool nearMisses = true;     // with matchAllWords: a page missing one of 4+ words still matches when its
                                // title or questions have two of them ("gentle exercises for hip pain at home")
    std::string questionText;   // the words for the question match when not the typed ones (a spelling
                                // correction: "fibromylagia back pain" asks the question "fibromyalgia back pain")
};

class QueryBuilder {
public:
    static constexpr size_t kMinPartialLength = 3;

    QueryBuilder(const Xapian::Database& db, const SynonymTable& synonyms);

    Xapian::Query build(const std::string& text, const QueryOptions& options) const;

    // For a query no page fully matches: pages with all words but one rank above pages with a single word.
    Xapian::Query buildRelaxed(const std::string& text, const QueryOptions& options) const;

    // A spelling suggestion for the whole query, or "" when every word is known.
    std::string correction(const std::string& text) const;

    // Where spelling suggestions come from when not from the index's own spelling table: Xapian 1.4's remote
    // backend serves no spelling table, so a Searcher on a remote library gives one built from its word list.
    // Called only when a query has an unknown word.
    void setSpellingSource(std::function<Xapian::Database()> source) { spellingSource_ = std::move(source); }

    // True when the text uses the query language (operators, quotes, prefixes, +/-, wildcards).
    static bool usesSyntax(const std::string& text);

    // While typing, a last word shorter than kMinPartialLength is not yet a word: "hip pain at n" -> "hip pain at".
    static std::string withoutUnfinishedWord(const std::string& text);

    // "why do I wake up tired", "is heat safe?": a question an FAQ entry may answer directly.
    static bool looksLikeQuestion(const std::string& text);

private:
    Xapian::Query parse(const std::string& text, unsigned flags, const QueryOptions& options) const;
    Xapian::QueryParser makeParser(const QueryOptions& options) const;
    Xapian::Query withBoosts(Xapian::Query query, const std::string& text, const QueryOptions& options) const;
    Xapian::Query withQuestionMatch(Xapian::Query query, const std::string& text) const;
    Xapian::Query withNearMisses(Xapian::Query strict, const std::string& text, const QueryOptions& options) const;

    const Xapian::Database& db_;
    const SynonymTable& synonyms_;
    Xapian::SimpleStopper stopper_;
    std::function<Xapian::Database()> spellingSource_;
};

}  // namespace fibrokb

#include "query_builder.h"

#include "schema.h"
#include "words.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace fibrokb {
namespace {

// Common English words that carry no meaning in a search ("why do I wake up tired" -> "wake tired").
const char* const kStopwords[] = {
    "a",    "about", "after", "all",   "am",     "an",     "and",   "any",  "are",  "as",    "at",  "be",
    "been", "being", "but",   "by",    "can",    "could",  "did",   "do",   "does", "doing", "for", "from",
    "get",  "got",   "had",   "has",   "have",   "having", "he",    "her",  "here", "him",   "his", "how",
    "i",    "i'm",   "if",    "in",    "into",   "is",     "it",    "its",  "it's", "just",  "me",  "my",
    "of",   "on",    "or",    "our",   "she",    "should", "so",    "some", "than", "that",  "the", "their",
    "them", "then",  "there", "these", "they",   "this",   "those", "to",   "too",  "us",    "was", "we",
    "were", "what",  "when",  "where", "which",  "who",    "why",   "will", "with", "would", "you", "your",
    "im",   "ive",   "i've",  "can't", "really", "very",   "much",  "many"};

// How much a curated importance of 2 (start-here, urgent help) adds to a BM25 score.
// Measured with bench/relevance (docs/search-quality.md): 1.5 let the start-here page win generic queries.
constexpr double kImportanceScale = 0.4;
// How much an FAQ answer gains when the query is shaped like a question.
constexpr double kQuestionFaqBoost = 1.5;
// Weight of the title-words lift: "what is fibromyalgia" is mostly stopwords, but the FAQ question
// "What is fibromyalgia, in plain words?" has all three words in its title.
constexpr double kTitleWordsScale = 0.5;

// The reader's question against the questions pages answer (schema::kQuestionPrefix). A page one of whose
// questions has every typed word close together is added to the matches and lifted by this much times the
// words' BM25 weights; a page whose questions share the typed meaningful words is lifted by the second.
// Measured on the dev queries (tests/relevance/blind/dev.tsv) and the regression set, never on the blind test set.
// The second was 0.15 until the blind tuning sets (test, dev, dev2: 222 queries, docs/search-quality.md) showed
// readers' own wording finding its page more often with a stronger lift: 0.850 -> 0.86 MRR@5 at 1.0, flat from
// 0.8 to 1.2, and the regression set 0.945 -> 0.958.
constexpr double kQuestionMatchScale = 1.0;
constexpr double kQuestionWordsScale = 1.0;
// Near misses (QueryOptions::nearMisses): from this many meaningful words; up to kMaxQuestionWords.
constexpr size_t kMinNearMissWords = 4;
// Questions longer than this are not matched whole: a long message rarely has every word in one question.
constexpr size_t kMaxQuestionWords = 10;
// Two words are a concept ("fibro fog"), not a question: the page about it should win, not the FAQ entry.
constexpr size_t kMinQuestionWords = 3;

Xapian::Query valueBoost(Xapian::valueno slot, double scale)
{
    Xapian::Query source((new Xapian::ValueWeightPostingSource(slot))->release());
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, source, scale);
}

// A typed word without quotes, brackets and the like, lower-cased (Unicode: "Café" -> "café").
std::string bareWord(const std::string& word)
{
    std::string out;
    for (const std::string& w : words::split(word))
        out += w;
    return out;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const SynonymTable& synonyms) : db_(db), synonyms_(synonyms)
{
    for (const char* w : kStopwords)
        stopper_.add(w);
}

Xapian::QueryParser QueryBuilder::makeParser(const QueryOptions& options) const
{
    Xapian::QueryParser qp;
    qp.set_database(db_);
    qp.set_stemmer(Xapian::Stem(schema::kStemLanguage));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(&stopper_);
    qp.set_default_op(options.matchAllWords ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    qp.add_prefix("title", schema::kTitlePrefix);
    qp.add_boolean_prefix("topic", schema::kTopicPrefix);
    qp.add_boolean_prefix("type", schema::kTypePrefix);
    qp.add_boolean_prefix("audience", schema::kAudiencePrefix);
    // Without a limit, "p*" would expand to every word starting with p.
    qp.set_max_expansion(30, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                         Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
    return qp;
}

Xapian::Query QueryBuilder::parse(const std::string& text, unsigned flags, const QueryOptions& options) const
{
    Xapian::QueryParser qp = makeParser(options);
    return qp.parse_query(text, flags);
}

std::string QueryBuilder::withoutUnfinishedWord(const std::string& text)
{
    if (text.empty() || std::isspace(static_cast<unsigned char>(text.back())))
        return text;
    size_t start = text.find_last_of(" \t");
    start = start == std::string::npos ? 0 : start + 1;
    if (start == 0 || text.size() - start >= kMinPartialLength)
        return text;  // a lone short word stays
    for (size_t i = start; i < text.size(); ++i)
        if (!std::isalnum(static_cast<unsigned char>(text[i])))
            return text;  // "x*", "\"ab": leave syntax alone
    return text.substr(0, start);
}

bool QueryBuilder::usesSyntax(const std::string& text)
{
    for (const char* op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
        std::string t = " " + text + " ";
        if (t.find(std::string(" ") + op + " ") != std::string::npos)
            return true;
    }
    for (char c : text)
        if (c == '"' || c == ':' || c == '*' || c == '(' || c == '+')
            return true;
    return text.find(" -") != std::string::npos || (!text.empty() && text[0] == '-');
}

Xapian::Query QueryBuilder::build(const std::string& text, const QueryOptions& options) const
{
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    // Partial matching only once the last word has a few letters, and not after a space.
    if (options.asYouType && !text.empty() && !std::isspace(static_cast<unsigned char>(text.back()))) {
        size_t start = text.find_last_of(" \t\"(");
        std::string last = text.substr(start == std::string::npos ? 0 : start + 1);
        if (last.size() >= kMinPartialLength)
            flags |= Xapian::QueryParser::FLAG_PARTIAL;
    }
    const std::string expanded = options.synonyms ? synonyms_.expand(text) : text;
    Xapian::Query query;
    try {
        query = parse(expanded, flags, options);
    } catch (const Xapian::QueryParserError&) {
        // Half-typed syntax ("hip AND", "\"unclosed", "((", "NOT"): search the words instead.
        const std::string plain = words::plain(text);
        unsigned plainFlags = flags & Xapian::QueryParser::FLAG_PARTIAL;
        try {
            query = parse(options.synonyms ? synonyms_.expand(plain) : plain,
                          plainFlags | Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE, options);
        } catch (const Xapian::QueryParserError&) {
            query = parse(plain, plainFlags, options);
        }
    }
    if (options.matchAllWords && options.nearMisses && !usesSyntax(text))
        query = withNearMisses(query, text, options);
    if (options.questionMatch && !usesSyntax(text))
        query = withQuestionMatch(query, options.questionText.empty() ? text : options.questionText);
    return withBoosts(query, text, options);
}

Xapian::Query QueryBuilder::withQuestionMatch(Xapian::Query query, const std::string& text) const
{
    static const Xapian::Stem stem(schema::kStemLanguage);
    std::vector<std::string> all, meaningful;
    for (const std::string& w : words::split(text)) {
        const std::string term = schema::kQuestionPrefix + stem(w);
        if (std::find(all.begin(), all.end(), term) == all.end())
            all.push_back(term);
        if (!stopper_(w) && std::find(meaningful.begin(), meaningful.end(), term) == meaningful.end())
            meaningful.push_back(term);
    }
    if (all.size() >= kMinQuestionWords && all.size() <= kMaxQuestionWords) {
        // Every word within a few positions of the others: in one question, in any order ("how is fibromyalgia
        // diagnosed" finds "How fibromyalgia is diagnosed").
        Xapian::Query near(Xapian::Query::OP_NEAR, all.begin(), all.end(), Xapian::termcount(all.size() + 2));
        Xapian::Query lifted(Xapian::Query::OP_SCALE_WEIGHT, near, kQuestionMatchScale);
        query = query.empty() ? lifted : Xapian::Query(Xapian::Query::OP_OR, query, lifted);
    }
    if (!query.empty() && !meaningful.empty()) {
        Xapian::Query words(Xapian::Query::OP_OR, meaningful.begin(), meaningful.end());
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, words, kQuestionWordsScale));
    }
    return query;
}

// A long query rarely has every word on the page that answers it: "gentle exercises for hip pain to do at home"
// is answered by "Gentle exercises for your lower back and hips", which never says "home". So a page that has
// all the meaningful words but one matches too when its title or questions have two of them, scored as the
// words it has (it cannot outscore a full match on the same words: it lacks one word's weight).
Xapian::Query QueryBuilder::withNearMisses(Xapian::Query strict, const std::string& text,
                                           const QueryOptions& options) const
{
    static const Xapian::Stem stem(schema::kStemLanguage);
    std::vector<std::string> meaningful;
    for (const std::string& w : words::split(text))
        if (!stopper_(w) && std::find(meaningful.begin(), meaningful.end(), w) == meaningful.end())
            meaningful.push_back(w);
    if (strict.empty() || meaningful.size() < kMinNearMissWords || meaningful.size() > kMaxQuestionWords)
        return strict;
    QueryOptions subsetOptions = options;
    subsetOptions.nearMisses = subsetOptions.questionMatch = false;
    subsetOptions.boostImportance = subsetOptions.questionsFavourFaq = subsetOptions.titleWords = false;
    std::vector<Xapian::Query> allButOne, inTitle;
    for (size_t skip = 0; skip < meaningful.size(); ++skip) {
        std::string subset;
        for (size_t i = 0; i < meaningful.size(); ++i)
            if (i != skip)
                subset += meaningful[i] + " ";
        allButOne.push_back(build(subset, subsetOptions));
        const std::string s = stem(meaningful[skip]);
        const std::vector<std::string> terms = {schema::stemmedTerm(schema::kTitlePrefix, s),
                                                schema::kQuestionPrefix + s};
        inTitle.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
    std::vector<Xapian::Query> pairs;
    for (size_t i = 0; i < inTitle.size(); ++i)
        for (size_t j = i + 1; j < inTitle.size(); ++j)
            pairs.emplace_back(Xapian::Query::OP_AND, inTitle[i], inTitle[j]);
    Xapian::Query nearMiss(Xapian::Query::OP_FILTER,
                           Xapian::Query(Xapian::Query::OP_OR, allButOne.begin(), allButOne.end()),
                           Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()));
    // A full match would match every all-but-one variant too and score several times over: only the misses.
    nearMiss = Xapian::Query(Xapian::Query::OP_AND_NOT, nearMiss, strict);
    return Xapian::Query(Xapian::Query::OP_OR, strict, nearMiss);
}

Xapian::Query QueryBuilder::buildRelaxed(const std::string& text, const QueryOptions& options) const
{
    QueryOptions any = options;
    any.matchAllWords = false;
    any.boostImportance = any.questionsFavourFaq = false;
    Xapian::Query query = build(text, any);
    // The meaningful words, for the "all but one" variants.
    std::vector<std::string> meaningful;
    for (const std::string& w : words::split(text))
        if (!stopper_(w))
            meaningful.push_back(w);
    if (meaningful.size() >= 3 && meaningful.size() <= 10) {
        QueryOptions all = any;
        all.matchAllWords = true;
        all.questionMatch = false;  // the whole question is matched once, above
        all.nearMisses = false;
        std::vector<Xapian::Query> allButOne;
        for (size_t skip = 0; skip < meaningful.size(); ++skip) {
            std::string subset;
            for (size_t i = 0; i < meaningful.size(); ++i)
                if (i != skip)
                    subset += meaningful[i] + " ";
            allButOne.push_back(build(subset, all));
        }
        query = Xapian::Query(Xapian::Query::OP_OR, query,
                              Xapian::Query(Xapian::Query::OP_OR, allButOne.begin(), allButOne.end()));
    }
    return withBoosts(query, text, options);
}

Xapian::Query QueryBuilder::withBoosts(Xapian::Query query, const std::string& text, const QueryOptions& options) const
{
    if (query.empty())
        return query;
    // Boosts reorder matches but never add any: OP_AND_MAYBE.
    if (options.boostImportance)
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, valueBoost(schema::kBoostSlot, kImportanceScale));
    if (options.titleWords) {
        std::vector<Xapian::Query> titleTerms;
        for (const std::string& w : words::split(text))
            titleTerms.emplace_back(schema::kTitlePrefix + w);
        if (titleTerms.size() > 1) {
            Xapian::Query echo(Xapian::Query::OP_OR, titleTerms.begin(), titleTerms.end());
            query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                                  Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, echo, kTitleWordsScale));
        }
    }
    if (options.questionsFavourFaq && looksLikeQuestion(text))
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, valueBoost(schema::kFaqSlot, kQuestionFaqBoost));
    return query;
}

bool QueryBuilder::looksLikeQuestion(const std::string& text)
{
    static const char* const starters[] = {"why",   "how",    "what", "when", "where", "which", "who", "can",
                                           "could", "should", "is",   "are",  "do",    "does",  "did", "will",
                                           "would", "am",     "was",  "has",  "have",  "may",   "must"};
    const std::vector<std::string> typed = words::split(text);
    const std::string first = typed.empty() ? std::string() : typed[0];
    for (const char* s : starters)
        if (first == s)
            return true;
    size_t end = text.find_last_not_of(" \t");
    return end != std::string::npos && text[end] == '?';
}

std::string QueryBuilder::correction(const std::string& text) const
{
    // Most queries are spelled right. When every word is one the library has (or a stopword), the rules below
    // would keep every typed word anyway, so Xapian's spelling search (trigram lists and edit distances, per
    // word) is skipped: it was a fifth of a search's time at 5,000 documents.
    const std::vector<std::string> plainTyped = words::split(text);
    if (std::all_of(plainTyped.begin(), plainTyped.end(),
                    [this](const std::string& w) { return stopper_(w) || db_.term_exists(w); }))
        return "";
    std::string corrected;
    try {
        Xapian::QueryParser qp = makeParser(QueryOptions{});
        if (spellingSource_)
            qp.set_database(spellingSource_());
        qp.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
        corrected = qp.get_corrected_query_string();
    } catch (const Xapian::QueryParserError&) {
        return "";  // half-typed syntax: no suggestion until it parses
    }
    if (corrected.empty() || corrected == text)
        return "";
    // Xapian corrects word by word and keeps the rest of the string as typed. A "correction" into a
    // stopword ("si joint" -> "is joint", "cant sleep" -> "can sleep") only loses meaning: keep the word.
    std::istringstream typedWords(text), fixedWords(corrected);
    std::vector<std::string> typed, fixed;
    for (std::string w; typedWords >> w;)
        typed.push_back(w);
    for (std::string w; fixedWords >> w;)
        fixed.push_back(w);
    if (typed.size() != fixed.size())
        return corrected;
    bool useful = false;
    std::string out;
    for (size_t i = 0; i < typed.size(); ++i) {
        // Without quotes, brackets and the like, in lower case.
        const std::string bareTyped = bareWord(typed[i]), bareFixed = bareWord(fixed[i]);
        // Never "correct" a word the library uses ("wake" -> "make"), nor a synonym key into anything but
        // one of its own synonyms ("advil" -> "advice" no; "fibromyalgea" -> "fibromyalgia" yes).
        const bool known =
            db_.term_exists(bareTyped) || (synonyms_.hasKey(bareTyped) && !synonyms_.isSynonym(bareTyped, bareFixed));
        const bool keepTyped = typed[i] == fixed[i] || known || stopper_(bareFixed);
        useful |= !keepTyped;
        out += (i ? " " : "") + (keepTyped ? typed[i] : fixed[i]);
    }
    return useful ? out : "";
}

}  // namespace fibrokb

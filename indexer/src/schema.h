// The index schema, in one place: shared by the writer, the searcher, the tools and the tests.
// Change anything here and bump kSchemaVersion: readers refuse an index of another version.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace fibrokb::schema {

// 2: document data and article records in stored_data.h's compact formats; facets and titles in value slots;
//    no XH heading terms (nothing searched them).
// 3: the document record compressed whole (stored_data.cpp says why).
// 4: XQ question terms (titles, FAQ questions and asked_as), every word kept, stemmed, with positions.
constexpr int kSchemaVersion = 4;
constexpr const char* kStemLanguage = "english";
// STEM_SOME: stemmed terms (Z-prefixed) for ranking plus unstemmed terms for phrases and exact words.
constexpr Xapian::TermGenerator::stem_strategy kStemStrategy = Xapian::TermGenerator::STEM_SOME;
// How STEM_SOME spells a stemmed term: "Z", then the field's prefix, then the stem ("ZSexercis" in a title).
inline std::string stemmedTerm(const std::string& prefix, const std::string& stem)
{
    return "Z" + prefix + stem;
}

// Term prefixes (Xapian convention: Q = unique id, S = subject/title, X... = our own).
constexpr const char* kIdPrefix = "Q";         // Q<id>: unique id term, one per document
constexpr const char* kTitlePrefix = "S";      // title words, also searchable as title:word
constexpr const char* kTopicPrefix = "XT";     // boolean: XT<topic-id>, also topic:<id>
constexpr const char* kTypePrefix = "XY";      // boolean: XYarticle | XYfaq
constexpr const char* kAudiencePrefix = "XA";  // boolean: XApatients | XAcaregivers | XAeveryone
// Pages written for everyone are written for each group too: filtering by a group also keeps them.
constexpr const char* kAudienceEveryone = "everyone";
constexpr const char* kFilePrefix = "XF";  // boolean: XF<file id> the document belongs to
// The questions a document answers, in readers' words: its title, a FAQ entry's question, an article's asked_as
// list. Every word is indexed (stop words too: "will it get better" is all stop words), stemmed (STEM_ALL, so no
// Z terms) and with positions, each question kNextQuestionGap positions after the last, so that a NEAR query
// matches the words of one question, not words spread over several.
constexpr const char* kQuestionPrefix = "XQ";
constexpr Xapian::termpos kNextQuestionGap = 100;

// Within-document frequency boosts: a word in the title counts as this many body occurrences.
constexpr int kTitleWdf = 6;
constexpr int kHeadingWdf = 3;
constexpr int kSummaryWdf = 2;

// Value slots.
constexpr Xapian::valueno kReviewedSlot = 0;   // "YYYYMMDD"
constexpr Xapian::valueno kTitleSortSlot = 1;  // lower-cased title, for browsing by title
constexpr Xapian::valueno kBoostSlot = 2;      // sortable_serialise(importance - 1), added to the score
constexpr Xapian::valueno kFaqSlot = 3;  // sortable_serialise(1) on FAQ entries: lifted for question-shaped queries
// The document's facet terms (topics, type, audience) as varint codes into kMetaFacetTerms. Counting facets over
// every match reads this one value instead of each document's term list (91% of a search's time before).
constexpr Xapian::valueno kFacetSlot = 4;
constexpr Xapian::valueno kTitleSlot = 5;  // the title as written, for completion without decoding records

// Metadata keys.
constexpr const char* kMetaSchemaVersion = "fibrokb.schema_version";
constexpr const char* kMetaBuildDate = "fibrokb.build_date";
constexpr const char* kMetaTopics = "fibrokb.topics";           // JSON list of {id, label, description}
constexpr const char* kMetaArticlePrefix = "fibrokb.article:";  // + file id -> stored::encodeArticleRecord
constexpr const char* kMetaFacetTerms = "fibrokb.facet_terms";  // JSON list of facet terms; index = code in kFacetSlot
// The synonym table again, as JSON {"key": ["synonym", ...]}: Xapian 1.4's remote backend serves metadata but
// not the synonym table, so a reader of a library on xapian-tcpsrv takes the synonyms from here.
constexpr const char* kMetaSynonyms = "fibrokb.synonyms";
// The keys of "a => b" rules (corpus.h, SynonymRule::readAs) as a JSON list: a query reads them as their
// synonyms only. Metadata, so that local and remote readers expand the same way.
constexpr const char* kMetaSynonymsReadAs = "fibrokb.synonyms_read_as";
// What a generation was built from, so that an update re-reads only the files that changed:
// kMetaFilePrefix + corpus-relative path (through booleanTerm, keys have the same length limit as terms)
// -> "<size> <mtime in ns> <file id>\n<path>"; and a hash of everything else the documents depend on
// (topics.yaml, synonyms.txt, index options), which an update must find unchanged.
constexpr const char* kMetaFilePrefix = "fibrokb.file:";
constexpr const char* kMetaCorpusSettings = "fibrokb.corpus_settings";

// Documents hold stored::encodeDocRecord: what a result row and its snippet need (stored_data.h).

// Xapian refuses terms longer than about 245 bytes, and one such term fails the whole add_document.
// Ids and anchors are already capped where they are made; this is the net under every boolean term
// (ids, files, topics, types, audiences) that the writer adds and the searcher looks up.
constexpr size_t kMaxTermBytes = 240;

inline std::string booleanTerm(const std::string& prefix, const std::string& value)
{
    std::string term = prefix + value;
    if (term.size() <= kMaxTermBytes)
        return term;
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a over the whole term: long values stay distinct
    for (unsigned char c : term)
        hash = (hash ^ c) * 1099511628211ull;
    char tail[20];
    std::snprintf(tail, sizeof tail, "#%016llx", static_cast<unsigned long long>(hash));
    return term.substr(0, kMaxTermBytes - 17) + tail;
}

// The live generation is named by a Xapian stub file in the index directory.
constexpr const char* kStubFile = "XAPIANDB";
constexpr const char* kGenerationPrefix = "gen-";
// One writer at a time: `fibrokb-index build` holds an flock(2) on this file in the index folder while it
// writes. The kernel drops the lock when the process dies, so a killed build never leaves it stuck.
constexpr const char* kLockFile = "fibrokb.lock";

}  // namespace fibrokb::schema

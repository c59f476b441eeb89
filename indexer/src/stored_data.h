// What the index stores besides terms: the per-document record a result row needs, and the per-file article
// record the reader needs. Both are written by the index writer and read by the searcher, nowhere else.
//
// Why not JSON: a search decodes the record of every hit on the page, and parsing an 11 KB JSON article to
// pick one section for a snippet cost more than the whole Xapian match at 5,000 documents. The document record
// is a flat list of length-prefixed fields (read in microseconds) followed by the snippet text, compressed; the
// article record (rendered HTML, sources, headings) is read only when a page is opened, so it stays JSON, but
// compressed: it was a third of the index (bench/run, docs/performance.md).
#pragma once

#include <fibrokb/article.h>

#include <xapian.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fibrokb::stored {

// Stored data that cannot be decoded: a damaged index, or one written by something else.
class DamagedData : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The text a snippet can be cut from: an article's sections, or a FAQ entry's answer (one section, level 0).
struct SnippetSection {
    std::string heading;
    int level = 0;
    std::string anchor;
    std::string text;
};

// One Xapian document's data: an article, or one FAQ entry.
struct DocRecord {
    std::string id;         // article id, or fileId#anchor
    std::string articleId;  // the file it belongs to
    std::string title;      // title, or the question
    DocType type = DocType::Article;
    std::vector<std::string> topics;
    std::string audience;
    std::string summary;  // summary, or the first line of the answer
    std::string anchor;   // FAQ entry anchor ("" for articles)
    std::string reviewed;
    std::string path;  // relative to the corpus folder
    std::vector<SnippetSection> sections;
    // For an article: its article record (encodeArticleRecord's JSON, uncompressed), compressed together with the
    // section texts, so that the text the HTML repeats costs next to nothing. Empty for FAQ entries.
    std::string article;
};

std::string encodeDocRecord(const DocRecord& record);
// How much of a record to read: the fields of a result row; those and the snippet sections (inflating no
// further); or everything, the article record included. Throws DamagedData.
enum class RecordPart { Header, Sections, All };
DocRecord decodeDocRecord(const std::string& data, RecordPart part);

// The article record: an article's inside its document record (DocRecord::article), a FAQ file's in the
// metadata table under schema::kMetaArticlePrefix + file id, compressed. An article's section texts are left
// out (DocRecord::sections holds them); decodeArticleRecord returns them empty.
std::string articleRecordJson(const Article& article);
std::string encodeArticleRecord(const Article& article);  // compressed, for the metadata table
Article decodeArticleRecord(const std::string& data);     // throws DamagedData
Article articleFromRecordJson(const std::string& json);   // throws DamagedData

// The article record of `id` (an article or a FAQ file) in `db`, wherever it is kept; nullopt when there is none.
std::optional<Article> readArticleRecord(const Xapian::Database& db, const std::string& id);

// zlib, with a one-byte tag so that short values are stored as they are.
std::string compress(const std::string& bytes);
std::string decompress(const std::string& stored);  // throws DamagedData

}  // namespace fibrokb::stored

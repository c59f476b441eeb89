#include "stored_data.h"

#include "schema.h"

#include "json.h"

#include <zlib.h>

#include <cstdint>

namespace fibrokb::stored {
namespace {

// Format tags: the first byte of every stored value says how to read the rest.
constexpr char kDocRecordV1 = 'D';
constexpr char kRaw = 'R';
constexpr char kZlib = 'Z';
// Largest value decoded: far above any page (files are at most 2 MB), low enough to refuse a damaged length.
constexpr std::uint64_t kMaxStoredBytes = 64u * 1024 * 1024;
// Below this size zlib's header and dictionary cost more than they save.
constexpr size_t kCompressFrom = 128;

void putVarint(std::string& out, std::uint64_t n)
{
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7F) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
}

void putString(std::string& out, const std::string& s)
{
    putVarint(out, s.size());
    out += s;
}

// Reads what putVarint/putString wrote; every read is bounds-checked, so damaged data throws, never overruns.
class Reader {
public:
    Reader(const std::string& data, size_t pos) : data_(data), pos_(pos) {}

    std::uint64_t varint()
    {
        std::uint64_t n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size())
                throw DamagedData("stored record ends early");
            const auto byte = static_cast<unsigned char>(data_[pos_++]);
            n |= std::uint64_t(byte & 0x7F) << shift;
            if (!(byte & 0x80))
                return n;
        }
        throw DamagedData("stored record has a bad number");
    }
    std::string string()
    {
        const std::uint64_t n = varint();
        if (n > data_.size() - pos_)
            throw DamagedData("stored record ends early");
        std::string s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::string rest() const { return data_.substr(pos_); }
    bool done() const { return pos_ == data_.size(); }

private:
    const std::string& data_;
    size_t pos_;
};

std::string encodeSections(const std::vector<SnippetSection>& sections)
{
    std::string out;
    putVarint(out, sections.size());
    for (const auto& s : sections) {
        putString(out, s.heading);
        putVarint(out, std::uint64_t(s.level));
        putString(out, s.anchor);
        putString(out, s.text);
    }
    return out;
}

}  // namespace

std::string compress(const std::string& bytes)
{
    if (bytes.size() < kCompressFrom)
        return kRaw + bytes;
    uLongf size = compressBound(bytes.size());
    std::string out(size + 1, '\0');
    out[0] = kZlib;
    // Level 6 (zlib's default): level 9 saved under 2% more on our records and took twice as long.
    if (compress2(reinterpret_cast<Bytef*>(&out[1]), &size, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size(),
                  6) != Z_OK)
        return kRaw + bytes;
    out.resize(size + 1);
    std::string header;  // the uncompressed size, so decompress() allocates once
    putVarint(header, bytes.size());
    out.insert(1, header);
    return out;
}

std::string decompress(const std::string& stored)
{
    if (stored.empty())
        throw DamagedData("stored value is empty");
    if (stored[0] == kRaw)
        return stored.substr(1);
    if (stored[0] != kZlib)
        throw DamagedData("stored value has an unknown format");
    Reader in(stored, 1);
    const std::uint64_t size = in.varint();
    const std::string packed = in.rest();
    if (size > kMaxStoredBytes)
        throw DamagedData("stored value claims an impossible size");
    std::string out(size, '\0');
    uLongf outSize = size;
    if (uncompress(reinterpret_cast<Bytef*>(out.data()), &outSize, reinterpret_cast<const Bytef*>(packed.data()),
                   packed.size()) != Z_OK ||
        outSize != size)
        throw DamagedData("stored value does not decompress");
    return out;
}

// The first `n` bytes of what compress() stored, inflating no further: a snippet needs the sections, which
// come first, and not the article's HTML after them (inflating all of it was a fifth of a search's time).
std::string decompressPrefix(const std::string& stored, size_t n)
{
    if (stored.empty())
        throw DamagedData("stored value is empty");
    if (stored[0] == kRaw) {
        if (n > stored.size() - 1)
            throw DamagedData("stored value ends early");
        return stored.substr(1, n);
    }
    if (stored[0] != kZlib)
        throw DamagedData("stored value has an unknown format");
    Reader in(stored, 1);
    if (in.varint() < n)
        throw DamagedData("stored value ends early");
    const std::string packed = in.rest();
    std::string out(n, '\0');
    if (n == 0)
        return out;
    z_stream z{};
    if (inflateInit(&z) != Z_OK)
        throw DamagedData("cannot start decompressing");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    z.avail_in = uInt(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(n);
    int rc = Z_OK;
    while (z.avail_out > 0 && rc == Z_OK)
        rc = inflate(&z, Z_SYNC_FLUSH);
    inflateEnd(&z);
    if (z.avail_out != 0)
        throw DamagedData("stored value does not decompress");
    return out;
}

std::string encodeDocRecord(const DocRecord& r)
{
    // One compressed stream: the row fields, then the snippet sections, then the article record, with the
    // uncompressed lengths of the first two in front so a reader inflates only as far as it needs. All of it
    // compressed, so that Xapian's own zlib pass over document data finds nothing to gain and stores it as
    // it is (when only the tail was compressed, Xapian compressed the whole value again, and every hit was
    // inflated twice).
    std::string head;
    for (const std::string* field : {&r.id, &r.articleId, &r.title})
        putString(head, *field);
    putString(head, toString(r.type));
    putVarint(head, r.topics.size());
    for (const auto& t : r.topics)
        putString(head, t);
    for (const std::string* field : {&r.audience, &r.summary, &r.anchor, &r.reviewed, &r.path})
        putString(head, *field);
    const std::string sections = encodeSections(r.sections);
    std::string body = head + sections;
    putString(body, r.article);
    std::string out(1, kDocRecordV1);
    putVarint(out, head.size());
    putVarint(out, sections.size());
    out += compress(body);
    return out;
}

DocRecord decodeDocRecord(const std::string& data, RecordPart part)
{
    if (data.empty() || data[0] != kDocRecordV1)
        throw DamagedData("document data has an unknown format");
    Reader lengths(data, 1);
    const std::uint64_t headBytes = lengths.varint(), sectionBytes = lengths.varint();
    if (headBytes > kMaxStoredBytes || sectionBytes > kMaxStoredBytes)
        throw DamagedData("document data claims an impossible size");
    const std::string packed = lengths.rest();
    const std::string body = part == RecordPart::Header     ? decompressPrefix(packed, headBytes)
                             : part == RecordPart::Sections ? decompressPrefix(packed, headBytes + sectionBytes)
                                                            : decompress(packed);
    Reader in(body, 0);
    DocRecord r;
    r.id = in.string();
    r.articleId = in.string();
    r.title = in.string();
    if (!parseDocType(in.string(), r.type))
        throw DamagedData("document data has an unknown page type");
    const std::uint64_t topics = in.varint();
    if (topics > body.size())
        throw DamagedData("document data has a bad topic count");
    for (std::uint64_t i = 0; i < topics; ++i)
        r.topics.push_back(in.string());
    r.audience = in.string();
    r.summary = in.string();
    r.anchor = in.string();
    r.reviewed = in.string();
    r.path = in.string();
    if (part == RecordPart::Header)
        return r;
    const std::uint64_t count = in.varint();
    if (count > body.size())
        throw DamagedData("document data has a bad section count");
    r.sections.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) {
        SnippetSection section;
        section.heading = in.string();
        section.level = int(in.varint());
        section.anchor = in.string();
        section.text = in.string();
        r.sections.push_back(std::move(section));
    }
    if (part == RecordPart::All) {
        r.article = in.string();
        if (!in.done())
            throw DamagedData("document data has trailing bytes");
    }
    return r;
}

std::string articleRecordJson(const Article& article)
{
    Article copy = article;
    if (copy.type == DocType::Article)
        for (auto& s : copy.sections)
            s.text.clear();
    for (auto& s : copy.sections)
        s.blockLines.clear();
    return toJson(copy).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string encodeArticleRecord(const Article& article)
{
    return compress(articleRecordJson(article));
}

Article articleFromRecordJson(const std::string& json)
{
    try {
        return articleFromJson(nlohmann::json::parse(json));
    } catch (const nlohmann::json::exception& e) {
        throw DamagedData(std::string("article record is not valid: ") + e.what());
    }
}

Article decodeArticleRecord(const std::string& data)
{
    return articleFromRecordJson(decompress(data));
}

std::optional<Article> readArticleRecord(const Xapian::Database& db, const std::string& id)
{
    // An article's record is inside its document's data; a FAQ file's is in the metadata.
    const std::string term = schema::booleanTerm(schema::kIdPrefix, id);
    auto doc = db.postlist_begin(term);
    if (doc != db.postlist_end(term)) {
        DocRecord r = decodeDocRecord(db.get_document(*doc).get_data(), RecordPart::All);
        if (!r.article.empty()) {
            Article article = articleFromRecordJson(r.article);
            for (size_t i = 0; i < article.sections.size() && i < r.sections.size(); ++i)
                article.sections[i].text = std::move(r.sections[i].text);
            return article;
        }
    }
    const std::string data = db.get_metadata(schema::kMetaArticlePrefix + id);
    if (data.empty())
        return std::nullopt;
    return decodeArticleRecord(data);
}

}  // namespace fibrokb::stored

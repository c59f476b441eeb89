#include <fibrokb/searcher.h>
#include "json.h"

#include "text.h"
#include "utf8.h"
#include "query_builder.h"
#include "schema.h"
#include "words.h"
#include "stored_data.h"
#include "synonyms.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <stdlib.h>
#include <sys/stat.h>
#include <unordered_map>

namespace fs = std::filesystem;

namespace fibrokb {

using text::lower;
namespace {

std::string htmlEscape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Counts the facet terms (topic, type, audience) of every matching document from its kFacetSlot value: a few
// bytes per document, where reading each document's term list cost 91% of a search at 5,000 documents.
// Xapian's own ValueCountMatchSpy counts the slot's distinct values (one per combination of topics, type and
// audience: a few dozen), decoded into codes once after the match. A MatchSpy of our own would not do: the
// remote backend runs the spy on the server, and xapian-tcpsrv knows only Xapian's own spies.
class FacetSpy final {
public:
    explicit FacetSpy(size_t terms) : terms_(terms) {}

    // A fresh count attached to `enquire` (a spy keeps counting across get_mset calls).
    void attach(Xapian::Enquire& enquire)
    {
        enquire.clear_matchspies();
        spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetSlot);
        enquire.add_matchspy(spy_.get());
    }

    // By facet code (Impl::facetTerms).
    std::vector<int> counts() const
    {
        std::vector<int> out(terms_, 0);
        if (!spy_)
            return out;
        for (auto it = spy_->values_begin(); it != spy_->values_end(); ++it) {
            const std::string codes = *it;
            const int documents = int(it.get_termfreq());
            size_t code = 0;
            int shift = 0;
            for (unsigned char byte : codes) {
                code |= size_t(byte & 0x7F) << shift;
                if (byte & 0x80) {
                    shift += 7;
                    continue;
                }
                if (code < out.size())
                    out[code] += documents;
                code = 0;
                shift = 0;
            }
        }
        return out;
    }

private:
    size_t terms_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> spy_;
};

enum class FacetGroup { Topic, Type, Audience };

Xapian::Query orOfTerms(const std::string& prefix, const std::vector<std::string>& values)
{
    std::vector<Xapian::Query> terms;
    for (const auto& v : values)
        terms.emplace_back(schema::booleanTerm(prefix, v));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// A group's own pages and the pages written for everyone: a carer asking for "carers" wants both.
Xapian::Query audienceFilter(const std::string& audience)
{
    if (audience == schema::kAudienceEveryone)
        return Xapian::Query(schema::booleanTerm(schema::kAudiencePrefix, audience));
    return orOfTerms(schema::kAudiencePrefix, {audience, schema::kAudienceEveryone});
}

// Topics OR'ed; type and audience AND'ed with them. `except` drops one group (for its facet counts).
Xapian::Query filterQuery(const SearchRequest& r, std::optional<FacetGroup> except = std::nullopt)
{
    std::vector<Xapian::Query> parts;
    if (!r.topics.empty() && except != FacetGroup::Topic)
        parts.push_back(orOfTerms(schema::kTopicPrefix, r.topics));
    if (!r.type.empty() && except != FacetGroup::Type)
        parts.emplace_back(schema::booleanTerm(schema::kTypePrefix, r.type));
    if (!r.audience.empty() && except != FacetGroup::Audience)
        parts.push_back(audienceFilter(r.audience));
    if (r.minImportance > 1.0)  // the boost slot keeps importance - 1
        parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kBoostSlot,
                           Xapian::sortable_serialise(r.minImportance - 1.0));
    if (parts.empty())
        return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filter)
{
    if (filter.empty())
        return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);  // filters never change ranking
}

// Section text holds one block per line; list items often lack a full stop (and often start in lower case
// after a lead-in with a colon), so join them with a semicolon for the snippet.
std::string joinBlocks(const std::string& text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') {
            out += text[i];
            continue;
        }
        char last = out.empty() ? '.' : out.back();
        out += (last == '.' || last == '!' || last == '?' || last == ':' || last == ';') ? " " : "; ";
    }
    return out;
}

// Strips Xapian prefixes from a matching term: "ZShip" -> "hip", "XHpain" -> "pain".
std::string bareTerm(const std::string& term)
{
    size_t i = 0;
    while (i < term.size() && std::isupper(static_cast<unsigned char>(term[i])))
        ++i;
    return term.substr(i);
}

// Where the index is. `given` is what --index said: a local index folder (Xapian follows its XAPIANDB stub to
// the live generation), or a shared library on a xapian-tcpsrv server, named by a Xapian stub file holding one
// line `remote HOST:PORT` or given directly as tcp://HOST:PORT. Other stub files (`auto PATH`, `remote PROGRAM
// ARGS`) are left to Xapian itself, as before.
struct Location {
    std::string given;
    bool remote = false;
    std::string host;  // without IPv6 brackets
    unsigned port = 0;
    bool fromStub = false;  // named by a stub file (else a tcp:// address)

    std::string hostPort() const
    {
        return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(port);
    }
    // "the library server at 192.0.2.10:33333 (named by /etc/fibrokb/clinic.stub)"
    std::string server() const
    {
        return "the library server at " + hostPort() + (fromStub ? " (named by " + given + ")" : "");
    }
};

// A stub line carries no timeout, and Xapian's default for a remote database is 10 s for the connection and
// for every operation. We open remote databases ourselves with these: a connection to a machine that is up
// answers in milliseconds on a clinic's network, so 5 s is already a dead or firewalled server (a refused
// connection fails at once anyway); 10 s per operation is far above any search, page or facet count on a
// library of this size (milliseconds), yet short enough that a server that goes away mid-search ends in a
// message, not a frozen search. Both are per call: no operation waits longer than this.
constexpr unsigned kRemoteConnectTimeoutMs = 5000;
constexpr unsigned kRemoteTimeoutMs = 10000;

// "HOST:PORT" or "[V6ADDR]:PORT" into `loc`; false when it is not of that form.
bool parseHostPort(const std::string& text, Location& loc)
{
    const size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= text.size())
        return false;
    std::string host = text.substr(0, colon);
    const std::string port = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty() || host.find_first_of(" \t[]/") != std::string::npos)
        return false;
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
        return false;
    const unsigned long n = std::stoul(port);
    if (n == 0 || n > 65535)
        return false;
    loc.host = host;
    loc.port = unsigned(n);
    return true;
}

// The one place that decides what --index names. Throws IndexError for a tcp:// address or a remote stub line
// that names no usable host and port.
Location locate(const std::string& given)
{
    Location loc;
    loc.given = given;
    if (given.rfind("tcp://", 0) == 0) {
        std::string rest = given.substr(6);
        if (!rest.empty() && rest.back() == '/')
            rest.pop_back();
        if (!parseHostPort(rest, loc))
            throw IndexError("'" + given +
                             "' is not a library server address: write tcp://HOST:PORT, for example "
                             "tcp://192.0.2.10:33333");
        loc.remote = true;
        return loc;
    }
    std::error_code ec;
    if (!fs::is_regular_file(given, ec))
        return loc;  // a folder, or nothing (the caller says so)
    // A stub file: Xapian's format is one database per line, `#` starts a comment. We take over only a stub
    // with exactly one line, `remote HOST:PORT` (so that it gets our timeouts); anything else goes to Xapian.
    std::ifstream in(given);
    std::string line, only;
    int lines = 0;
    for (int read = 0; read < 100 && std::getline(in, line); ++read) {
        const size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos || line[start] == '#')
            continue;
        const size_t end = line.find_last_not_of(" \t\r");
        only = line.substr(start, end - start + 1);
        ++lines;
    }
    if (lines != 1 || only.rfind("remote", 0) != 0 || only.size() < 7 || (only[6] != ' ' && only[6] != '\t'))
        return loc;
    const std::string target = only.substr(only.find_first_not_of(" \t", 6));
    if (target.find_first_of(" \t") != std::string::npos)
        return loc;  // `remote PROGRAM ARGS`: xapian-progsrv
    loc.fromStub = true;
    if (!parseHostPort(target, loc))
        throw IndexError("The stub file " + given + " says 'remote " + target +
                         "', which names no library server: write one line 'remote HOST:PORT', for example "
                         "'remote 192.0.2.10:33333'");
    loc.remote = true;
    return loc;
}

// The one place an index is opened, local or remote. Throws Xapian::Error.
Xapian::Database openDatabase(const Location& loc)
{
    if (loc.remote)
        return Xapian::Remote::open(loc.host, loc.port, kRemoteTimeoutMs, kRemoteConnectTimeoutMs);
    // A new Database each time: reopen() would not follow a switched stub file.
    return Xapian::Database(loc.given);
}

// What to check when a library server cannot be reached.
std::string serverAdvice(const Location& loc)
{
    return "Check that xapian-tcpsrv is running on " + loc.host + " and serving the FibroKB index on port " +
           std::to_string(loc.port) + ", that no firewall blocks that port, and that the address " + loc.hostPort() +
           " is right.";
}

// Inside a catch block: turns whatever was thrown into the engine's IndexError, named with the index
// folder (or library server) and what was being done. Xapian::Error does not derive from std::exception, so it
// needs its own clause.
[[noreturn]] void rethrowAsIndexError(const Location& loc, const char* doing)
{
    const std::string& dir = loc.given;
    if (loc.remote) {
        try {
            throw;
        } catch (const IndexError&) {
            throw;
        } catch (const Xapian::NetworkTimeoutError& e) {
            throw IndexError("No answer from " + loc.server() + " within " + std::to_string(kRemoteTimeoutMs / 1000) +
                             " seconds while " + doing + " (" + e.get_msg() + "). " + serverAdvice(loc));
        } catch (const Xapian::NetworkError& e) {
            throw IndexError("Cannot reach " + loc.server() + " while " + doing + " (" + e.get_msg() + "). " +
                             serverAdvice(loc));
        } catch (const Xapian::Error& e) {
            throw IndexError("The library served by " + loc.server() + " failed while " + doing + " (" +
                             e.get_description() + "). Rebuild the index on the server and restart xapian-tcpsrv.");
        } catch (const stored::DamagedData& e) {
            throw IndexError("The library served by " + loc.server() + " holds damaged page data, found while " +
                             doing + " (" + e.what() + "). Rebuild the index on the server and restart xapian-tcpsrv.");
        } catch (const nlohmann::json::exception& e) {
            throw IndexError("The library served by " + loc.server() + " holds damaged page data, found while " +
                             doing + " (" + e.what() + "). Rebuild the index on the server and restart xapian-tcpsrv.");
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const std::exception& e) {
            throw IndexError("The library served by " + loc.server() + " failed while " + doing + " (" + e.what() +
                             ")");
        }
    }
    try {
        throw;
    } catch (const IndexError&) {
        throw;
    } catch (const Xapian::DatabaseModifiedError& e) {
        throw IndexError("The index at " + dir + " changed while " + doing + " (" + e.get_msg() + "); open it again.");
    } catch (const Xapian::Error& e) {
        throw IndexError("The index at " + dir + " failed while " + doing + " (" + e.get_description() +
                         "). Rebuild it with: fibrokb-index build --out " + dir);
    } catch (const stored::DamagedData& e) {
        throw IndexError("The index at " + dir + " holds damaged page data, found while " + doing + " (" + e.what() +
                         "). Rebuild it with: fibrokb-index build --out " + dir);
    } catch (const nlohmann::json::exception& e) {
        throw IndexError("The index at " + dir + " holds damaged page data, found while " + doing + " (" + e.what() +
                         "). Rebuild it with: fibrokb-index build --out " + dir);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw IndexError("The index at " + dir + " failed while " + doing + " (" + e.what() + ")");
    }
}

// What a person typed, made safe for the parser: valid UTF-8, no control characters, at most kMaxQueryBytes.
std::string cleanQuery(const std::string& raw, bool& truncatedOut)
{
    std::string text = utf8::repaired(raw);
    truncatedOut = text.size() > kMaxQueryBytes;
    if (truncatedOut)
        text = utf8::truncated(text, kMaxQueryBytes);
    for (auto& c : text)
        if ((static_cast<unsigned char>(c) < 0x20) || c == 0x7F)
            c = ' ';
    return text;
}

std::string readGeneration(const std::string& indexDir)
{
    std::ifstream stub(fs::path(indexDir) / schema::kStubFile);
    std::string word, name;
    if (stub >> word >> name && word == "auto")
        return name;
    return "";
}

// An update changes the live generation in place (index_writer.h): Xapian rewrites the generation's version
// file "iamglass" on every commit, so its inode and time say whether the revision this Searcher opened is
// still the newest. One stat(2): cheap enough to ask before every search.
std::string revisionStamp(const std::string& indexDir, const std::string& generation)
{
    struct stat st {};
    if (generation.empty() || ::stat((fs::path(indexDir) / generation / "iamglass").c_str(), &st) != 0)
        return "";
    return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size);
}

}  // namespace

std::string liveGeneration(const std::string& indexDir)
{
    return readGeneration(indexDir);
}

struct Searcher::Impl {
    std::string dir;  // what --index said (a folder, a stub file or tcp://HOST:PORT)
    Location loc;
    std::string generation;  // the generation the stub named when this Searcher opened
    std::string revision;    // revisionStamp() of that generation when it opened
    Xapian::Database db;
    Xapian::Stem stemmer{schema::kStemLanguage};
    std::unique_ptr<SynonymTable> synonyms;
    std::unique_ptr<QueryBuilder> builder;
    mutable std::map<std::string, std::shared_ptr<const Article>> articleCache;
    mutable std::vector<std::pair<std::string, std::string>> titles;  // lower-case title, title
    mutable std::unordered_map<std::string, std::string> stems;       // word -> stem, for snippet sections
    std::vector<std::string> facetTerms;                              // by code, as in kFacetSlot
    SearchTuning tuning;

    // Pages opened recently; bounded so that browsing a 100,000-page library does not grow without end.
    static constexpr size_t kArticleCacheSize = 64;
    // Stemming every word of every hit's sections was most of a snippet's cost; the vocabulary repeats.
    static constexpr size_t kStemCacheSize = 200000;

    const std::string& stem(const std::string& word) const
    {
        auto it = stems.find(word);
        if (it != stems.end())
            return it->second;
        if (stems.size() >= kStemCacheSize)
            stems.clear();
        return stems.emplace(word, stemmer(word)).first->second;
    }

    QueryOptions queryOptions(bool asYouType) const
    {
        QueryOptions o;
        o.asYouType = asYouType;
        o.synonyms = tuning.synonyms;
        o.boostImportance = tuning.importance;
        o.questionsFavourFaq = tuning.questionsFavourFaq;
        o.titleWords = tuning.titleWords;
        o.questionMatch = tuning.questionMatch;
        o.nearMisses = tuning.nearMisses;
        return o;
    }

    // Schema check, facet codes, synonyms, query builder. Throws IndexError or Xapian::Error.
    void openTables()
    {
        std::string version = db.get_metadata(schema::kMetaSchemaVersion);
        if (version != std::to_string(schema::kSchemaVersion)) {
            if (loc.remote)
                throw IndexError("The library served by " + loc.server() + " has schema version '" + version +
                                 "' but this program reads version " + std::to_string(schema::kSchemaVersion) +
                                 ". Rebuild the index on the server with this version of fibrokb-index and restart "
                                 "xapian-tcpsrv on its new generation.");
            throw IndexError("The index at " + dir + " has schema version '" + version +
                             "' but this program reads version " + std::to_string(schema::kSchemaVersion) +
                             ". Rebuild it with: fibrokb-index build --out " + dir);
        }
        facetTerms.clear();
        const std::string facetJson = db.get_metadata(schema::kMetaFacetTerms);
        if (!facetJson.empty())
            for (const auto& term : nlohmann::json::parse(facetJson))
                facetTerms.push_back(term.get<std::string>());
        synonyms = std::make_unique<SynonymTable>(db);
        builder = std::make_unique<QueryBuilder>(db, *synonyms);
        if (loc.remote)
            builder->setSpellingSource([this] { return spellingDatabase(); });
    }

    // Remote only. Xapian 1.4's remote backend serves no spelling table, so on the first query with an unknown
    // word the server's words (its unprefixed terms, as the writer's spelling table holds) are written, once,
    // into a spelling table in a temporary folder removed with the Searcher. Frequencies are document counts
    // (the local table sums within-document counts), which can rarely rank two equally close suggestions
    // differently. The parser gets the server and that table together: words are looked up on the server.
    struct SpellingFolder {
        std::string path;
        ~SpellingFolder()
        {
            std::error_code ec;
            if (!path.empty())
                fs::remove_all(path, ec);
        }
    };
    std::unique_ptr<SpellingFolder> spellingFolder;
    std::optional<Xapian::Database> spellingTable;

    Xapian::Database spellingDatabase()
    {
        if (!spellingTable) {
            std::error_code ec;
            std::string pattern = (fs::temp_directory_path(ec) / "fibrokb-spelling-XXXXXX").string();
            if (ec || ::mkdtemp(pattern.data()) == nullptr)
                return db;  // no temporary folder: no suggestions
            auto folder = std::make_unique<SpellingFolder>();
            folder->path = pattern;
            {
                Xapian::WritableDatabase local(folder->path + "/db", Xapian::DB_CREATE_OR_OVERWRITE |
                                                                         Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
                for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
                    const std::string term = *it;
                    if (!(term[0] >= 'A' && term[0] <= 'Z'))
                        local.add_spelling(term, it.get_termfreq());
                }
                local.commit();
            }
            spellingTable = Xapian::Database(folder->path + "/db");
            spellingFolder = std::move(folder);
        }
        Xapian::Database both;
        both.add_database(db);
        both.add_database(*spellingTable);
        return both;
    }

    // Inside a catch block of a Searcher method: true when a remote connection had dropped and a new one is
    // now open, so the method may run once more. xapian-tcpsrv closes a connection that stays idle longer than
    // its --idle-timeout (60 s by default), and a restarted server (after a rebuild) drops them all, while the
    // app keeps one Searcher open for hours. A timeout is not retried (it has waited long enough already), nor
    // anything local; a failed reconnection throws the labelled IndexError.
    bool retrying = false;
    bool reconnected(const char* doing)
    {
        if (!loc.remote || retrying)
            return false;
        try {
            throw;
        } catch (const Xapian::NetworkTimeoutError&) {
            return false;
        } catch (const Xapian::NetworkError&) {
        } catch (const Xapian::DatabaseModifiedError&) {  // the server's revision was overwritten by updates
        } catch (...) {
            return false;
        }
        try {
            db = openDatabase(loc);
            openTables();
        } catch (...) {
            rethrowAsIndexError(loc, doing);
        }
        articleCache.clear();  // the server may now serve a rebuilt index
        titles.clear();
        spellingTable.reset();
        spellingFolder.reset();
        return true;
    }
    struct Retry {
        explicit Retry(Impl& impl) : d(impl) { d.retrying = true; }
        ~Retry() { d.retrying = false; }
        Impl& d;
    };

    std::shared_ptr<const Article> articleRecord(const std::string& id) const
    {
        auto it = articleCache.find(id);
        if (it != articleCache.end())
            return it->second;
        std::shared_ptr<const Article> record;
        if (auto article = stored::readArticleRecord(db, id))
            record = std::make_shared<Article>(std::move(*article));
        if (articleCache.size() >= kArticleCacheSize)
            articleCache.clear();
        articleCache.emplace(id, record);
        return record;
    }

    int runCount(const Xapian::Query& query) const
    {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return int(enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated());
    }

    std::vector<int> facetCounts(const Xapian::Query& query) const
    {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        FacetSpy spy(facetTerms.size());
        spy.attach(enquire);
        enquire.get_mset(0, 0, db.get_doccount());
        return spy.counts();
    }

    const stored::SnippetSection* bestSection(const std::vector<stored::SnippetSection>& sections,
                                              const std::set<std::string>& wanted) const
    {
        const stored::SnippetSection* best = nullptr;
        int bestScore = 0;
        std::string word;  // reused: the scan allocates nothing per word
        std::set<std::string> distinct;
        // English (Porter2) stems keep the word's first letter (suffixes go, final letters change; only a
        // leading apostrophe is dropped), so a word whose first byte starts no wanted stem is skipped without
        // stemming: most words of a page, and most of a snippet's cost.
        bool firstBytes[256] = {};
        for (const auto& w : wanted)
            if (!w.empty())
                firstBytes[static_cast<unsigned char>(w[0])] = true;
        firstBytes[static_cast<unsigned char>('\'')] = true;
        // Counts in `hits` each word of `text` whose stem was asked for.
        auto scan = [&](const std::string& text, int& hits) {
            bool nonAscii = false;  // the word being read has a byte the loop below cannot lower-case
            auto flush = [&] {
                if (word.empty())
                    return;
                // A word with a non-ASCII letter is lower-cased and folded whole ("Émile"), as the query was.
                if (nonAscii)
                    word = words::foldAccents(words::lower(word));
                nonAscii = false;
                if (word.empty() || !firstBytes[static_cast<unsigned char>(word[0])]) {
                    word.clear();
                    return;
                }
                const std::string& stemmed = stem(word);
                if (wanted.count(stemmed)) {
                    distinct.insert(stemmed);
                    ++hits;
                }
                word.clear();
            };
            for (unsigned char c : text) {
                if (std::isalnum(c) || c == '\'' || c >= 128) {
                    nonAscii |= c >= 128;
                    word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
                } else {
                    flush();
                }
            }
            flush();
        };
        for (const auto& s : sections) {
            distinct.clear();
            int occurrences = 0, headingHits = 0;
            scan(s.heading, headingHits);
            scan(s.text, occurrences);
            int score = int(distinct.size()) * 100 + headingHits * 20 + std::min(occurrences, 19);
            // Every pain article ends with the same "When to get help" box: it would win the snippet for any
            // symptom word, so it is chosen only when nothing else in the page matches.
            if (s.anchor == "when-to-get-help" && score > 0)
                score = 1;
            if (score > bestScore) {
                bestScore = score;
                best = &s;
            }
        }
        return best;
    }

    // The query's words as stems (synonyms and completions included), for choosing a snippet's section.
    // Taken from the query once, not from each hit's term list: reading and inflating ten term lists cost
    // more than the match. A word a page lacks is simply not found in its text.
    std::set<std::string> wantedStems(const Xapian::Query& query) const
    {
        std::set<std::string> wanted;
        for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
            const std::string term = *t;
            // Filters (ids, topics, types, audiences: Q and X... prefixes) are not words of the text.
            if (term.rfind(schema::kIdPrefix, 0) == 0 || term.rfind("X", 0) == 0)
                continue;
            std::string bare = bareTerm(term);
            if (!bare.empty())
                wanted.insert(stem(bare));
        }
        return wanted;
    }

    Hit makeHit(const Xapian::MSetIterator& it, const Xapian::MSet& mset, const std::set<std::string>* wanted,
                bool wantSnippet = true) const
    {
        Xapian::Document doc = it.get_document();
        const bool withSnippet = wanted != nullptr && wantSnippet;
        // Browsing and "related" show summaries: the compressed snippet text is not even decompressed.
        stored::DocRecord record = stored::decodeDocRecord(doc.get_data(), withSnippet ? stored::RecordPart::Sections
                                                                                       : stored::RecordPart::Header);
        Hit hit;
        hit.id = record.id;
        hit.articleId = record.articleId.empty() ? hit.id : record.articleId;
        hit.title = record.title;
        hit.type = record.type;
        hit.topics = record.topics;
        hit.audience = record.audience;
        hit.summary = record.summary;
        hit.anchor = record.anchor;
        hit.reviewed = record.reviewed;
        hit.path = record.path;
        hit.score = wanted ? it.get_percent() : 0;
        // The boost slot keeps importance - 1 (only the part above normal adds to a score).
        const std::string boost = doc.get_value(schema::kBoostSlot);
        if (!boost.empty())
            hit.importance = 1.0 + Xapian::sortable_unserialise(boost);
        hit.snippet = htmlEscape(hit.summary);
        if (!withSnippet)
            return hit;  // browsing, or a row past SearchRequest::snippets: the summary is the snippet

        std::string text;
        if (hit.type == DocType::Faq) {
            if (!record.sections.empty())
                text = record.sections.front().text;
        } else if (const stored::SnippetSection* best = bestSection(record.sections, *wanted)) {
            text = best->text;
            if (best->level > 0)
                hit.anchor = best->anchor;
        }
        if (text.empty())
            text = hit.summary;  // matched in the title only: show the summary, highlighted
        text = joinBlocks(text);
        std::string snippet = mset.snippet(text, 200, stemmer, Xapian::MSet::SNIPPET_EXHAUSTIVE, "<b>", "</b>", "…");
        if (!snippet.empty())
            hit.snippet = snippet;
        return hit;
    }
};

Searcher::Searcher(const std::string& indexDir) : impl_(std::make_unique<Impl>())
{
    impl_->dir = indexDir;
    impl_->loc = locate(indexDir);
    if (impl_->loc.remote) {
        // No generation or revision to watch: the server's files are not ours to stat (outdated() is false).
        try {
            impl_->db = openDatabase(impl_->loc);
            openTables();
        } catch (...) {
            rethrowAsIndexError(impl_->loc, "connecting to it");
        }
        return;
    }
    std::error_code ec;
    if (!fs::exists(indexDir, ec))
        throw IndexError("No index at " + indexDir + ". Build it with: fibrokb-index build --out " + indexDir);
    impl_->generation = readGeneration(indexDir);
    // Taken before opening: a commit in between makes outdated() true at once, never hides one.
    impl_->revision = revisionStamp(indexDir, impl_->generation);
    try {
        impl_->db = openDatabase(impl_->loc);
    } catch (const Xapian::Error& e) {
        throw IndexError("The index at " + indexDir + " cannot be opened (" + e.get_msg() +
                         "). Rebuild it with: fibrokb-index build --out " + indexDir);
    }
    try {
        openTables();
    } catch (...) {
        rethrowAsIndexError(impl_->loc, "opening it");
    }
}

void Searcher::openTables()
{
    impl_->openTables();
}

Searcher::~Searcher() = default;

const std::string& Searcher::generation() const
{
    return impl_->generation;
}

bool Searcher::outdated() const
{
    // A remote library has no stub or generation here to compare; a rebuilt one served after a server restart
    // is picked up by reconnecting (Impl::reconnected).
    if (impl_->loc.remote)
        return false;
    const std::string generation = readGeneration(impl_->dir);
    return generation != impl_->generation || revisionStamp(impl_->dir, generation) != impl_->revision;
}

// The first page of results is filled with partial matches up to this many rows when fewer pages have every word.
constexpr int kFillFirstPageTo = 10;

SearchResult Searcher::search(const SearchRequest& request) const
try {
    const Impl& d = *impl_;
    SearchResult result;
    const Xapian::Query filter = filterQuery(request);
    // Accents off, as in the index's extra folded terms: "naive" and "naïve" find the same pages.
    const std::string typed = words::foldAccents(cleanQuery(request.query, result.truncated));
    std::string text = request.asYouType ? QueryBuilder::withoutUnfinishedWord(typed) : typed;
    const bool browse = text.find_first_not_of(" \t\r\n") == std::string::npos;

    if (browse && filter.empty())
        return result;  // nothing typed and nothing chosen: the caller shows its home view

    Xapian::Enquire enquire(d.db);
    if (browse) {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(schema::kTitleSortSlot, false);
    } else {
        enquire.set_weighting_scheme(Xapian::BM25Weight(d.tuning.bm25K1, 0, 1, d.tuning.bm25B, 0.5));
    }
    FacetSpy spy(d.facetTerms.size());
    const int offset = std::max(0, request.offset);
    const int limit = std::clamp(request.limit, 0, 1000);
    // One pass gives the page, the exact total and the facet counts of the unfiltered groups.
    auto runPage = [&](const Xapian::Query& q) {
        spy.attach(enquire);
        enquire.set_query(filtered(q, filter));
        return enquire.get_mset(offset, limit, d.db.get_doccount());
    };

    Xapian::Query query = Xapian::Query::MatchAll;
    QueryOptions options = d.queryOptions(request.asYouType);
    if (!browse) {
        std::string corrected = d.builder->correction(text);
        if (!corrected.empty())
            result.corrected = corrected;
        // A misspelt word can never match a page's question: the question is matched as corrected.
        if (d.tuning.spelling)
            options.questionText = corrected;
        query = d.builder->build(text, options);
        options.questionText.clear();
    }
    Xapian::MSet mset = runPage(query);
    // The fallbacks cost extra passes, so they run only when the query as typed matched nothing.
    // Each fallback runs as the page itself: a separate count first would evaluate every match twice.
    if (!browse && mset.get_matches_estimated() == 0) {
        if (result.corrected && d.tuning.spelling) {
            Xapian::Query retry = d.builder->build(*result.corrected, options);
            Xapian::MSet page = runPage(retry);
            if (page.get_matches_estimated() > 0) {
                query = retry;
                mset = page;
                text = *result.corrected;
                result.showingCorrected = true;
            }
        }
        if (!result.showingCorrected && d.tuning.relaxToAnyWord && !QueryBuilder::usesSyntax(text)) {
            // No page has every word: rank pages by how many of the words they have.
            Xapian::Query relaxed = d.builder->buildRelaxed(text, options);
            Xapian::MSet page = runPage(relaxed);
            if (page.get_matches_estimated() > 0) {
                query = relaxed;
                mset = page;
                result.relaxed = true;
            }
        }
    }
    result.parsed = query.get_description();
    result.total = int(mset.get_matches_estimated());
    const std::set<std::string> wanted = browse ? std::set<std::string>() : d.wantedStems(query);
    int row = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it, ++row)
        result.hits.push_back(
            d.makeHit(it, mset, browse ? nullptr : &wanted, request.snippets < 0 || row < request.snippets));

    // Few pages have every word ("walking stick" finds one): a reader expects the closest pages too, so the
    // first page is filled with the best partial matches, marked so the list can show them below a divider.
    // Only on the first page, and only for plain words (an AND, a phrase or -word means what it says).
    const int fillTo = std::min(limit, kFillFirstPageTo);
    if (!browse && offset == 0 && !result.relaxed && d.tuning.fillWithPartial && d.tuning.relaxToAnyWord &&
        int(mset.size()) < fillTo && !QueryBuilder::usesSyntax(text)) {
        std::set<Xapian::docid> shown;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            shown.insert(*it);
        const Xapian::Query relaxed = d.builder->buildRelaxed(text, options);
        enquire.clear_matchspies();  // the facet counts stay those of the full matches that `total` counts
        enquire.set_query(filtered(relaxed, filter));
        const Xapian::MSet more = enquire.get_mset(0, Xapian::doccount(fillTo), d.db.get_doccount());
        const std::set<std::string> someWanted = d.wantedStems(relaxed);
        for (auto it = more.begin(); it != more.end() && int(result.hits.size()) < fillTo; ++it) {
            if (shown.count(*it))
                continue;
            Hit hit = d.makeHit(it, more, &someWanted, request.snippets < 0 || row++ < request.snippets);
            hit.partial = true;
            result.hits.push_back(std::move(hit));
            ++result.partialMatches;
        }
    }

    // Each facet's counts honour the query and the *other* facets' filters.
    auto countsFor = [&](FacetGroup group, bool active) {
        return active ? d.facetCounts(filtered(query, filterQuery(request, group))) : spy.counts();
    };
    auto topicCounts = countsFor(FacetGroup::Topic, !request.topics.empty());
    auto typeCounts = countsFor(FacetGroup::Type, !request.type.empty());
    auto audienceCounts = countsFor(FacetGroup::Audience, !request.audience.empty());
    auto collect = [&](const std::vector<int>& counts, const std::string& prefix, std::map<std::string, int>& out) {
        for (size_t code = 0; code < counts.size() && code < d.facetTerms.size(); ++code) {
            const std::string& term = d.facetTerms[code];
            if (counts[code] > 0 && term.rfind(prefix, 0) == 0)
                out[term.substr(prefix.size())] = counts[code];
        }
    };
    collect(topicCounts, schema::kTopicPrefix, result.facets.topics);
    collect(typeCounts, schema::kTypePrefix, result.facets.types);
    collect(audienceCounts, schema::kAudiencePrefix, result.facets.audiences);
    return result;
} catch (...) {
    if (impl_->reconnected("searching")) {
        Impl::Retry once(*impl_);
        return search(request);
    }
    rethrowAsIndexError(impl_->loc, "searching");
}

void Searcher::setTuning(const SearchTuning& tuning)
{
    impl_->tuning = tuning;
}
const SearchTuning& Searcher::tuning() const
{
    return impl_->tuning;
}

std::optional<Article> Searcher::article(const std::string& id) const
try {
    auto record = impl_->articleRecord(id);
    if (!record)
        return std::nullopt;
    return *record;
} catch (...) {
    if (impl_->reconnected("reading a page")) {
        Impl::Retry once(*impl_);
        return article(id);
    }
    rethrowAsIndexError(impl_->loc, "reading a page");
}

// Words looked at per completion: "pa" matches a few thousand words in a large library; the most frequent
// are nearly always among the first thousand or so in a 100,000-document index, and the list shows eight.
constexpr int kMaxCompletionScan = 4000;

std::vector<std::string> Searcher::complete(const std::string& prefixText, int limit) const
try {
    const Impl& d = *impl_;
    std::vector<std::string> out;
    const std::string prefix = words::lower(prefixText);
    if (prefix.size() < 2 || limit <= 0)
        return out;
    if (d.titles.empty()) {
        for (auto it = d.db.valuestream_begin(schema::kTitleSlot); it != d.db.valuestream_end(schema::kTitleSlot); ++it)
            d.titles.emplace_back(words::lower(*it), *it);
        std::sort(d.titles.begin(), d.titles.end());
    }
    auto add = [&](const std::string& s) {
        if (int(out.size()) < limit && std::find(out.begin(), out.end(), s) == out.end())
            out.push_back(s);
    };
    for (const auto& [key, title] : d.titles)
        if (key.rfind(prefix, 0) == 0)
            add(title);
    // Then the query with its last word completed from the spelling table, most frequent first.
    size_t space = prefix.find_last_of(' ');
    std::string head = space == std::string::npos ? "" : prefixText.substr(0, space + 1);
    std::string last = space == std::string::npos ? prefix : prefix.substr(space + 1);
    if (last.size() >= 2) {
        // Words of the index that start with what was typed, most documents first. A range scan of the term
        // B-tree, bounded: reading the whole spelling table took 3 ms at 5,000 documents and grows with them.
        std::vector<std::pair<Xapian::doccount, std::string>> candidates;
        int scanned = 0;
        for (auto it = d.db.allterms_begin(last); it != d.db.allterms_end(last) && scanned < kMaxCompletionScan;
             ++it, ++scanned) {
            const std::string word = *it;
            if (word.size() > last.size())
                candidates.emplace_back(it.get_termfreq(), word);
        }
        std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (const auto& c : candidates)
            add(head + c.second);
    }
    for (const auto& [key, title] : d.titles)
        if (key.find(" " + prefix) != std::string::npos)
            add(title);
    return out;
} catch (...) {
    if (impl_->reconnected("completing a word")) {
        Impl::Retry once(*impl_);
        return complete(prefixText, limit);
    }
    rethrowAsIndexError(impl_->loc, "completing a word");
}

std::vector<Hit> Searcher::related(const std::string& id, int limit) const
try {
    const Impl& d = *impl_;
    std::vector<Hit> out;
    Xapian::RSet rset;
    // A FAQ answer ("faq-file#question") is like the pages its own text is like; a page, like its whole text.
    const size_t hash = id.find('#');
    const std::string fileId = hash == std::string::npos ? id : id.substr(0, hash);
    const std::string fileTerm = schema::booleanTerm(schema::kFilePrefix, fileId);
    const std::string seedTerm = hash == std::string::npos ? fileTerm : schema::booleanTerm(schema::kIdPrefix, id);
    for (auto it = d.db.postlist_begin(seedTerm); it != d.db.postlist_end(seedTerm); ++it)
        rset.add_document(*it);
    if (rset.empty() || limit <= 0)
        return out;

    struct WordsOnly final : Xapian::ExpandDecider {
        bool operator()(const std::string& term) const override
        {
            return term.size() > 3 && term[0] == 'Z' && std::islower(static_cast<unsigned char>(term[1]));
        }
    } wordsOnly;
    Xapian::Enquire enquire(d.db);
    Xapian::ESet eset = enquire.get_eset(25, rset, &wordsOnly);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it)
        terms.emplace_back(*it);
    if (terms.empty())
        return out;
    // OR, not ELITE_SET: the elite set keeps the rarest terms, which in a small library are the ones only
    // the page itself has. Pages sharing a topic come first; others fill the list if needed.
    Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
    Xapian::Query articlesOnly(std::string(schema::kTypePrefix) + "article");
    Xapian::Query candidates(Xapian::Query::OP_AND_NOT, filtered(like, articlesOnly), Xapian::Query(fileTerm));
    std::vector<std::string> topicIds;
    if (auto record = d.articleRecord(fileId))
        topicIds = record->topics;
    std::vector<Xapian::Query> passes;
    if (!topicIds.empty())
        passes.push_back(filtered(candidates, orOfTerms(schema::kTopicPrefix, topicIds)));
    passes.push_back(candidates);
    std::set<std::string> seen;
    for (const auto& query : passes) {
        enquire.set_query(query);
        Xapian::MSet mset = enquire.get_mset(0, limit);
        for (auto it = mset.begin(); it != mset.end() && int(out.size()) < limit; ++it) {
            Hit hit = d.makeHit(it, mset, nullptr);
            hit.score = it.get_percent();
            if (seen.insert(hit.id).second)
                out.push_back(std::move(hit));
        }
        if (int(out.size()) >= limit)
            break;
    }
    return out;
} catch (...) {
    if (impl_->reconnected("finding related pages")) {
        Impl::Retry once(*impl_);
        return related(id, limit);
    }
    rethrowAsIndexError(impl_->loc, "finding related pages");
}

std::vector<Topic> Searcher::topics() const
try {
    std::vector<Topic> out;
    std::string json = impl_->db.get_metadata(schema::kMetaTopics);
    if (json.empty())
        return out;
    for (const auto& t : nlohmann::json::parse(json))
        out.push_back({t.value("id", ""), t.value("label", ""), t.value("description", "")});
    return out;
} catch (...) {
    if (impl_->reconnected("reading the topics")) {
        Impl::Retry once(*impl_);
        return topics();
    }
    rethrowAsIndexError(impl_->loc, "reading the topics");
}

IndexInfo Searcher::info(TermCount countTerms) const
try {
    const Impl& d = *impl_;
    IndexInfo info;
    info.path = d.dir;
    info.schemaVersion = std::stoi("0" + d.db.get_metadata(schema::kMetaSchemaVersion));
    info.buildDate = d.db.get_metadata(schema::kMetaBuildDate);
    info.documents = int(d.db.get_doccount());
    for (const char* type : {"article", "faq"})
        info.byType[type] = int(d.db.get_termfreq(std::string(schema::kTypePrefix) + type));
    const Xapian::Query articles(std::string(schema::kTypePrefix) + "article");
    for (const auto& t : topics()) {
        const std::string topicTerm = schema::booleanTerm(schema::kTopicPrefix, t.id);
        info.byTopic[t.id] = int(d.db.get_termfreq(topicTerm));
        info.articlesByTopic[t.id] = d.runCount(filtered(Xapian::Query(topicTerm), articles));
    }
    for (const char* a : {"patients", "caregivers", "everyone"})
        info.byAudience[a] = int(d.db.get_termfreq(std::string(schema::kAudiencePrefix) + a));
    if (countTerms == TermCount::Count)
        for (auto it = d.db.allterms_begin(); it != d.db.allterms_end(); ++it)
            ++info.terms;
    // Size of the live generation named by the stub file (unknown for a library on a server: 0).
    if (d.loc.remote)
        return info;
    const fs::path dir(d.dir);
    const std::string generation = readGeneration(d.dir);
    const fs::path live = generation.empty() ? dir : dir / generation;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(live, ec))
        if (entry.is_regular_file(ec))
            info.sizeBytes += static_cast<long long>(entry.file_size(ec));
    return info;
} catch (...) {
    if (impl_->reconnected("reading its statistics")) {
        Impl::Retry once(*impl_);
        return info(countTerms);
    }
    rethrowAsIndexError(impl_->loc, "reading its statistics");
}

}  // namespace fibrokb

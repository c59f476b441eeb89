#include <fibrokb/index_writer.h>
#include <fibrokb/checker.h>
#include "json.h"
#include <fibrokb/searcher.h>

#include "corpus_files.h"
#include "article_images.h"
#include "help_boxes.h"
#include "parallel.h"
#include "text.h"
#include "schema.h"
#include "words.h"
#include "stored_data.h"
#include "synonyms.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <atomic>
#include <functional>
#include <memory>
#include <set>
#include <unordered_map>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace fibrokb {

using text::lower;
namespace {

std::string utcTimestamp(const char* format)
{
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

// Text is UTF-8 by the time it gets here, but a path may hold any bytes a file name can: never let one
// byte fail the build (nlohmann-json throws on invalid UTF-8 unless told to replace it).
std::string dumped(const nlohmann::json& j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string compactDate(const std::string& iso)
{
    std::string out;
    for (char c : iso)
        if (c != '-')
            out += c;
    return out;
}

// Assigns each facet term (XT<topic>, XY<type>, XA<audience>) a small code, stored in kFacetSlot; the list of
// terms, in code order, goes into the index's metadata. Filled before the shards start, so all agree.
class FacetDictionary {
public:
    void add(const std::string& term)
    {
        if (codes_.emplace(term, terms_.size()).second)
            terms_.push_back(term);
    }
    std::string encode(const std::vector<std::string>& docTerms) const
    {
        std::string out;
        for (const auto& t : docTerms) {
            for (size_t code = codes_.at(t);; code >>= 7) {
                if (code < 0x80) {
                    out += static_cast<char>(code);
                    break;
                }
                out += static_cast<char>((code & 0x7F) | 0x80);
            }
        }
        return out;
    }
    std::string json() const { return dumped(nlohmann::json(terms_)); }
    // An update extends the dictionary it finds: codes already stored in documents keep their meaning.
    static FacetDictionary fromJson(const std::string& text)
    {
        FacetDictionary d;
        if (!text.empty())
            for (const auto& term : nlohmann::json::parse(text))
                d.add(term.get<std::string>());
        return d;
    }

private:
    std::map<std::string, size_t> codes_;
    std::vector<std::string> terms_;
};

std::vector<std::string> facetTerms(const Article& a)
{
    std::vector<std::string> terms;
    for (const auto& t : a.topics)
        terms.push_back(schema::booleanTerm(schema::kTopicPrefix, t));
    terms.push_back(schema::booleanTerm(schema::kTypePrefix, toString(a.type)));
    terms.push_back(schema::booleanTerm(schema::kAudiencePrefix, a.audience));
    return terms;
}

// Builds one Xapian document per article, and one per FAQ entry. One per thread: TermGenerator is not shared.
class DocumentBuilder {
public:
    DocumentBuilder(const IndexOptions& options, const FacetDictionary& facets)
        : facets_(facets), titleWdf_(options.fieldBoosts ? schema::kTitleWdf : 1),
          headingWdf_(options.fieldBoosts ? schema::kHeadingWdf : 1),
          summaryWdf_(options.fieldBoosts ? schema::kSummaryWdf : 1)
    {
        termgen_.set_stemmer(Xapian::Stem(schema::kStemLanguage));
        termgen_.set_stemming_strategy(schema::kStemStrategy);
        questions_.set_stemmer(Xapian::Stem(schema::kStemLanguage));
        questions_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
        // No FLAG_SPELLING: it writes to the spelling table once per word occurrence (11% of a build).
        // SpellingCounter adds each distinct word once per shard instead.
    }

    // `a.path` is already relative to the corpus folder.
    Xapian::Document forArticle(const Article& a, const std::string& path)
    {
        Xapian::Document doc = start(a, a.id, a.title);
        termgen_.index_text(a.summary, summaryWdf_);
        termgen_.increase_termpos();
        alsoFolded(a.summary, summaryWdf_);
        // The questions the page says it answers are searchable words too ("remission" may be only there).
        for (const auto& q : a.askedAs) {
            termgen_.index_text(q, summaryWdf_);
            termgen_.increase_termpos();
            alsoFolded(q, summaryWdf_);
            addQuestion(q);
        }
        stored::DocRecord record = recordFor(a, a.id, a.title, a.summary, "", path);
        for (const auto& s : a.sections) {
            if (!s.heading.empty()) {
                termgen_.index_text(s.heading, headingWdf_);
                termgen_.increase_termpos();
                alsoFolded(s.heading, headingWdf_);
            }
            termgen_.index_text(s.text);
            termgen_.increase_termpos();
            alsoFolded(s.text, 1);
            record.sections.push_back({s.heading, s.level, s.anchor, s.text});
        }
        record.article = stored::articleRecordJson(a);
        doc.set_data(stored::encodeDocRecord(record));
        return doc;
    }

    Xapian::Document forFaqEntry(const Article& file, const FaqEntry& e, const std::string& path)
    {
        Xapian::Document doc = start(file, e.id, e.question);
        termgen_.index_text(e.answer);
        alsoFolded(e.answer, 1);
        stored::DocRecord record =
            recordFor(file, e.id, e.question, e.answer.substr(0, e.answer.find('\n')), e.anchor, path);
        record.sections.push_back({"", 0, e.anchor, e.answer});
        doc.set_data(stored::encodeDocRecord(record));
        return doc;
    }

private:
    Xapian::Document start(const Article& a, const std::string& id, const std::string& title)
    {
        Xapian::Document doc;
        termgen_.set_document(doc);
        termgen_.index_text(title, titleWdf_);
        termgen_.index_text(title, 1, schema::kTitlePrefix);
        termgen_.increase_termpos();
        if (words::hasAccents(title))
            termgen_.index_text(words::foldAccents(title), 1, schema::kTitlePrefix);
        alsoFolded(title, titleWdf_);
        questions_.set_document(doc);
        questions_.set_termpos(0);
        addQuestion(title);
        doc.add_boolean_term(schema::booleanTerm(schema::kIdPrefix, id));
        doc.add_boolean_term(schema::booleanTerm(schema::kFilePrefix, a.id));
        const std::vector<std::string> facets = facetTerms(a);
        for (const auto& term : facets)
            doc.add_boolean_term(term);
        doc.add_value(schema::kFacetSlot, facets_.encode(facets));
        doc.add_value(schema::kReviewedSlot, compactDate(a.reviewed));
        doc.add_value(schema::kTitleSortSlot, lower(title));
        doc.add_value(schema::kTitleSlot, title);
        doc.add_value(schema::kBoostSlot, Xapian::sortable_serialise(std::max(0.0, a.importance - 1.0)));
        if (a.type == DocType::Faq)
            doc.add_value(schema::kFaqSlot, Xapian::sortable_serialise(1.0));
        return doc;
    }

    void addQuestion(const std::string& question)
    {
        questions_.index_text(question, 1, schema::kQuestionPrefix);
        questions_.increase_termpos(schema::kNextQuestionGap);
        if (words::hasAccents(question)) {
            questions_.index_text(words::foldAccents(question), 1, schema::kQuestionPrefix);
            questions_.increase_termpos(schema::kNextQuestionGap);
        }
    }

    // Readers type without accents ("naive", "Meniere"): a text with accented words is indexed again with the
    // accents off, so the folded query the searcher makes finds it. ASCII text (nearly all) costs one scan.
    void alsoFolded(const std::string& text, Xapian::termcount wdf)
    {
        if (!words::hasAccents(text))
            return;
        termgen_.index_text(words::foldAccents(text), wdf);
        termgen_.increase_termpos();
    }

    static stored::DocRecord recordFor(const Article& a, const std::string& id, const std::string& title,
                                       const std::string& summary, const std::string& anchor, const std::string& path)
    {
        stored::DocRecord r;
        r.id = id;
        r.articleId = a.id;
        r.title = title;
        r.type = a.type;
        r.topics = a.topics;
        r.audience = a.audience;
        r.summary = summary;
        r.anchor = anchor;
        r.reviewed = a.reviewed;
        r.path = path;
        return r;
    }

    const FacetDictionary& facets_;
    Xapian::TermGenerator termgen_;
    Xapian::TermGenerator questions_;  // XQ terms: every word, stemmed, with positions (schema.h)
    int titleWdf_, headingWdf_, summaryWdf_;
};

// The spelling table's words and frequencies: every unprefixed term of every document, weighted by its wdf.
// Counted in memory and written once per distinct word; the same rule removes a document's words on update.
class SpellingCounter {
public:
    void add(const Xapian::Document& doc)
    {
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
            const std::string term = *it;
            if (isWord(term))
                counts_[term] += it.get_wdf();
        }
    }
    void writeTo(Xapian::WritableDatabase& db) const
    {
        for (const auto& [word, count] : counts_)
            db.add_spelling(word, count);
    }
    // Prefixed terms start with an ASCII capital (schema.h); spelling suggests plain words only.
    static bool isWord(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

private:
    std::unordered_map<std::string, Xapian::termcount> counts_;
};

std::string currentGeneration(const fs::path& outDir)
{
    return liveGeneration(outDir.string());
}

// One writer per index folder. flock(2) is released by the kernel when the holder exits in any way, SIGKILL
// included, so a killed build never leaves the folder locked.
class WriterLock {
public:
    explicit WriterLock(const fs::path& outDir)
    {
        const fs::path path = outDir / schema::kLockFile;
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0)
            throw BuildError("cannot create the lock file " + path.string() + ": " + std::strerror(errno));
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            throw IndexBusy("another fibrokb-index build is writing to " + outDir.string() +
                            "; the index is unchanged. Run the build again when that one has finished.");
        }
    }
    ~WriterLock() { ::close(fd_); }
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int fd_ = -1;
};

// Removes the generation being built unless the build switched to it: whatever goes wrong (a Xapian error,
// a full disk, out of memory, a bug), a failed build leaves no half-written folder behind.
class GenerationGuard {
public:
    explicit GenerationGuard(fs::path path) : path_(std::move(path)) {}
    ~GenerationGuard()
    {
        if (kept_)
            return;
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    void keep() { kept_ = true; }
    GenerationGuard(const GenerationGuard&) = delete;
    GenerationGuard& operator=(const GenerationGuard&) = delete;

private:
    fs::path path_;
    bool kept_ = false;
};

void syncOrThrow(int fd, const std::string& what)
{
    if (::fsync(fd) != 0)
        throw BuildError("cannot write " + what + " to disk: " + std::strerror(errno));
}

// A directory we may write into: empty, or one of our own index directories.
void checkOutDir(const fs::path& outDir)
{
    std::error_code ec;
    if (!fs::exists(outDir, ec)) {
        fs::create_directories(outDir, ec);
        if (ec)
            throw BuildError("cannot create index folder " + outDir.string() + ": " + ec.message());
        return;
    }
    if (!fs::is_directory(outDir, ec))
        throw BuildError(outDir.string() + " exists and is not a folder");
    for (const auto& entry : fs::directory_iterator(outDir, ec)) {
        std::string name = entry.path().filename().string();
        bool ours = name == schema::kStubFile || name == schema::kLockFile ||
                    name.rfind(schema::kGenerationPrefix, 0) == 0 ||
                    name.rfind(std::string(schema::kStubFile) + ".tmp", 0) == 0;
        if (!ours)
            throw BuildError(outDir.string() + " holds other files (" + name +
                             "); refusing to write an index there. Choose an empty folder.");
    }
}

// Writes the new stub beside the old one, syncs it, renames it over the old one, and syncs the folder, so
// that after a crash or power loss the stub names either the old generation or the new one, complete.
void writeStub(const fs::path& outDir, const std::string& generation)
{
    const fs::path tmp = outDir / (std::string(schema::kStubFile) + ".tmp" + std::to_string(::getpid()));
    const std::string line = "auto " + generation + "\n";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw BuildError("cannot write " + tmp.string() + ": " + std::strerror(errno));
    try {
        if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            throw BuildError("cannot write " + tmp.string() + ": " + std::strerror(errno));
        syncOrThrow(fd, tmp.string());
    } catch (...) {
        ::close(fd);
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
    ::close(fd);
    // rename(2) replaces the stub atomically: a reader sees the old generation or the new one.
    std::error_code ec;
    fs::rename(tmp, outDir / schema::kStubFile, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw BuildError("cannot switch the index to the new build: " + ec.message());
    }
    int dirFd = ::open(outDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);  // the rename itself is durable only once the folder is synced
        ::close(dirFd);
    }
}

// Keeps the live generation and `previous` (a reader may still have it open); removes every other generation,
// including those a killed build left behind, and stale stub temporaries. Called only under the WriterLock.
void removeOldGenerations(const fs::path& outDir, const std::string& live, const std::string& previous)
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(outDir, ec)) {
        std::string name = entry.path().filename().string();
        bool generation = name.rfind(schema::kGenerationPrefix, 0) == 0;
        bool staleTmp = name.rfind(std::string(schema::kStubFile) + ".tmp", 0) == 0;
        if ((generation && name != live && name != previous) || staleTmp)
            fs::remove_all(entry.path(), ec);
    }
}

}  // namespace

// Paths in the index are relative to the corpus folder ("articles/outer-hip-pain.md"), so an index can move.
static std::string corpusRelative(const std::string& path, const std::string& root)
{
    // The common case without a system call: fs::relative canonicalises both paths, a few stat(2) per file.
    const std::string base = root.empty() || root.back() == '/' ? root : root + "/";
    if (!root.empty() && path.rfind(base, 0) == 0 && path.find("/../") == std::string::npos &&
        path.find("/./") == std::string::npos)
        return path.substr(base.size());
    std::error_code ec;
    fs::path rel = fs::relative(path, root, ec);
    return ec || rel.empty() ? path : rel.generic_string();
}

namespace {

// "<size> <mtime in ns>" of a corpus file: an update re-reads a file when either differs ("" if it is gone).
std::string fileStamp(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return "";
    return std::to_string(st.st_size) + " " +
           std::to_string(std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
}

// Everything besides the files that the documents depend on: topics, synonyms, options. An update needs it
// unchanged; a new synonym rule changes the synonym table, so it takes a full build.
std::string corpusSettings(const Corpus& corpus, const IndexOptions& options)
{
    nlohmann::json j = {{"schema", schema::kSchemaVersion}, {"fieldBoosts", options.fieldBoosts}};
    for (const auto& t : corpus.topics)
        j["topics"].push_back({t.id, t.label, t.description});
    for (const auto& r : corpus.synonyms)
        j["synonyms"].push_back({r.from, r.to, r.twoWay, r.readAs});
    // Every page that includes a box holds its text: a changed box means a full build.
    j["helpBoxes"] = helpBoxesText(corpus.root);
    // Pages hold their drawings: a changed drawing means a full build too.
    j["images"] = imagesFolderStamp(corpus.root);
    const std::string text = dumped(j);
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text)
        hash = (hash ^ c) * 1099511628211ull;
    return std::to_string(hash);
}

std::string manifestKey(const std::string& relativePath)
{
    return schema::booleanTerm(schema::kMetaFilePrefix, relativePath);
}
std::string manifestValue(const std::string& stamp, const std::string& id, const std::string& relativePath)
{
    return stamp + " " + id + "\n" + relativePath;
}

// What one file contributes: the file itself (its article record), and the documents to write for it.
struct FileJob {
    const Article* article = nullptr;
    bool wholeArticle = false;             // an article: one document
    std::vector<const FaqEntry*> entries;  // a FAQ file: one document per entry not already taken
    size_t textBytes = 0;
};

// Decides, in corpus order, what gets written: the first file or entry to claim an id wins (check reports
// the duplicates). Done before the shards start, so the result does not depend on how files are split.
std::vector<FileJob> planJobs(const Corpus& corpus)
{
    std::vector<FileJob> jobs;
    std::set<std::string> seenIds;
    for (const Article& a : corpus.articles) {
        if (!seenIds.insert(a.id).second)
            continue;
        FileJob job;
        job.article = &a;
        if (a.type == DocType::Article) {
            job.wholeArticle = true;
        } else {
            for (const auto& e : a.faq)
                if (seenIds.insert(e.id).second)
                    job.entries.push_back(&e);
        }
        job.textBytes = a.html.size() + 512;
        jobs.push_back(std::move(job));
    }
    return jobs;
}

// Per-shard memory bound: a shard commits after this much indexed text. Xapian buffers every posting and
// position in std::maps until a commit, and those maps get slower as they grow: at 5,000 documents a build
// that committed only at the end took 80 s, one committing every 500 documents 51 s; with two shards, commits
// every 0.5, 2 and 8 MB of text took 37, 39 and 44 s of CPU (docs/performance.md). Shards are written without
// fsync (DB_NO_SYNC): they are scratch files, and the merge writes the generation durably.
constexpr size_t kCommitEveryTextBytes = 1u << 20;

// Splits the jobs into `n` contiguous runs of about equal text. Contiguous, so that after the merge the
// documents keep corpus order (docids break ranking ties, so a build gives the same order on any machine).
std::vector<std::pair<size_t, size_t>> splitJobs(const std::vector<FileJob>& jobs, int n)
{
    size_t total = 0;
    for (const auto& j : jobs)
        total += j.textBytes;
    std::vector<std::pair<size_t, size_t>> ranges;
    size_t begin = 0, acc = 0;
    for (size_t i = 0; i < jobs.size(); ++i) {
        acc += jobs[i].textBytes;
        if (int(ranges.size()) < n - 1 && acc * n >= total * (ranges.size() + 1)) {
            ranges.emplace_back(begin, i + 1);
            begin = i + 1;
        }
    }
    ranges.emplace_back(begin, jobs.size());
    return ranges;
}

class Cancelled final : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

// Writes one contiguous run of files into its own database. Several run at once, each on its own thread
// with its own Xapian handles (Xapian objects are not thread-safe); the merge joins them afterwards.
class ShardWriter {
public:
    ShardWriter(const fs::path& path, const Corpus& corpus, const IndexOptions& options, const FacetDictionary& facets,
                std::atomic<int>& documentsDone)
        : path_(path), corpus_(corpus), options_(options), facets_(facets), documentsDone_(documentsDone)
    {
    }

    void write(const std::vector<FileJob>& jobs, size_t begin, size_t end)
    {
        Xapian::WritableDatabase db(path_.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
        DocumentBuilder builder(options_, facets_);
        SpellingCounter spelling;
        size_t sinceCommit = 0;
        for (size_t i = begin; i < end; ++i) {
            if (options_.cancel && options_.cancel->load())
                throw Cancelled();
            const FileJob& job = jobs[i];
            const Article& a = *job.article;
            Article withPath = a;  // the record stores the path relative to the corpus folder
            withPath.path = corpusRelative(a.path, corpus_.root);
            const std::string& path = withPath.path;
            auto add = [&](const Xapian::Document& doc) {
                spelling.add(doc);
                db.add_document(doc);  // a fresh database and ids made unique by planJobs: no lookup needed
                ++documentsDone_;
            };
            if (job.wholeArticle) {
                add(builder.forArticle(withPath, path));
                ++articles;
            }
            for (const FaqEntry* e : job.entries) {
                add(builder.forFaqEntry(a, *e, path));
                ++faqEntries;
            }
            if (!job.wholeArticle)
                db.set_metadata(schema::kMetaArticlePrefix + a.id, stored::encodeArticleRecord(withPath));
            db.set_metadata(manifestKey(path), manifestValue(fileStamp(a.path), a.id, path));
            sinceCommit += job.textBytes;
            if (sinceCommit >= kCommitEveryTextBytes) {
                db.commit();
                sinceCommit = 0;
            }
        }
        spelling.writeTo(db);
        db.commit();
        db.close();
    }

    int articles = 0;
    int faqEntries = 0;

private:
    fs::path path_;
    const Corpus& corpus_;
    const IndexOptions& options_;
    const FacetDictionary& facets_;
    std::atomic<int>& documentsDone_;
};

// Inside a catch block of a build or an update: turns whatever was thrown into BuildCancelled or BuildError,
// saying that the previous index is kept (`what` is "build" or "update").
[[noreturn]] void rethrowAsBuildError(const std::string& what)
{
    try {
        throw;
    } catch (const Cancelled&) {
        throw BuildCancelled(what + " stopped; the previous index is kept");
    } catch (const BuildError&) {
        throw;
    } catch (const Xapian::Error& e) {
        throw BuildError("index " + what + " failed, previous index kept: " + e.get_description());
    } catch (const std::exception& e) {
        throw BuildError("index " + what + " failed, previous index kept: " + e.what());
    }
}

// Reports merge progress to the caller's callback (Xapian calls set_status per table).
class MergeStatus final : public Xapian::Compactor {
public:
    explicit MergeStatus(const std::function<void(const std::string&)>& onTable) : onTable_(onTable) {}
    void set_status(const std::string& table, const std::string& status) override
    {
        if (onTable_ && status.empty())
            onTable_(table);
    }

private:
    const std::function<void(const std::string&)>& onTable_;
};

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

BuildSummary buildIndex(const Corpus& corpus, const std::string& outDirText, const IndexOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    const fs::path outDir(outDirText);
    checkOutDir(outDir);
    WriterLock lock(outDir);
    const std::string previous = currentGeneration(outDir);
    // Generations from builds that were killed before they could clean up: nobody reads them.
    removeOldGenerations(outDir, previous, previous);
    static std::atomic<int> counter{0};
    const std::string generation = std::string(schema::kGenerationPrefix) + utcTimestamp("%Y%m%dT%H%M%SZ") + "-" +
                                   std::to_string(::getpid()) + "-" + std::to_string(++counter);
    const fs::path genPath = outDir / generation;
    GenerationGuard guard(genPath);

    const std::vector<FileJob> jobs = planJobs(corpus);
    int documentsTotal = 0;
    FacetDictionary facets;
    for (const auto& job : jobs) {
        documentsTotal += job.wholeArticle ? 1 : int(job.entries.size());
        for (const auto& term : facetTerms(*job.article))
            facets.add(term);
    }
    const auto ranges =
        splitJobs(jobs, std::min<int>(parallel::defaultThreads(options.threads), std::max<size_t>(jobs.size(), 1)));

    BuildSummary summary;
    summary.generation = generation;
    BuildProgress progress;
    progress.documentsTotal = documentsTotal;
    auto report = [&](BuildProgress::Stage stage) {
        if (!options.onProgress)
            return;
        progress.stage = stage;
        progress.seconds = secondsSince(started);
        options.onProgress(progress);
    };
    try {
        // Shards are named like generations, so a killed build's leftovers are removed by the next build.
        std::vector<fs::path> shardPaths;
        std::vector<std::unique_ptr<GenerationGuard>> shardGuards;
        for (size_t i = 0; i < ranges.size(); ++i) {
            shardPaths.push_back(outDir / (generation + ".shard-" + std::to_string(i)));
            shardGuards.push_back(std::make_unique<GenerationGuard>(shardPaths.back()));
        }
        std::atomic<int> documentsDone{0};
        std::vector<std::unique_ptr<ShardWriter>> writers;
        for (size_t i = 0; i < ranges.size(); ++i)
            writers.push_back(std::make_unique<ShardWriter>(shardPaths[i], corpus, options, facets, documentsDone));
        // One thread per shard; the calling thread reports progress while they write. A cancel request stops
        // every shard at its next document.
        parallel::forEach(
            ranges.size(), int(ranges.size()),
            [&](size_t i) { writers[i]->write(jobs, ranges[i].first, ranges[i].second); },
            [&] {
                progress.documentsDone = documentsDone.load();
                report(BuildProgress::Stage::Writing);
            });
        for (const auto& w : writers) {
            summary.articles += w->articles;
            summary.faqEntries += w->faqEntries;
        }
        progress.documentsDone = documentsDone.load();
        if (options.cancel && options.cancel->load())
            throw Cancelled();

        {
            // The corpus-wide data goes into the first shard before the merge.
            Xapian::WritableDatabase first(shardPaths[0].string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
            writeSynonyms(first, corpus.synonyms);
            nlohmann::json topics = nlohmann::json::array();
            for (const auto& t : corpus.topics)
                topics.push_back({{"id", t.id}, {"label", t.label}, {"description", t.description}});
            first.set_metadata(schema::kMetaTopics, dumped(topics));
            first.set_metadata(schema::kMetaFacetTerms, facets.json());
            first.set_metadata(schema::kMetaCorpusSettings, corpusSettings(corpus, options));
            first.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion));
            first.set_metadata(schema::kMetaBuildDate, utcTimestamp("%Y-%m-%dT%H:%M:%SZ"));
            first.commit();
        }
        // The merge: Xapian's compactor joins the shards into the generation, renumbering documents in shard
        // order, summing spelling frequencies, and packing every table's blocks full (about a third smaller
        // than a database written document by document).
        report(BuildProgress::Stage::Merging);
        Xapian::Database all;
        for (const auto& p : shardPaths)
            all.add_database(Xapian::Database(p.string()));
        std::function<void(const std::string&)> onTable = [&](const std::string&) {
            report(BuildProgress::Stage::Merging);
        };
        MergeStatus status(onTable);
        all.compact(genPath.string(), Xapian::Compactor::FULL, 0, status);
        all.close();
        shardGuards.clear();  // removes the shard folders
        summary.documents = summary.articles + summary.faqEntries;
        if (options.cancel && options.cancel->load())
            throw Cancelled();
        writeStub(outDir, generation);
        guard.keep();
    } catch (...) {
        rethrowAsBuildError("build");
    }
    removeOldGenerations(outDir, generation, previous);
    report(BuildProgress::Stage::Done);
    return summary;
}

namespace {

// Removes a document's words from the spelling table, by the rule SpellingCounter added them.
void removeSpelling(Xapian::WritableDatabase& db, const Xapian::Document& doc)
{
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (SpellingCounter::isWord(term))
            db.remove_spelling(term, it.get_wdf());
    }
}

}  // namespace

UpdateSummary updateIndex(const std::string& corpusDir, const std::string& outDirText, const IndexOptions& options)
{
    UpdateSummary summary;
    const fs::path outDir(outDirText);
    auto needFull = [&](const std::string& why) {
        summary.fullBuildNeeded = true;
        summary.reason = why;
        return summary;
    };
    std::error_code ec;
    if (!fs::is_directory(corpusDir, ec))
        return needFull("corpus folder not found");
    if (!fs::exists(outDir / schema::kStubFile, ec))
        return needFull("no index yet");
    checkOutDir(outDir);
    WriterLock lock(outDir);
    const std::string previous = currentGeneration(outDir);
    if (previous.empty() || !fs::is_directory(outDir / previous, ec))
        return needFull("no index yet");
    removeOldGenerations(outDir, previous, previous);

    try {
        Xapian::Database live((outDir / previous).string());
        if (live.get_metadata(schema::kMetaSchemaVersion) != std::to_string(schema::kSchemaVersion))
            return needFull("the index was written by another version");
        // Topics and synonyms are read again (they are small); the settings must match the index's.
        Corpus settings;
        settings.root = corpusDir;
        const fs::path base(corpusDir);
        settings.topics = loadTopics((base / "topics.yaml").string(), summary.problems);
        settings.synonyms = loadSynonyms((base / "synonyms.txt").string(), summary.problems);
        if (live.get_metadata(schema::kMetaCorpusSettings) != corpusSettings(settings, options))
            return needFull(
                "topics.yaml, synonyms.txt, help-boxes.yaml, a drawing in images/ or the index options changed");

        // Which files changed, by size and modification time against the manifest.
        struct Known {
            std::string stamp, id;
            bool seen = false;
        };
        std::map<std::string, Known> manifest;  // relative path -> what the index holds
        const std::string prefix = schema::kMetaFilePrefix;
        for (auto it = live.metadata_keys_begin(prefix); it != live.metadata_keys_end(prefix); ++it) {
            const std::string value = live.get_metadata(*it);
            const size_t newline = value.find('\n'), lastSpace = value.rfind(' ', newline);
            if (newline == std::string::npos || lastSpace == std::string::npos)
                continue;
            manifest[value.substr(newline + 1)] = {value.substr(0, lastSpace),
                                                   value.substr(lastSpace + 1, newline - lastSpace - 1)};
        }
        Corpus changed = settings;
        std::vector<std::pair<std::string, DocType>> toRead;
        const std::pair<const char*, DocType> folders[] = {{"articles", DocType::Article}, {"faq", DocType::Faq}};
        for (const auto& [folder, type] : folders)
            for (const auto& path : findMarkdownFiles((base / folder).string(), corpusDir, summary.problems)) {
                const std::string rel = corpusRelative(path, corpusDir);
                auto known = manifest.find(rel);
                if (known != manifest.end()) {
                    known->second.seen = true;
                    if (known->second.stamp == fileStamp(path))
                        continue;
                    ++summary.filesChanged;
                } else {
                    ++summary.filesAdded;
                }
                toRead.emplace_back(path, type);
            }
        std::vector<std::string> removedIds;  // files whose documents go: changed, deleted
        for (const auto& [rel, known] : manifest) {
            if (!known.seen) {
                ++summary.filesRemoved;
                removedIds.push_back(known.id);
            }
        }
        for (const auto& [path, type] : toRead) {
            auto known = manifest.find(corpusRelative(path, corpusDir));
            if (known != manifest.end())
                removedIds.push_back(known->second.id);
        }
        summary.generation = previous;
        summary.documents = int(live.get_doccount());
        if (toRead.empty() && removedIds.empty())
            return summary;  // nothing to do: the index stays as it is
        // Replacing a document in place costs about as much as writing one in a full build plus the
        // lookups (1.3 s for 100 files of 5,000, a full build 14.7 s): past a quarter of the files, for
        // instance after a copy that reset every file's time, a full build is the faster way.
        if (toRead.size() * 4 > manifest.size())
            return needFull(std::to_string(toRead.size()) + " of " + std::to_string(manifest.size()) +
                            " files changed: a full build is faster");

        // Read and check the changed files only. Links to the other pages are resolved in the index.
        std::vector<Article> parsed(toRead.size());
        std::vector<Problems> fileProblems(toRead.size());
        std::vector<char> ok(toRead.size(), 0);
        parallel::forEach(
            toRead.size(), parallel::defaultThreads(options.threads),
            [&](size_t i) { ok[i] = parseArticleFile(toRead[i].first, toRead[i].second, parsed[i], fileProblems[i]); },
            {}, [&] { return options.cancel && options.cancel->load(); });
        if (options.cancel && options.cancel->load())
            throw Cancelled();
        for (size_t i = 0; i < toRead.size(); ++i) {
            changed.problems.insert(changed.problems.end(), fileProblems[i].begin(), fileProblems[i].end());
            if (ok[i])
                changed.articles.push_back(std::move(parsed[i]));
            else
                summary.skippedFiles.push_back(toRead[i].first);
        }
        const std::set<std::string> leaving(removedIds.begin(), removedIds.end());
        auto otherPage = [&](const std::string& id) -> std::optional<std::set<std::string>> {
            if (leaving.count(id))
                return std::nullopt;
            auto record = stored::readArticleRecord(live, id);
            if (!record)
                return std::nullopt;
            std::set<std::string> anchors;
            for (const auto& section : record->sections)
                anchors.insert(section.anchor);
            return anchors;
        };
        CheckReport report = checkSomeFiles(changed, otherPage);
        // An id another, unchanged file already has: the first one indexed keeps it, as in a full build.
        std::vector<const Article*> keep;
        for (const auto& a : changed.articles) {
            const std::string fileTerm = schema::booleanTerm(schema::kFilePrefix, a.id);
            if (!leaving.count(a.id) && live.term_exists(fileTerm)) {
                report.problems.push_back(
                    {a.path, 2, Severity::Error,
                     "duplicate id '" + a.id + "' (another file in the index has it); not indexed"});
                continue;
            }
            keep.push_back(&a);
        }
        summary.problems.insert(summary.problems.end(), report.problems.begin(), report.problems.end());
        if (options.strictUpdate && (!summary.problems.empty() || !summary.skippedFiles.empty())) {
            summary.refused = true;
            return summary;
        }
        live.close();

        // In place, in one Xapian transaction: Xapian writes changed blocks beside the old ones and switches
        // to them with one atomic commit, so a reader keeps the revision it opened and a killed update
        // leaves the previous revision. Copying the generation first (as a full build would) cost 0.48 s of
        // a 0.5 s one-file update at 5,000 documents, nearly all of it the copy (docs/performance.md).
        const fs::path genPath = outDir / previous;
        {
            Xapian::WritableDatabase db(genPath.string(), Xapian::DB_OPEN);
            db.begin_transaction();  // all or nothing, and one commit: the copy is durable before the switch
            for (const auto& id : leaving) {
                const std::string fileTerm = schema::booleanTerm(schema::kFilePrefix, id);
                std::vector<Xapian::docid> docs(db.postlist_begin(fileTerm), db.postlist_end(fileTerm));
                for (Xapian::docid did : docs) {
                    removeSpelling(db, db.get_document(did));
                    db.delete_document(did);
                }
                db.set_metadata(schema::kMetaArticlePrefix + id, "");
            }
            std::set<std::string> reread;  // relative paths of the files read again
            for (const auto& file : toRead)
                reread.insert(corpusRelative(file.first, corpusDir));
            for (const auto& entry : manifest)
                if (!entry.second.seen || reread.count(entry.first))
                    db.set_metadata(manifestKey(entry.first), "");
            FacetDictionary facets = FacetDictionary::fromJson(db.get_metadata(schema::kMetaFacetTerms));
            for (const Article* a : keep)
                for (const auto& term : facetTerms(*a))
                    facets.add(term);
            DocumentBuilder builder(options, facets);
            SpellingCounter spelling;
            std::set<std::string> seenIds;
            for (const Article* source : keep) {
                if (!seenIds.insert(source->id).second)
                    continue;
                Article a = *source;
                a.path = corpusRelative(source->path, corpusDir);
                auto add = [&](const std::string& id, const Xapian::Document& doc) {
                    spelling.add(doc);
                    db.replace_document(schema::booleanTerm(schema::kIdPrefix, id), doc);
                };
                if (a.type == DocType::Article) {
                    add(a.id, builder.forArticle(a, a.path));
                } else {
                    for (const auto& e : a.faq)
                        if (seenIds.insert(e.id).second)
                            add(e.id, builder.forFaqEntry(a, e, a.path));
                    db.set_metadata(schema::kMetaArticlePrefix + a.id, stored::encodeArticleRecord(a));
                }
                db.set_metadata(manifestKey(a.path), manifestValue(fileStamp(source->path), a.id, a.path));
            }
            spelling.writeTo(db);
            db.set_metadata(schema::kMetaFacetTerms, facets.json());
            db.set_metadata(schema::kMetaBuildDate, utcTimestamp("%Y-%m-%dT%H:%M:%SZ"));
            if (options.cancel && options.cancel->load())
                throw Cancelled();
            db.commit_transaction();
            summary.documents = int(db.get_doccount());
            db.close();
        }
        summary.updated = true;
    } catch (...) {
        rethrowAsBuildError("update");
    }
    return summary;
}

}  // namespace fibrokb

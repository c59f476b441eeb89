#include <fibrokb/index_writer.h>
#include <fibrokb/json.h>
#include <fibrokb/searcher.h>

#include "text.h"
#include "schema.h"
#include "synonyms.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace fibrokb {

using text::lower;
namespace {

std::string utcTimestamp(const char* format) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

// Text is UTF-8 by the time it gets here, but a path may hold any bytes a file name can: never let one
// byte fail the build (nlohmann-json throws on invalid UTF-8 unless told to replace it).
std::string dumped(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string compactDate(const std::string& iso) {
    std::string out;
    for (char c : iso)
        if (c != '-') out += c;
    return out;
}

// Builds one Xapian document per article, and one per FAQ entry.
class DocumentBuilder {
public:
    DocumentBuilder(Xapian::WritableDatabase& db, const IndexOptions& options)
        : titleWdf_(options.fieldBoosts ? schema::kTitleWdf : 1),
          headingWdf_(options.fieldBoosts ? schema::kHeadingWdf : 1),
          summaryWdf_(options.fieldBoosts ? schema::kSummaryWdf : 1) {
        termgen_.set_stemmer(Xapian::Stem(schema::kStemLanguage));
        termgen_.set_stemming_strategy(schema::kStemStrategy);
        termgen_.set_database(db);                       // spelling data goes into this database
        termgen_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    }

    Xapian::Document forArticle(const Article& a) {
        Xapian::Document doc = start(a, a.id, a.title);
        termgen_.index_text(a.summary, summaryWdf_);
        termgen_.increase_termpos();
        for (const auto& s : a.sections) {
            if (!s.heading.empty()) {
                termgen_.index_text(s.heading, headingWdf_);
                termgen_.index_text(s.heading, 1, schema::kHeadingPrefix);
                termgen_.increase_termpos();
            }
            termgen_.index_text(s.text);
            termgen_.increase_termpos();
        }
        doc.set_data(dumped(data(a, a.id, a.title, a.summary, "")));
        return doc;
    }

    Xapian::Document forFaqEntry(const Article& file, const FaqEntry& e) {
        Xapian::Document doc = start(file, e.id, e.question);
        termgen_.index_text(e.answer);
        std::string lead = e.answer.substr(0, e.answer.find('\n'));
        doc.set_data(dumped(data(file, e.id, e.question, lead, e.anchor)));
        return doc;
    }

private:
    Xapian::Document start(const Article& a, const std::string& id, const std::string& title) {
        Xapian::Document doc;
        termgen_.set_document(doc);
        termgen_.index_text(title, titleWdf_);
        termgen_.index_text(title, 1, schema::kTitlePrefix);
        termgen_.increase_termpos();
        doc.add_boolean_term(schema::booleanTerm(schema::kIdPrefix, id));
        doc.add_boolean_term(schema::booleanTerm(schema::kFilePrefix, a.id));
        doc.add_boolean_term(schema::booleanTerm(schema::kTypePrefix, toString(a.type)));
        doc.add_boolean_term(schema::booleanTerm(schema::kAudiencePrefix, a.audience));
        for (const auto& t : a.topics) doc.add_boolean_term(schema::booleanTerm(schema::kTopicPrefix, t));
        doc.add_value(schema::kReviewedSlot, compactDate(a.reviewed));
        doc.add_value(schema::kTitleSortSlot, lower(title));
        doc.add_value(schema::kBoostSlot, Xapian::sortable_serialise(std::max(0.0, a.importance - 1.0)));
        if (a.type == DocType::Faq) doc.add_value(schema::kFaqSlot, Xapian::sortable_serialise(1.0));
        return doc;
    }

    static nlohmann::json data(const Article& a, const std::string& id, const std::string& title,
                               const std::string& summary, const std::string& anchor) {
        return {{"id", id}, {"articleId", a.id}, {"title", title}, {"type", toString(a.type)},
                {"topics", a.topics}, {"audience", a.audience}, {"summary", summary},
                {"anchor", anchor}, {"reviewed", a.reviewed}, {"path", a.path}};
    }

    Xapian::TermGenerator termgen_;
    int titleWdf_, headingWdf_, summaryWdf_;
};

std::string currentGeneration(const fs::path& outDir) { return liveGeneration(outDir.string()); }

// One writer per index folder. flock(2) is released by the kernel when the holder exits in any way, SIGKILL
// included, so a killed build never leaves the folder locked.
class WriterLock {
public:
    explicit WriterLock(const fs::path& outDir) {
        const fs::path path = outDir / schema::kLockFile;
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) throw BuildError("cannot create the lock file " + path.string() + ": " + std::strerror(errno));
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            throw BuildError("another fibrokb-index build is writing to " + outDir.string() +
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
    ~GenerationGuard() {
        if (kept_) return;
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

void syncOrThrow(int fd, const std::string& what) {
    if (::fsync(fd) != 0) throw BuildError("cannot write " + what + " to disk: " + std::strerror(errno));
}

// A directory we may write into: empty, or one of our own index directories.
void checkOutDir(const fs::path& outDir) {
    std::error_code ec;
    if (!fs::exists(outDir, ec)) {
        fs::create_directories(outDir, ec);
        if (ec) throw BuildError("cannot create index folder " + outDir.string() + ": " + ec.message());
        return;
    }
    if (!fs::is_directory(outDir, ec)) throw BuildError(outDir.string() + " exists and is not a folder");
    for (const auto& entry : fs::directory_iterator(outDir, ec)) {
        std::string name = entry.path().filename().string();
        bool ours = name == schema::kStubFile || name == schema::kLockFile || name.rfind(schema::kGenerationPrefix, 0) == 0 ||
                    name.rfind(std::string(schema::kStubFile) + ".tmp", 0) == 0;
        if (!ours)
            throw BuildError(outDir.string() + " holds other files (" + name +
                             "); refusing to write an index there. Choose an empty folder.");
    }
}

// Writes the new stub beside the old one, syncs it, renames it over the old one, and syncs the folder, so
// that after a crash or power loss the stub names either the old generation or the new one, complete.
void writeStub(const fs::path& outDir, const std::string& generation) {
    const fs::path tmp = outDir / (std::string(schema::kStubFile) + ".tmp" + std::to_string(::getpid()));
    const std::string line = "auto " + generation + "\n";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw BuildError("cannot write " + tmp.string() + ": " + std::strerror(errno));
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
        ::fsync(dirFd);   // the rename itself is durable only once the folder is synced
        ::close(dirFd);
    }
}

// Keeps the live generation and `previous` (a reader may still have it open); removes every other generation,
// including those a killed build left behind, and stale stub temporaries. Called only under the WriterLock.
void removeOldGenerations(const fs::path& outDir, const std::string& live, const std::string& previous) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(outDir, ec)) {
        std::string name = entry.path().filename().string();
        bool generation = name.rfind(schema::kGenerationPrefix, 0) == 0;
        bool staleTmp = name.rfind(std::string(schema::kStubFile) + ".tmp", 0) == 0;
        if ((generation && name != live && name != previous) || staleTmp) fs::remove_all(entry.path(), ec);
    }
}

}  // namespace

// Paths in the index are relative to the corpus folder ("articles/outer-hip-pain.md"), so an index can move.
static std::string corpusRelative(const std::string& path, const std::string& root) {
    std::error_code ec;
    fs::path rel = fs::relative(path, root, ec);
    return ec || rel.empty() ? path : rel.generic_string();
}

BuildSummary buildIndex(const Corpus& corpus, const std::string& outDirText, const IndexOptions& options) {
    const fs::path outDir(outDirText);
    checkOutDir(outDir);
    WriterLock lock(outDir);
    const std::string previous = currentGeneration(outDir);
    // Generations from builds that were killed before they could clean up: nobody reads them.
    removeOldGenerations(outDir, previous, previous);
    static int counter = 0;
    const std::string generation = std::string(schema::kGenerationPrefix) + utcTimestamp("%Y%m%dT%H%M%SZ") + "-" +
                                   std::to_string(::getpid()) + "-" + std::to_string(++counter);
    const fs::path genPath = outDir / generation;
    GenerationGuard guard(genPath);

    BuildSummary summary;
    summary.generation = generation;
    try {
        Xapian::WritableDatabase db(genPath.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        DocumentBuilder builder(db, options);
        std::set<std::string> seenIds;
        for (const Article& source : corpus.articles) {
            Article a = source;
            a.path = corpusRelative(a.path, corpus.root);
            if (a.type == DocType::Article) {
                if (!seenIds.insert(a.id).second) continue;   // duplicates are reported by check; first one wins
                db.replace_document(schema::booleanTerm(schema::kIdPrefix, a.id), builder.forArticle(a));
                ++summary.articles;
            } else {
                if (!seenIds.insert(a.id).second) continue;
                for (const auto& e : a.faq) {
                    if (!seenIds.insert(e.id).second) continue;
                    db.replace_document(schema::booleanTerm(schema::kIdPrefix, e.id), builder.forFaqEntry(a, e));
                    ++summary.faqEntries;
                }
            }
            db.set_metadata(schema::kMetaArticlePrefix + a.id, dumped(toJson(a)));
        }
        writeSynonyms(db, corpus.synonyms);
        nlohmann::json topics = nlohmann::json::array();
        for (const auto& t : corpus.topics)
            topics.push_back({{"id", t.id}, {"label", t.label}, {"description", t.description}});
        db.set_metadata(schema::kMetaTopics, dumped(topics));
        db.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion));
        db.set_metadata(schema::kMetaBuildDate, utcTimestamp("%Y-%m-%dT%H:%M:%SZ"));
        db.commit();   // explicit: the destructor would swallow a commit error
        db.close();
        summary.documents = summary.articles + summary.faqEntries;
        writeStub(outDir, generation);
        guard.keep();
    } catch (const Xapian::Error& e) {
        throw BuildError("index build failed, previous index kept: " + e.get_description());
    } catch (const BuildError&) {
        throw;
    } catch (const std::exception& e) {
        throw BuildError(std::string("index build failed, previous index kept: ") + e.what());
    }
    removeOldGenerations(outDir, generation, previous);
    return summary;
}

}  // namespace fibrokb

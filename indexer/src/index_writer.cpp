#include <fibrokb/index_writer.h>
#include <fibrokb/json.h>

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
        doc.set_data(data(a, a.id, a.title, a.summary, "").dump());
        return doc;
    }

    Xapian::Document forFaqEntry(const Article& file, const FaqEntry& e) {
        Xapian::Document doc = start(file, e.id, e.question);
        termgen_.index_text(e.answer);
        std::string lead = e.answer.substr(0, e.answer.find('\n'));
        doc.set_data(data(file, e.id, e.question, lead, e.anchor).dump());
        return doc;
    }

private:
    Xapian::Document start(const Article& a, const std::string& id, const std::string& title) {
        Xapian::Document doc;
        termgen_.set_document(doc);
        termgen_.index_text(title, titleWdf_);
        termgen_.index_text(title, 1, schema::kTitlePrefix);
        termgen_.increase_termpos();
        doc.add_boolean_term(schema::kIdPrefix + id);
        doc.add_boolean_term(schema::kFilePrefix + a.id);
        doc.add_boolean_term(schema::kTypePrefix + toString(a.type));
        doc.add_boolean_term(schema::kAudiencePrefix + a.audience);
        for (const auto& t : a.topics) doc.add_boolean_term(schema::kTopicPrefix + t);
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

std::string currentGeneration(const fs::path& outDir) {
    std::ifstream stub(outDir / schema::kStubFile);
    std::string word, name;
    if (stub >> word >> name && word == "auto") return name;
    return "";
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
        bool ours = name == schema::kStubFile || name.rfind(schema::kGenerationPrefix, 0) == 0 ||
                    name.rfind(std::string(schema::kStubFile) + ".tmp", 0) == 0;
        if (!ours)
            throw BuildError(outDir.string() + " holds other files (" + name +
                             "); refusing to write an index there. Choose an empty folder.");
    }
}

void writeStub(const fs::path& outDir, const std::string& generation) {
    const fs::path tmp = outDir / (std::string(schema::kStubFile) + ".tmp" + std::to_string(::getpid()));
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "auto " << generation << "\n";
        out.flush();
        if (!out) throw BuildError("cannot write " + tmp.string());
    }
    // rename(2) replaces the stub atomically: a reader sees the old generation or the new one.
    std::error_code ec;
    fs::rename(tmp, outDir / schema::kStubFile, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw BuildError("cannot switch the index to the new build: " + ec.message());
    }
}

// Keeps the live generation and the one before it (a reader may still have it open).
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
    const std::string previous = currentGeneration(outDir);
    static int counter = 0;
    const std::string generation = std::string(schema::kGenerationPrefix) + utcTimestamp("%Y%m%dT%H%M%SZ") + "-" +
                                   std::to_string(::getpid()) + "-" + std::to_string(++counter);
    const fs::path genPath = outDir / generation;

    BuildSummary summary;
    summary.generation = generation;
    try {
        Xapian::WritableDatabase db(genPath.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        DocumentBuilder builder(db, options);
        std::set<std::string> seenIds;
        for (Article a : corpus.articles) {
            a.path = corpusRelative(a.path, corpus.root);
            if (a.type == DocType::Article) {
                if (!seenIds.insert(a.id).second) continue;   // duplicates are reported by check; first one wins
                db.replace_document(schema::kIdPrefix + a.id, builder.forArticle(a));
                ++summary.articles;
            } else {
                if (!seenIds.insert(a.id).second) continue;
                for (const auto& e : a.faq) {
                    if (!seenIds.insert(e.id).second) continue;
                    db.replace_document(schema::kIdPrefix + e.id, builder.forFaqEntry(a, e));
                    ++summary.faqEntries;
                }
            }
            db.set_metadata(schema::kMetaArticlePrefix + a.id, toJson(a).dump());
        }
        writeSynonyms(db, corpus.synonyms);
        nlohmann::json topics = nlohmann::json::array();
        for (const auto& t : corpus.topics)
            topics.push_back({{"id", t.id}, {"label", t.label}, {"description", t.description}});
        db.set_metadata(schema::kMetaTopics, topics.dump());
        db.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion));
        db.set_metadata(schema::kMetaBuildDate, utcTimestamp("%Y-%m-%dT%H:%M:%SZ"));
        db.commit();   // explicit: the destructor would swallow a commit error
        db.close();
        summary.documents = summary.articles + summary.faqEntries;
        writeStub(outDir, generation);
    } catch (const Xapian::Error& e) {
        std::error_code ec;
        fs::remove_all(genPath, ec);
        throw BuildError("index build failed, previous index kept: " + e.get_description());
    } catch (const BuildError&) {
        std::error_code ec;
        fs::remove_all(genPath, ec);
        throw;
    }
    removeOldGenerations(outDir, generation, previous);
    return summary;
}

}  // namespace fibrokb

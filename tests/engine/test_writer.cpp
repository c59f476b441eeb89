// The writer: unique ids, an atomic switch, and a failed build that leaves the previous index working.
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

using namespace fibrokb;
using fibrokb::test::dataPath;
using fibrokb::test::TempDir;
namespace fs = std::filesystem;

namespace {

int generations(const std::string& dir)
{
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        n += e.path().filename().string().rfind("gen-", 0) == 0;
    return n;
}

int entries(const std::string& dir)
{
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++n;
    return n;
}

SearchRequest browseAll()
{
    SearchRequest r;
    r.type = "article";
    r.limit = 100;
    return r;
}

}  // namespace

TEST_CASE("a build indexes every article and FAQ entry once and by unique id", "[writer]")
{
    TempDir dir;
    Corpus corpus = loadCorpus(dataPath("corpus"));
    BuildSummary s = buildIndex(corpus, dir / "index");
    CHECK(s.articles == 4);
    CHECK(s.faqEntries == 3);
    buildIndex(corpus, dir / "index");  // rebuilding does not duplicate
    Searcher searcher(dir / "index");
    CHECK(searcher.info().documents == 7);
    SearchRequest all;
    all.topics = {"back-pain", "hip-pain", "exercise"};
    all.limit = 100;
    SearchResult r = searcher.search(all);
    std::set<std::string> ids;
    for (const auto& h : r.hits)
        ids.insert(h.id);
    CHECK(ids.size() == 7);
    CHECK(ids.count("faq-common#is-a-heat-pad-safe") == 1);
}

TEST_CASE("a failed build leaves the previous index live and cleans up after itself", "[writer]")
{
    TempDir dir;
    buildIndex(loadCorpus(dataPath("corpus")), dir / "index");
    Corpus bad = loadCorpus(dataPath("corpus"));
    // A FAQ file's record is stored under a metadata key made from its id; one longer than Xapian's key limit
    // fails the write inside a shard's thread, which must still fail the whole build.
    auto faq =
        std::find_if(bad.articles.begin(), bad.articles.end(), [](const Article& a) { return a.type == DocType::Faq; });
    REQUIRE(faq != bad.articles.end());
    faq->id = std::string(300, 'x');
    CHECK_THROWS_AS(buildIndex(bad, dir / "index"), BuildError);
    Searcher searcher(dir / "index");
    CHECK(searcher.info().documents == 7);
    CHECK(searcher.search(browseAll()).total == 4);
    CHECK(generations(dir / "index") == 1);
    CHECK(entries(dir / "index") == 3);  // XAPIANDB, the lock file and one generation: no shard left behind
}

TEST_CASE("a cancelled build stops - the previous index stays live and nothing is left behind", "[writer]")
{
    TempDir dir;
    buildIndex(loadCorpus(dataPath("corpus")), dir / "index");
    const std::string before = fibrokb::liveGeneration(dir / "index");
    std::atomic<bool> cancel{false};
    IndexOptions options;
    options.cancel = &cancel;
    int reports = 0;
    // Cancelled from the progress callback, as a Ctrl+C handler would set the flag while the shards write.
    options.onProgress = [&](const BuildProgress&) {
        ++reports;
        cancel = true;
    };
    options.threads = 2;
    Corpus corpus = loadCorpus(dataPath("corpus"));
    CHECK_THROWS_AS(buildIndex(corpus, dir / "index", options), BuildCancelled);
    CHECK(reports >= 1);
    CHECK(fibrokb::liveGeneration(dir / "index") == before);
    CHECK(Searcher(dir / "index").info().documents == 7);
    CHECK(entries(dir / "index") == 3);
}

TEST_CASE("a build gives the same documents in the same order with one thread or several", "[writer]")
{
    TempDir dir;
    Corpus corpus = loadCorpus(dataPath("corpus"));
    IndexOptions one, four;
    one.threads = 1;
    four.threads = 4;
    buildIndex(corpus, dir / "one", one);
    buildIndex(corpus, dir / "four", four);
    Searcher a(dir / "one"), b(dir / "four");
    for (const char* q : {"hip pain", "heat", "sleep", "exercise", ""}) {
        SearchRequest r;
        r.query = q;
        if (!*q)
            r.type = "faq";
        r.limit = 50;
        const SearchResult x = a.search(r), y = b.search(r);
        REQUIRE(x.hits.size() == y.hits.size());
        for (size_t i = 0; i < x.hits.size(); ++i) {
            CHECK(x.hits[i].id == y.hits[i].id);
            CHECK(x.hits[i].snippet == y.hits[i].snippet);
        }
        CHECK(x.facets.topics == y.facets.topics);
    }
    CHECK(a.complete("he") == b.complete("he"));
    CHECK(a.info().documents == b.info().documents);
}

TEST_CASE("the switch is atomic - open readers keep their generation and new readers see the new one", "[writer]")
{
    TempDir dir;
    fibrokb::test::copyTree(dataPath("corpus"), dir / "corpus");
    buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    Searcher before(dir / "index");
    std::string extra = "---\nid: new-page\ntitle: A new page\nsummary: New.\ntopics: [exercise]\naudience: everyone\n"
                        "reviewed: 2026-01-01\nnext_review: 2027-01-01\nsources: []\n---\nFresh words.\n";
    fibrokb::test::writeFile(dir / "corpus/articles/new-page.md", extra);
    buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    CHECK(before.search(browseAll()).total == 4);  // still reads the old generation
    Searcher after(dir / "index");
    CHECK(after.search(browseAll()).total == 5);
    buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    CHECK(generations(dir / "index") == 2);  // the live one and the one before it
}

TEST_CASE("the writer refuses a folder that holds other files", "[writer]")
{
    TempDir dir;
    fibrokb::test::writeFile(dir / "precious/notes.txt", "mine");
    CHECK_THROWS_AS(buildIndex(loadCorpus(dataPath("corpus")), dir / "precious"), BuildError);
    CHECK(fs::exists(dir / "precious/notes.txt"));
}

TEST_CASE("opening a missing and foreign or outdated index gives a clear IndexError", "[writer]")
{
    TempDir dir;
    CHECK_THROWS_WITH(Searcher(dir / "nothing"), Catch::Contains("fibrokb-index build"));
    fibrokb::test::writeFile(dir / "junk/file.txt", "x");
    CHECK_THROWS_AS(Searcher(dir / "junk"), IndexError);
    buildIndex(loadCorpus(dataPath("corpus")), dir / "index");
    {
        std::string gen;
        for (const auto& e : fs::directory_iterator(dir / "index"))
            if (e.path().filename().string().rfind("gen-", 0) == 0)
                gen = e.path().string();
        Xapian::WritableDatabase db(gen, Xapian::DB_OPEN);
        db.set_metadata("fibrokb.schema_version", "999");
        db.commit();
    }
    CHECK_THROWS_WITH(Searcher(dir / "index"), Catch::Contains("schema version '999'"));
}

TEST_CASE("an update in place reads only changed files and open readers learn of it through outdated()", "[writer]")
{
    TempDir dir;
    fibrokb::test::copyTree(dataPath("corpus"), dir / "corpus");
    buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    const std::string generation = fibrokb::liveGeneration(dir / "index");
    Searcher before(dir / "index");
    CHECK_FALSE(before.outdated());

    UpdateSummary nothing = updateIndex(dir / "corpus", dir / "index");
    CHECK_FALSE(nothing.fullBuildNeeded);
    CHECK_FALSE(nothing.updated);
    CHECK_FALSE(before.outdated());

    std::string extra = "---\nid: new-page\ntitle: A new page\nsummary: New.\ntopics: [exercise]\naudience: everyone\n"
                        "reviewed: 2026-01-01\nnext_review: 2027-01-01\nsources: []\n---\nFresh zebrafish words.\n";
    fibrokb::test::writeFile(dir / "corpus/articles/new-page.md", extra);
    UpdateSummary added = updateIndex(dir / "corpus", dir / "index");
    CHECK(added.updated);
    CHECK(added.filesAdded == 1);
    CHECK(added.filesChanged == 0);
    CHECK(fibrokb::liveGeneration(dir / "index") == generation);  // in place: same generation
    CHECK(before.outdated());
    Searcher after(dir / "index");
    CHECK_FALSE(after.outdated());
    SearchRequest r;
    r.query = "zebrafish";
    CHECK(after.search(r).total == 1);
    CHECK(after.info().documents == 8);
    CHECK(after.complete("zebra").size() >= 1);

    fs::remove(dir / "corpus/articles/new-page.md");
    UpdateSummary removed = updateIndex(dir / "corpus", dir / "index");
    CHECK(removed.filesRemoved == 1);
    Searcher last(dir / "index");
    CHECK(last.search(r).total == 0);
    CHECK(last.info().documents == 7);

    // When most files changed (a copy that reset their times), a full build is faster than replacing them.
    for (const auto& e : fs::recursive_directory_iterator(dir / "corpus"))
        if (e.path().extension() == ".md")
            fs::last_write_time(e.path(), fs::last_write_time(e.path()) + std::chrono::seconds(5));
    UpdateSummary most = updateIndex(dir / "corpus", dir / "index");
    CHECK(most.fullBuildNeeded);
    CHECK(most.reason.find("a full build is faster") != std::string::npos);
    CHECK_FALSE(most.updated);

    // A new synonym rule changes the synonym table: that takes a full build, and nothing is touched.
    std::ofstream(dir / "corpus/synonyms.txt", std::ios::app) << "\nzebrafish = danio\n";
    UpdateSummary full = updateIndex(dir / "corpus", dir / "index");
    CHECK(full.fullBuildNeeded);
    CHECK_FALSE(full.updated);
}

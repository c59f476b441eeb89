// The writer: unique ids, an atomic switch, and a failed build that leaves the previous index working.
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <set>

using namespace fibrokb;
using fibrokb::test::dataPath;
using fibrokb::test::TempDir;
namespace fs = std::filesystem;

namespace {

int generations(const std::string& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().rfind("gen-", 0) == 0;
    return n;
}

SearchRequest browseAll() {
    SearchRequest r;
    r.type = "article";
    r.limit = 100;
    return r;
}

}  // namespace

TEST_CASE("a build indexes every article and FAQ entry once and by unique id", "[writer]") {
    TempDir dir;
    Corpus corpus = loadCorpus(dataPath("corpus"));
    BuildSummary s = buildIndex(corpus, dir / "index");
    CHECK(s.articles == 4);
    CHECK(s.faqEntries == 3);
    buildIndex(corpus, dir / "index");   // rebuilding does not duplicate
    Searcher searcher(dir / "index");
    CHECK(searcher.info().documents == 7);
    SearchRequest all;
    all.topics = {"back-pain", "hip-pain", "exercise"};
    all.limit = 100;
    SearchResult r = searcher.search(all);
    std::set<std::string> ids;
    for (const auto& h : r.hits) ids.insert(h.id);
    CHECK(ids.size() == 7);
    CHECK(ids.count("faq-common#is-a-heat-pad-safe") == 1);
}

TEST_CASE("a failed build leaves the previous index live and cleans up after itself", "[writer]") {
    TempDir dir;
    buildIndex(loadCorpus(dataPath("corpus")), dir / "index");
    Corpus bad = loadCorpus(dataPath("corpus"));
    bad.articles[0].id = std::string(300, 'x');   // longer than Xapian's term limit: the write fails
    CHECK_THROWS_AS(buildIndex(bad, dir / "index"), BuildError);
    Searcher searcher(dir / "index");
    CHECK(searcher.info().documents == 7);
    CHECK(searcher.search(browseAll()).total == 4);
    CHECK(generations(dir / "index") == 1);
}

TEST_CASE("the switch is atomic - open readers keep their generation and new readers see the new one", "[writer]") {
    TempDir dir;
    fibrokb::test::copyTree(dataPath("corpus"), dir / "corpus");
    buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    Searcher before(dir / "index");
    std::string extra = "---\nid: new-page\ntitle: A new page\nsummary: New.\ntopics: [exercise]\naudience: everyone\n"
                        "reviewed: 2026-01-01\nnext_review: 2027-01-01\nsources: []\n---\nFresh words.\n";
    fibrokb::test::writeFile(dir / "corpus/articles/new-page.md", extra);
    buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    CHECK(before.search(browseAll()).total == 4);   // still reads the old generation
    Searcher after(dir / "index");
    CHECK(after.search(browseAll()).total == 5);
    buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    CHECK(generations(dir / "index") == 2);          // the live one and the one before it
}

TEST_CASE("the writer refuses a folder that holds other files", "[writer]") {
    TempDir dir;
    fibrokb::test::writeFile(dir / "precious/notes.txt", "mine");
    CHECK_THROWS_AS(buildIndex(loadCorpus(dataPath("corpus")), dir / "precious"), BuildError);
    CHECK(fs::exists(dir / "precious/notes.txt"));
}

TEST_CASE("opening a missing and foreign or outdated index gives a clear IndexError", "[writer]") {
    TempDir dir;
    CHECK_THROWS_WITH(Searcher(dir / "nothing"), Catch::Contains("fibrokb-index build"));
    fibrokb::test::writeFile(dir / "junk/file.txt", "x");
    CHECK_THROWS_AS(Searcher(dir / "junk"), IndexError);
    buildIndex(loadCorpus(dataPath("corpus")), dir / "index");
    {
        std::string gen;
        for (const auto& e : fs::directory_iterator(dir / "index"))
            if (e.path().filename().string().rfind("gen-", 0) == 0) gen = e.path().string();
        Xapian::WritableDatabase db(gen, Xapian::DB_OPEN);
        db.set_metadata("fibrokb.schema_version", "999");
        db.commit();
    }
    CHECK_THROWS_WITH(Searcher(dir / "index"), Catch::Contains("schema version '999'"));
}

// "a => b" synonym rules (SynonymRule::readAs): a nickname is searched as what it stands for, not as itself,
// because the nickname's word can mean something else on the pages ("fibro" in "fibro fog").
// And a corrected search is filled with partial matches like any other (issue 13, tuning-set misses).
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace fibrokb;
using fibrokb::test::TempDir;
using fibrokb::test::writeFile;

namespace {

std::string page(const std::string& id, const std::string& title, const std::string& body)
{
    return fibrokb::test::minimalArticle(id, title, body, "hip-pain");
}

struct NicknameLibrary {
    TempDir dir;
    explicit NicknameLibrary(const std::string& rule)
    {
        fibrokb::test::startCorpus(dir / "corpus");
        writeFile(dir / "corpus/synonyms.txt", rule + "\nfibro fog -> thinking\n");
        // The answer says "fibromyalgia", never "fibro".
        writeFile(dir / "corpus/articles/hips.md",
                  page("hips", "Hip pain", "Fibromyalgia can add to hip pain. Hip pain at night is common."));
        // "Fibro" many times, as "fibro fog", and hip pain once in passing.
        writeFile(dir / "corpus/articles/fog.md", page("fog", "Fibro fog",
                                                       "Fibro fog. Fibro fog is not dementia. Fibro fog and hip pain. "
                                                       "People with fibromyalgia get fibro fog."));
        for (int i = 0; i < 6; ++i)  // "fibromyalgia" on most pages, as in the real library
            writeFile(dir / ("corpus/articles/other" + std::to_string(i) + ".md"),
                      page("other" + std::to_string(i), "Other " + std::to_string(i),
                           "Fibromyalgia and sleep. Bursitis is outer hip pain."));
        buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    }

    SearchResult search(const std::string& q) const
    {
        SearchRequest r;
        r.query = q;
        r.limit = 10;
        return Searcher(dir / "index").search(r);
    }

    // The first result's id, "" when nothing matched.
    std::string first(const std::string& q) const
    {
        SearchResult r = search(q);
        return r.hits.empty() ? std::string() : r.hits[0].id;
    }
};

}  // namespace

TEST_CASE("a read-as rule searches the nickname as what it stands for", "[search][synonyms]")
{
    NicknameLibrary readAs("fibro => fibromyalgia");
    CHECK(readAs.first("fibro hip pain") == "hips");
    const std::string parsed = readAs.search("fibro hip pain").parsed;
    CHECK(parsed.find("fibro@") == std::string::npos);        // the typed word is not searched for
    CHECK(parsed.find("fibromyalgia") != std::string::npos);  // what it stands for is
    // A phrase rule that starts with the nickname still wins: "fibro fog" is the fog page.
    CHECK(readAs.first("fibro fog") == "fog");
}

TEST_CASE("a one-way rule searches the typed word too, so there the fog page can win", "[search][synonyms]")
{
    // The same library with "->": the contrast shows what "=>" changes.
    NicknameLibrary oneWay("fibro -> fibromyalgia");
    CHECK(oneWay.first("fibro hip pain") == "fog");
    CHECK(oneWay.search("fibro hip pain").parsed.find("fibro@") != std::string::npos);
}

TEST_CASE("a corrected search is filled with partial matches too", "[search][partial]")
{
    NicknameLibrary lib("fibro => fibromyalgia");
    // "bursitus" is misspelt: nothing matches as typed, so the corrected "bursitis hip" is searched. Six pages
    // have both words; pages with one of them fill the first page, below the divider.
    SearchResult r = lib.search("bursitus hip");
    REQUIRE(r.corrected);
    CHECK(*r.corrected == "bursitis hip");
    CHECK(r.total == 6);
    CHECK(r.showingCorrected);
    CHECK(r.partialMatches > 0);
    CHECK(std::any_of(r.hits.begin(), r.hits.end(), [](const Hit& h) { return h.partial && h.id == "hips"; }));
}

// One Unicode-correct word rule for the engine (issue 13, item 3): splitting, lower case, accent folding, slugs,
// readability and search agree on words with non-ASCII letters.
#include "test_support.h"

#include <fibrokb/readability.h>

#include "slug.h"
#include "words.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace fibrokb;
using fibrokb::test::dataPath;
using fibrokb::test::TempDir;
using fibrokb::test::writeFile;

TEST_CASE("words are split, lower-cased and folded the Unicode way", "[words]")
{
    CHECK(words::split("Is  Café-au-lait OK? Don't") ==
          std::vector<std::string>{"is", "café", "au", "lait", "ok", "don't"});
    CHECK(words::split("dogs' ÉMILE") == std::vector<std::string>{"dogs", "émile"});
    CHECK(words::lower("ÉMILE Ménière") == "émile ménière");
    CHECK(words::foldAccents("naïve Ménière Straße ÆON") == "naive Meniere Strasse AEON");
    CHECK(words::foldAccents("plain ascii, – dash") == "plain ascii, – dash");
    CHECK_FALSE(words::hasAccents("no accents – just a dash"));
    CHECK(words::hasAccents("naïve"));
}

TEST_CASE("slugs keep accented letters as their letter", "[words][slug]")
{
    CHECK(slugify("Café crème") == "cafe-creme");
    CHECK(slugify("Ménière's disease") == "menieres-disease");
}

TEST_CASE("readability counts a word with an accent as one word and a dash as none", "[words][readability]")
{
    CHECK(measureReadability({"Un café noir – merci."}).words == 4);
}

TEST_CASE("a page with accents is found with or without them, in any case", "[words][search]")
{
    TempDir dir;
    std::filesystem::create_directories(dir / "corpus");
    fibrokb::test::copyTree(dataPath("corpus/topics.yaml"), dir / "corpus/topics.yaml");
    writeFile(dir / "corpus/articles/inner-ear.md",
              "---\nid: inner-ear\ntitle: Ménière's disease and dizziness\nsummary: S.\n"
              "topics: [understanding-fibromyalgia]\naudience: everyone\nreviewed: 2026-01-01\n"
              "next_review: 2027-01-01\nsources:\n  - title: A\n    by: NHS\n    doi: 10.1/a\n---\n"
              "A naïve question is still a good question.\n");
    writeFile(dir / "corpus/articles/other.md",
              "---\nid: other\ntitle: Walking\nsummary: S.\ntopics: [exercise]\naudience: everyone\n"
              "reviewed: 2026-01-01\nnext_review: 2027-01-01\nsources:\n  - title: A\n    by: NHS\n"
              "    doi: 10.1/a\n---\nWalk a little every day.\n");
    buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    Searcher s(dir / "index");
    for (const char* q : {"naive", "naïve", "NAÏVE", "meniere", "Ménière", "MENIERE disease"}) {
        INFO(q);
        SearchRequest r;
        r.query = q;
        SearchResult result = s.search(r);
        REQUIRE(result.total == 1);
        CHECK(result.hits[0].id == "inner-ear");
    }
    // Completion lower-cases the Unicode way: "mén" finds the title that starts "Mén".
    const auto completions = s.complete("mén", 5);
    CHECK(std::find(completions.begin(), completions.end(), "Ménière's disease and dizziness") != completions.end());
}

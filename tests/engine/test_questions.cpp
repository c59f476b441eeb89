// The questions a page answers (its title, a FAQ entry's question, an article's asked_as list) are matched as
// questions: every word kept, stop words too, in one question and in any order (issue 13, item 2).
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace fibrokb;
using fibrokb::test::dataPath;
using fibrokb::test::TempDir;
using fibrokb::test::writeFile;

namespace {

std::string page(const std::string& id, const std::string& title, const std::string& askedAs, const std::string& body)
{
    return "---\nid: " + id + "\ntitle: " + title +
           "\nsummary: S.\ntopics: [understanding-fibromyalgia]\naudience: everyone\nreviewed: 2026-01-01\n"
           "next_review: 2027-01-01\n" +
           askedAs + "sources:\n  - title: A\n    by: NHS\n    url: https://a.org\n---\n" + body + "\n";
}

struct QuestionLibrary {
    TempDir dir;
    QuestionLibrary()
    {
        std::filesystem::create_directories(dir / "corpus");
        fibrokb::test::copyTree(dataPath("corpus/topics.yaml"), dir / "corpus/topics.yaml");
        // Says it answers the question.
        writeFile(dir / "corpus/articles/outlook.md",
                  page("outlook", "The long view", "asked_as:\n  - will it get better\n",
                       "Many people find their symptoms ease over the years."));
        // Has every word of the question, spread over its text, many times.
        writeFile(dir / "corpus/articles/mentions.md",
                  page("mentions", "Daily tips", "",
                       "It helps to rest. You will get tired. Better sleep helps. It will pass. Get outside. "
                       "Will you get better sleep? It is better to pace."));
        // Has the words in two different questions, never in one.
        writeFile(dir / "corpus/articles/split.md",
                  page("split", "Weather and sleep", "asked_as:\n  - will it rain\n  - how to get better sleep\n",
                       "Rain and sleep."));
        writeFile(dir / "corpus/articles/diagnosis.md", page("diagnosis", "How fibromyalgia is diagnosed", "",
                                                             "A doctor asks about your pain and does an examination."));
        writeFile(dir / "corpus/articles/tests.md",
                  page("tests", "Blood tests", "",
                       "How is a blood test done? Fibromyalgia is not found by blood tests, it is diagnosed by a "
                       "doctor. Fibromyalgia tests: none."));
        buildIndex(loadCorpus(dir / "corpus"), dir / "index");
    }
};

std::vector<std::string> ids(const SearchResult& r)
{
    std::vector<std::string> out;
    for (const auto& h : r.hits)
        out.push_back(h.id);
    return out;
}

SearchResult search(const Searcher& s, const std::string& q)
{
    SearchRequest r;
    r.query = q;
    return s.search(r);
}

}  // namespace

TEST_CASE("a question of stop words finds the page that says it answers it, first", "[search][questions]")
{
    QuestionLibrary lib;
    Searcher s(lib.dir / "index");
    const auto found = ids(search(s, "will it get better"));
    REQUIRE_FALSE(found.empty());
    CHECK(found[0] == "outlook");

    // Without the question match the page that only repeats the words comes first: the feature is what helps.
    SearchTuning off;
    off.questionMatch = false;
    s.setTuning(off);
    CHECK(ids(search(s, "will it get better"))[0] != "outlook");
}

TEST_CASE("the words must be in one question: words from two questions are not a match", "[search][questions]")
{
    QuestionLibrary lib;
    Searcher s(lib.dir / "index");
    const auto found = ids(search(s, "will it get better"));
    const auto split = std::find(found.begin(), found.end(), "split");
    const auto outlook = std::find(found.begin(), found.end(), "outlook");
    REQUIRE(outlook != found.end());
    CHECK((split == found.end() || split > outlook));
}

TEST_CASE("a title matches its question in any word order, and a misspelt question as corrected", "[search][questions]")
{
    QuestionLibrary lib;
    Searcher s(lib.dir / "index");
    CHECK(ids(search(s, "how is fibromyalgia diagnosed"))[0] == "diagnosis");
    SearchResult typo = search(s, "how is fibromyalgia diagnosd");
    REQUIRE(typo.corrected);
    REQUIRE_FALSE(typo.hits.empty());
    CHECK(typo.hits[0].id == "diagnosis");
}

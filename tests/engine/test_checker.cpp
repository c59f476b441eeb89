// `check`: corpus-level rules, with path and line for every problem.
#include "test_support.h"

#include <fibrokb/checker.h>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace fibrokb;
using fibrokb::test::dataPath;
using fibrokb::test::TempDir;
using fibrokb::test::writeFile;

namespace {

bool reported(const CheckReport& r, const std::string& pathEnd, int line, const std::string& fragment)
{
    return std::any_of(r.problems.begin(), r.problems.end(), [&](const Problem& p) {
        bool pathMatches = p.path.size() >= pathEnd.size() &&
                           p.path.compare(p.path.size() - pathEnd.size(), pathEnd.size(), pathEnd) == 0;
        return pathMatches && (line < 0 || p.line == line) && p.message.find(fragment) != std::string::npos;
    });
}

const char* kGoodFrontMatter =
    "---\nid: %ID%\ntitle: T\nsummary: S.\ntopics: [back-pain]\naudience: everyone\n"
    "reviewed: 2026-01-01\nnext_review: 2027-01-01\nsources:\n  - title: A\n    url: https://a.org\n"
    "  - title: B\n    doi: 10.1/b\n---\n";

std::string page(const std::string& id, const std::string& body)
{
    std::string fm = kGoodFrontMatter;
    fm.replace(fm.find("%ID%"), 4, id);
    return fm + body;
}

CheckReport checkTemp(const TempDir& dir)
{
    return checkCorpus(loadCorpus(dir.path()));
}

}  // namespace

TEST_CASE("check names broken links and skipped files and uncovered topics with their lines", "[check]")
{
    Corpus corpus = loadCorpus(dataPath("broken"));
    CheckReport r = checkCorpus(corpus);
    REQUIRE(corpus.skippedFiles.size() == 2);
    CHECK(corpus.skippedFiles[0].find("bad-id.md") != std::string::npos);
    CHECK(corpus.skippedFiles[1].find("bad-yaml.md") != std::string::npos);
    CHECK(reported(r, "articles/good.md", 15, "broken link: no article or FAQ file with id 'missing-page'"));
    CHECK(reported(r, "topics.yaml", 0, "topic 'hip-pain' has no articles"));
    CHECK(reported(r, "topics.yaml", 0, "topic 'exercise' has no articles"));
    CHECK(hasErrors(r.problems));
}

TEST_CASE("check enforces the writing standard - promises and percentages and doses", "[check]")
{
    CheckReport r = checkCorpus(loadCorpus(dataPath("broken")));
    CHECK(reported(r, "bad-fields.md", 12, "'miracle' promises too much"));
    CHECK(reported(r, "bad-fields.md", 12, "'cure' promises too much"));
    CHECK(reported(r, "bad-fields.md", 12, "not as a percentage"));
    CHECK(reported(r, "bad-fields.md", 12, "no dosing amounts"));
}

TEST_CASE("negated cure words pass - readable pages with a help box pass", "[check]")
{
    TempDir dir;
    fibrokb::test::copyTree(dataPath("corpus/topics.yaml"), dir / "topics.yaml");
    std::string body;
    for (int i = 0; i < 70; ++i)
        body += "There is no cure. Walk a bit each day and rest. ";
    body += "\n\n## When to get help\n\nSee [urgent help](when-to-get-urgent-help) if it gets worse.\n";
    writeFile(dir / "articles/a.md", page("a", body));
    writeFile(dir / "articles/when-to-get-urgent-help.md", page("when-to-get-urgent-help", body));
    CheckReport r = checkTemp(dir);
    CHECK_FALSE(reported(r, "a.md", -1, "promises too much"));
    CHECK_FALSE(reported(r, "a.md", -1, "hard to read"));
    CHECK_FALSE(reported(r, "a.md", -1, "When to get help"));
    REQUIRE(r.readability.size() == 2);
    CHECK(r.readability[0].passes);
}

TEST_CASE("check flags hard reading and short pages", "[check]")
{
    TempDir dir;
    fibrokb::test::copyTree(dataPath("corpus/topics.yaml"), dir / "topics.yaml");
    writeFile(dir / "articles/a.md", page("a", "Multidisciplinary rehabilitation programmes demonstrated considerable "
                                               "improvements in functional capacity.\n"));
    CheckReport r = checkTemp(dir);
    CHECK(reported(r, "a.md", 1, "hard to read"));
    CHECK(reported(r, "a.md", 1, "words; aim for 400 to 1200"));
}

TEST_CASE("check finds duplicate ids and unknown topics and bad anchors and date order", "[check]")
{
    TempDir dir;
    fibrokb::test::copyTree(dataPath("corpus"), dir.path());
    writeFile(dir / "articles/copy.md", page("back-basics", "See [x](hip-outer#no-such-section).\n"));
    std::string odd = page("odd", "Text.\n");
    odd.replace(odd.find("[back-pain]"), 11, "[back-pain, made-up]");
    odd.replace(odd.find("2027-01-01"), 10, "2025-01-01");
    writeFile(dir / "articles/odd.md", odd);
    CheckReport r = checkTemp(dir);
    CHECK(reported(r, "copy.md", 2, "duplicate id 'back-basics'"));
    CHECK(reported(r, "copy.md", 15, "'hip-outer' has no section '#no-such-section'"));
    CHECK(reported(r, "odd.md", 2, "unknown topic 'made-up'"));
    CHECK(reported(r, "odd.md", 2, "next_review must come after reviewed"));
}

TEST_CASE("FAQ answers are measured one by one", "[check]")
{
    CheckReport r = checkCorpus(loadCorpus(dataPath("corpus")));
    int faqRows = 0;
    for (const auto& row : r.readability)
        faqRows += row.id.rfind("faq-common#", 0) == 0;
    CHECK(faqRows == 3);
    CHECK(reported(r, "faq-common.md", 19, "'faq-common#is-a-heat-pad-safe': 19 words; aim for 40 to 200"));
}

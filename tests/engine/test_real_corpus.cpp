// The bundled corpus must always pass `check` and build: CI keeps the content standard true.
#include "test_support.h"

#include <fibrokb/checker.h>

#include <catch2/catch.hpp>

using namespace fibrokb;

TEST_CASE("the real corpus passes check with no errors", "[corpus]")
{
    Corpus corpus = loadCorpus(FIBROKB_REAL_CORPUS);
    CheckReport report = checkCorpus(corpus);
    for (const auto& p : report.problems)
        if (p.severity == Severity::Error)
            UNSCOPED_INFO(p.format());
    CHECK_FALSE(hasErrors(report.problems));
    CHECK(corpus.skippedFiles.empty());
}

TEST_CASE("the real corpus builds and answers 'hip pain'", "[corpus]")
{
    fibrokb::test::TempDir dir;
    BuildSummary s = buildIndex(loadCorpus(FIBROKB_REAL_CORPUS), dir / "index");
    CHECK(s.articles >= 40);
    CHECK(s.faqEntries >= 120);
    Searcher searcher(dir / "index");
    SearchRequest r;
    r.query = "hip pain";
    SearchResult result = searcher.search(r);
    CHECK(result.total > 5);
    CHECK(result.facets.topics.count("hip-pain") == 1);
}

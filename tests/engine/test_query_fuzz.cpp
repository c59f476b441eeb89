// 5,000 random and hostile queries through the Searcher: no exception escapes, every answer is whole.
#include "query_fuzz.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

using namespace fibrokb;
using namespace fibrokb::test;

TEST_CASE("5000 hostile queries through the Searcher - no exception and a bounded answer", "[searcher][fuzz]")
{
    // The fixture index, and the bundled library (193 pages), where more queries match and snippets are built.
    TempDir tmp;
    const bool real = GENERATE(false, true);
    if (real)
        buildIndex(loadCorpus(FIBROKB_REAL_CORPUS), tmp / "index");
    Searcher searcher(real ? tmp / "index" : fixtureIndex());
    const auto queries = hostileQueries(5000, 11);
    std::vector<double> millis;
    int truncated = 0;
    for (size_t i = 0; i < queries.size(); ++i) {
        SearchRequest request;
        request.query = queries[i];
        request.asYouType = i % 2 == 0;
        if (i % 7 == 0)
            request.topics = {"hip-pain", queries[i].substr(0, 300)};
        if (i % 11 == 0)
            request.audience = "patients";
        const auto start = std::chrono::steady_clock::now();
        SearchResult result;
        INFO("query #" << i);
        REQUIRE_NOTHROW(result = searcher.search(request));
        REQUIRE_NOTHROW(searcher.complete(queries[i]));
        millis.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        CHECK(result.total + result.partialMatches >= int(result.hits.size()));
        truncated += result.truncated;
    }
    std::sort(millis.begin(), millis.end());
    WARN((real ? "bundled library" : "fixture")
         << ": 5,000 hostile queries: median " << millis[millis.size() / 2] << " ms, p99 "
         << millis[millis.size() * 99 / 100] << " ms, max " << millis.back() << " ms; " << truncated << " cut to "
         << kMaxQueryBytes << " bytes");
    CHECK(truncated > 0);
}

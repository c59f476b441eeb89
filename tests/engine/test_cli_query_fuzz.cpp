// The same 5,000 hostile queries through fibrokb-search, as a separate process each: exit 0 every time,
// and the JSON stays valid whatever bytes were typed.
#include "cli_run.h"
#include "query_fuzz.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace fibrokb::test;

TEST_CASE("fibrokb-search - 5000 hostile queries all exit 0", "[cli][fuzz]")
{
    const std::string index = fixtureIndex();
    const auto queries = hostileQueries(5000, 11);
    int failures = 0;
    for (size_t i = 0; i < queries.size(); ++i) {
        if (i % 50 == 0) {  // every 50th: read the JSON back
            Run r = runTool(FIBROKB_SEARCH_TOOL, {"--index", index, "--json", "--", queries[i]}, true);
            INFO("query #" << i);
            REQUIRE(r.exitCode == 0);
            CHECK(nlohmann::json::accept(r.output));
            continue;
        }
        std::vector<std::string> args = {FIBROKB_SEARCH_TOOL, "--index", index};
        if (i % 2)
            args.push_back("--json");
        args.push_back("--");
        args.push_back(queries[i]);
        const int code = waitExit(spawnQuiet(args));
        if (code != 0) {
            ++failures;
            UNSCOPED_INFO("query #" << i << " exited " << code);
        }
    }
    CHECK(failures == 0);
}

// The command-line tools, run as a user would: exit codes, messages and the JSON schema.
#include "cli_run.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using fibrokb::test::dataPath;
using fibrokb::test::Run;
using fibrokb::test::runTool;
using fibrokb::test::TempDir;

namespace {

Run index(const std::vector<std::string>& args)
{
    return runTool(FIBROKB_INDEX_TOOL, args);
}
Run search(const std::vector<std::string>& args, bool stdoutOnly = true)
{
    return runTool(FIBROKB_SEARCH_TOOL, args, stdoutOnly);
}

bool has(const Run& r, const std::string& text)
{
    return r.output.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("fibrokb-index - help and version and usage errors", "[cli]")
{
    Run help = index({"--help"});
    CHECK(help.exitCode == 0);
    CHECK(has(help, "Usage: fibrokb-index COMMAND"));
    CHECK(has(index({"build", "--help"}), "--strict"));
    Run version = index({"--version"});
    CHECK(version.exitCode == 0);
    CHECK(has(version, "fibrokb-index 0."));
    CHECK(index({}).exitCode == 2);
    CHECK(index({"frobnicate"}).exitCode == 2);
    CHECK(index({"build", "--bogus"}).exitCode == 2);
    CHECK(index({"check", "--corpus"}).exitCode == 2);
}

TEST_CASE("fibrokb-index check names a broken file with its line and exits 1", "[cli]")
{
    Run r = index({"check", "--corpus", dataPath("broken")});
    CHECK(r.exitCode == 1);
    CHECK(has(r, "broken/articles/good.md:15: error: broken link"));
    CHECK(has(r, "broken/articles/bad-yaml.md:"));
    CHECK(has(r, "not valid YAML"));
}

TEST_CASE("fibrokb-index check --scores prints readability per page", "[cli]")
{
    Run r = index({"check", "--scores", "--corpus", dataPath("corpus")});
    CHECK(has(r, "faq-common#is-a-heat-pad-safe"));
    CHECK(has(r, "ease"));
}

TEST_CASE("fibrokb-index build skips unparseable files - --strict keeps the previous index", "[cli]")
{
    TempDir dir;
    Run good = index({"build", "--corpus", dataPath("corpus"), "--out", dir / "index"});
    CHECK(good.exitCode == 1);  // the small fixture pages fail the word-count checks: reported, still indexed
    CHECK(has(good, "Indexed 7 documents (4 articles, 3 FAQ entries)"));

    Run strict = index({"build", "--strict", "--corpus", dataPath("broken"), "--out", dir / "index"});
    CHECK(strict.exitCode == 1);
    CHECK(has(strict, "previous index"));
    CHECK(has(index({"stats", "--index", dir / "index"}), "Documents:      7"));

    Run lenient = index({"build", "--corpus", dataPath("broken"), "--out", dir / "index"});
    CHECK(lenient.exitCode == 1);
    CHECK(has(lenient, "Indexed 2 documents"));
    CHECK(has(lenient, "bad-yaml.md: error: skipped"));
    CHECK(has(lenient, "bad-id.md: error: skipped"));
    CHECK(has(index({"stats", "--index", dir / "index"}), "Documents:      2"));
}

TEST_CASE("fibrokb-index stats describes the index - a missing index is an error", "[cli]")
{
    Run stats = index({"stats", "--index", fibrokb::test::fixtureIndex()});
    CHECK(stats.exitCode == 0);
    CHECK(has(stats, "Schema version: 4"));
    CHECK(has(stats, "article"));
    CHECK(has(stats, "back-pain"));
    TempDir dir;
    Run missing = index({"stats", "--index", dir / "none"});
    CHECK(missing.exitCode == 1);
    CHECK(has(missing, "fibrokb-index build"));
}

TEST_CASE("fibrokb-search --json follows the documented schema", "[cli]")
{
    Run r = search({"--index", fibrokb::test::fixtureIndex(), "--json", "pain"});
    REQUIRE(r.exitCode == 0);
    auto j = nlohmann::json::parse(r.output);
    CHECK(j["query"] == "pain");
    CHECK(j["parsed"].is_string());
    CHECK(j["corrected"].is_null());
    CHECK(j["total"] == 6);
    CHECK(j["facets"]["topics"]["back-pain"] == 4);
    CHECK(j["facets"]["types"]["faq"] == 2);
    CHECK(j["facets"]["audiences"]["patients"] == 1);
    REQUIRE(j["results"].size() == 6);
    for (const auto& hit : j["results"]) {
        for (const char* key : {"id", "title", "type", "topics", "snippet", "anchor", "score", "path"}) {
            INFO(key);
            CHECK(hit.contains(key));
        }
        CHECK_FALSE(hit["snippet"].get<std::string>().empty());
    }
    CHECK(j["results"][0]["snippet"].get<std::string>().find("<b>pain</b>") != std::string::npos);
}

TEST_CASE("fibrokb-search - filters and browsing and paging and corrections", "[cli]")
{
    const std::string idx = fibrokb::test::fixtureIndex();
    auto browse =
        nlohmann::json::parse(search({"--index", idx, "--json", "--topic", "hip-pain", "--type", "faq"}).output);
    CHECK(browse["total"] == 3);
    auto two = nlohmann::json::parse(
        search({"--index", idx, "--json", "--topic", "exercise", "--topic", "back-pain", "--"}).output);
    CHECK(two["total"] == 6);
    auto page =
        nlohmann::json::parse(search({"--index", idx, "--json", "--limit", "1", "--offset", "1", "pain"}).output);
    CHECK(page["results"].size() == 1);
    auto fixed = nlohmann::json::parse(search({"--index", idx, "--json", "bursitus"}).output);
    CHECK(fixed["corrected"] == "bursitis");
    Run text = search({"--index", idx, "bursitus"});
    CHECK(has(text, "showing results for \"bursitis\""));
    CHECK(has(text, "Outer hip pain"));
}

TEST_CASE("fibrokb-search - every malformed query still answers", "[cli]")
{
    for (const char* q : {"hip AND", "\"unclosed", "((", "NOT", "*"}) {
        INFO(q);
        Run r = search({"--index", fibrokb::test::fixtureIndex(), "--json", "--", q});
        CHECK(r.exitCode == 0);
        CHECK_NOTHROW(nlohmann::json::parse(r.output));
    }
}

TEST_CASE("fibrokb-search - usage errors exit 2 and a missing index exits 1", "[cli]")
{
    CHECK(search({}).exitCode == 2);
    CHECK(search({"--type", "video", "x"}).exitCode == 2);
    CHECK(search({"--limit", "lots", "x"}).exitCode == 2);
    CHECK(search({"--frobnicate", "x"}).exitCode == 2);
    CHECK(has(search({"--help"}), "Query language"));
    TempDir dir;
    Run missing = search({"--index", dir / "none", "hip"}, false);
    CHECK(missing.exitCode == 1);
    CHECK(has(missing, "No index at"));
}

TEST_CASE("fibrokb-index build over a damaged index replaces it with a full build", "[cli]")
{
    TempDir tmp;
    const std::string out = tmp / "index";
    // Exit 1 throughout: the fixture's pages are too short for the word-count check, and are still indexed.
    REQUIRE(index({"build", "--quiet", "--corpus", dataPath("corpus"), "--out", out}).exitCode == 1);
    // The advice every "damaged index" message gives is to build again: an update cannot read this index,
    // so the build must fall back to replacing it, and say why even with --quiet.
    const std::string live = out + "/" + fibrokb::liveGeneration(out);
    std::filesystem::resize_file(live + "/postlist.glass", 0);
    Run r = index({"build", "--quiet", "--corpus", dataPath("corpus"), "--out", out});
    INFO(r.output);
    CHECK(r.exitCode == 1);
    CHECK(has(r, "full build (the index could not be updated"));
    CHECK(has(r, "Indexed 7 documents"));
    Run found = search({"--index", out, "walking"});
    CHECK(found.exitCode == 0);
    Run again = index({"build", "--quiet", "--corpus", dataPath("corpus"), "--out", out});
    CHECK(has(again, "is up to date"));
}

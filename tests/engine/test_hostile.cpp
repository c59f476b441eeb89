// Issue 8's "done means": a corpus holding every kind of bad file next to good ones builds with exit status 1,
// names every bad file (with its line where there is one), indexes the good files, never crashes, and
// --strict leaves the previous index answering.
#include "cli_run.h"
#include "hostile_corpus.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace fibrokb;
using namespace fibrokb::test;

namespace {

bool indexed(const Searcher& searcher, const std::string& id)
{
    const std::string fileId = id.substr(0, id.find('#'));
    auto article = searcher.article(fileId);
    if (!article)
        return false;
    if (fileId == id)
        return true;
    for (const auto& e : article->faq)
        if (e.id == id)
            return true;
    return false;
}

// A line of `output` that starts with `start` and holds `fragment`.
bool hasLine(const std::string& output, const std::string& start, const std::string& fragment)
{
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(start, 0) == 0 && line.find(fragment, start.size()) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("hostile corpus - the build names every bad file and indexes every good one", "[cli][hostile]")
{
    TempDir tmp;
    const HostileCorpus corpus = makeHostileCorpus(tmp / "corpus");
    const std::string out = tmp / "index";
    // The fixture corpus is small on purpose, so the checks report its word counts: exit 1, but indexed.
    REQUIRE(runTool(FIBROKB_INDEX_TOOL, {"build", "--corpus", dataPath("corpus"), "--out", out}).contains("Indexed "));

    SECTION("--strict fails and the previous index still answers")
    {
        Run strict = runTool(FIBROKB_INDEX_TOOL, {"build", "--strict", "--corpus", corpus.root, "--out", out});
        CHECK(strict.exitCode == 1);
        CHECK(strict.contains("the previous index in " + out + " is unchanged"));
        Searcher searcher(out);
        CHECK(searcher.search({"trochanteric", {}, "", "", 0, 10, false}).total > 0);
        CHECK_FALSE(indexed(searcher, "windows-bom"));
    }

    SECTION("a normal build reports the errors, exits 1 and indexes the good files")
    {
        Run build = runTool(FIBROKB_INDEX_TOOL, {"build", "--corpus", corpus.root, "--out", out});
        INFO(build.output.substr(0, 20000));
        CHECK(build.exitCode == 1);  // errors were reported; a crash or abort would not be 1
        CHECK(build.contains("Indexed "));
        for (const auto& bad : corpus.bad) {
            const std::string where =
                corpus.root + "/" + bad.shownPath + (bad.line > 0 ? ":" + std::to_string(bad.line) + ":" : ":");
            INFO("expected: " << where << " ... " << bad.message);
            CHECK(hasLine(build.output, where, bad.message));
        }
        // A newline in a file name cannot forge a line of its own.
        std::istringstream lines(build.output);
        for (std::string line; std::getline(lines, line);)
            CHECK(line.rfind("fake.md", 0) != 0);

        Searcher searcher(out);
        for (const auto& id : corpus.goodIds) {
            INFO("good page: " << id);
            CHECK(indexed(searcher, id));
        }
        CHECK_FALSE(indexed(searcher, "deep-quotes"));
        CHECK_FALSE(indexed(searcher, "outside-page"));
        // The Latin-1 page is searchable by its decoded words, and importance .nan became 1.
        CHECK(searcher.search({"café", {}, "", "", 0, 10, false}).total == 1);
        CHECK(searcher.article("nan-page")->importance == 1.0);
        CHECK(searcher.search({"walking", {}, "", "", 0, 50, false}).total > 5);

        // A title with an escape sequence reaches the terminal escaped.
        Run shown = runTool(FIBROKB_SEARCH_TOOL, {"--index", out, "zebra"});
        CHECK(shown.exitCode == 0);
        CHECK(shown.contains("\\x1b[31m"));
        CHECK_FALSE(shown.contains("\x1b[31m"));
    }
}

TEST_CASE("hostile corpus - check reports the same problems and never crashes", "[cli][hostile]")
{
    TempDir tmp;
    const HostileCorpus corpus = makeHostileCorpus(tmp / "corpus", false);
    Run check = runTool(FIBROKB_INDEX_TOOL, {"check", "--corpus", corpus.root});
    INFO(check.output.substr(0, 20000));
    CHECK(check.exitCode == 1);
    for (const auto& bad : corpus.bad)
        CHECK(check.contains(corpus.root + "/" + bad.shownPath));
}

TEST_CASE("hostile corpus - the engine reads it without throwing and labels every problem", "[hostile]")
{
    TempDir tmp;
    const HostileCorpus corpus = makeHostileCorpus(tmp / "corpus", false);
    Corpus loaded;
    REQUIRE_NOTHROW(loaded = loadCorpus(corpus.root));
    for (const auto& p : loaded.problems)
        CHECK_FALSE(p.path.empty());
    CHECK(loaded.articles.size() >= corpus.goodIds.size() - 1);
}

// A page's own drawings (issue 12, item 3): only `images/NAME.svg` from the corpus's folder, with alt text, inert;
// kept with the article in the index so the app can draw them offline and through a remote library.
#include "test_support.h"

#include <fibrokb/checker.h>

#include "article_images.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace fibrokb;
using fibrokb::test::dataPath;
using fibrokb::test::TempDir;
using fibrokb::test::writeFile;

namespace {

const char* kDrawing = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 200\">\n"
                       "<line x1=\"4\" y1=\"180\" x2=\"212\" y2=\"180\" stroke=\"currentColor\"/>\n</svg>\n";

// 13 front matter lines: the body's first line is line 14.
std::string page(const std::string& body)
{
    return "---\nid: a\ntitle: Exercises\nsummary: S.\ntopics: [exercise]\naudience: everyone\n"
           "reviewed: 2026-01-01\nnext_review: 2027-01-01\nsources:\n  - title: A\n    by: NHS\n"
           "    doi: 10.1/a\n---\n" +
           body;
}

bool reported(const Problems& problems, int line, const std::string& fragment)
{
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.path.find("a.md") != std::string::npos && p.line == line && p.severity == Severity::Error &&
               p.message.find(fragment) != std::string::npos;
    });
}

struct ImageCorpus {
    TempDir dir;
    explicit ImageCorpus(const std::string& body, const std::string& svg = kDrawing)
    {
        writeFile(dir / "corpus/images/lie.svg", svg);
        writeFile(dir / "corpus/articles/a.md", page(body));
        fibrokb::test::copyTree(dataPath("corpus/topics.yaml"), dir / "corpus/topics.yaml");
    }
    Corpus load() const { return loadCorpus(dir / "corpus"); }
};

}  // namespace

TEST_CASE("a drawing from the images folder is kept with its alt text and referred to as fibrokb-image:",
          "[parser][images]")
{
    ImageCorpus c("Lie down.\n\n![Start: lying on the back. End: knees bent.](images/lie.svg)\n");
    Corpus corpus = c.load();
    REQUIRE(corpus.articles.size() == 1);
    const Article& a = corpus.articles[0];
    for (const Problem& p : corpus.problems)
        FAIL_CHECK(p.path << ":" << p.line << ": " << p.message);
    REQUIRE(a.images.size() == 1);
    CHECK(a.images[0].name == "lie.svg");
    CHECK(a.images[0].alt == "Start: lying on the back. End: knees bent.");
    CHECK(a.images[0].line == 16);
    CHECK(a.images[0].svg == kDrawing);
    CHECK(a.html.find("<img src=\"fibrokb-image:lie.svg\" alt=\"Start: lying on the back. End: knees bent.\"") !=
          std::string::npos);
}

TEST_CASE("remote, absolute, escaping, other formats, no alt text and missing files are errors on their line",
          "[parser][images]")
{
    ImageCorpus c("![a](https://example.com/x.svg)\n\n"  // 14
                  "![a](/etc/x.svg)\n\n"                 // 16
                  "![a](images/../x.svg)\n\n"            // 18
                  "![a](images/photo.png)\n\n"           // 20
                  "![](images/lie.svg)\n\n"              // 22
                  "![a](images/gone.svg)\n");            // 24
    Corpus corpus = c.load();
    const Problems& p = corpus.problems;
    CHECK(reported(p, 14, "only drawings from the corpus's own folder"));
    CHECK(reported(p, 16, "only drawings from the corpus's own folder"));
    CHECK(reported(p, 18, "may use only a-z"));
    CHECK(reported(p, 20, "only SVG drawings"));
    CHECK(reported(p, 22, "has no alt text"));
    CHECK(reported(p, 24, "images/gone.svg is missing"));
    REQUIRE(corpus.articles.size() == 1);
    CHECK(corpus.articles[0].html.find("example.com") == std::string::npos);
    CHECK(corpus.articles[0].html.find("/etc/") == std::string::npos);
}

TEST_CASE("an SVG that could run, reach out or embed a picture is refused and never kept", "[parser][images]")
{
    const std::vector<std::pair<std::string, std::string>> active = {
        {"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "<script"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>", "event handler"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"https://x.org\">x</a></svg>", "https:"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"p.png\"/></svg>", "<image"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href = 'elsewhere.svg'>x</a></svg>", "href"},
        {"not a drawing", "is not an SVG drawing"},
    };
    for (const auto& [svg, why] : active) {
        INFO(svg);
        ImageCorpus c("![a drawing](images/lie.svg)\n", svg);
        Corpus corpus = c.load();
        CHECK(reported(corpus.problems, 14, why));
        REQUIRE(corpus.articles.size() == 1);
        REQUIRE(corpus.articles[0].images.size() == 1);
        CHECK(corpus.articles[0].images[0].svg.empty());
    }
    CHECK(unsafeSvgReason(kDrawing).empty());
}

TEST_CASE("the index keeps the drawing with its page, and a changed drawing makes the next update a full build",
          "[writer][images]")
{
    ImageCorpus c("![Start and end](images/lie.svg)\n");
    buildIndex(c.load(), c.dir / "index");
    Searcher s(c.dir / "index");
    auto a = s.article("a");
    REQUIRE(a);
    REQUIRE(a->images.size() == 1);
    CHECK(a->images[0].svg == kDrawing);
    CHECK_FALSE(updateIndex(c.dir / "corpus", c.dir / "index").fullBuildNeeded);
    writeFile(c.dir / "corpus/images/lie.svg", std::string(kDrawing) + "<!-- redrawn -->\n");
    CHECK(updateIndex(c.dir / "corpus", c.dir / "index").fullBuildNeeded);
}

// Parsing: front matter, document types, sections and anchors, tables, FAQ split, links, safe HTML.
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace fibrokb;
using fibrokb::test::dataPath;

namespace {

Article parse(const std::string& relative, DocType type, Problems* problemsOut = nullptr)
{
    Problems problems;
    Article a;
    REQUIRE(parseArticleFile(dataPath(relative), type, a, problems));
    if (problemsOut)
        *problemsOut = problems;
    return a;
}

bool hasProblemAt(const Problems& problems, int line, const std::string& fragment)
{
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.line == line && p.message.find(fragment) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("front matter fields are read with their types", "[parser]")
{
    Article a = parse("corpus/articles/hip-exercise.md", DocType::Article);
    CHECK(a.id == "hip-exercise");
    CHECK(a.title == "Exercises for hip pain");
    CHECK(a.summary == "Gentle exercises that ease hip pain.");
    CHECK(a.topics == std::vector<std::string>{"hip-pain", "exercise"});
    CHECK(a.audience == "everyone");
    CHECK(a.reviewed == "2026-01-10");
    CHECK(a.nextReview == "2028-01-10");
    CHECK(a.importance == 1.0);
    REQUIRE(a.sources.size() == 2);
    CHECK(a.sources[0].doi == "10.1002/14651858.CD011336");
    CHECK(a.sources[0].year == "2014");
    CHECK(a.sources[1].url == "https://ard.bmj.com/content/76/2/318");
    CHECK(parse("corpus/articles/hip-outer.md", DocType::Article).importance == 2.0);
}

TEST_CASE("the document type follows from the folder", "[parser]")
{
    Corpus corpus = loadCorpus(dataPath("corpus"));
    REQUIRE(corpus.articles.size() == 5);
    for (const auto& a : corpus.articles)
        CHECK(a.type == (a.id == "faq-common" ? DocType::Faq : DocType::Article));
}

TEST_CASE("headings become sections with stable and unique anchors and file line numbers", "[parser]")
{
    Article a = parse("corpus/articles/back-basics.md", DocType::Article);
    REQUIRE(a.sections.size() == 3);
    CHECK(a.sections[0].level == 0);  // the untitled lead
    CHECK(a.sections[0].text == "Most back pain settles with time. Rest & gentle stretches help.");
    CHECK(a.sections[1].heading == "What helps");
    CHECK(a.sections[1].level == 2);
    CHECK(a.sections[1].anchor == "what-helps");
    CHECK(a.sections[2].anchor == "what-helps-2");
    Article h = parse("corpus/articles/hip-exercise.md", DocType::Article);
    REQUIRE(h.sections.size() == 4);
    CHECK(h.sections[1].anchor == "water-exercise");
    CHECK(h.sections[1].line == 21);
    CHECK(h.sections[3].anchor == "when-to-get-help");
}

TEST_CASE("tables and strikethrough and autolinks are rendered - table cells are indexed", "[parser]")
{
    Article a = parse("corpus/articles/hip-exercise.md", DocType::Article);
    CHECK(a.html.find("<table>") != std::string::npos);
    CHECK(a.html.find("<td>Walking in water</td>") != std::string::npos);
    CHECK(a.html.find("<del>Heavy weights</del>") != std::string::npos);
    CHECK(a.html.find("href=\"https://www.nhs.uk\"") != std::string::npos);
    CHECK(a.sections[1].text.find("Walking in water") != std::string::npos);
}

TEST_CASE("internal links are collected with anchors and lines - external links are not", "[parser]")
{
    Article a = parse("corpus/articles/hip-exercise.md", DocType::Article);
    REQUIRE(a.links.size() == 1);
    CHECK(a.links[0].targetId == "back-basics");
    CHECK(a.links[0].anchor == "what-helps");
    CHECK(a.links[0].line == 34);
    Article c = parse("corpus/articles/carer-guide.md", DocType::Article);
    REQUIRE(c.links.size() == 2);
    CHECK(c.links[0].targetId == "hip-outer");
    CHECK(c.links[0].anchor.empty());
    CHECK(c.links[1].targetId == "faq-common");
    CHECK(c.links[1].anchor == "is-a-heat-pad-safe");
}

TEST_CASE("rendered HTML is inert - no raw HTML and no script URLs and no images", "[parser]")
{
    Problems problems;
    Article a = parse("corpus/articles/hip-exercise.md", DocType::Article, &problems);
    CHECK(a.html.find("<script") == std::string::npos);
    CHECK(a.html.find("alert") == std::string::npos);
    CHECK(a.html.find("javascript:") == std::string::npos);
    CHECK(a.html.find("<img") == std::string::npos);
    CHECK(a.html.find("example.com") == std::string::npos);
    CHECK(a.html.find("[Image: a remote picture]") != std::string::npos);
    CHECK(a.html.find("<h2 id=\"water-exercise\"><a name=\"water-exercise\"></a>Water exercise</h2>") !=
          std::string::npos);
    CHECK(hasProblemAt(problems, 36, "raw HTML"));
    CHECK(hasProblemAt(problems, 38, "javascript"));
}

TEST_CASE("an image inside an image's alt text becomes text with it (found by fuzz_article)", "[parser]")
{
    Problems problems;
    Article a;
    const std::string text = "---\nid: x\ntitle: X\n---\n![outer ![inner ![deepest](c.png)](b.png)](a.png) after\n";
    REQUIRE(parseArticleText(text, "x.md", DocType::Article, a, problems));
    CHECK(a.html.find("<img") == std::string::npos);
    CHECK(a.html.find("[Image: outer inner deepest]") != std::string::npos);
    int imageErrors = 0;
    for (const auto& p : problems)
        imageErrors += p.message.find("only drawings from the corpus's own folder") != std::string::npos;
    CHECK(imageErrors == 1);
}

TEST_CASE("data - URLs are removed from links", "[parser]")
{
    Problems problems;
    Article a;
    const std::string text = "---\nid: x\ntitle: X\n---\n[open](data:text/html;base64,PHNjcmlwdD4=) and [ok](x)\n";
    REQUIRE(parseArticleText(text, "x.md", DocType::Article, a, problems));
    CHECK(a.html.find("data:") == std::string::npos);
    CHECK(hasProblemAt(problems, 5, "data: URL removed"));
}

TEST_CASE("a FAQ file splits into one entry per question and with ids and answers", "[parser]")
{
    Article f = parse("corpus/faq/faq-common.md", DocType::Faq);
    REQUIRE(f.faq.size() == 3);
    CHECK(f.faq[0].id == "faq-common#does-exercise-help-back-pain");
    CHECK(f.faq[0].question == "Does exercise help back pain?");
    CHECK(f.faq[0].answer.find("best-supported way") != std::string::npos);
    CHECK(f.faq[1].anchor == "is-a-heat-pad-safe");
    CHECK(f.faq[1].answer.find("numb skin") != std::string::npos);
    CHECK(f.faq[2].line == 23);
}

TEST_CASE("broken YAML skips the file and names the line", "[parser]")
{
    Problems problems;
    Article a;
    CHECK_FALSE(parseArticleFile(dataPath("broken/articles/bad-yaml.md"), DocType::Article, a, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("not valid YAML") != std::string::npos);
    CHECK(problems[0].line >= 2);
    CHECK(problems[0].line <= 6);
}

TEST_CASE("front matter type errors are reported at their lines", "[parser]")
{
    Problems problems;
    Article a;
    REQUIRE(parseArticleFile(dataPath("broken/articles/bad-fields.md"), DocType::Article, a, problems));
    CHECK(hasProblemAt(problems, 5, "must be a list"));
    CHECK(hasProblemAt(problems, 6, "audience must be"));
    CHECK(hasProblemAt(problems, 7, "ISO date"));
    CHECK(hasProblemAt(problems, 10, "needs a doi or url"));
}

TEST_CASE("an id that is not a slug is reported and the file is not indexed", "[parser]")
{
    Problems problems;
    Article a;
    CHECK_FALSE(parseArticleFile(dataPath("broken/articles/bad-id.md"), DocType::Article, a, problems));
    CHECK(hasProblemAt(problems, 2, "must be a slug"));
}

TEST_CASE("a file without front matter cannot be indexed", "[parser]")
{
    Problems problems;
    Article a;
    CHECK_FALSE(parseArticleText("# Just markdown\n", "plain.md", DocType::Article, a, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].format() ==
          "plain.md:1: error: no front matter: the file must start with a '---' line and close it with '---'");
}

TEST_CASE("synonyms file - groups, one-way and read-as rules, phrases and errors with lines", "[parser]")
{
    fibrokb::test::TempDir dir;
    fibrokb::test::writeFile(
        dir / "synonyms.txt",
        "# c\nphysio = physiotherapy, PT\nLyrica ->  pregabalin\nsi  joint -> sacroiliac joint\nnonsense line\n"
        "Fibro, FM => fibromyalgia\n");
    Problems problems;
    auto rules = loadSynonyms(dir / "synonyms.txt", problems);
    REQUIRE(rules.size() == 4);
    CHECK_FALSE(rules[1].readAs);
    CHECK(rules[3].readAs);
    CHECK_FALSE(rules[3].twoWay);  // "=>" has an "=" in it, but it is not a group
    CHECK(rules[3].from == std::vector<std::string>{"fibro", "fm"});
    CHECK(rules[3].to == std::vector<std::string>{"fibromyalgia"});
    CHECK(rules[0].twoWay);
    CHECK(rules[0].to == std::vector<std::string>{"physiotherapy", "pt"});
    CHECK_FALSE(rules[1].twoWay);
    CHECK(rules[1].from == std::vector<std::string>{"lyrica"});
    CHECK(rules[2].from == std::vector<std::string>{"si joint"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 5);
}

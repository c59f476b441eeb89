// "When to get help" boxes defined once in help-boxes.yaml and included with {{help-box NAME}} (issue 12, item 4):
// the box text reaches the page, a copy written by hand or a name that does not exist is refused with its line,
// a sign may not change urgency from box to box, and a changed box re-indexes every page.
#include "test_support.h"

#include <fibrokb/checker.h>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace fibrokb;
using fibrokb::test::dataPath;
using fibrokb::test::TempDir;
using fibrokb::test::writeFile;

namespace {

const char* kBoxes = R"(required_for_topics: [back-pain]
signs:
  saddle: "you feel numb around your bottom"
  fever: "you have back pain with a fever"
  weeks: "a few weeks of self-care have not helped"
boxes:
  back:
    now: [saddle]
    soon: [fever]
    routine: [weeks]
    more: "See [urgent help](when-to-get-urgent-help)."
)";

std::string page(const std::string& id, const std::string& body)
{
    return "---\nid: " + id +
           "\ntitle: T\nsummary: S.\ntopics: [back-pain]\naudience: everyone\nreviewed: 2026-01-01\n"
           "next_review: 2027-01-01\nsources:\n  - title: A\n    by: NHS\n    url: https://a.org\n    checked: "
           "2026-01-01\n  - title: B\n    "
           "by: NICE\n    doi: 10.1/b\n"
           "---\n" +
           body;
}

// 17 lines of front matter, so the body's first line is line 18 and a box line after it is line 20.
std::string readableBody()
{
    std::string body;
    for (int i = 0; i < 70; ++i)
        body += "There is no cure. Walk a bit each day and rest. ";
    return body + "\n\n";
}

bool reported(const Problems& problems, const std::string& pathEnd, int line, const std::string& fragment)
{
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        bool pathMatches = p.path.size() >= pathEnd.size() &&
                           p.path.compare(p.path.size() - pathEnd.size(), pathEnd.size(), pathEnd) == 0;
        return pathMatches && (line < 0 || p.line == line) && p.message.find(fragment) != std::string::npos;
    });
}

struct BoxCorpus {
    TempDir dir;
    explicit BoxCorpus(const std::string& boxes)
    {
        fibrokb::test::copyTree(dataPath("corpus/topics.yaml"), dir / "topics.yaml");
        writeFile(dir / "help-boxes.yaml", boxes);
        writeFile(dir / "articles/when-to-get-urgent-help.md",
                  page("when-to-get-urgent-help", readableBody() + "{{help-box back}}\n"));
    }
};

}  // namespace

TEST_CASE("a {{help-box}} line becomes the box's three tiers, with its links", "[check][boxes]")
{
    BoxCorpus c(kBoxes);
    writeFile(c.dir / "articles/a.md", page("a", readableBody() + "{{help-box back}}\n"));
    Corpus corpus = loadCorpus(c.dir.path());
    CheckReport r = checkCorpus(corpus);
    for (const Problem& p : r.problems)
        if (p.path.find("a.md") != std::string::npos)
            FAIL_CHECK(p.path << ":" << p.line << ": " << p.message);
    auto a = std::find_if(corpus.articles.begin(), corpus.articles.end(), [](const Article& x) { return x.id == "a"; });
    REQUIRE(a != corpus.articles.end());
    const Section& box = a->sections.back();
    CHECK(box.anchor == "when-to-get-help");
    CHECK(box.text.find("Call 999 or 911, or go to A&E or the emergency room, now if:") != std::string::npos);
    CHECK(box.text.find("you feel numb around your bottom") != std::string::npos);
    CHECK(box.text.find("See a doctor the same or next day if:") != std::string::npos);
    CHECK(box.text.find("you have back pain with a fever") != std::string::npos);
    CHECK(box.text.find("Book a routine appointment if:") != std::string::npos);
    CHECK(std::any_of(a->links.begin(), a->links.end(),
                      [](const Link& l) { return l.targetId == "when-to-get-urgent-help"; }));
    CHECK(a->html.find("{{help-box") == std::string::npos);
}

TEST_CASE("a page that needs a box and has none, an unknown box and a hand-written box are errors on their line",
          "[check][boxes]")
{
    BoxCorpus c(kBoxes);
    writeFile(c.dir / "articles/none.md", page("none", readableBody()));
    writeFile(c.dir / "articles/unknown.md", page("unknown", readableBody() + "{{help-box hips}}\n"));
    writeFile(c.dir / "articles/by-hand.md",
              page("by-hand", readableBody() + "## When to get help\n\nSee [urgent help](when-to-get-urgent-help).\n"));
    CheckReport r = checkCorpus(loadCorpus(c.dir.path()));
    CHECK(reported(r.problems, "none.md", 2, "need a 'When to get help' box: add a {{help-box NAME}} line"));
    CHECK(reported(r.problems, "unknown.md", 20, "unknown help box 'hips' (help-boxes.yaml has: back)"));
    CHECK(reported(r.problems, "by-hand.md", 20, "not by hand"));
}

TEST_CASE("a sign may not be urgent in one box and routine in another", "[check][boxes]")
{
    std::string boxes = kBoxes;
    boxes += "  hip:\n    now: [fever]\n    soon: [saddle]\n    routine: [weeks]\n";
    BoxCorpus c(boxes);
    writeFile(c.dir / "articles/a.md", page("a", readableBody() + "{{help-box back}}\n"));
    CheckReport r = checkCorpus(loadCorpus(c.dir.path()));
    CHECK(reported(r.problems, "help-boxes.yaml", 0,
                   "help-boxes.yaml:13: sign 'fever' is under 'now' in box 'hip' but under 'soon' in box 'back'"));
    CHECK(reported(r.problems, "a.md", 20, "help box 'back': "));
}

TEST_CASE("a malformed help-boxes.yaml names its own line on the pages that use it", "[check][boxes]")
{
    BoxCorpus c("signs: [unclosed\n");
    writeFile(c.dir / "articles/a.md", page("a", readableBody() + "{{help-box back}}\n"));
    CheckReport r = checkCorpus(loadCorpus(c.dir.path()));
    CHECK(reported(r.problems, "a.md", 20, "help-boxes.yaml:"));
    CHECK(hasErrors(r.problems));
}

TEST_CASE("a corpus without help-boxes.yaml has no box rule and may write boxes by hand", "[check][boxes]")
{
    TempDir dir;
    fibrokb::test::copyTree(dataPath("corpus/topics.yaml"), dir / "topics.yaml");
    writeFile(dir / "articles/a.md", page("a", readableBody() + "## When to get help\n\nCall for help.\n"));
    CheckReport r = checkCorpus(loadCorpus(dir.path()));
    CHECK_FALSE(reported(r.problems, "a.md", -1, "box"));
}

TEST_CASE("changing a box makes the next update a full build, so no page keeps the old text", "[writer][boxes]")
{
    BoxCorpus c(kBoxes);
    writeFile(c.dir / "articles/a.md", page("a", readableBody() + "{{help-box back}}\n"));
    TempDir out;
    buildIndex(loadCorpus(c.dir.path()), out / "index");
    CHECK_FALSE(updateIndex(c.dir.path(), out / "index").fullBuildNeeded);
    std::string changed = kBoxes;
    changed.replace(changed.find("with a fever"), 12, "with a high temperature");
    writeFile(c.dir / "help-boxes.yaml", changed);
    UpdateSummary u = updateIndex(c.dir.path(), out / "index");
    CHECK(u.fullBuildNeeded);
    CHECK(u.reason.find("help-boxes.yaml") != std::string::npos);
}

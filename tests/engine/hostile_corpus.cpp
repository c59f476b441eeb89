#include "hostile_corpus.h"

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace fibrokb::test {
namespace {

std::string frontMatter(const std::string& id, const std::string& extra = "", const std::string& title = "")
{
    return "---\nid: " + id + "\ntitle: " + (title.empty() ? "Page " + id : title) +
           "\nsummary: A test page.\ntopics: [back-pain]\naudience: patients\nreviewed: 2026-01-01\n"
           "next_review: 2027-01-01\n" +
           extra +
           "sources:\n  - title: A source\n    by: Someone\n    year: 2020\n    url: https://example.org/a\n"
           "  - title: Another source\n    by: Someone else\n    year: 2021\n    url: https://example.org/b\n---\n";
}

const std::string kBody = "A short body about back pain and gentle walking.\n\n## When to get help\n\n"
                          "See [urgent help](when-to-get-urgent-help).\n";

void writeBytes(const std::string& path, const std::string& bytes)
{
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string repeat(const std::string& s, size_t n)
{
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i)
        out += s;
    return out;
}

}  // namespace

HostileCorpus makeHostileCorpus(const std::string& rootText, bool big)
{
    HostileCorpus c;
    c.root = rootText;
    copyTree(dataPath("corpus"), rootText);
    const fs::path root(rootText);
    auto put = [&](const std::string& rel, const std::string& bytes) { writeBytes((root / rel).string(), bytes); };
    auto bad = [&](const std::string& rel, int line, const std::string& message, const std::string& shown = "") {
        c.bad.push_back({rel, shown.empty() ? rel : shown, line, message});
    };
    for (const char* id : {"hip-outer", "back-basics", "carer-guide", "hip-exercise"})
        c.goodIds.push_back(id);

    // Good files in shapes real editors and folders produce.
    put("articles/deep/er/nested-page.md", frontMatter("nested-page") + kBody);
    c.goodIds.push_back("nested-page");
    put("articles/windows-bom.md", "\xEF\xBB\xBF" + frontMatter("windows-bom") + kBody);
    c.goodIds.push_back("windows-bom");
    std::string crlf;
    for (char ch : frontMatter("windows-crlf") + kBody)
        crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    put("articles/windows-crlf.md", "\xEF\xBB\xBF" + crlf);
    c.goodIds.push_back("windows-crlf");
    std::string cr;
    for (char ch : frontMatter("old-mac-cr") + kBody)
        cr += ch == '\n' ? '\r' : ch;
    put("articles/old-mac-cr.md", cr);
    c.goodIds.push_back("old-mac-cr");
    put("articles/latin1.md", frontMatter("latin1-page") + "Caf\xE9 cr\xE8me and back pain.\n\n## When to get help\n\n"
                                                           "See [urgent help](when-to-get-urgent-help).\n");
    c.goodIds.push_back("latin1-page");
    bad("articles/latin1.md", 19, "not UTF-8 text: read as Windows-1252");
    put("articles/caf\xE9-name.md", frontMatter("latin1-name") + kBody);
    c.goodIds.push_back("latin1-name");
    put("articles/folder.md/inside.md", frontMatter("inside-folder-md") + kBody);
    c.goodIds.push_back("inside-folder-md");
    bad("articles/folder.md", 0, "a folder named like a page");
    put("articles/.hidden/secret.md", "not even front matter");  // hidden: skipped without a word
    put("articles/big-table.md",
        frontMatter("big-table") + "| a | b |\n|---|---|\n" + repeat("| back | pain |\n", 3000) + kBody);
    c.goodIds.push_back("big-table");
    put("articles/scripts.md", frontMatter("scripts-page") +
                                   "<script>alert(1)</script>\n\n[x](javascript:alert(1)) "
                                   "![remote](https://example.org/x.png)\n" +
                                   kBody);
    c.goodIds.push_back("scripts-page");
    put("articles/terminal-title.md", frontMatter("terminal-title", "", "\"Zebra \\e[31mred\\e[0m pain\"") + kBody);
    c.goodIds.push_back("terminal-title");
    put("faq/long-question.md", frontMatter("long-question-faq") + "## Is " + repeat("this a very long question ", 14) +
                                    "about back pain?\n\n" + repeat("Walking helps many people with back pain. ", 6) +
                                    "\n");
    // The question is longer than Xapian's term limit; its anchor is cut to 80 characters.
    c.goodIds.push_back(
        "long-question-faq#is-this-a-very-long-question-this-a-very-long-question-this-a-very-long-question");

    // Bad encodings and file types.
    put("articles/utf16.md", std::string("\xFF\xFE-\0-\0-\0\n\0", 10));
    bad("articles/utf16.md", 1, "UTF-16");
    put("articles/binary.md", frontMatter("binary") + "text\n" + std::string("\0\x01\x02", 3));
    bad("articles/binary.md", 20, "NUL bytes");
    put("articles/empty.md", "");
    bad("articles/empty.md", 0, "empty");
    put("articles/no-front-matter.md", "# Just a heading\n");
    bad("articles/no-front-matter.md", 1, "no front matter");
    {
        std::ofstream((root / "articles/huge-sparse.md").string());
        fs::resize_file(root / "articles/huge-sparse.md", big ? (1ull << 30) : (3ull << 20));  // sparse: no disk used
    }
    bad("articles/huge-sparse.md", 0, "files over 2.0 MB are not read");
    ::mkfifo((root / "articles/fifo.md").c_str(), 0644);
    bad("articles/fifo.md", 0, "not a regular file");
    fs::create_symlink("loop.md", root / "articles/loop.md");
    bad("articles/loop.md", 0, "symbolic link loop");
    fs::create_symlink("nowhere.md", root / "articles/dangling.md");
    bad("articles/dangling.md", 0, "broken symbolic link");
    const std::string outside = rootText + "-outside.md";
    writeBytes(outside, frontMatter("outside-page") + kBody);
    fs::create_symlink(outside, root / "articles/outside.md");
    bad("articles/outside.md", 0, "outside the corpus");
    put("articles/evil\nfake.md:1: error: forged.md", frontMatter("not a slug") + kBody);
    bad("articles/evil\nfake.md:1: error: forged.md", 2, "must be a slug",
        "articles/evil\\x0afake.md:1: error: forged.md");

    // Pathological Markdown: refused by the nesting bound, never a crash.
    put("articles/deep-quotes.md", frontMatter("deep-quotes") + repeat(">", 100000) + " deep\n");
    bad("articles/deep-quotes.md", 19, "nested more than");
    put("articles/deep-lists.md", frontMatter("deep-lists") + repeat("- ", 50000) + "deep\n");
    bad("articles/deep-lists.md", 19, "nested more than");
    put("articles/deep-emphasis.md",
        frontMatter("deep-emphasis") + repeat("*", 50000) + "x" + repeat("*", 50000) + "\n");
    bad("articles/deep-emphasis.md", 19, "link or emphasis markers");
    // Links in emphasis in 30 levels of quotes: under the nesting bound, but cmark-gfm's time grows steeply
    // with the markers in one paragraph, so a paragraph with thousands of them is refused.
    put("articles/links-in-emphasis.md",
        frontMatter("links-in-emphasis") + repeat("> ", 30) + repeat("*[a](b) _[c](d) **[e](f)**_* ", 3000) + "\n");
    bad("articles/links-in-emphasis.md", 19, "link or emphasis markers");
    put("articles/few-links-in-emphasis.md",
        frontMatter("few-links-in-emphasis") + repeat("> ", 30) + repeat("*[a](b) _[c](d) **[e](f)**_* ", 200) + "\n");
    bad("articles/few-links-in-emphasis.md", 19, "broken link");
    c.goodIds.push_back("few-links-in-emphasis");
    put("articles/wide-table.md",
        frontMatter("wide-table") + "text\n\n" + repeat("|a", 5000) + "|\n" + repeat("|-", 5000) + "|\n");
    bad("articles/wide-table.md", 21, "more than 200 columns");
    put("articles/deep-mix.md", frontMatter("deep-mix") + repeat("> - ", 2000) + "*[a](b) _[c](d)_*\n");
    bad("articles/deep-mix.md", 19, "nested more than");

    // Front matter of every wrong shape.
    put("articles/nan.md", frontMatter("nan-page", "importance: .nan\n") + kBody);
    bad("articles/nan.md", 9, "importance must be a number between 0.5 and 3");
    c.goodIds.push_back("nan-page");
    put("articles/inf.md", frontMatter("inf-page", "importance: -.inf\n") + kBody);
    bad("articles/inf.md", 9, "importance must be a number between 0.5 and 3");
    c.goodIds.push_back("inf-page");
    put("articles/list-id.md", "---\nid: [a, b]\ntitle: x\n---\nbody\n");
    bad("articles/list-id.md", 2, "'id' must be text");
    put("articles/alias-bomb.md",
        "---\nid: alias-bomb\ntitle: x\na: &a [x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "topics: *e\n---\nbody\n");
    bad("articles/alias-bomb.md", 7, "'topics' items must be text");
    put("articles/deep-yaml.md", "---\nid: deep-yaml\ntitle: x\ntopics: " + repeat("[", 15000) + "\n---\nbody\n");
    bad("articles/deep-yaml.md", 5, "nested too deeply to read");
    put("articles/long-audience.md", frontMatter("long-audience", "", "") + kBody);
    {  // an audience longer than Xapian's term limit
        std::string text = frontMatter("long-audience") + kBody;
        text.replace(text.find("audience: patients"), 18, "audience: " + repeat("carers", 60));
        put("articles/long-audience.md", text);
    }
    bad("articles/long-audience.md", 6, "audience must be patients, caregivers or everyone");
    c.goodIds.push_back("long-audience");
    {
        std::string text = frontMatter("long-topic") + kBody;
        text.replace(text.find("topics: [back-pain]"), 19, "topics: [back-pain, " + repeat("topic", 60) + "]");
        put("articles/long-topic.md", text);
    }
    bad("articles/long-topic.md", 2, "unknown topic");
    c.goodIds.push_back("long-topic");
    put("articles/dots-closed.md",
        "---\nid: dots-closed\ntitle: Dots closed\nsummary: x\ntopics: [back-pain]\n"
        "audience: patients\nreviewed: 2026-01-01\nnext_review: 2027-01-01\nsources: []\n...\n"
        "This miracle cure works.\n");
    bad("articles/dots-closed.md", 11, "'miracle' promises too much");
    c.goodIds.push_back("dots-closed");

    // Bounded work on big inputs that parse.
    if (big) {
        put("articles/long-line-cure.md",
            frontMatter("long-line-cure") + repeat("abcdefghij", 100000) + " cure\n" + kBody);
        bad("articles/long-line-cure.md", 19, "'cure' promises too much");
        c.goodIds.push_back("long-line-cure");
        put("articles/digit-spaces.md",
            frontMatter("digit-spaces") + "Take 1" + std::string(200000, ' ') + "mg.\n" + kBody);
        bad("articles/digit-spaces.md", 19, "no dosing amounts");
        c.goodIds.push_back("digit-spaces");
        put("articles/same-headings.md", frontMatter("same-headings") + repeat("## Same\n\ntext\n\n", 20000) + kBody);
        c.goodIds.push_back("same-headings");
        put("articles/flagged-line.md", frontMatter("flagged-line") + repeat("cure ", 20000) + "\n" + kBody);
        bad("articles/flagged-line.md", 0, "more problem(s) in this file not shown");
        c.goodIds.push_back("flagged-line");
        std::string faq = frontMatter("many-questions");
        for (int i = 0; i < 30000; ++i)
            faq += "## Question " + std::to_string(i) + "?\n\nShort.\n\n";
        put("faq/many-questions.md", faq);
        bad("faq/many-questions.md", 0, "more problem(s) in this file not shown");
        c.goodIds.push_back("many-questions#question-29999");
    }

    // topics.yaml and synonyms.txt with bad entries among good ones.
    std::ofstream(root / "topics.yaml", std::ios::app) << "- id: [a, list]\n  label: A topic written as a list\n"
                                                       << "- - nested\n  - list\n"
                                                       << "- id: " << repeat("long", 70) << "\n  label: Too long\n"
                                                       << "- &x {id: aliased, label: Aliased}\n- *x\n";
    bad("topics.yaml", 10, "each topic needs an id and a label");
    bad("topics.yaml", 12, "each topic needs an id and a label");
    bad("topics.yaml", 14, "must be a slug of at most 64 characters");
    bad("topics.yaml", 16, "duplicate topic id 'aliased'");
    std::ofstream(root / "synonyms.txt", std::ios::app) << repeat("word", 70) << " = back pain\n";
    bad("synonyms.txt", 5, "a synonym term is longer than 64 characters");
    return c;
}

}  // namespace fibrokb::test

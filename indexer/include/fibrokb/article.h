// Plain data types shared by the engine, the command-line tools and the app.
// No Xapian, cmark or yaml-cpp types appear here, so the app can include it freely.
#pragma once

#include <string>
#include <vector>

namespace fibrokb {

enum class DocType { Article, Faq };

std::string toString(DocType type);  // "article" | "faq"
bool parseDocType(const std::string& text, DocType& out);

struct Source {
    std::string title;
    std::string by;
    std::string year;
    std::string url;
    std::string doi;
    std::string checked;  // ISO date a web source was last checked (front matter `checked`; every url needs one)
};

// A drawing of the page's own: `![alt](images/NAME.svg)`, from the corpus's images folder only (never a remote or
// absolute path), stored with the article so that the index is the whole library. The SVG is checked to be inert
// (no scripts, event handlers, external references or embedded pictures) before it is kept.
struct ArticleImage {
    std::string name;  // file name in <corpus>/images/, as in the page's `images/NAME.svg`
    std::string alt;   // what the drawing shows, for readers who cannot see it (required)
    int line = 0;      // file line of the image in the page
    std::string svg;   // the file's text; empty when it could not be used (the problems say why)
};

struct Section {
    std::string heading;          // heading text as written
    int level = 2;                // 1..6
    std::string anchor;           // stable slug, unique within the document
    std::string text;             // plain text of the section body (for indexing and snippets)
    int line = 0;                 // 1-based line of the heading in the source file
    std::vector<int> blockLines;  // file line of each line of `text` (for checks; not stored in the index)
};

struct Link {
    std::string targetId;  // article or FAQ file id
    std::string anchor;    // optional section anchor (without '#')
    int line = 0;          // 1-based line in the source file
};

// One FAQ entry: a "## Question" heading of a FAQ file and its answer.
struct FaqEntry {
    std::string id;  // fileId + '#' + anchor
    std::string anchor;
    std::string question;
    std::string answer;  // plain text
    int line = 0;
};

// A parsed corpus file (an article, or a FAQ file holding several entries).
struct Article {
    std::string id;
    std::string title;
    std::string summary;
    DocType type = DocType::Article;
    std::vector<std::string> topics;
    std::string audience;     // patients | caregivers | everyone
    std::string reviewed;     // ISO date YYYY-MM-DD
    std::string nextReview;   // ISO date YYYY-MM-DD
    double importance = 1.0;  // curated ranking weight (front matter, optional)
    // The questions the page answers, in readers' own words (front matter `asked_as`, optional): searched as
    // their own field so "will it get better" finds the outlook page although every word is a stop word.
    std::vector<std::string> askedAs;
    std::vector<Source> sources;
    std::vector<Section> sections;  // section 0 may be the untitled lead (level 0, empty anchor)
    std::vector<Link> links;
    std::vector<ArticleImage> images;  // in page order; the HTML refers to each as fibrokb-image:NAME
    std::vector<FaqEntry> faq;         // only for DocType::Faq
    std::string html;                  // safe HTML of the body (headings carry their anchors)
    std::string path;                  // source file path as given to the parser
};

struct Topic {
    std::string id;
    std::string label;
    std::string description;
};

}  // namespace fibrokb

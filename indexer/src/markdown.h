// Markdown body -> sections, links and safe HTML, with cmark-gfm (table, autolink, strikethrough).
#pragma once

#include <fibrokb/article.h>
#include <fibrokb/problem.h>

#include <string>
#include <vector>

namespace fibrokb {

// Deepest tree nesting a page may have (document, quotes, lists and items, emphasis and links all count).
// Our own pages stay under 12; a file beyond this is refused with its line.
constexpr int kMaxMarkdownNesting = 48;

struct RenderedBody {
    bool ok = true;  // false: the body was refused (see the problems); nothing else is filled
    // sections[i].text holds one readable block (paragraph, list item, table cell) per line.
    std::vector<Section> sections;
    std::vector<Link> links;
    std::vector<ArticleImage> images;  // name, alt and line; the file is read by the caller (article_images.h)
    std::string html;
};

// The URL scheme the rendered HTML uses for a page's own images: <img src="fibrokb-image:NAME">.
constexpr const char* kImageScheme = "fibrokb-image:";
// Where a page's images live, relative to the corpus folder, and how the page writes them: images/NAME.svg.
constexpr const char* kImagesFolder = "images/";

// `firstLine` is the file line of the body's first line, so reported lines match the file.
// `html` false leaves RenderedBody::html empty: `check` needs the sections and links only.
RenderedBody renderMarkdown(const std::string& body, int firstLine, const std::string& path, Problems& problems,
                            bool html = true);

// Internal link target ("id" or "id#anchor") or empty when the URL is external or same-page.
bool isExternalUrl(const std::string& url);

}  // namespace fibrokb

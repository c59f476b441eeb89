#include "markdown.h"

#include "slug.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>

namespace fibrokb {
namespace {

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::string typeName(cmark_node* node)
{
    const char* name = cmark_node_get_type_string(node);
    return name ? name : "";
}

std::string literal(cmark_node* node)
{
    const char* text = cmark_node_get_literal(node);
    return text ? text : "";
}

// Plain text of an inline subtree: what a reader sees, without link targets or markup. Walked with
// cmark_iter, which keeps its own stack: a recursive walk dies on 50,000 nested emphasis markers.
void appendInlineText(cmark_node* node, std::string& out)
{
    cmark_iter* iter = cmark_iter_new(node);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node* child = cmark_iter_get_node(iter);
        if (child == node)
            continue;
        switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            out += literal(child);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out += ' ';
            break;
        default:
            break;
        }
    }
    cmark_iter_free(iter);
}

// The deepest nesting of the tree (document = 1), and the line where it is first reached.
struct Depth {
    int levels = 0;
    int line = 0;
};

Depth deepestNesting(cmark_node* doc)
{
    Depth deepest;
    int depth = 0;
    cmark_iter* iter = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter);
        // cmark_iter gives leaves (text, code, breaks, raw HTML, rules) an ENTER and no EXIT.
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_THEMATIC_BREAK:
            continue;
        default:
            break;
        }
        if (ev == CMARK_EVENT_ENTER) {
            if (++depth > deepest.levels) {
                deepest.levels = depth;
                if (deepest.line == 0 || depth == kMaxMarkdownNesting + 1)
                    deepest.line = cmark_node_get_start_line(node);
            }
        } else {
            --depth;
        }
    }
    cmark_iter_free(iter);
    return deepest;
}

std::string collapseSpaces(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (unsigned char c : text) {
        // The "C" locale's isspace, inline (every character of every page passes here).
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

std::string lowerScheme(const std::string& url)
{
    std::string scheme;
    for (char c : url) {
        if (c == ':')
            return scheme;
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'))
            return "";
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return "";
}

// One pass over the tree with cmark_iter (no recursion whose depth the file controls): sections, their
// text blocks with file lines, and internal links.
class BodyWalker {
public:
    BodyWalker(int firstLine, const std::string& path, Problems& problems)
        : lineOffset_(firstLine - 1), path_(path), problems_(problems)
    {
        sections_.push_back(Section{"", 0, "", "", firstLine, {}});  // the untitled lead
    }

    void walk(cmark_node* doc)
    {
        cmark_iter* iter = cmark_iter_new(doc);
        for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
            if (ev != CMARK_EVENT_ENTER)
                continue;
            cmark_node* node = cmark_iter_get_node(iter);
            const cmark_node_type type = cmark_node_get_type(node);
            if (type == CMARK_NODE_HEADING) {
                startSection(node);
            } else if (type == CMARK_NODE_PARAGRAPH || typeName(node) == "table_cell") {
                addBlock(node);
            } else if (type == CMARK_NODE_HTML_BLOCK) {
                warn(node, "raw HTML is not shown to readers; write Markdown instead");
            } else if (type == CMARK_NODE_CODE_BLOCK) {
                addText(collapseSpaces(literal(node)), node);
            } else if (type == CMARK_NODE_LINK) {
                addLink(node);
            }
        }
        cmark_iter_free(iter);
    }

    // A page's own drawing, `images/NAME.svg`, is kept and pointed at fibrokb-image:NAME (the app draws it from the
    // index); any other image (remote, absolute, outside the folder, another format, no alt text) is an error and
    // becomes its alt text. Dangerous links lose their URL.
    void makeInert(cmark_node* doc)
    {
        std::vector<cmark_node*> refused;
        cmark_iter* iter = cmark_iter_new(doc);
        for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
            if (ev != CMARK_EVENT_ENTER)
                continue;
            cmark_node* node = cmark_iter_get_node(iter);
            const cmark_node_type type = cmark_node_get_type(node);
            if (type == CMARK_NODE_IMAGE) {
                const char* raw = cmark_node_get_url(node);
                std::string alt;
                appendInlineText(node, alt);
                const std::string why = refusedImage(raw ? raw : "", alt);
                if (why.empty()) {
                    const std::string name = std::string(raw).substr(std::string(kImagesFolder).size());
                    images_.push_back({name, collapseSpaces(alt), fileLine(node), ""});
                    cmark_node_set_url(node, (std::string(kImageScheme) + name).c_str());
                } else {
                    error(node, why);
                    refused.push_back(node);
                }
                // An image inside this one's alt text goes with it: collecting both would free the inner one
                // twice (found by fuzz_article).
                cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
            } else if (type == CMARK_NODE_LINK) {
                const char* raw = cmark_node_get_url(node);
                std::string scheme = lowerScheme(raw ? raw : "");
                if (scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file") {
                    warn(node, "link to a " + scheme + ": URL removed");
                    cmark_node_set_url(node, "");
                }
            }
        }
        cmark_iter_free(iter);
        // The tree changes only after the walk: an iterator must not see nodes freed under it.
        for (cmark_node* image : refused) {
            std::string alt;
            appendInlineText(image, alt);
            cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(text, alt.empty() ? "" : ("[Image: " + alt + "]").c_str());
            cmark_node_insert_before(image, text);
            cmark_node_free(image);
        }
    }

    // "" when `url` names a drawing in the corpus's images folder and `alt` describes it; otherwise why not.
    static std::string refusedImage(const std::string& url, const std::string& alt)
    {
        const std::string folder = kImagesFolder;
        if (url.rfind(folder, 0) != 0)
            return "image '" + url + "': only drawings from the corpus's own folder are shown (write images/NAME.svg)";
        const std::string name = url.substr(folder.size());
        const bool plainName = !name.empty() && name.size() <= 100 && name[0] != '.' &&
                               name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
        if (!plainName || name.find("..") != std::string::npos)
            return "image '" + url + "': the file name may use only a-z, 0-9, '-', '_' and '.'";
        if (name.size() < 5 || name.compare(name.size() - 4, 4, ".svg") != 0)
            return "image '" + url + "': only SVG drawings are supported";
        if (alt.find_first_not_of(" \t\r\n") == std::string::npos)
            return "image '" + url + "' has no alt text: describe what the drawing shows";
        return "";
    }

    std::vector<Section> takeSections()
    {
        std::vector<Section> out;
        for (auto& s : sections_)
            if (s.level > 0 || !s.text.empty())
                out.push_back(std::move(s));
        return out;
    }
    std::vector<Link> takeLinks() { return std::move(links_); }
    std::vector<ArticleImage> takeImages() { return std::move(images_); }

private:
    int fileLine(cmark_node* node) const { return cmark_node_get_start_line(node) + lineOffset_; }

    void startSection(cmark_node* heading)
    {
        std::string text;
        appendInlineText(heading, text);
        text = collapseSpaces(text);
        Section s;
        s.heading = text;
        s.level = cmark_node_get_heading_level(heading);
        s.anchor = anchors_.allocate(text);
        s.line = fileLine(heading);
        sections_.push_back(std::move(s));
    }

    void addBlock(cmark_node* block)
    {
        std::string text;
        appendInlineText(block, text);
        addText(collapseSpaces(text), block);
    }

    void addText(const std::string& text, cmark_node* from)
    {
        if (text.empty())
            return;
        Section& s = sections_.back();
        if (!s.text.empty())
            s.text += '\n';
        s.text += text;
        s.blockLines.push_back(fileLine(from));
    }

    void addLink(cmark_node* node)
    {
        const char* raw = cmark_node_get_url(node);
        std::string url = raw ? raw : "";
        if (url.empty() || isExternalUrl(url))
            return;
        Link link;
        auto hash = url.find('#');
        link.targetId = url.substr(0, hash);
        if (hash != std::string::npos)
            link.anchor = url.substr(hash + 1);
        link.line = fileLine(node);
        links_.push_back(std::move(link));
    }

    void warn(cmark_node* node, const std::string& message)
    {
        problems_.push_back({path_, fileLine(node), Severity::Warning, message});
    }
    void error(cmark_node* node, const std::string& message)
    {
        problems_.push_back({path_, fileLine(node), Severity::Error, message});
    }

    int lineOffset_;
    std::string path_;
    Problems& problems_;
    std::vector<Section> sections_;
    std::vector<Link> links_;
    std::vector<ArticleImage> images_;
    AnchorAllocator anchors_;
};

// cmark's renderer writes bare <hN>; give each heading its anchor, in document order. In safe mode raw
// HTML is omitted and text is escaped, so every "<hN>" in the output is a real heading.
std::string addHeadingAnchors(const std::string& html, const std::vector<Section>& sections)
{
    std::vector<const Section*> headings;
    for (const auto& s : sections)
        if (s.level > 0)
            headings.push_back(&s);
    std::string out;
    out.reserve(html.size() + headings.size() * 40);
    size_t pos = 0;
    for (const Section* s : headings) {
        std::string open = "<h" + std::to_string(s->level) + ">";
        size_t at = html.find(open, pos);
        if (at == std::string::npos)
            break;
        out.append(html, pos, at - pos);
        out += "<h" + std::to_string(s->level) + " id=\"" + s->anchor + "\"><a name=\"" + s->anchor + "\"></a>";
        pos = at + open.size();
    }
    out.append(html, pos, std::string::npos);
    return out;
}

void registerExtensionsOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// cmark-gfm 0.29.0.gfm.6 (Debian bookworm) has inputs whose parse time grows much faster than their size:
// runs of link and emphasis markers in one paragraph (4,000 "*[a](b) _[c](d)_*" take 3 s, 6,000 take 17 s)
// and tables with thousands of columns (quadratic list appends). No page of ours comes near these bounds,
// so such a file is refused before cmark sees it, with the line where the trouble starts.
constexpr int kMaxTableColumns = 200;
constexpr int kMaxInlineMarkersPerBlock = 5000;

bool shapeIsBounded(const std::string& body, int firstLine, const std::string& path, Problems& problems)
{
    int line = firstLine, blockStart = firstLine, markers = 0;
    size_t pos = 0;
    while (pos < body.size()) {
        size_t end = body.find('\n', pos);
        if (end == std::string::npos)
            end = body.size();
        int pipes = 0;
        bool blank = true;
        for (size_t i = pos; i < end; ++i) {
            const char c = body[i];
            if (c == '|')
                ++pipes;
            if (c == '[' || c == ']' || c == '*' || c == '_' || c == '`' || c == '<' || c == '!' || c == '~')
                ++markers;
            if (c != ' ' && c != '\t')
                blank = false;
        }
        if (pipes > kMaxTableColumns) {
            problems.push_back({path, line, Severity::Error,
                                "a table row with more than " + std::to_string(kMaxTableColumns) +
                                    " columns; the file is not indexed"});
            return false;
        }
        if (markers > kMaxInlineMarkersPerBlock) {
            problems.push_back({path, blockStart, Severity::Error,
                                "a paragraph with more than " + std::to_string(kMaxInlineMarkersPerBlock) +
                                    " link or emphasis markers; the file is not indexed (split the paragraph)"});
            return false;
        }
        if (blank) {
            markers = 0;
            blockStart = line + 1;
        }
        pos = end + 1;
        ++line;
    }
    return true;
}

}  // namespace

bool isExternalUrl(const std::string& url)
{
    if (!url.empty() && url[0] == '#')
        return false;  // same page
    return !lowerScheme(url).empty() || url.rfind("//", 0) == 0;
}

RenderedBody renderMarkdown(const std::string& body, int firstLine, const std::string& path, Problems& problems,
                            bool html)
{
    RenderedBody out;
    if (!shapeIsBounded(body, firstLine, path, problems)) {
        out.ok = false;
        return out;
    }
    registerExtensionsOnce();
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    for (const char* name : {"table", "autolink", "strikethrough"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), body.data(), body.size());
    std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));

    // Deep nesting is refused, not flattened: no page of ours needs it, and the app's renderer (QTextDocument)
    // takes seconds to minutes on thousands of nested quotes or lists.
    const Depth depth = deepestNesting(doc.get());
    if (depth.levels > kMaxMarkdownNesting) {
        problems.push_back({path, depth.line + firstLine - 1, Severity::Error,
                            "quotes, lists or emphasis nested more than " + std::to_string(kMaxMarkdownNesting) +
                                " levels deep (" + std::to_string(depth.levels) + "); the file is not indexed"});
        out.ok = false;
        return out;
    }
    BodyWalker walker(firstLine, path, problems);
    walker.makeInert(doc.get());
    walker.walk(doc.get());

    out.sections = walker.takeSections();
    out.links = walker.takeLinks();
    out.images = walker.takeImages();
    if (!html)
        return out;
    // CMARK_OPT_DEFAULT is safe mode in cmark-gfm 0.29: raw HTML omitted, javascript:/data: URLs dropped.
    char* rendered = cmark_render_html(doc.get(), CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser.get()));
    out.html = addHeadingAnchors(rendered ? rendered : "", out.sections);
    free(rendered);
    return out;
}

}  // namespace fibrokb

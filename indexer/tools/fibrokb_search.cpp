// fibrokb-search: search the FibroKB index from the command line.
#include "cli_common.h"
#include "utf8.h"

#include <fibrokb/build_config.h>
#include <fibrokb/json_text.h>
#include <fibrokb/library_location.h>
#include <fibrokb/searcher.h>

#include <cstdio>
#include <iostream>
#include <unistd.h>

using namespace fibrokb;

namespace {

const char* kHelpStart =
    "Usage: fibrokb-search [OPTIONS] [--] QUERY...\n"
    "\n"
    "Search the FibroKB library and print a ranked list (or JSON with --json).\n"
    "\n"
    "Options:\n"
    "  --index DIR        index folder (default: see \"Which library\" below)\n"
    "                     or a library on a server: a Xapian stub file holding the line\n"
    "                     'remote HOST:PORT', or tcp://HOST:PORT (xapian-tcpsrv; docs/remote-library.md)\n"
    "  --topic T          only this topic; repeat to allow several (OR)\n"
    "  --type TYPE        article or faq\n"
    "  --audience A       patients, caregivers or everyone (a group also gets the pages for everyone)\n"
    "  --limit N          results to show (default 10)\n"
    "  --offset N         skip the first N results (default 0)\n"
    "  --json             one JSON object: query, parsed, corrected, total, facets, results\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "Query language: words (all must match; when fewer than 10 pages have them all, the closest\n"
    "pages with some of them follow below a divider, and when none do, those are shown),\n"
    "\"exact phrases\", AND, OR, NOT, +word, -word, prefix* , title:word, topic:ID.\n"
    "An empty query with --topic/--type/--audience lists those pages by title.\n"
    "A query longer than 1,000 bytes is cut there (a note says so); control characters and\n"
    "bytes that are not UTF-8 are ignored, and titles are printed with control characters escaped.\n"
    "Exit status: 0 ok (also when nothing is found), 1 the index cannot be read, 2 usage error.\n"
    "\n"
    "Which library: the first of\n";

int usage(const std::string& message)
{
    std::cerr << "fibrokb-search: " << message << "\nTry 'fibrokb-search --help'.\n";
    return cli::kUsage;
}

// <b>match</b> -> bold on a terminal, plain elsewhere; HTML entities back to characters.
std::string forTerminal(const std::string& snippet, bool tty)
{
    std::string out;
    for (size_t i = 0; i < snippet.size();) {
        auto starts = [&](const char* s) { return snippet.compare(i, std::char_traits<char>::length(s), s) == 0; };
        if (starts("<b>")) {
            out += tty ? "\033[1m" : "";
            i += 3;
        } else if (starts("</b>")) {
            out += tty ? "\033[0m" : "";
            i += 4;
        } else if (starts("&amp;")) {
            out += '&';
            i += 5;
        } else if (starts("&lt;")) {
            out += '<';
            i += 4;
        } else if (starts("&gt;")) {
            out += '>';
            i += 4;
        } else if (starts("&quot;")) {
            out += '"';
            i += 6;
        } else
            out += snippet[i++];
    }
    return out;
}

}  // namespace

int main(int argc, char** argv)
{
    cli::Args args(argc, argv, 1);
    SearchRequest request;
    std::string indexDir, value, error, query;
    bool json = false;
    while (!args.done()) {
        const std::string a = args.peek();
        if (a == "--") {
            args.next();
            while (!args.done())
                query += (query.empty() ? "" : " ") + args.next();
            break;
        }
        if (a == "-h" || a == "--help") {
            std::cout << kHelpStart << libraryLookupHelp();
            return cli::kOk;
        }
        if (a == "--version") {
            std::cout << "fibrokb-search " << FIBROKB_VERSION << "\n";
            return cli::kOk;
        }
        if (a == "--json") {
            args.next();
            json = true;
            continue;
        }
        if (args.option("--index", indexDir, error)) {
        } else if (args.option("--topic", value, error)) {
            request.topics.push_back(value);
        } else if (args.option("--type", value, error)) {
            if (value != "article" && value != "faq")
                return usage("--type must be article or faq");
            request.type = value;
        } else if (args.option("--audience", value, error)) {
            if (value != "patients" && value != "caregivers" && value != "everyone")
                return usage("--audience must be patients, caregivers or everyone");
            request.audience = value;
        } else if (args.option("--limit", value, error)) {
            if (error.empty() && !cli::parseInt(value, request.limit))
                return usage("--limit needs a number");
        } else if (args.option("--offset", value, error)) {
            if (error.empty() && !cli::parseInt(value, request.offset))
                return usage("--offset needs a number");
        } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
            return usage("unknown option '" + a + "'");
        } else {
            query += (query.empty() ? "" : " ") + args.next();
        }
        if (!error.empty())
            return usage(error);
    }
    if (query.empty() && request.topics.empty() && request.type.empty() && request.audience.empty())
        return usage("give a query, or --topic/--type/--audience to browse");
    request.query = query;
    try {
        Searcher searcher(findLibrary(indexDir).path);
        SearchResult result = searcher.search(request);
        if (json) {
            // `replace`: the query echoes what was typed, which may not be UTF-8.
            std::cout << searchResultJsonText(result, query) << "\n";
            return cli::kOk;
        }
        const bool tty = ::isatty(STDOUT_FILENO);
        // Titles, snippets and the echoed query come from files and from the user: never let them drive the terminal.
        auto shown = [](const std::string& text) { return utf8::escapeControls(utf8::repaired(text)); };
        if (result.truncated)
            std::cout << "The query was longer than " << kMaxQueryBytes << " bytes; only its start was searched.\n";
        if (result.showingCorrected)
            std::cout << "No results for \"" << shown(query) << "\"; showing results for \"" << shown(*result.corrected)
                      << "\".\n";
        else if (result.corrected)
            std::cout << "Did you mean: " << shown(*result.corrected) << "?\n";
        if (result.relaxed)
            std::cout << "No page has every word; showing pages with some of them.\n";
        std::cout << result.total << (result.total == 1 ? " result" : " results") << "\n\n";
        int n = request.offset;
        bool dividerShown = false;
        for (const auto& h : result.hits) {
            if (h.partial && !dividerShown) {
                std::cout << "-- Pages that match some of your words --\n\n";
                dividerShown = true;
            }
            std::string topics;
            for (const auto& t : h.topics)
                topics += (topics.empty() ? "" : ", ") + t;
            std::printf("%2d. %s  [%s]\n    %s%s  (%s)\n    %s\n\n", ++n, shown(h.title).c_str(),
                        toString(h.type).c_str(), shown(h.articleId).c_str(),
                        h.anchor.empty() ? "" : ("#" + shown(h.anchor)).c_str(), shown(topics).c_str(),
                        forTerminal(shown(h.snippet), tty).c_str());
        }
    } catch (const IndexError& e) {
        std::cerr << "fibrokb-search: " << e.what() << "\n";
        return cli::kErrors;
    } catch (const std::exception& e) {  // out of memory: nothing else escapes the Searcher
        std::cerr << "fibrokb-search: " << e.what() << "\n";
        return cli::kErrors;
    }
    return cli::kOk;
}

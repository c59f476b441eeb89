#include <fibrokb/article.h>
#include <fibrokb/problem.h>

#include "utf8.h"

#include <map>

namespace fibrokb {

std::string toString(DocType type)
{
    return type == DocType::Faq ? "faq" : "article";
}

bool parseDocType(const std::string& text, DocType& out)
{
    if (text == "article") {
        out = DocType::Article;
        return true;
    }
    if (text == "faq") {
        out = DocType::Faq;
        return true;
    }
    return false;
}

std::string Problem::format() const
{
    // A file name or a quoted piece of a file may hold any bytes: escaped, one problem is always one line.
    std::string out = utf8::escapeControls(utf8::repaired(path));
    if (line > 0)
        out += ":" + std::to_string(line);
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    out += utf8::escapeControls(utf8::repaired(message));
    return out;
}

void capProblemsPerFile(Problems& problems, size_t maxPerFile)
{
    std::map<std::string, size_t> seen;
    Problems kept;
    kept.reserve(problems.size());
    for (auto& p : problems)
        if (++seen[p.path] <= maxPerFile)
            kept.push_back(std::move(p));
    for (const auto& [path, n] : seen)
        if (n > maxPerFile)
            kept.push_back({path, 0, Severity::Error,
                            std::to_string(n - maxPerFile) + " more problem(s) in this file not shown (first " +
                                std::to_string(maxPerFile) + " above)"});
    problems = std::move(kept);
}

bool hasErrors(const Problems& problems)
{
    for (const auto& p : problems)
        if (p.severity == Severity::Error)
            return true;
    return false;
}

}  // namespace fibrokb

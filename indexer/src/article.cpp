#include <fibrokb/article.h>
#include <fibrokb/problem.h>

namespace fibrokb {

std::string toString(DocType type) {
    return type == DocType::Faq ? "faq" : "article";
}

bool parseDocType(const std::string& text, DocType& out) {
    if (text == "article") { out = DocType::Article; return true; }
    if (text == "faq") { out = DocType::Faq; return true; }
    return false;
}

std::string Problem::format() const {
    std::string out = path;
    if (line > 0) out += ":" + std::to_string(line);
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    out += message;
    return out;
}

bool hasErrors(const Problems& problems) {
    for (const auto& p : problems)
        if (p.severity == Severity::Error) return true;
    return false;
}

}  // namespace fibrokb

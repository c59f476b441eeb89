#include "slug.h"

#include "words.h"

#include <cctype>

namespace fibrokb {

std::string slugify(const std::string& text)
{
    // Accented Latin letters keep their letter ("Café" -> "cafe", not "caf"); other scripts are dropped.
    const std::string folded = words::foldAccents(text);
    std::string out;
    bool pendingHyphen = false;
    for (unsigned char c : folded) {
        if (std::isalnum(c) && c < 128) {
            if (pendingHyphen && !out.empty())
                out += '-';
            pendingHyphen = false;
            out += static_cast<char>(std::tolower(c));
        } else if (c == '\'') {
            // "don't" -> "dont": an apostrophe joins a word rather than splitting it.
        } else {
            pendingHyphen = true;
        }
    }
    return out;
}

bool isSlug(const std::string& text)
{
    return !text.empty() && slugify(text) == text;
}

std::string AnchorAllocator::allocate(const std::string& headingText)
{
    std::string base = slugify(headingText);
    if (base.size() > kMaxAnchorLength) {
        base.resize(kMaxAnchorLength);
        while (!base.empty() && base.back() == '-')
            base.pop_back();
    }
    if (base.empty())
        base = "section";
    std::string candidate = base;
    if (used_.count(candidate)) {
        int& n = nextSuffix_.emplace(base, 2).first->second;
        do
            candidate = base + "-" + std::to_string(n++);
        while (used_.count(candidate));
    }
    used_.insert(candidate);
    return candidate;
}

}  // namespace fibrokb

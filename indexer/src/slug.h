// Stable anchors and ids: lower case, runs of anything but a-z/0-9 become one hyphen.
#pragma once

#include <map>
#include <set>
#include <string>

namespace fibrokb {

// Anchors are cut to this many characters: a 300-character question must not make a 300-character
// URL fragment or a document id longer than Xapian's term limit.
constexpr size_t kMaxAnchorLength = 80;

std::string slugify(const std::string& text);
bool isSlug(const std::string& text);

// Hands out slugs unique within one document: "usage", "usage-2", "usage-3"...
class AnchorAllocator {
public:
    std::string allocate(const std::string& headingText);

private:
    std::set<std::string> used_;
    std::map<std::string, int> nextSuffix_;  // base -> next number to try: 20,000 equal headings stay linear
};

}  // namespace fibrokb

// Stable anchors and ids: lower case, runs of anything but a-z/0-9 become one hyphen.
#pragma once

#include <set>
#include <string>

namespace fibrokb {

std::string slugify(const std::string& text);
bool isSlug(const std::string& text);

// Hands out slugs unique within one document: "usage", "usage-2", "usage-3"...
class AnchorAllocator {
public:
    std::string allocate(const std::string& headingText);

private:
    std::set<std::string> used_;
};

}  // namespace fibrokb

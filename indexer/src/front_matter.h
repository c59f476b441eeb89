// YAML front matter: split it from the body and read it into an Article, with file line numbers.
#pragma once

#include <fibrokb/article.h>
#include <fibrokb/problem.h>

#include <string>

namespace fibrokb {

// Longest front matter read: ours is under 2 KB. Past this the closing '---' is most likely missing.
constexpr size_t kMaxFrontMatterBytes = 64 * 1024;

struct SplitFile {
    bool ok = false;
    std::string yaml;
    std::string body;
    int bodyFirstLine = 1;  // file line of the body's first line
};

// The file must open with a line `---` and close the front matter with `---` (or `...`).
SplitFile splitFrontMatter(const std::string& text);

// Reads the fields into `out`. Returns false when the file cannot be indexed (broken YAML, no id/title).
bool readFrontMatter(const std::string& yaml, const std::string& path, Article& out, Problems& problems);

bool isIsoDate(const std::string& text);

}  // namespace fibrokb

// A problem found in the corpus, reported as `path:line: severity: message`.
#pragma once

#include <string>
#include <vector>

namespace fibrokb {

enum class Severity { Warning, Error };

struct Problem {
    std::string path;
    int line = 0;  // 1-based; 0 when the whole file is meant (no line to point at)
    Severity severity = Severity::Error;
    std::string message;

    std::string format() const;  // "path:line: error: message"
};

using Problems = std::vector<Problem>;

bool hasErrors(const Problems& problems);

// Keeps the first `maxPerFile` problems of each file (in order) and adds one line per file saying how many
// more there were: a file with 20,000 flagged lines must not bury every other message.
constexpr size_t kMaxProblemsPerFile = 50;
void capProblemsPerFile(Problems& problems, size_t maxPerFile = kMaxProblemsPerFile);

}  // namespace fibrokb

// A problem found in the corpus, reported as `path:line: severity: message`.
#pragma once

#include <string>
#include <vector>

namespace fibrokb {

enum class Severity { Warning, Error };

struct Problem {
    std::string path;
    int line = 0;          // 1-based; 0 when the whole file is meant
    Severity severity = Severity::Error;
    std::string message;

    std::string format() const;   // "path:line: error: message"
};

using Problems = std::vector<Problem>;

bool hasErrors(const Problems& problems);

}  // namespace fibrokb

// A corpus folder holding every kind of bad file the engine has met next to good ones (issue 8): made in a
// temp folder at test time because FIFOs, symlink loops, sparse files and odd file names cannot live in git.
#pragma once

#include "test_support.h"

#include <string>
#include <vector>

namespace fibrokb::test {

struct BadFile {
    std::string path;       // relative to the corpus root, as the tools print it after "<root>/"
    std::string shownPath;  // how it appears in messages (escaped), relative to the root
    int line;               // the line a message must name; 0 when there is none
    std::string message;    // a fragment the message must hold
};

struct HostileCorpus {
    std::string root;
    std::vector<BadFile> bad;
    std::vector<std::string> goodIds;  // pages that must be indexed (article ids or FAQ entry ids)
};

// Copies tests/data/corpus to `root` and adds the hostile files. `big` adds the slow-to-parse ones too
// (1 MB lines, 20,000 headings, 30,000 FAQ questions).
HostileCorpus makeHostileCorpus(const std::string& root, bool big = true);

}  // namespace fibrokb::test

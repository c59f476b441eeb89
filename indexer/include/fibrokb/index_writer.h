// Write side: a full build into a new generation directory, then an atomic switch.
#pragma once

#include <fibrokb/corpus.h>

#include <stdexcept>
#include <string>

namespace fibrokb {

class BuildError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct BuildSummary {
    int documents = 0;
    int articles = 0;
    int faqEntries = 0;
    std::string generation;   // directory name of the generation now live
};

struct IndexOptions {
    bool fieldBoosts = true;   // title, heading and summary words count extra (schema.h); off only for measuring
};

// Writes `corpus` as a new index under `outDir` and switches readers to it atomically:
// `outDir/XAPIANDB` is a Xapian stub file naming the live generation, replaced by rename(2).
// On any failure the new generation is removed and the previous index stays live. Throws BuildError.
BuildSummary buildIndex(const Corpus& corpus, const std::string& outDir, const IndexOptions& options = {});

}  // namespace fibrokb

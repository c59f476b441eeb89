// Write side: a full build into a new generation directory, then an atomic switch.
#pragma once

#include <fibrokb/corpus.h>

#include <atomic>
#include <functional>
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

// Where a running build is, for a progress line. Reported from the thread that called buildIndex.
struct BuildProgress {
    enum class Stage { Writing, Merging, Done };
    Stage stage = Stage::Writing;
    int documentsTotal = 0;
    int documentsDone = 0;
    double seconds = 0;   // since the build started
};

// The build was stopped through IndexOptions::cancel; the previous index is live and untouched.
class BuildCancelled : public BuildError {
public:
    using BuildError::BuildError;
};

struct IndexOptions {
    bool fieldBoosts = true;   // title, heading and summary words count extra (schema.h); off only for measuring
    int threads = 0;           // documents are written by this many threads; 0: one per core, at most 8
    std::function<void(const BuildProgress&)> onProgress;   // a few times a second, and at each stage
    const std::atomic<bool>* cancel = nullptr;   // set to true (a signal handler may) to stop: BuildCancelled
};

// Writes `corpus` as a new index under `outDir` and switches readers to it atomically:
// `outDir/XAPIANDB` is a Xapian stub file naming the live generation, replaced by rename(2).
// On any failure the new generation is removed and the previous index stays live. Throws BuildError.
BuildSummary buildIndex(const Corpus& corpus, const std::string& outDir, const IndexOptions& options = {});

}  // namespace fibrokb

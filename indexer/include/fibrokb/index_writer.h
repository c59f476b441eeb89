// Write side: a full build into a new generation directory, then an atomic switch.
#pragma once

#include <fibrokb/corpus.h>
#include <fibrokb/problem.h>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fibrokb {

class BuildError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct BuildSummary {
    int documents = 0;
    int articles = 0;
    int faqEntries = 0;
    std::string generation;  // directory name of the generation now live
};

// Where a running build is, for a progress line. Reported from the thread that called buildIndex.
struct BuildProgress {
    enum class Stage { Writing, Merging, Done };
    Stage stage = Stage::Writing;
    int documentsTotal = 0;
    int documentsDone = 0;
    double seconds = 0;  // since the build started
};

// Another build or update holds the index folder's lock; nothing was changed.
class IndexBusy : public BuildError {
public:
    using BuildError::BuildError;
};

// The build was stopped through IndexOptions::cancel; the previous index is live and untouched.
class BuildCancelled : public BuildError {
public:
    using BuildError::BuildError;
};

struct IndexOptions {
    bool fieldBoosts = true;  // title, heading and summary words count extra (schema.h); off only for measuring
    int threads = 0;          // documents are written by this many threads; 0: one per core, at most 8
    std::function<void(const BuildProgress&)> onProgress;  // a few times a second, and at each stage
    const std::atomic<bool>* cancel = nullptr;             // set to true (a signal handler may) to stop: BuildCancelled
    bool strictUpdate = false;  // updateIndex: any problem in the changed files keeps the index as it is
};

struct UpdateSummary {
    bool fullBuildNeeded = false;  // nothing was done: run buildIndex (`reason` says why)
    std::string reason;
    bool updated = false;  // the live generation was changed
    bool refused = false;  // strictUpdate and problems were found: nothing was changed
    int filesChanged = 0, filesAdded = 0, filesRemoved = 0;
    int documents = 0;       // in the live index afterwards
    std::string generation;  // live afterwards
    Problems problems;       // found in the files read (links to other pages resolved in the index)
    std::vector<std::string> skippedFiles;
};

// Writes `corpus` as a new index under `outDir` and switches readers to it atomically:
// `outDir/XAPIANDB` is a Xapian stub file naming the live generation, replaced by rename(2).
// On any failure the new generation is removed and the previous index stays live. Throws BuildError.
BuildSummary buildIndex(const Corpus& corpus, const std::string& outDir, const IndexOptions& options = {});

// Brings the index in `outDir` up to date with the corpus folder by re-reading only the files whose size or
// modification time changed since the live generation was written, and dropping deleted ones, in place in
// one Xapian transaction: open readers keep their revision (Searcher::outdated() tells them to reopen), and
// a failed or killed update leaves the previous revision. Only the files read are checked (links to other
// pages resolved in the index).
// Returns fullBuildNeeded (changing nothing) when there is no index, it has another schema, or topics.yaml,
// synonyms.txt or the options changed. Throws BuildError or BuildCancelled.
UpdateSummary updateIndex(const std::string& corpusDir, const std::string& outDir, const IndexOptions& options = {});

}  // namespace fibrokb

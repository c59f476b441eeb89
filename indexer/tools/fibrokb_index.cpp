// fibrokb-index: build, check and describe the FibroKB index.
#include "cli_common.h"
#include "progress_line.h"

#include <fibrokb/build_config.h>
#include <fibrokb/checker.h>
#include <fibrokb/corpus.h>
#include <fibrokb/index_writer.h>
#include <fibrokb/library_location.h>
#include <fibrokb/searcher.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

using namespace fibrokb;

namespace {

const char* kHelpStart = "Usage: fibrokb-index COMMAND [OPTIONS]\n"
                         "\n"
                         "Build, check and describe the FibroKB search index.\n"
                         "\n"
                         "Commands:\n"
                         "  build [--corpus DIR] [--out DIR] [--full] [--strict] [--threads N] [--quiet]\n"
                         "      Index every corpus file that parses. When an index built from this corpus\n"
                         "      exists, only the files whose size or modification time changed are read\n"
                         "      and checked, and deleted files are dropped (an update); a change to\n"
                         "      topics.yaml, synonyms.txt or help-boxes.yaml, another index version or\n"
                         "      --full makes it a full build, which reads and checks every file. Problems\n"
                         "      are printed as path:line: message; files that cannot be read or parsed are\n"
                         "      skipped and named, and the good files are still indexed (exit status 1\n"
                         "      when any error was reported). The new index replaces the old one only when\n"
                         "      the build succeeds; one build at a time writes to a folder. --strict fails\n"
                         "      the build (keeping the previous index) on any problem, warnings included.\n"
                         "      Files over 2 MB and Markdown nested over 48 levels deep are refused.\n"
                         "      --threads N uses N threads (default: one per core, at most 8). Progress\n"
                         "      goes to stderr (one updating line on a terminal, a line every 5 s\n"
                         "      otherwise); --quiet turns it off. Ctrl+C stops cleanly: the index is\n"
                         "      unchanged and the exit status is 130.\n"
                         "  check [--corpus DIR] [--scores] [--quiet]\n"
                         "      Validate everything the build reads, without writing: front matter, topics, ids,\n"
                         "      links, sources, dates, the writing standard and readability. --scores prints each\n"
                         "      article's and FAQ entry's reading ease and grade.\n"
                         "  stats [--index DIR]\n"
                         "      Documents by type, topic and audience; terms; size; schema version; build date.\n"
                         "\n"
                         "\n"
                         "Options: -h, --help    show this help\n"
                         "         --version     show the version\n"
                         "Exit status: 0 ok, 1 errors found (build: the good files were still indexed) or the\n"
                         "build failed (the previous index is kept), 2 usage error, 130 stopped by Ctrl+C.\n"
                         "\n"
                         "Default --corpus: " FIBROKB_DEFAULT_CORPUS "\n"
                         "Default --out (build): FIBROKB_INDEX if set, else the build tree's index when run from\n"
                         "  the build tree, else your own library (3. below); never next to an installed program.\n"
                         "Default --index (stats), the same for fibrokb and fibrokb-search: the first of\n";

int usage(const std::string& message)
{
    std::cerr << "fibrokb-index: " << message << "\nTry 'fibrokb-index --help'.\n";
    return cli::kUsage;
}

void printProblems(const Problems& problems)
{
    for (const auto& p : problems)
        std::cerr << p.format() << "\n";
}

int countErrors(const Problems& problems)
{
    int n = 0;
    for (const auto& p : problems)
        n += p.severity == Severity::Error;
    return n;
}

// Ctrl+C (SIGINT) and SIGTERM ask long work to stop at the next file or document; the index is left as it was.
std::atomic<bool> gStopRequested{false};
void requestStop(int)
{
    gStopRequested = true;
}
void stopOnSignals()
{
    struct sigaction action {};
    action.sa_handler = requestStop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}
constexpr int kStopped = 130;  // the shell's code for a command ended by Ctrl+C

int stopped(cli::ProgressLine& progress, const std::string& outDir)
{
    progress.finish();
    std::cerr << "fibrokb-index: stopped; "
              << (outDir.empty() ? "nothing was written" : "the index in " + outDir + " is unchanged") << "\n";
    return kStopped;
}

Corpus loadWithProgress(const std::string& corpusDir, int threads, cli::ProgressLine& progress, bool renderHtml = true)
{
    LoadOptions load;
    load.renderHtml = renderHtml;
    load.threads = threads;
    load.cancel = &gStopRequested;
    load.onProgress = [&](int done, int total) { progress.update("reading files", done, total); };
    return loadCorpus(corpusDir, load);
}

int runBuild(cli::Args& args)
{
    std::string corpusDir = FIBROKB_DEFAULT_CORPUS, outDir, threadsText, error;
    bool strict = false, full = false, quiet = false;
    while (!args.done()) {
        if (args.option("--corpus", corpusDir, error) || args.option("--out", outDir, error) ||
            args.option("--threads", threadsText, error)) {
            if (!error.empty())
                return usage(error);
        } else if (args.peek() == "--strict" || args.peek() == "--full" || args.peek() == "--quiet" ||
                   args.peek() == "-q") {
            const std::string flag = args.next();
            (flag == "--strict" ? strict : flag == "--full" ? full : quiet) = true;
        } else {
            return usage("build: unknown argument '" + args.peek() + "'");
        }
    }
    int threads = 0;
    if (!threadsText.empty() && (!cli::parseInt(threadsText, threads) || threads < 1 || threads > 64))
        return usage("--threads needs a number from 1 to 64");
    outDir = libraryToBuild(outDir).path;
    if (outDir.empty())
        return usage("build: no --out given and no home folder for your own library");
    stopOnSignals();
    cli::ProgressLine progress(quiet);
    IndexOptions options;
    options.threads = threads;
    options.cancel = &gStopRequested;
    options.strictUpdate = strict;
    options.onProgress = [&](const BuildProgress& p) {
        if (p.stage == BuildProgress::Stage::Writing)
            progress.update("writing documents", p.documentsDone, p.documentsTotal);
        else if (p.stage == BuildProgress::Stage::Merging)
            progress.update("merging", p.documentsDone, p.documentsTotal);
    };

    try {
        if (!full) {
            progress.message("looking for changed files");
            UpdateSummary u;
            try {
                u = updateIndex(corpusDir, outDir, options);
            } catch (const BuildCancelled&) {
                throw;
            } catch (const IndexBusy&) {
                throw;
            } catch (const BuildError& e) {
                // A damaged index cannot be updated, but it can always be replaced: rebuilding is the advice
                // every "damaged index" message gives, so it must work here too. A failed update changed nothing.
                u.fullBuildNeeded = true;
                u.reason = std::string("the index could not be updated: ") + e.what();
            }
            progress.finish();
            if (!u.fullBuildNeeded) {
                printProblems(u.problems);
                for (const auto& path : u.skippedFiles)
                    std::cerr
                        << Problem{path, 0, Severity::Error, "skipped: the file could not be used (see above)"}.format()
                        << "\n";
                const int errors = countErrors(u.problems) + int(u.skippedFiles.size());
                if (u.refused) {
                    std::cerr << "fibrokb-index: update refused (--strict): "
                              << u.problems.size() + u.skippedFiles.size()
                              << " problem(s) in the changed files; the index in " << outDir << " is unchanged\n";
                    return cli::kErrors;
                }
                if (!u.updated)
                    std::cout << "Index in " << outDir << " is up to date (" << u.documents << " documents)\n";
                else
                    std::cout << "Updated " << outDir << " [" << u.generation << "]: " << u.filesChanged << " changed, "
                              << u.filesAdded << " new, " << u.filesRemoved << " removed file(s); " << u.documents
                              << " documents; only the files read were checked (run `fibrokb-index check` for all)\n";
                return errors > 0 ? cli::kErrors : cli::kOk;
            }
            // Said even with --quiet when the update failed: the reader should know the index was damaged.
            if (!quiet || u.reason.rfind("the index could not", 0) == 0)
                std::cerr << "fibrokb-index: full build (" << u.reason << ")\n";
        }
        Corpus corpus = loadWithProgress(corpusDir, threads, progress);
        if (corpus.cancelled)
            return stopped(progress, outDir);
        progress.message("checking");
        CheckReport report = checkCorpus(corpus);
        progress.finish();
        printProblems(report.problems);
        for (const auto& path : corpus.skippedFiles)
            std::cerr << Problem{path, 0, Severity::Error, "skipped: the file could not be used (see above)"}.format()
                      << "\n";
        if (strict && (!report.problems.empty() || !corpus.skippedFiles.empty())) {
            std::cerr << "fibrokb-index: build failed (--strict): " << report.problems.size()
                      << " problem(s); the previous index in " << outDir << " is unchanged\n";
            return cli::kErrors;
        }
        if (corpus.articles.empty()) {
            std::cerr << "fibrokb-index: nothing to index in " << corpusDir << "; the previous index is unchanged\n";
            return cli::kErrors;
        }
        BuildSummary s = buildIndex(corpus, outDir, options);
        progress.finish();
        std::cout << "Indexed " << s.documents << " documents (" << s.articles << " articles, " << s.faqEntries
                  << " FAQ entries) into " << outDir << " [" << s.generation << "]";
        if (!report.problems.empty())
            std::cout << "; " << countErrors(report.problems) << " error(s) and "
                      << report.problems.size() - countErrors(report.problems) << " warning(s) reported";
        if (!corpus.skippedFiles.empty())
            std::cout << "; " << corpus.skippedFiles.size() << " file(s) skipped";
        std::cout << "\n";
        return countErrors(report.problems) > 0 ? cli::kErrors : cli::kOk;
    } catch (const BuildCancelled&) {
        return stopped(progress, outDir);
    } catch (const BuildError& e) {
        progress.finish();
        std::cerr << "fibrokb-index: " << e.what() << "\n";
        return cli::kErrors;
    }
}

int runCheck(cli::Args& args)
{
    std::string corpusDir = FIBROKB_DEFAULT_CORPUS, error;
    bool scores = false, quiet = false;
    while (!args.done()) {
        if (args.option("--corpus", corpusDir, error)) {
            if (!error.empty())
                return usage(error);
        } else if (args.peek() == "--scores") {
            args.next();
            scores = true;
        } else if (args.peek() == "--quiet" || args.peek() == "-q") {
            args.next();
            quiet = true;
        } else {
            return usage("check: unknown argument '" + args.peek() + "'");
        }
    }
    stopOnSignals();
    cli::ProgressLine progress(quiet);
    Corpus corpus = loadWithProgress(corpusDir, 0, progress, /*renderHtml=*/false);
    if (corpus.cancelled)
        return stopped(progress, "");
    progress.message("checking");
    CheckReport report = checkCorpus(corpus);
    progress.finish();
    if (scores) {
        std::printf("%-8s %-7s %-6s  %s\n", "ease", "grade", "words", "id");
        for (const auto& row : report.readability)
            std::printf("%-8.1f %-7.1f %-6d  %s%s\n", row.scores.readingEase, row.scores.grade, row.scores.words,
                        row.id.c_str(), row.passes ? "" : "  (below the bar)");
    }
    printProblems(report.problems);
    const int errors = countErrors(report.problems);
    int articles = 0, faqEntries = 0;
    for (const auto& a : corpus.articles)
        a.type == DocType::Article ? ++articles : faqEntries += int(a.faq.size());
    std::cout << corpusDir << ": " << articles << " articles, " << faqEntries << " FAQ entries, "
              << corpus.topics.size() << " topics; " << errors << " error(s), " << report.problems.size() - errors
              << " warning(s)\n";
    return errors > 0 ? cli::kErrors : cli::kOk;
}

int runStats(cli::Args& args)
{
    std::string indexDir, error;
    while (!args.done()) {
        if (args.option("--index", indexDir, error)) {
            if (!error.empty())
                return usage(error);
        } else {
            return usage("stats: unknown argument '" + args.peek() + "'");
        }
    }
    try {
        Searcher searcher(findLibrary(indexDir).path);
        IndexInfo info = searcher.info(Searcher::TermCount::Count);
        std::cout << "Index:          " << info.path << "\n"
                  << "Schema version: " << info.schemaVersion << "\n"
                  << "Built:          " << info.buildDate << "\n"
                  << "Documents:      " << info.documents << "\n"
                  << "Terms:          " << info.terms << "\n"
                  << "Size:           " << info.sizeBytes / 1024 << " KiB\n"
                  << "By type:\n";
        for (const auto& [k, v] : info.byType)
            std::printf("  %-28s %d\n", k.c_str(), v);
        std::cout << "By topic:                      articles  FAQ entries\n";
        for (const auto& [k, v] : info.byTopic)
            std::printf("  %-28s %8d %12d\n", k.c_str(), info.articlesByTopic[k], v - info.articlesByTopic[k]);
        std::cout << "By audience:\n";
        for (const auto& [k, v] : info.byAudience)
            std::printf("  %-28s %d\n", k.c_str(), v);
    } catch (const IndexError& e) {
        std::cerr << "fibrokb-index: " << e.what() << "\n";
        return cli::kErrors;
    }
    return cli::kOk;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
        return usage("missing command (build, check or stats)");
    const std::string command = argv[1];
    if (command == "-h" || command == "--help") {
        std::cout << kHelpStart << libraryLookupHelp();
        return cli::kOk;
    }
    if (command == "--version") {
        std::cout << "fibrokb-index " << FIBROKB_VERSION << "\n";
        return cli::kOk;
    }
    cli::Args args(argc, argv, 2);
    for (int i = 2; i < argc; ++i)
        if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
            std::cout << kHelpStart << libraryLookupHelp();
            return cli::kOk;
        }
    try {
        if (command == "build")
            return runBuild(args);
        if (command == "check")
            return runCheck(args);
        if (command == "stats")
            return runStats(args);
    } catch (const std::exception& e) {
        std::cerr << "fibrokb-index: " << command << " failed: " << e.what() << "\n";
        return cli::kErrors;
    } catch (...) {  // nothing reaches the user unlabelled
        std::cerr << "fibrokb-index: " << command << " failed with an unexpected error\n";
        return cli::kErrors;
    }
    return usage("unknown command '" + command + "'");
}

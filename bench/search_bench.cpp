// fibrokb_search_bench: measures the FibroKB engine on the real corpus.
//
// Every figure is measured in this run with std::chrono::steady_clock; nothing is estimated or copied.
// Phases:
//   1. corpus: loadCorpus, checkCorpus and buildIndex (a full build into a fresh temporary folder).
//      This phase runs in a forked child process, so its memory does not inflate the search figures;
//      the child's peak RSS is reported separately (getrusage RUSAGE_CHILDREN).
//   2. search: opening a Searcher (warm, and with the index files evicted from the page cache),
//      search latency for typical queries, as-you-type keystrokes, complete(), related(), the home view,
//      then the peak RSS of this (search-only) process (getrusage RUSAGE_SELF ru_maxrss).
//
// Not a ctest test: it takes a while and its figures depend on the machine. See bench/README.md.

#include <fibrokb/checker.h>
#include <fibrokb/corpus.h>
#include <fibrokb/index_writer.h>
#include <fibrokb/searcher.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef FIBROKB_BENCH_CORPUS
#define FIBROKB_BENCH_CORPUS "corpus"
#endif
#ifndef FIBROKB_BENCH_BUILD_TYPE
#define FIBROKB_BENCH_BUILD_TYPE "unknown"
#endif

namespace fs = std::filesystem;
using fibrokb::Searcher;
using fibrokb::SearchRequest;
using fibrokb::SearchResult;
using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

namespace {

volatile std::size_t g_sink = 0;  // keeps results observable so nothing is optimised away

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Stats {
    int n = 0;
    double first = 0, min = 0, median = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
};

// Nearest-rank percentiles over the samples (milliseconds), in the order they were taken.
Stats summarize(const std::vector<double>& samples)
{
    Stats s;
    if (samples.empty())
        return s;
    s.n = int(samples.size());
    s.first = samples.front();
    std::vector<double> v = samples;
    std::sort(v.begin(), v.end());
    auto rank = [&](double p) { return v[std::size_t(std::max(0.0, std::ceil(p * double(v.size())) - 1))]; };
    s.min = v.front();
    s.median = rank(0.5);
    s.p95 = rank(0.95);
    s.p99 = rank(0.99);
    s.max = v.back();
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / double(v.size());
    return s;
}

json toJson(const Stats& s)
{
    return {{"runs", s.n},     {"first_ms", s.first}, {"min_ms", s.min}, {"median_ms", s.median},
            {"p95_ms", s.p95}, {"p99_ms", s.p99},     {"max_ms", s.max}, {"mean_ms", s.mean}};
}

Stats statsFromJson(const json& j)
{
    Stats s;
    s.n = j.value("runs", 0);
    s.first = j.value("first_ms", 0.0);
    s.min = j.value("min_ms", 0.0);
    s.median = j.value("median_ms", 0.0);
    s.p95 = j.value("p95_ms", 0.0);
    s.p99 = j.value("p99_ms", 0.0);
    s.max = j.value("max_ms", 0.0);
    s.mean = j.value("mean_ms", 0.0);
    return s;
}

long long dirBytes(const fs::path& dir)
{
    long long total = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec))
            total += static_cast<long long>(e.file_size(ec));
    return total;
}

std::vector<fs::path> regularFiles(const fs::path& dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec))
            out.push_back(e.path());
    return out;
}

// Pages of `files` resident in the page cache, and their total, via mincore(2).
std::pair<long long, long long> residentPages(const std::vector<fs::path>& files)
{
    const long page = sysconf(_SC_PAGESIZE);
    long long resident = 0, total = 0;
    for (const auto& f : files) {
        int fd = ::open(f.c_str(), O_RDONLY);
        if (fd < 0)
            continue;
        struct stat st {};
        if (fstat(fd, &st) == 0 && st.st_size > 0) {
            void* map = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
            if (map != MAP_FAILED) {
                const size_t pages = size_t((st.st_size + page - 1) / page);
                std::vector<unsigned char> vec(pages);
                if (mincore(map, size_t(st.st_size), vec.data()) == 0) {
                    total += static_cast<long long>(pages);
                    for (unsigned char b : vec)
                        resident += (b & 1);
                }
                munmap(map, size_t(st.st_size));
            }
        }
        ::close(fd);
    }
    return {resident, total};
}

// Asks the kernel to drop these files' clean pages from the page cache (only our files, no root needed).
void evictFromPageCache(const std::vector<fs::path>& files)
{
    for (const auto& f : files) {
        int fd = ::open(f.c_str(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

long currentRssKb()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return -1;
}

long peakRssKb(int who)
{
    struct rusage ru {};
    getrusage(who, &ru);
    return ru.ru_maxrss;  // kilobytes on Linux
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) {
            auto colon = line.find(':');
            if (colon != std::string::npos)
                return line.substr(line.find_first_not_of(" \t", colon + 1));
        }
    return "unknown";
}

std::string nowUtc()
{
    std::time_t t = std::time(nullptr);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&t));
    return buf;
}

std::string join(const std::vector<std::string>& v, const char* sep)
{
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

// ---------------------------------------------------------------------------------------------
// Phase 1: load, check, build (run in a child process).

json corpusPhase(const std::string& corpusDir, const fs::path& workDir, int loadRuns, int buildRuns)
{
    json out;
    std::vector<double> loadMs, checkMs, buildMs;
    fibrokb::Corpus corpus;
    for (int i = 0; i < loadRuns; ++i) {
        auto t0 = Clock::now();
        fibrokb::Corpus c = fibrokb::loadCorpus(corpusDir);
        loadMs.push_back(msSince(t0));
        g_sink = g_sink + c.articles.size();
        if (i == 0)
            corpus = std::move(c);
    }
    int articles = 0, faqFiles = 0, faqEntries = 0;
    for (const auto& a : corpus.articles) {
        if (a.type == fibrokb::DocType::Faq) {
            ++faqFiles;
            faqEntries += int(a.faq.size());
        } else
            ++articles;
    }
    out["corpus"] = {{"path", corpusDir},
                     {"articles", articles},
                     {"faq_files", faqFiles},
                     {"faq_entries", faqEntries},
                     {"skipped_files", corpus.skippedFiles.size()},
                     {"bytes", dirBytes(corpusDir)},
                     {"load", toJson(summarize(loadMs))}};

    int problems = 0;
    for (int i = 0; i < loadRuns; ++i) {
        auto t0 = Clock::now();
        fibrokb::CheckReport report = fibrokb::checkCorpus(corpus);
        checkMs.push_back(msSince(t0));
        problems = int(report.problems.size());
        g_sink = g_sink + report.readability.size();
    }
    out["check"] = {{"problems", problems}, {"time", toJson(summarize(checkMs))}};

    // Each build goes into a folder of its own, so every run is a full build from nothing.
    fibrokb::BuildSummary summary;
    fs::path last;
    for (int i = 0; i < buildRuns; ++i) {
        fs::path dir = workDir / ("index-" + std::to_string(i));
        auto t0 = Clock::now();
        summary = fibrokb::buildIndex(corpus, dir.string());
        buildMs.push_back(msSince(t0));
        if (!last.empty())
            fs::remove_all(last);
        last = dir;
    }
    // Load + build end to end: what `fibrokb-index build` does, minus the corpus check it also runs.
    std::vector<double> endToEndMs;
    for (int i = 0; i < buildRuns; ++i) {
        fs::path dir = workDir / ("e2e-" + std::to_string(i));
        auto t0 = Clock::now();
        fibrokb::Corpus c = fibrokb::loadCorpus(corpusDir);
        fibrokb::buildIndex(c, dir.string());
        endToEndMs.push_back(msSince(t0));
        fs::remove_all(dir);
    }
    out["build"] = {{"documents", summary.documents},
                    {"articles", summary.articles},
                    {"faq_entries", summary.faqEntries},
                    {"index_dir", last.string()},
                    {"index_bytes", dirBytes(last)},
                    {"time", toJson(summarize(buildMs))},
                    {"load_and_build", toJson(summarize(endToEndMs))}};
    return out;
}

// Runs corpusPhase in a forked child; its JSON comes back through a pipe.
json corpusPhaseInChild(const std::string& corpusDir, const fs::path& workDir, int loadRuns, int buildRuns,
                        long& childPeakKb)
{
    int fds[2];
    if (pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::close(fds[0]);
        std::string text;
        int code = 0;
        try {
            text = corpusPhase(corpusDir, workDir, loadRuns, buildRuns).dump();
        } catch (const std::exception& e) {
            text = json{{"error", e.what()}}.dump();
            code = 1;
        }
        size_t done = 0;
        while (done < text.size()) {
            ssize_t n = ::write(fds[1], text.data() + done, text.size() - done);
            if (n <= 0)
                break;
            done += size_t(n);
        }
        ::close(fds[1]);
        _exit(code);
    }
    ::close(fds[1]);
    std::string text;
    char buf[65536];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0)
        text.append(buf, size_t(n));
    ::close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    childPeakKb = peakRssKb(RUSAGE_CHILDREN);
    json out = json::parse(text.empty() ? "{}" : text);
    if (out.contains("error"))
        throw std::runtime_error("corpus phase: " + out["error"].get<std::string>());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("corpus phase failed");
    return out;
}

// ---------------------------------------------------------------------------------------------
// Phase 2: search.

struct Case {
    std::string kind;
    std::string label;
    SearchRequest request;
};

SearchRequest req(std::string q, std::vector<std::string> topics = {}, std::string type = "", std::string audience = "",
                  int limit = 10, bool asYouType = false)
{
    SearchRequest r;
    r.query = std::move(q);
    r.topics = std::move(topics);
    r.type = std::move(type);
    r.audience = std::move(audience);
    r.limit = limit;
    r.asYouType = asYouType;
    return r;
}

std::string describe(const SearchRequest& r)
{
    std::string s = r.query.empty() ? "(empty)" : "\"" + r.query + "\"";
    if (!r.topics.empty())
        s += " topic=" + join(r.topics, ",");
    if (!r.type.empty())
        s += " type=" + r.type;
    if (!r.audience.empty())
        s += " audience=" + r.audience;
    if (r.limit != 10)
        s += " limit=" + std::to_string(r.limit);
    if (r.asYouType)
        s += " ayt";
    return s;
}

std::string fixed(double v, int prec = 2)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", prec, v);
    return buf;
}

std::string pad(const std::string& s, size_t w)
{
    // Display width: count UTF-8 lead bytes only.
    size_t width = 0;
    for (unsigned char c : s)
        width += (c & 0xC0) != 0x80;
    return width >= w ? s : s + std::string(w - width, ' ');
}

std::string rpad(const std::string& s, size_t w)
{
    return s.size() >= w ? s : std::string(w - s.size(), ' ') + s;
}

void printStatsRow(const std::string& label, const std::string& extra, const Stats& s, size_t labelWidth = 44)
{
    std::cout << "  " << pad(label, labelWidth) << rpad(extra, 7) << rpad(fixed(s.first), 9) << rpad(fixed(s.median), 9)
              << rpad(fixed(s.p95), 9) << rpad(fixed(s.max), 9) << "\n";
}

void printStatsHeader(const std::string& label, const std::string& extra, size_t labelWidth = 44)
{
    std::cout << "  " << pad(label, labelWidth) << rpad(extra, 7) << rpad("first", 9) << rpad("median", 9)
              << rpad("p95", 9) << rpad("max", 9) << "   (ms)\n";
}

std::string lowerAscii(std::string s)
{
    for (auto& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Mirrors SearchWorker::completionFor() (app/core/search_worker.cpp) with std::string instead of QString.
std::string appCompletion(const Searcher& searcher, const std::string& typed)
{
    std::string trimmed = typed;
    while (!trimmed.empty() && trimmed.back() == ' ')
        trimmed.pop_back();
    while (!trimmed.empty() && trimmed.front() == ' ')
        trimmed.erase(0, 1);
    if (trimmed.size() < 2 || typed.back() == ' ')
        return {};
    const size_t lastSpace = typed.find_last_of(' ');
    const std::string head = lastSpace == std::string::npos ? "" : typed.substr(0, lastSpace + 1);
    const std::string lastWord = lastSpace == std::string::npos ? typed : typed.substr(lastSpace + 1);
    auto extend = [&](const std::vector<std::string>& candidates) -> std::string {
        for (const auto& c : candidates) {
            if (c.size() > typed.size() && lowerAscii(c.substr(0, typed.size())) == lowerAscii(typed))
                return typed + c.substr(typed.size());
            if (!head.empty() && c.size() > lastWord.size() &&
                lowerAscii(c.substr(0, lastWord.size())) == lowerAscii(lastWord) && c.find(' ') == std::string::npos)
                return head + lastWord + c.substr(lastWord.size());
        }
        return {};
    };
    std::string found = extend(searcher.complete(trimmed, 8));
    if (found.empty() && !head.empty() && lastWord.size() >= 2)
        found = extend(searcher.complete(lastWord, 8));
    return found;
}

struct Options {
    std::string corpus = FIBROKB_BENCH_CORPUS;
    std::string index;  // search this index instead of the one the bench builds
    int runs = 200;     // per query
    int loadRuns = 10;  // load and check
    int buildRuns = 3;  // full builds
    int openRuns = 50;  // warm opens
    int coldRuns = 10;  // opens after evicting the index files from the page cache
    bool jsonOnly = false;
    std::string jsonFile;
    bool keep = false;
};

int usage(const char* msg)
{
    std::cerr << "fibrokb_search_bench: " << msg << "\n"
              << "Usage: fibrokb_search_bench [--corpus DIR] [--index DIR] [--runs N] [--load-runs N]\n"
              << "         [--build-runs N] [--open-runs N] [--cold-runs N] [--json] [--json-file PATH] [--keep]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&](std::string& v) {
            if (i + 1 >= argc)
                return false;
            v = argv[++i];
            return true;
        };
        auto nextInt = [&](int& v) {
            std::string s;
            if (!next(s))
                return false;
            char* end = nullptr;
            long n = std::strtol(s.c_str(), &end, 10);
            if (*end || n < 1 || n > 1000000)
                return false;
            v = int(n);
            return true;
        };
        bool ok = true;
        if (a == "--corpus")
            ok = next(o.corpus);
        else if (a == "--index")
            ok = next(o.index);
        else if (a == "--runs")
            ok = nextInt(o.runs);
        else if (a == "--load-runs")
            ok = nextInt(o.loadRuns);
        else if (a == "--build-runs")
            ok = nextInt(o.buildRuns);
        else if (a == "--open-runs")
            ok = nextInt(o.openRuns);
        else if (a == "--cold-runs")
            ok = nextInt(o.coldRuns);
        else if (a == "--json")
            o.jsonOnly = true;
        else if (a == "--json-file")
            ok = next(o.jsonFile);
        else if (a == "--keep")
            o.keep = true;
        else if (a == "-h" || a == "--help") {
            std::cout << "fibrokb_search_bench: measure corpus load, check, index build, open and search latency.\n"
                         "  --corpus DIR      corpus to load, check and index (default " FIBROKB_BENCH_CORPUS ")\n"
                         "  --index DIR       search this index instead of the one built from --corpus\n"
                         "  --runs N          runs per query (default 200)\n"
                         "  --load-runs N     runs of load and of check (default 10)\n"
                         "  --build-runs N    full index builds (default 3)\n"
                         "  --open-runs N     warm Searcher opens (default 50)\n"
                         "  --cold-runs N     opens after evicting the index from the page cache (default 10)\n"
                         "  --json            print one JSON object instead of the tables\n"
                         "  --json-file PATH  also write the JSON object to PATH\n"
                         "  --keep            keep the temporary index folder\n";
            return 0;
        } else
            return usage(("unknown option " + a).c_str());
        if (!ok)
            return usage(("bad or missing value for " + a).c_str());
    }
    if (!fs::is_directory(o.corpus))
        return usage(("no corpus folder at " + o.corpus).c_str());

    json report;
    struct utsname un {};
    uname(&un);
    report["machine"] = {{"cpu", cpuModel()},
                         {"nproc", std::thread::hardware_concurrency()},
                         {"kernel", std::string(un.sysname) + " " + un.release},
                         {"date", nowUtc()},
                         {"build_type", FIBROKB_BENCH_BUILD_TYPE}};
    report["runs"] = {{"per_query", o.runs},
                      {"load", o.loadRuns},
                      {"build", o.buildRuns},
                      {"open", o.openRuns},
                      {"cold_open", o.coldRuns}};

    char tmpl[] = "/tmp/fibrokb-bench-XXXXXX";
    if (!mkdtemp(tmpl)) {
        std::perror("mkdtemp");
        return 1;
    }
    const fs::path work = tmpl;

    try {
        if (!o.jsonOnly)
            std::cerr << "fibrokb_search_bench: loading, checking and building (" << o.buildRuns << " builds)...\n";
        long buildPeakKb = 0;
        json phase1 = corpusPhaseInChild(o.corpus, work, o.loadRuns, o.buildRuns, buildPeakKb);
        report["corpus"] = phase1["corpus"];
        report["check"] = phase1["check"];
        report["build"] = phase1["build"];
        report["build"]["peak_rss_kb_build_process"] = buildPeakKb;

        const std::string indexDir = o.index.empty() ? phase1["build"]["index_dir"].get<std::string>() : o.index;
        report["search_index"] = {{"path", indexDir}, {"bytes", dirBytes(indexDir)}};
        const long rssStartKb = currentRssKb();

        // ---- Opening --------------------------------------------------------------------------
        if (!o.jsonOnly)
            std::cerr << "fibrokb_search_bench: opening and searching (" << o.runs << " runs per query)...\n";
        const std::vector<fs::path> indexFiles = regularFiles(indexDir);
        SearchRequest probe = req("hip pain");
        std::vector<double> coldOpen, coldFirst, warmOpen, warmFirst;
        long long residentBefore = 0, residentAfter = 0, pagesTotal = 0;
        for (int i = 0; i < o.coldRuns; ++i) {
            auto before = residentPages(indexFiles);
            evictFromPageCache(indexFiles);
            auto after = residentPages(indexFiles);
            residentBefore += before.first;
            residentAfter += after.first;
            pagesTotal += after.second;
            auto t0 = Clock::now();
            Searcher s(indexDir);
            coldOpen.push_back(msSince(t0));
            SearchResult r = s.search(probe);
            coldFirst.push_back(msSince(t0));
            g_sink = g_sink + r.hits.size();
        }
        for (int i = 0; i < o.openRuns; ++i) {
            auto t0 = Clock::now();
            Searcher s(indexDir);
            warmOpen.push_back(msSince(t0));
            SearchResult r = s.search(probe);
            warmFirst.push_back(msSince(t0));
            g_sink = g_sink + r.hits.size();
        }
        report["open"] = {{"cold", toJson(summarize(coldOpen))},
                          {"cold_open_and_first_search", toJson(summarize(coldFirst))},
                          {"cold_resident_pages_before_evict", o.coldRuns ? residentBefore / o.coldRuns : 0},
                          {"cold_resident_pages_after_evict", o.coldRuns ? residentAfter / o.coldRuns : 0},
                          {"index_pages", o.coldRuns ? pagesTotal / o.coldRuns : 0},
                          {"warm", toJson(summarize(warmOpen))},
                          {"warm_open_and_first_search", toJson(summarize(warmFirst))}};

        Searcher searcher(indexDir);
        const long rssAfterOpenKb = currentRssKb();

        // ---- Queries --------------------------------------------------------------------------
        std::vector<Case> cases = {
            {"words", "1 word", req("pacing")},
            {"words", "2 words", req("hip pain")},
            {"words", "3 words", req("back pain exercise")},
            {"words", "2 words, 100 hits (the app's limit)", req("hip pain", {}, "", "", 100)},
            {"question", "question", req("why do i wake up tired")},
            {"question", "question", req("can i drive on pregabalin")},
            {"phrase", "phrase", req("\"water exercise\"")},
            {"phrase", "phrase", req("\"trigger points\"")},
            {"misspelling", "misspelling (synonym rule)", req("fibromyalgea")},
            {"misspelling", "misspelling (spelling fix)", req("acupunture")},
            {"brand", "brand name", req("lyrica")},
            {"brand", "brand name + word", req("cymbalta side effects")},
            {"syntax", "boolean syntax", req("hip OR buttock NOT knee")},
            {"syntax", "prefix*", req("stretch*")},
            {"nomatch", "no match at all", req("zzqxv")},
            {"relaxed", "no page has every word", req("hip pain knitting giraffe")},
            {"filtered", "topic filter", req("pain", {"hip-pain"})},
            {"filtered", "topic + type filter", req("exercise", {"exercise"}, "faq")},
            {"browse", "browse topic", req("", {"hip-pain"})},
            {"browse", "browse type (all FAQ)", req("", {}, "faq", "", 100)},
            {"facets", "facets: broad + 3 filters",
             req("fibromyalgia", {"exercise", "self-care"}, "article", "everyone")},
            {"facets", "facets: broad, 100 hits", req("pain", {}, "", "", 100)},
            {"facets", "facets: broad, 100 hits, topic", req("pain", {"back-pain", "hip-pain"}, "", "", 100)},
        };
        json queries = json::array();
        std::vector<Stats> caseStats;
        std::vector<int> caseTotals;
        // The "query p99 over a fixed mix": every run of every request that shows a first page (10
        // results, snippets and facets), pooled. The 100-row requests are app-like and reported on their own.
        std::vector<double> mix;
        for (const auto& c : cases) {
            std::vector<double> ms;
            ms.reserve(size_t(o.runs));
            SearchResult last;
            for (int i = 0; i < o.runs; ++i) {
                auto t0 = Clock::now();
                SearchResult r = searcher.search(c.request);
                ms.push_back(msSince(t0));
                g_sink = g_sink + r.hits.size();
                if (i == 0)
                    last = std::move(r);
            }
            Stats s = summarize(ms);
            if (c.request.limit <= 10)
                mix.insert(mix.end(), ms.begin(), ms.end());
            caseStats.push_back(s);
            caseTotals.push_back(last.total);
            int facetValues = int(last.facets.topics.size() + last.facets.types.size() + last.facets.audiences.size());
            queries.push_back({{"kind", c.kind},
                               {"label", c.label},
                               {"request", describe(c.request)},
                               {"total", last.total},
                               {"hits", last.hits.size()},
                               {"facet_values", facetValues},
                               {"corrected", last.corrected.value_or("")},
                               {"showing_corrected", last.showingCorrected},
                               {"relaxed", last.relaxed},
                               {"time", toJson(s)}});
        }
        report["queries"] = queries;
        report["first_page_mix"] = toJson(summarize(mix));

        // ---- As you type: each text one keystroke at a time -------------------------------------
        // Two shapes: the engine call alone (limit 10), and what the app's search worker does per keystroke
        // (limit 100, then complete() once or twice for the inline completion; see app/core/search_worker.cpp).
        json typing = json::array();
        for (const std::string typed : {"water exercise", "hip pain at night"}) {
            json keystrokes = json::array();
            std::vector<double> allEngine, allApp;
            for (size_t k = 1; k <= typed.size(); ++k) {
                const std::string prefix = typed.substr(0, k);
                SearchRequest r = req(prefix, {}, "", "", 10, true);
                SearchRequest rApp = req(prefix, {}, "", "", 100, true);
                std::vector<double> engine, app;
                int total = 0;
                for (int i = 0; i < o.runs; ++i) {
                    auto t0 = Clock::now();
                    SearchResult res = searcher.search(r);
                    engine.push_back(msSince(t0));
                    if (i == 0)
                        total = res.total;
                    g_sink = g_sink + res.hits.size();
                }
                for (int i = 0; i < o.runs; ++i) {
                    auto t0 = Clock::now();
                    SearchResult res = searcher.search(rApp);
                    // The worker's completionFor(): complete(whole text), then complete(last word) if that
                    // gave nothing that extends what was typed.
                    g_sink = g_sink + appCompletion(searcher, prefix).size();
                    app.push_back(msSince(t0));
                    g_sink = g_sink + res.hits.size();
                }
                allEngine.insert(allEngine.end(), engine.begin(), engine.end());
                allApp.insert(allApp.end(), app.begin(), app.end());
                keystrokes.push_back({{"prefix", prefix},
                                      {"total", total},
                                      {"engine", toJson(summarize(engine))},
                                      {"app_like", toJson(summarize(app))}});
            }
            typing.push_back({{"text", typed},
                              {"keystrokes", keystrokes},
                              {"all_keystrokes_engine", toJson(summarize(allEngine))},
                              {"all_keystrokes_app_like", toJson(summarize(allApp))}});
        }
        report["as_you_type"] = typing;

        // ---- complete() -----------------------------------------------------------------------
        // The first call on a Searcher reads every document's title; measure it on fresh Searchers.
        std::vector<double> firstComplete;
        for (int i = 0; i < std::min(o.openRuns, 50); ++i) {
            Searcher fresh(indexDir);
            auto t0 = Clock::now();
            auto c = fresh.complete("hip", 8);
            firstComplete.push_back(msSince(t0));
            g_sink = g_sink + c.size();
        }
        json completes = json::array();
        for (const std::string prefix : {"hi", "wat", "water ex", "fibro", "why do i"}) {
            std::vector<double> ms;
            std::vector<std::string> got;
            for (int i = 0; i < o.runs; ++i) {
                auto t0 = Clock::now();
                auto c = searcher.complete(prefix, 8);
                ms.push_back(msSince(t0));
                if (i == 0)
                    got = c;
                g_sink = g_sink + c.size();
            }
            completes.push_back({{"prefix", prefix},
                                 {"results", got.size()},
                                 {"first_result", got.empty() ? "" : got.front()},
                                 {"time", toJson(summarize(ms))}});
        }
        report["complete"] = {{"first_call_fresh_searcher", toJson(summarize(firstComplete))}, {"prefixes", completes}};

        // ---- related() ------------------------------------------------------------------------
        json related = json::array();
        for (const std::string id :
             {"water-exercise", "outer-hip-pain", "pregabalin-duloxetine-milnacipran", "faq-hip"}) {
            std::vector<double> ms;
            size_t n = 0;
            for (int i = 0; i < o.runs; ++i) {
                auto t0 = Clock::now();
                auto r = searcher.related(id, 5);
                ms.push_back(msSince(t0));
                if (i == 0)
                    n = r.size();
                g_sink = g_sink + r.size();
            }
            related.push_back({{"id", id}, {"results", n}, {"time", toJson(summarize(ms))}});
        }
        report["related"] = related;

        // ---- Home view and article(): what the app does on start and when a page opens --------------
        {
            std::vector<double> home, article;
            const int homeRuns = std::max(1, std::min(o.runs, 50));
            for (int i = 0; i < homeRuns; ++i) {
                Searcher fresh(indexDir);  // the app does this once, right after opening
                auto t0 = Clock::now();
                auto info = fresh.info();
                auto topics = fresh.topics();
                SearchRequest browse;
                browse.type = "article";
                browse.limit = 1000;
                auto all = fresh.search(browse);
                for (const auto& h : all.hits) {
                    auto a = fresh.article(h.articleId.empty() ? h.id : h.articleId);
                    g_sink = g_sink + (a ? a->html.size() : 0);
                }
                home.push_back(msSince(t0));
                g_sink = g_sink + info.documents + topics.size();
                // Opening one page on a fresh Searcher (no article cache yet).
                Searcher fresh2(indexDir);
                auto t1 = Clock::now();
                auto a = fresh2.article("water-exercise");
                article.push_back(msSince(t1));
                g_sink = g_sink + (a ? a->html.size() : 0);
            }
            report["home"] = {{"home_view_fresh_searcher", toJson(summarize(home))},
                              {"article_first_open", toJson(summarize(article))}};
        }

        const long rssEndKb = currentRssKb();
        report["memory"] = {{"rss_kb_at_start_of_search_phase", rssStartKb},
                            {"rss_kb_after_open", rssAfterOpenKb},
                            {"rss_kb_after_runs", rssEndKb},
                            {"peak_rss_kb_search_process", peakRssKb(RUSAGE_SELF)},
                            {"peak_rss_kb_build_process", buildPeakKb}};

        // ---- Output ---------------------------------------------------------------------------
        if (!o.jsonFile.empty())
            std::ofstream(o.jsonFile) << report.dump(2) << "\n";
        if (o.jsonOnly) {
            std::cout << report.dump(2) << "\n";
        } else {
            const json& m = report["machine"];
            std::cout << "FibroKB engine benchmark — " << m["date"].get<std::string>() << "\n"
                      << "  machine: " << m["cpu"].get<std::string>() << ", " << m["nproc"].get<unsigned>()
                      << " cores, " << m["kernel"].get<std::string>() << "; build type "
                      << m["build_type"].get<std::string>() << "\n  corpus:  " << o.corpus
                      << "\n  index:   " << indexDir << (o.index.empty() ? " (built by this run)" : "") << "\n\n";

            const json& co = report["corpus"];
            const json& b = report["build"];
            std::cout << "Corpus and index\n";
            printStatsHeader("", "");
            printStatsRow("load + parse corpus (loadCorpus)", "", statsFromJson(co["load"]));
            printStatsRow("check corpus (checkCorpus)", "", statsFromJson(report["check"]["time"]));
            printStatsRow("full index build (buildIndex)", "", statsFromJson(b["time"]));
            printStatsRow("load + build (fibrokb-index build, no check)", "", statsFromJson(b["load_and_build"]));
            std::cout << "  corpus: " << co["articles"] << " articles, " << co["faq_files"] << " FAQ files ("
                      << co["faq_entries"] << " entries), " << fixed(co["bytes"].get<double>() / 1024, 0)
                      << " KiB of source; check found " << report["check"]["problems"] << " problems\n"
                      << "  index:  " << b["documents"] << " documents, "
                      << fixed(b["index_bytes"].get<double>() / 1024, 0) << " KiB on disk\n\n";

            const json& op = report["open"];
            std::cout << "Opening the index (Searcher constructor)\n";
            printStatsHeader("", "");
            printStatsRow("cold open (index evicted from page cache)", "", statsFromJson(op["cold"]));
            printStatsRow("cold open + first search \"hip pain\"", "", statsFromJson(op["cold_open_and_first_search"]));
            printStatsRow("warm open", "", statsFromJson(op["warm"]));
            printStatsRow("warm open + first search \"hip pain\"", "", statsFromJson(op["warm_open_and_first_search"]));
            std::cout << "  page cache before/after eviction: " << op["cold_resident_pages_before_evict"] << " / "
                      << op["cold_resident_pages_after_evict"] << " of " << op["index_pages"]
                      << " index pages resident\n\n";

            std::cout << "Search latency, " << o.runs << " runs each (limit 10 unless shown)\n";
            std::cout << "  " << pad("kind / request", 58) << rpad("total", 6) << rpad("first", 9) << rpad("median", 9)
                      << rpad("p95", 9) << rpad("max", 9) << "   (ms)\n";
            for (size_t i = 0; i < cases.size(); ++i) {
                const json& q = queries[i];
                std::string note;
                if (q["showing_corrected"].get<bool>())
                    note = "  -> showing \"" + q["corrected"].get<std::string>() + "\"";
                else if (!q["corrected"].get<std::string>().empty())
                    note = "  (did you mean \"" + q["corrected"].get<std::string>() + "\")";
                if (q["relaxed"].get<bool>())
                    note += "  (relaxed)";
                const Stats& s = caseStats[i];
                std::cout << "  " << pad(cases[i].kind + ": " + describe(cases[i].request), 58)
                          << rpad(std::to_string(caseTotals[i]), 6) << rpad(fixed(s.first), 9)
                          << rpad(fixed(s.median), 9) << rpad(fixed(s.p95), 9) << rpad(fixed(s.max), 9) << note << "\n";
            }

            for (const auto& t : typing) {
                const json& keystrokes = t["keystrokes"];
                std::cout << "\nAs you type \"" << t["text"].get<std::string>()
                          << "\" (asYouType=true), per keystroke, " << o.runs << " runs each\n"
                          << "  engine = search(limit 10); app-like = search(limit 100) + complete() as the app's "
                             "worker does\n";
                std::cout << "  " << pad("prefix", 18) << rpad("total", 6) << rpad("eng med", 9) << rpad("eng p95", 9)
                          << rpad("eng max", 9) << rpad("app med", 9) << rpad("app p95", 9) << rpad("app max", 9)
                          << "   (ms)\n";
                for (const auto& k : keystrokes) {
                    Stats e = statsFromJson(k["engine"]), a = statsFromJson(k["app_like"]);
                    std::cout << "  " << pad("\"" + k["prefix"].get<std::string>() + "\"", 18)
                              << rpad(std::to_string(k["total"].get<int>()), 6) << rpad(fixed(e.median), 9)
                              << rpad(fixed(e.p95), 9) << rpad(fixed(e.max), 9) << rpad(fixed(a.median), 9)
                              << rpad(fixed(a.p95), 9) << rpad(fixed(a.max), 9) << "\n";
                }
                Stats ae = statsFromJson(t["all_keystrokes_engine"]), aa = statsFromJson(t["all_keystrokes_app_like"]);
                std::cout << "  " << pad("all keystrokes", 24) << rpad(fixed(ae.median), 9) << rpad(fixed(ae.p95), 9)
                          << rpad(fixed(ae.max), 9) << rpad(fixed(aa.median), 9) << rpad(fixed(aa.p95), 9)
                          << rpad(fixed(aa.max), 9) << "\n";
            }
            std::cout << "\n";

            std::cout << "complete() and related(), " << o.runs << " runs each\n";
            printStatsHeader("", "n");
            printStatsRow("complete(\"hip\") first call, fresh Searcher", "",
                          statsFromJson(report["complete"]["first_call_fresh_searcher"]));
            for (const auto& c : completes)
                printStatsRow("complete(\"" + c["prefix"].get<std::string>() + "\")",
                              std::to_string(c["results"].get<size_t>()), statsFromJson(c["time"]));
            for (const auto& r : related)
                printStatsRow("related(\"" + r["id"].get<std::string>() + "\")",
                              std::to_string(r["results"].get<size_t>()), statsFromJson(r["time"]));
            printStatsRow("home view (info+topics+browse+articles)", "",
                          statsFromJson(report["home"]["home_view_fresh_searcher"]));
            printStatsRow("article(\"water-exercise\") first open", "",
                          statsFromJson(report["home"]["article_first_open"]));

            const json& mem = report["memory"];
            std::cout << "\nMemory (RSS, MiB)\n"
                      << "  search process: " << fixed(mem["rss_kb_after_open"].get<double>() / 1024, 1)
                      << " after open, " << fixed(mem["rss_kb_after_runs"].get<double>() / 1024, 1)
                      << " after all runs, peak (ru_maxrss) "
                      << fixed(mem["peak_rss_kb_search_process"].get<double>() / 1024, 1) << "\n"
                      << "  load/check/build child process: peak (ru_maxrss) "
                      << fixed(mem["peak_rss_kb_build_process"].get<double>() / 1024, 1) << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "fibrokb_search_bench: " << e.what() << "\n";
        if (!o.keep)
            fs::remove_all(work);
        return 1;
    }
    if (o.keep)
        std::cerr << "fibrokb_search_bench: kept " << work << "\n";
    else
        fs::remove_all(work);
    return int(g_sink == std::size_t(-1));
}

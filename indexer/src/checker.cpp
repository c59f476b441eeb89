#include <fibrokb/checker.h>

#include "text.h"
#include "front_matter.h"
#include "help_boxes.h"
#include "parallel.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

namespace fibrokb {

using text::lower;
namespace {

// Cure-promise words and phrases from the writing standard; allowed only negated ("there is no cure").
const std::vector<std::vector<std::string>> kFlaggedPhrases = {{"cure"},
                                                               {"cures"},
                                                               {"cured"},
                                                               {"miracle"},
                                                               {"breakthrough"},
                                                               {"guaranteed"},
                                                               {"proven"},
                                                               {"detox"},
                                                               {"reverse", "fibromyalgia"},
                                                               {"eliminate", "pain"}};
const std::set<std::string> kNegations = {"no",    "not",     "never", "isn't",   "cannot", "can't",
                                          "won't", "doesn't", "nor",   "without", "aren't"};
const std::set<std::string> kDoseUnits = {"mg", "milligram", "milligrams", "mcg", "microgram", "micrograms", "ml"};

std::string joined(const std::vector<std::string>& words)
{
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

// The writing standard's rules for one line of reader-visible text. Hand-written scans, each linear in the
// line: libstdc++'s std::regex recurses per character and overflows the stack on one long line.
class ClaimScanner {
public:
    struct Finding {
        enum Kind { Promise, Percentage, Dose } kind;
        std::string phrase;  // for Promise
    };

    static std::vector<Finding> scan(const std::string& line)
    {
        std::vector<Finding> out;
        const std::string l = lower(line);
        // Views into `l`, possessives dropped: no copy per word (this scan runs over every line of every page).
        const std::vector<std::string_view> words = wordsOf(l);
        bool percentage = false;
        for (size_t i = 0; i < words.size(); ++i) {
            const std::string_view w = words[i];
            for (const auto& phrase : kFlaggedPhrases) {
                if (i + phrase.size() > words.size() || w.empty() || w[0] != phrase[0][0] || w != phrase[0])
                    continue;
                bool match = true;
                for (size_t k = 1; k < phrase.size() && match; ++k)
                    match = words[i + k] == phrase[k];
                if (!match)
                    continue;
                bool negated = false;
                for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k)
                    negated |= kNegations.count(std::string(words[k])) > 0;
                if (!negated)
                    out.push_back({Finding::Promise, joined(phrase)});
            }
            percentage |= w == "percent" || (w == "per" && i + 1 < words.size() && words[i + 1] == "cent");
        }
        if (percentage || hasDigitBeforePercentSign(l))
            out.push_back({Finding::Percentage, ""});
        if (hasDose(l))
            out.push_back({Finding::Dose, ""});
        return out;
    }

private:
    static bool isWordChar(unsigned char c) { return text::isAsciiAlnum(c) || c == '\''; }

    // Runs of letters, digits and apostrophes ("can't" stays one word); leading and trailing apostrophes
    // dropped, and a possessive "'s" (the phrases match "cure's" as "cure").
    static std::vector<std::string_view> wordsOf(const std::string& l)
    {
        std::vector<std::string_view> out;
        for (size_t i = 0; i < l.size();) {
            if (!isWordChar(static_cast<unsigned char>(l[i]))) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < l.size() && isWordChar(static_cast<unsigned char>(l[j])))
                ++j;
            size_t b = i, e = j;
            while (b < e && l[b] == '\'')
                ++b;
            while (e > b && l[e - 1] == '\'')
                --e;
            if (e - b > 2 && l.compare(e - 2, 2, "'s") == 0)
                e -= 2;
            if (e > b)
                out.emplace_back(l.data() + b, e - b);
            i = j;
        }
        return out;
    }

    // "30%" or "30 %": each run of spaces is looked at once, from the character after it.
    static bool hasDigitBeforePercentSign(const std::string& l)
    {
        for (size_t i = 0; i < l.size(); ++i) {
            if (l[i] != '%')
                continue;
            size_t j = i;
            while (j > 0 && std::isspace(static_cast<unsigned char>(l[j - 1])))
                --j;
            if (j > 0 && std::isdigit(static_cast<unsigned char>(l[j - 1])))
                return true;
        }
        return false;
    }

    // A digit, optional spaces, then a unit word ("20 mg", "5ml"). Each space run is skipped once, after
    // the digit just before it, so the scan stays linear even on a digit followed by 200,000 spaces.
    static bool hasDose(const std::string& l)
    {
        for (size_t i = 0; i < l.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(l[i])))
                continue;
            size_t j = i + 1;
            while (j < l.size() && std::isspace(static_cast<unsigned char>(l[j])))
                ++j;
            size_t k = j;
            while (k < l.size() && std::isalpha(static_cast<unsigned char>(l[k])))
                ++k;
            const bool boundary = k == l.size() || !(std::isalnum(static_cast<unsigned char>(l[k])) || l[k] == '_');
            if (k > j && boundary && kDoseUnits.count(l.substr(j, k - j)))
                return true;
            if (j > i + 1)
                i = j - 1;  // the spaces are done; go on from the next non-space
        }
        return false;
    }
};

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::stringstream ss(text);
    std::string line;
    while (std::getline(ss, line))
        lines.push_back(line);
    return lines;
}

int yearOf(const std::string& isoDate)
{
    return std::stoi(isoDate.substr(0, 4));
}

class CorpusChecker {
public:
    CorpusChecker(const Corpus& corpus, const CheckLimits& limits)
        : corpus_(corpus), limits_(limits), boxTopics_(helpBoxRequiredTopics(corpus.root))
    {
        report_.problems = corpus.problems;
        for (const auto& t : corpus.topics)
            topicIds_.insert(t.id);
        for (const auto& a : corpus.articles) {
            std::set<std::string>& anchors = anchorsById_[a.id];
            for (const auto& s : a.sections)
                anchors.insert(s.anchor);
        }
    }

    // For an update that re-reads only some files: links to pages not among them are resolved with `others`
    // (the index), and the corpus-wide check that every topic has an article is left to `check`.
    void resolveOtherPages(const std::function<std::optional<std::set<std::string>>(const std::string&)>& others)
    {
        wholeCorpus_ = false;
        for (const auto& a : corpus_.articles)
            for (const auto& link : a.links) {
                const std::string target = link.targetId.empty() ? a.id : link.targetId;
                if (anchorsById_.count(target))
                    continue;
                if (auto anchors = others(target))
                    anchorsById_[target] = std::move(*anchors);
            }
    }

    CheckReport run()
    {
        checkIds();
        // Each file's own checks read only that file and the shared lookup tables, so files are checked in
        // parallel; their findings are appended in file order, as one thread would.
        std::vector<CheckReport> perFile(corpus_.articles.size());
        parallel::forEach(perFile.size(), parallel::defaultThreads(0), [&](size_t i) {
            const Article& a = corpus_.articles[i];
            CheckReport& out = perFile[i];
            checkMetadata(a, out);
            checkLinks(a, out);
            checkWritingStandard(a, out);
            checkReadability(a, out);
        });
        for (auto& r : perFile) {
            std::move(r.problems.begin(), r.problems.end(), std::back_inserter(report_.problems));
            std::move(r.readability.begin(), r.readability.end(), std::back_inserter(report_.readability));
        }
        if (wholeCorpus_) {
            checkTopicsCovered();
            if (const std::string why = helpBoxesError(corpus_.root); !why.empty())
                error(corpus_.root + "/help-boxes.yaml", 0, why);
        }
        capProblemsPerFile(report_.problems);
        return std::move(report_);
    }

private:
    void error(const std::string& path, int line, const std::string& message) { error(report_, path, line, message); }
    static void error(CheckReport& out, const std::string& path, int line, const std::string& message)
    {
        out.problems.push_back({path, line, Severity::Error, message});
    }
    static void warning(CheckReport& out, const std::string& path, int line, const std::string& message)
    {
        out.problems.push_back({path, line, Severity::Warning, message});
    }

    void checkIds()
    {
        std::map<std::string, std::string> seen;  // id -> path
        auto claim = [&](const std::string& id, const std::string& path, int line) {
            auto [it, fresh] = seen.emplace(id, path);
            if (!fresh)
                error(path, line, "duplicate id '" + id + "' (also used by " + it->second + ")");
        };
        for (const auto& a : corpus_.articles) {
            claim(a.id, a.path, 2);
            for (const auto& e : a.faq)
                claim(e.id, a.path, e.line);
        }
    }

    void checkMetadata(const Article& a, CheckReport& out) const
    {
        for (const auto& t : a.topics)
            if (!topicIds_.count(t))
                error(out, a.path, 2, "unknown topic '" + t + "' (see corpus/topics.yaml)");
        if (isIsoDate(a.reviewed) && isIsoDate(a.nextReview)) {
            if (a.nextReview <= a.reviewed)
                error(out, a.path, 2, "next_review must come after reviewed");
            else if (yearOf(a.nextReview) - yearOf(a.reviewed) > limits_.maxReviewYears)
                warning(out, a.path, 2,
                        "next_review is more than " + std::to_string(limits_.maxReviewYears) + " years after reviewed");
        }
        size_t minSources = a.type == DocType::Article ? size_t(limits_.minArticleSources) : 1;
        if (a.sources.size() < minSources)
            error(out, a.path, 2,
                  "needs at least " + std::to_string(minSources) + " sources, has " + std::to_string(a.sources.size()));
    }

    void checkLinks(const Article& a, CheckReport& out) const
    {
        for (const auto& link : a.links) {
            const std::string target = link.targetId.empty() ? a.id : link.targetId;
            auto it = anchorsById_.find(target);
            if (it == anchorsById_.end()) {
                std::string hint = target.find('/') != std::string::npos || target.find(".md") != std::string::npos
                                       ? " (link by id, such as 'outer-hip-pain', not by file path)"
                                       : "";
                error(out, a.path, link.line, "broken link: no article or FAQ file with id '" + target + "'" + hint);
            } else if (!link.anchor.empty() && !it->second.count(link.anchor)) {
                error(out, a.path, link.line, "broken link: '" + target + "' has no section '#" + link.anchor + "'");
            }
        }
    }

    // Everything a reader sees, as parsed (front matter fields and the Markdown body), line by line: the
    // rules apply the same whatever the file's line ends or however its front matter is closed.
    void checkWritingStandard(const Article& a, CheckReport& out) const
    {
        checkClaims(a, 1, a.title, out);
        checkClaims(a, 1, a.summary, out);
        for (const auto& s : a.sections) {
            if (!s.heading.empty())
                checkClaims(a, s.line, s.heading, out);
            std::istringstream blocks(s.text);
            std::string block;
            for (size_t i = 0; std::getline(blocks, block); ++i)
                checkClaims(a, i < s.blockLines.size() ? s.blockLines[i] : s.line, block, out);
        }
        if (a.type == DocType::Article) {
            // Which pages need a box is defined with the boxes, in help-boxes.yaml (the pack's "every pain article").
            bool painTopic = false;
            for (const auto& t : a.topics)
                painTopic |= boxTopics_.count(t) > 0;
            bool hasBox = false;
            for (const auto& s : a.sections)
                hasBox |= s.anchor == "when-to-get-help";
            if (painTopic && !hasBox)
                error(out, a.path, 2,
                      "articles on this topic need a 'When to get help' box: add a {{help-box NAME}} line");
            bool linksUrgent = false;
            for (const auto& link : a.links)
                linksUrgent |= link.targetId == "when-to-get-urgent-help";
            if (painTopic && hasBox && !linksUrgent && a.id != "when-to-get-urgent-help")
                error(out, a.path, 2, "the 'When to get help' section should link to when-to-get-urgent-help");
        }
    }

    static void checkClaims(const Article& a, int line, const std::string& text, CheckReport& out)
    {
        for (const auto& f : ClaimScanner::scan(text)) {
            switch (f.kind) {
            case ClaimScanner::Finding::Promise:
                error(out, a.path, line,
                      "'" + f.phrase +
                          "' promises too much; use ease, manage, reduce or help (allowed only negated, as in 'there "
                          "is no cure')");
                break;
            case ClaimScanner::Finding::Percentage:
                error(out, a.path, line, "write numbers as 'about 2 in 10', not as a percentage");
                break;
            case ClaimScanner::Finding::Dose:
                error(out, a.path, line, "no dosing amounts: send readers to their doctor or pharmacist");
                break;
            }
        }
    }

    static std::vector<std::string> blocksOf(const std::string& text) { return splitLines(text); }

    void checkReadability(const Article& a, CheckReport& out) const
    {
        // `notCounted` words are read but left out of the length limit (the shared help box).
        auto judge = [&](const std::string& id, int line, const std::vector<std::string>& blocks, int minWords,
                         int maxWords, int notCounted = 0) {
            ReadabilityRow row{a.path, id, measureReadability(blocks), true};
            row.scores.words -= notCounted;
            char buf[160];
            if (row.scores.readingEase < limits_.minReadingEase || row.scores.grade > limits_.maxGrade) {
                row.passes = false;
                std::snprintf(buf, sizeof buf,
                              "hard to read: reading ease %.1f (need %.0f or more), grade %.1f (need %.0f or less)",
                              row.scores.readingEase, limits_.minReadingEase, row.scores.grade, limits_.maxGrade);
                error(out, a.path, line, (a.type == DocType::Faq ? "'" + id + "': " : std::string()) + buf);
            }
            if (row.scores.words < minWords || row.scores.words > maxWords) {
                row.passes = false;
                std::snprintf(buf, sizeof buf, "%d words; aim for %d to %d", row.scores.words, minWords, maxWords);
                error(out, a.path, line, (a.type == DocType::Faq ? "'" + id + "': " : std::string()) + buf);
            }
            out.readability.push_back(row);
        };
        if (a.type == DocType::Article) {
            // The shared "When to get help" box is read with the page, so it counts for reading ease, but it is the
            // same on many pages: the length limit is about the page's own text.
            std::vector<std::string> blocks, boxBlocks;
            for (const auto& s : a.sections)
                for (auto& b : blocksOf(s.text)) {
                    if (s.anchor == "when-to-get-help")
                        boxBlocks.push_back(b);
                    blocks.push_back(b);
                }
            judge(a.id, 1, blocks, limits_.minArticleWords, limits_.maxArticleWords,
                  boxBlocks.empty() ? 0 : measureReadability(boxBlocks).words);
        } else {
            for (const auto& e : a.faq)
                judge(e.id, e.line, blocksOf(e.answer), limits_.minFaqWords, limits_.maxFaqWords);
        }
    }

    void checkTopicsCovered()
    {
        std::map<std::string, int> articlesPerTopic;
        for (const auto& a : corpus_.articles) {
            if (a.topics.empty())
                error(a.path, 2, "no topics: the page cannot be reached by browsing");
            if (a.type == DocType::Article)
                for (const auto& t : a.topics)
                    ++articlesPerTopic[t];
        }
        const std::string topicsPath = corpus_.root + "/topics.yaml";
        for (const auto& t : corpus_.topics)
            if (articlesPerTopic[t.id] == 0)
                error(topicsPath, 0, "topic '" + t.id + "' has no articles");
    }

    const Corpus& corpus_;
    const CheckLimits& limits_;
    CheckReport report_;
    const std::set<std::string> boxTopics_;
    std::set<std::string> topicIds_;
    std::map<std::string, std::set<std::string>> anchorsById_;
    bool wholeCorpus_ = true;
};

}  // namespace

CheckReport checkCorpus(const Corpus& corpus, const CheckLimits& limits)
{
    return CorpusChecker(corpus, limits).run();
}

CheckReport checkSomeFiles(const Corpus& files, const OtherPages& others, const CheckLimits& limits)
{
    CorpusChecker checker(files, limits);
    checker.resolveOtherPages(others);
    return checker.run();
}

}  // namespace fibrokb

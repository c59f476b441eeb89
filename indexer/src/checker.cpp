#include <fibrokb/checker.h>

#include "text.h"
#include "front_matter.h"

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fibrokb {

using text::lower;
namespace {

// Topics whose articles must carry a "When to get help" section (the pack's "every pain article").
const std::set<std::string> kPainTopics = {"back-pain", "hip-pain", "mimics-and-overlaps", "symptoms-and-flares",
                                           "self-care", "exercise", "urgent-care"};

// Cure-promise words from the writing standard; allowed only negated ("there is no cure").
const std::vector<std::string> kFlaggedWords = {"cure", "cures", "cured", "miracle", "breakthrough", "guaranteed",
                                                "proven", "detox", "reverse fibromyalgia", "eliminate pain"};
const std::set<std::string> kNegations = {"no", "not", "never", "isn't", "cannot", "can't", "won't", "doesn't",
                                          "nor", "without", "aren't"};

// Compiled once: building a std::regex per word per line made `check` take a second.
const std::vector<std::pair<std::string, std::regex>>& flaggedPatterns() {
    static const auto patterns = [] {
        std::vector<std::pair<std::string, std::regex>> out;
        for (const auto& w : kFlaggedWords) out.emplace_back(w, std::regex("\\b" + w + "\\b"));
        return out;
    }();
    return patterns;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream ss(text);
    std::string line;
    while (std::getline(ss, line)) lines.push_back(line);
    return lines;
}

int yearOf(const std::string& isoDate) { return std::stoi(isoDate.substr(0, 4)); }

class CorpusChecker {
public:
    CorpusChecker(const Corpus& corpus, const CheckLimits& limits) : corpus_(corpus), limits_(limits) {
        report_.problems = corpus.problems;
        for (const auto& t : corpus.topics) topicIds_.insert(t.id);
        for (const auto& a : corpus.articles) {
            std::set<std::string>& anchors = anchorsById_[a.id];
            for (const auto& s : a.sections) anchors.insert(s.anchor);
        }
    }

    CheckReport run() {
        checkIds();
        for (const auto& a : corpus_.articles) {
            checkMetadata(a);
            checkLinks(a);
            checkWritingStandard(a);
            checkReadability(a);
        }
        checkTopicsCovered();
        return std::move(report_);
    }

private:
    void error(const std::string& path, int line, const std::string& message) {
        report_.problems.push_back({path, line, Severity::Error, message});
    }
    void warning(const std::string& path, int line, const std::string& message) {
        report_.problems.push_back({path, line, Severity::Warning, message});
    }

    void checkIds() {
        std::map<std::string, std::string> seen;   // id -> path
        auto claim = [&](const std::string& id, const std::string& path, int line) {
            auto [it, fresh] = seen.emplace(id, path);
            if (!fresh) error(path, line, "duplicate id '" + id + "' (also used by " + it->second + ")");
        };
        for (const auto& a : corpus_.articles) {
            claim(a.id, a.path, 2);
            for (const auto& e : a.faq) claim(e.id, a.path, e.line);
        }
    }

    void checkMetadata(const Article& a) {
        for (const auto& t : a.topics)
            if (!topicIds_.count(t)) error(a.path, 2, "unknown topic '" + t + "' (see corpus/topics.yaml)");
        if (isIsoDate(a.reviewed) && isIsoDate(a.nextReview)) {
            if (a.nextReview <= a.reviewed) error(a.path, 2, "next_review must come after reviewed");
            else if (yearOf(a.nextReview) - yearOf(a.reviewed) > limits_.maxReviewYears)
                warning(a.path, 2, "next_review is more than " + std::to_string(limits_.maxReviewYears) + " years after reviewed");
        }
        size_t minSources = a.type == DocType::Article ? size_t(limits_.minArticleSources) : 1;
        if (a.sources.size() < minSources)
            error(a.path, 2, "needs at least " + std::to_string(minSources) + " sources, has " + std::to_string(a.sources.size()));
    }

    void checkLinks(const Article& a) {
        for (const auto& link : a.links) {
            const std::string target = link.targetId.empty() ? a.id : link.targetId;
            auto it = anchorsById_.find(target);
            if (it == anchorsById_.end()) {
                std::string hint = target.find('/') != std::string::npos || target.find(".md") != std::string::npos
                                       ? " (link by id, such as 'outer-hip-pain', not by file path)" : "";
                error(a.path, link.line, "broken link: no article or FAQ file with id '" + target + "'" + hint);
            } else if (!link.anchor.empty() && !it->second.count(link.anchor)) {
                error(a.path, link.line, "broken link: '" + target + "' has no section '#" + link.anchor + "'");
            }
        }
    }

    void checkWritingStandard(const Article& a) {
        std::ifstream in(a.path);
        std::stringstream buf;
        buf << in.rdbuf();
        const std::vector<std::string> lines = splitLines(buf.str());
        static const std::regex percent(R"(\d\s*%|\bper ?cent\b)", std::regex::icase);
        static const std::regex dose(R"(\d\s*(mg|milligrams?|mcg|micrograms?|ml)\b)", std::regex::icase);
        static const std::regex word(R"([a-z']+)");
        bool inFrontMatter = false;
        for (size_t i = 0; i < lines.size(); ++i) {
            const int lineNo = int(i) + 1;
            if (lines[i] == "---") { inFrontMatter = (i == 0); continue; }
            if (inFrontMatter) continue;
            const std::string l = lower(lines[i]);
            for (const auto& [flagged, re] : flaggedPatterns()) {
                for (auto m = std::sregex_iterator(l.begin(), l.end(), re); m != std::sregex_iterator(); ++m) {
                    std::string before = l.substr(0, m->position());
                    std::vector<std::string> words;
                    for (auto w = std::sregex_iterator(before.begin(), before.end(), word); w != std::sregex_iterator(); ++w)
                        words.push_back(w->str());
                    bool negated = false;
                    for (size_t k = words.size() > 3 ? words.size() - 3 : 0; k < words.size(); ++k) negated |= kNegations.count(words[k]) > 0;
                    if (!negated) error(a.path, lineNo, "'" + flagged + "' promises too much; use ease, manage, reduce or help (allowed only negated, as in 'there is no cure')");
                }
            }
            if (std::regex_search(l, percent)) error(a.path, lineNo, "write numbers as 'about 2 in 10', not as a percentage");
            if (std::regex_search(l, dose)) error(a.path, lineNo, "no dosing amounts: send readers to their doctor or pharmacist");
        }
        if (a.type == DocType::Article) {
            bool painTopic = false;
            for (const auto& t : a.topics) painTopic |= kPainTopics.count(t) > 0;
            bool hasBox = false;
            for (const auto& s : a.sections) hasBox |= s.anchor == "when-to-get-help";
            if (painTopic && !hasBox) error(a.path, 2, "pain-topic article needs a '## When to get help' section");
            bool linksUrgent = false;
            for (const auto& link : a.links) linksUrgent |= link.targetId == "when-to-get-urgent-help";
            if (painTopic && hasBox && !linksUrgent && a.id != "when-to-get-urgent-help")
                error(a.path, 2, "the 'When to get help' section should link to when-to-get-urgent-help");
        }
    }

    static std::vector<std::string> blocksOf(const std::string& text) { return splitLines(text); }

    void checkReadability(const Article& a) {
        auto judge = [&](const std::string& id, int line, const std::vector<std::string>& blocks, int minWords, int maxWords) {
            ReadabilityRow row{a.path, id, measureReadability(blocks), true};
            char buf[160];
            if (row.scores.readingEase < limits_.minReadingEase || row.scores.grade > limits_.maxGrade) {
                row.passes = false;
                std::snprintf(buf, sizeof buf, "hard to read: reading ease %.1f (need %.0f or more), grade %.1f (need %.0f or less)",
                              row.scores.readingEase, limits_.minReadingEase, row.scores.grade, limits_.maxGrade);
                error(a.path, line, (a.type == DocType::Faq ? "'" + id + "': " : std::string()) + buf);
            }
            if (row.scores.words < minWords || row.scores.words > maxWords) {
                row.passes = false;
                std::snprintf(buf, sizeof buf, "%d words; aim for %d to %d", row.scores.words, minWords, maxWords);
                error(a.path, line, (a.type == DocType::Faq ? "'" + id + "': " : std::string()) + buf);
            }
            report_.readability.push_back(row);
        };
        if (a.type == DocType::Article) {
            std::vector<std::string> blocks;
            for (const auto& s : a.sections)
                for (auto& b : blocksOf(s.text)) blocks.push_back(b);
            judge(a.id, 1, blocks, limits_.minArticleWords, limits_.maxArticleWords);
        } else {
            for (const auto& e : a.faq) judge(e.id, e.line, blocksOf(e.answer), limits_.minFaqWords, limits_.maxFaqWords);
        }
    }

    void checkTopicsCovered() {
        std::map<std::string, int> articlesPerTopic;
        for (const auto& a : corpus_.articles) {
            if (a.topics.empty()) error(a.path, 2, "no topics: the page cannot be reached by browsing");
            if (a.type == DocType::Article)
                for (const auto& t : a.topics) ++articlesPerTopic[t];
        }
        const std::string topicsPath = corpus_.root + "/topics.yaml";
        for (const auto& t : corpus_.topics)
            if (articlesPerTopic[t.id] == 0) error(topicsPath, 0, "topic '" + t.id + "' has no articles");
    }

    const Corpus& corpus_;
    const CheckLimits& limits_;
    CheckReport report_;
    std::set<std::string> topicIds_;
    std::map<std::string, std::set<std::string>> anchorsById_;
};

}  // namespace

CheckReport checkCorpus(const Corpus& corpus, const CheckLimits& limits) {
    return CorpusChecker(corpus, limits).run();
}

}  // namespace fibrokb

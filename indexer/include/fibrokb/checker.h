// `fibrokb-index check`: every rule the corpus must meet, without writing anything.
#pragma once

#include <fibrokb/corpus.h>
#include <fibrokb/readability.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fibrokb {

struct ReadabilityRow {
    std::string path;
    std::string id;  // article id or FAQ entry id
    Readability scores;
    bool passes = true;
};

struct CheckReport {
    Problems problems;
    std::vector<ReadabilityRow> readability;
};

struct CheckLimits {
    double minReadingEase = 60;
    double maxGrade = 8;
    int minArticleWords = 400, maxArticleWords = 1200;
    int minFaqWords = 40, maxFaqWords = 200;
    int minArticleSources = 2;
    int maxReviewYears = 3;
};

// Adds the corpus-level checks (links, duplicates, topics, standards, readability) to what loading found.
CheckReport checkCorpus(const Corpus& corpus, const CheckLimits& limits = {});

// The section anchors of a page that is not among the files checked (nullopt: no such page).
using OtherPages = std::function<std::optional<std::set<std::string>>(const std::string& id)>;
// The same checks for a few files of a larger corpus (an update): links to other pages are resolved with
// `others`; whether every topic still has an article is left to checkCorpus.
CheckReport checkSomeFiles(const Corpus& files, const OtherPages& others, const CheckLimits& limits = {});

}  // namespace fibrokb

// `fibrokb-index check`: every rule the corpus must meet, without writing anything.
#pragma once

#include <fibrokb/corpus.h>
#include <fibrokb/readability.h>

#include <string>
#include <vector>

namespace fibrokb {

struct ReadabilityRow {
    std::string path;
    std::string id;      // article id or FAQ entry id
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

}  // namespace fibrokb

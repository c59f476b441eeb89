// Ranking quality on judged queries: MRR@10, Success@1, Success@3 and nDCG@10.
// Used by the ctest test (tests/relevance) and by bench/relevance.
#pragma once

#include <fibrokb/searcher.h>

#include <string>
#include <vector>

namespace fibrokb::relevance {

struct Judgement {
    std::string query;
    std::vector<std::string> relevant;  // most relevant first
    std::string kind;
    int line = 0;
};

struct Outcome {
    const Judgement* judgement = nullptr;
    int firstRelevantRank = 0;     // 1-based; 0 when none in the top 10
    std::vector<std::string> top;  // ids of the top results
};

struct Metrics {
    int queries = 0;
    double mrr10 = 0, success1 = 0, success3 = 0, ndcg10 = 0;
};

// Reads tests/relevance/queries.tsv: header line, then query<TAB>ids (space separated)<TAB>kind.
std::vector<Judgement> loadJudgements(const std::string& path);

Metrics evaluate(const Searcher& searcher, const std::vector<Judgement>& judgements,
                 std::vector<Outcome>* outcomes = nullptr, const std::string& kind = "");

std::string formatRow(const std::string& label, const Metrics& m);

}  // namespace fibrokb::relevance

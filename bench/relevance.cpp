// bench/relevance: ranking quality on the real corpus for the full engine, a plain Xapian baseline, and the
// engine with each feature switched off in turn, so each feature's gain is measured in the same run.
// Also sweeps the BM25 parameters. Prints Markdown tables (docs/search-quality.md records them).
#include "relevance_eval.h"

#include <fibrokb/corpus.h>
#include <fibrokb/index_writer.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>

using namespace fibrokb;
namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    std::string corpusDir = FIBROKB_REAL_CORPUS, queries = FIBROKB_RELEVANCE_SET;
    bool showMisses = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--corpus" && i + 1 < argc)
            corpusDir = argv[++i];
        else if (a == "--queries" && i + 1 < argc)
            queries = argv[++i];
        else if (a == "--misses")
            showMisses = true;
        else {
            std::cout << "Usage: relevance [--corpus DIR] [--queries FILE.tsv] [--misses]\n"
                         "Prints MRR@10, Success@1, Success@3 and nDCG@10 for each configuration.\n";
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    std::string pattern = (fs::temp_directory_path() / "fibrokb-relevance-XXXXXX").string();
    const std::string tmp = ::mkdtemp(pattern.data());
    Corpus corpus = loadCorpus(corpusDir);
    buildIndex(corpus, tmp + "/boosted");
    IndexOptions plainFields;
    plainFields.fieldBoosts = false;
    buildIndex(corpus, tmp + "/plain", plainFields);
    auto judgements = relevance::loadJudgements(queries);

    Searcher boosted(tmp + "/boosted"), plain(tmp + "/plain");
    const SearchTuning full;
    SearchTuning baseline;
    baseline.bm25K1 = 1.0;
    baseline.bm25B = 0.5;
    baseline.synonyms = baseline.spelling = baseline.importance = baseline.relaxToAnyWord =
        baseline.questionsFavourFaq = baseline.titleWords = baseline.fillWithPartial = baseline.questionMatch =
            baseline.nearMisses = false;

    struct Config {
        std::string label;
        Searcher* searcher;
        std::function<void(SearchTuning&)> change;
    };
    const std::vector<Config> configs = {
        {"full engine", &boosted, [](SearchTuning&) {}},
        {"plain Xapian baseline", &plain, [&](SearchTuning& t) { t = baseline; }},
        {"without synonyms", &boosted, [](SearchTuning& t) { t.synonyms = false; }},
        {"without spelling fallback", &boosted, [](SearchTuning& t) { t.spelling = false; }},
        {"without importance weight", &boosted, [](SearchTuning& t) { t.importance = false; }},
        {"without any-word fallback", &boosted, [](SearchTuning& t) { t.relaxToAnyWord = false; }},
        {"without partial-match fill", &boosted, [](SearchTuning& t) { t.fillWithPartial = false; }},
        {"without question match", &boosted, [](SearchTuning& t) { t.questionMatch = false; }},
        {"without near misses", &boosted, [](SearchTuning& t) { t.nearMisses = false; }},
        {"with question -> FAQ lift (off)", &boosted, [](SearchTuning& t) { t.questionsFavourFaq = true; }},
        {"with Xapian's BM25 defaults", &boosted,
         [](SearchTuning& t) {
             t.bm25K1 = 1.0;
             t.bm25B = 0.5;
         }},
        {"with title-words lift (off)", &boosted, [](SearchTuning& t) { t.titleWords = true; }},
        {"without title/heading boosts", &plain, [](SearchTuning&) {}},
    };
    std::printf("Ranking quality on %zu judged queries (%s)\n\n", judgements.size(), queries.c_str());
    std::printf("| %-34s | %4s | %-5s | %-5s | %-5s | %-5s |\n", "configuration", "n", "MRR", "S@1", "S@3", "nDCG");
    std::printf("|%s|%s|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), "------", "-------", "-------", "-------",
                "-------");
    relevance::Metrics fullMetrics;
    for (const auto& c : configs) {
        SearchTuning t = full;
        c.change(t);
        c.searcher->setTuning(t);
        relevance::Metrics m = relevance::evaluate(*c.searcher, judgements);
        if (c.label == "full engine")
            fullMetrics = m;
        std::cout << relevance::formatRow(c.label, m) << "\n";
    }

    std::printf("\nFull engine by kind of query\n\n| %-34s | %4s | %-5s | %-5s | %-5s | %-5s |\n", "kind", "n", "MRR",
                "S@1", "S@3", "nDCG");
    std::printf("|%s|%s|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), "------", "-------", "-------", "-------",
                "-------");
    boosted.setTuning(full);
    for (const char* kind : {"question", "misspelling", "brand", "lay", "caregiver", "short"})
        std::cout << relevance::formatRow(kind, relevance::evaluate(boosted, judgements, nullptr, kind)) << "\n";

    // Wide enough that the best cell is inside the grid, not on its edge (issue 13, item 4).
    const std::vector<double> k1s = {0.6, 1.0, 1.4, 2.0, 2.8, 4.0, 6.0, 9.0, 14.0},
                              bs = {0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0};
    std::printf("\nBM25 parameters (full engine otherwise): MRR@10 / nDCG@10\n\n| k1 \\ b |");
    for (double b : bs)
        std::printf(" %.2g |", b);
    std::printf("\n|---|");
    for (size_t i = 0; i < bs.size(); ++i)
        std::printf("---|");
    std::printf("\n");
    for (double k1 : k1s) {
        std::printf("| %.1f |", k1);
        for (double b : bs) {
            SearchTuning t = full;
            t.bm25K1 = k1;
            t.bm25B = b;
            boosted.setTuning(t);
            relevance::Metrics m = relevance::evaluate(boosted, judgements);
            std::printf(" %.3f / %.3f |", m.mrr10, m.ndcg10);
        }
        std::printf("\n");
    }
    if (showMisses) {
        boosted.setTuning(full);
        std::vector<relevance::Outcome> outcomes;
        relevance::evaluate(boosted, judgements, &outcomes);
        std::printf("\nQueries whose best page is not first:\n");
        for (const auto& o : outcomes) {
            if (o.firstRelevantRank == 1)
                continue;
            std::printf("  rank %d  %-45s want %s, got %s\n", o.firstRelevantRank, o.judgement->query.c_str(),
                        o.judgement->relevant[0].c_str(), o.top.empty() ? "(nothing)" : o.top[0].c_str());
        }
    }
    std::error_code ec;
    fs::remove_all(tmp, ec);
    return 0;
}

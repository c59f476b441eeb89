// Fuzz target: the query language and the read side. A small index is built once per process from the fixture
// corpus (tests/data/corpus); every input is then used as a query, as a half-typed query with filters, as a
// completion prefix and as a page id:
//   fibrokb::Searcher::search   -> searcher.cpp, query_builder.cpp (Xapian::QueryParser, synonyms, spelling)
//   fibrokb::Searcher::complete, ::article
//   fibrokb::searchResultJsonText() as `fibrokb-search --json` prints it (json_export.cpp)
// The only exception allowed out of a Searcher is fibrokb::IndexError; anything else, or a crash, is a finding.
#include "fuzz_common.h"

#include <fibrokb/corpus.h>
#include <fibrokb/index_writer.h>
#include <fibrokb/json_text.h>
#include <fibrokb/searcher.h>

#include <cstdint>
#include <memory>
#include <string>

using namespace fibrokb;

namespace {
std::unique_ptr<Searcher> searcher;
}

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    const std::string indexDir = fuzz::scratchDir("search") + "/index";
    try {
        Corpus corpus = loadCorpus(FIBROKB_FUZZ_TEST_CORPUS);
        buildIndex(corpus, indexDir);
        searcher = std::make_unique<Searcher>(indexDir);
    } catch (...) {
        fuzz::finding("fuzz_search setup", "cannot build or open the fixture index");
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const char* step = "Searcher::search";
    try {
        SearchRequest plain;
        plain.query = input;
        SearchResult result = searcher->search(plain);

        step = "searchResultJsonText";
        std::string json = searchResultJsonText(result, input);
        (void)json;

        // As the app sends it while someone types, with a facet of each kind and a second page.
        step = "Searcher::search (as you type, filtered)";
        SearchRequest typing;
        typing.query = input;
        typing.asYouType = true;
        typing.topics = {"hip-pain", "exercise"};
        typing.type = size % 2 ? "article" : "";
        typing.audience = size % 3 ? "" : "patients";
        typing.offset = int(size % 4);
        typing.limit = 3;
        result = searcher->search(typing);

        step = "Searcher::complete";
        auto completions = searcher->complete(input);
        (void)completions;

        step = "Searcher::article";
        auto page = searcher->article(input);
        (void)page;
    } catch (const IndexError& e) {
        fuzz::documented(step, e);  // the documented failure: allowed
    } catch (...) {
        fuzz::escapedException(step);
        return 0;
    }
    return 0;
}

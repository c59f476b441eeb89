// Fuzz target: one corpus file (YAML front matter + Markdown body), parsed as an article and as a FAQ file,
// then put through every corpus check.
//   fibrokb::parseArticleText  -> front_matter.cpp (yaml-cpp), markdown.cpp (cmark-gfm tree walks)
//   fibrokb::checkCorpus       -> checker.cpp (links, writing standard regexes), readability.cpp
// The writing-standard check reads the file again from Article::path, so the input is also written to disk.
// Neither function may throw for bad content: any escaping exception is a finding.
#include "fuzz_common.h"

#include <fibrokb/checker.h>
#include <fibrokb/corpus.h>

#include <cstdint>
#include <string>

using namespace fibrokb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const std::string dir = fuzz::scratchDir("article");
    static const std::string path = dir + "/articles/fuzz.md";
    static const std::vector<Topic> topics = [] {
        std::filesystem::create_directories(dir + "/articles");
        Problems ignored;
        return loadTopics(FIBROKB_FUZZ_TEST_CORPUS "/topics.yaml", ignored);
    }();

    fuzz::writeFile(path, data, size);
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (DocType type : {DocType::Article, DocType::Faq}) {
        Corpus corpus;
        corpus.root = dir;
        corpus.topics = topics;
        Article article;
        bool usable = false;
        try {
            usable = parseArticleText(text, path, type, article, corpus.problems);
        } catch (...) {
            fuzz::escapedException("parseArticleText");
            continue;
        }
        if (!usable)
            continue;
        corpus.articles.push_back(std::move(article));
        try {
            CheckReport report = checkCorpus(corpus);
            (void)report;
        } catch (...) {
            fuzz::escapedException("checkCorpus");
        }
    }
    return 0;
}

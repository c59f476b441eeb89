// Reading a corpus folder: topics.yaml, synonyms.txt, articles/*.md and faq/*.md.
#pragma once

#include <fibrokb/article.h>
#include <fibrokb/problem.h>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace fibrokb {

// One rule of corpus/synonyms.txt: each term on the left also finds the terms on the right.
struct SynonymRule {
    std::vector<std::string> from;
    std::vector<std::string> to;
    bool twoWay = false;  // "a = b, c": every term finds every other
    // "a => b": a search for a is a search for b, and a itself is not searched for. For a nickname whose word
    // means something else on the pages: "fibro" is fibromyalgia, but pages say "fibro" mostly in "fibro fog".
    bool readAs = false;
    int line = 0;
};

struct Corpus {
    std::string root;
    std::vector<Topic> topics;
    std::vector<SynonymRule> synonyms;
    std::vector<Article> articles;          // articles and FAQ files that parsed
    std::vector<std::string> skippedFiles;  // files that could not be parsed at all
    Problems problems;                      // everything found while reading
    bool cancelled = false;                 // LoadOptions::cancel stopped the reading: the corpus is incomplete
};

struct LoadOptions {
    int threads = 0;  // files are parsed by this many threads; 0: one per core, at most 8
    std::function<void(int filesRead, int filesTotal)> onProgress;  // from the calling thread, a few times a second
    const std::atomic<bool>* cancel = nullptr;                      // set to stop reading early (Corpus::cancelled)
    bool renderHtml = true;  // false for `check`: no Article::html (a tenth of reading, and its memory)
};

// Parses one Markdown file (front matter + body). `type` comes from its folder.
// Problems are appended; returns false when the file cannot be used at all.
// `renderHtml` false leaves Article::html empty (for `check`, which reads everything but the HTML).
bool parseArticleFile(const std::string& path, DocType type, Article& out, Problems& problems, bool renderHtml = true);
bool parseArticleText(const std::string& text, const std::string& path, DocType type, Article& out, Problems& problems,
                      bool renderHtml = true);

std::vector<Topic> loadTopics(const std::string& path, Problems& problems);
std::vector<SynonymRule> loadSynonyms(const std::string& path, Problems& problems);

// Reads the whole corpus folder. Never throws for bad content: problems are collected.
Corpus loadCorpus(const std::string& root, const LoadOptions& options = {});

}  // namespace fibrokb

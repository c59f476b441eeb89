#include <fibrokb/corpus.h>

#include "text.h"
#include "corpus_files.h"
#include "front_matter.h"
#include "article_images.h"
#include "help_boxes.h"
#include "markdown.h"
#include "parallel.h"
#include "slug.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace fibrokb {

using text::lower;
using text::trim;
namespace {

// Each level-2 heading of a FAQ file is a question; its answer runs to the next level-2 heading.
void splitFaq(Article& article, Problems& problems)
{
    FaqEntry* current = nullptr;
    for (const auto& s : article.sections) {
        if (s.level == 2) {
            article.faq.push_back(FaqEntry{article.id + "#" + s.anchor, s.anchor, s.heading, s.text, s.line});
            current = &article.faq.back();
        } else if (current) {
            if (!s.heading.empty())
                current->answer += (current->answer.empty() ? "" : "\n") + s.heading;
            if (!s.text.empty())
                current->answer += (current->answer.empty() ? "" : "\n") + s.text;
        } else if (!s.text.empty()) {
            problems.push_back({article.path, s.line, Severity::Warning,
                                "text before the first '## Question' heading belongs to no FAQ entry"});
        }
    }
    if (article.faq.empty())
        problems.push_back({article.path, 1, Severity::Error, "FAQ file has no '## Question' headings"});
}

// Longest topic id or synonym term: both become Xapian terms, which have a length limit, and neither
// needs more than a few words.
constexpr size_t kMaxTopicIdLength = 64;
constexpr size_t kMaxSynonymTermLength = 64;

}  // namespace

bool parseArticleText(const std::string& text, const std::string& path, DocType type, Article& out, Problems& problems,
                      bool renderHtml)
{
    SplitFile split = splitFrontMatter(text);
    if (!split.ok) {
        problems.push_back({path, 1, Severity::Error,
                            "no front matter: the file must start with a '---' line and close it with '---'"});
        return false;
    }
    out = Article{};
    out.type = type;
    out.path = path;
    if (!readFrontMatter(split.yaml, path, out, problems))
        return false;
    const std::string expanded = expandHelpBoxes(split.body, split.bodyFirstLine, path, problems);
    RenderedBody body = renderMarkdown(expanded, split.bodyFirstLine, path, problems, renderHtml);
    if (!body.ok)
        return false;
    out.sections = std::move(body.sections);
    out.links = std::move(body.links);
    out.images = std::move(body.images);
    out.html = std::move(body.html);
    // Pages live one folder down (articles/, faq/): the images folder is beside them.
    loadArticleImages(out, std::filesystem::path(path).parent_path().parent_path().string(), problems);
    for (const auto& s : out.sections)
        if (s.level == 1)
            problems.push_back(
                {path, s.line, Severity::Warning, "use '##' headings: the title comes from the front matter"});
    if (type == DocType::Faq)
        splitFaq(out, problems);
    return true;
}

bool parseArticleFile(const std::string& path, DocType type, Article& out, Problems& problems, bool renderHtml)
{
    std::string text;
    if (!readTextFile(path, text, problems))
        return false;
    // Every file stands alone: whatever goes wrong inside one file is that file's problem, never the build's.
    try {
        return parseArticleText(text, path, type, out, problems, renderHtml);
    } catch (const std::bad_alloc&) {
        problems.push_back({path, 0, Severity::Error, "not enough memory to read this file; not indexed"});
    } catch (const std::exception& e) {
        problems.push_back(
            {path, 0, Severity::Error, std::string("could not be read (") + e.what() + "); not indexed"});
    }
    return false;
}

std::vector<Topic> loadTopics(const std::string& path, Problems& problems)
{
    std::vector<Topic> topics;
    std::string text;
    if (!readTextFile(path, text, problems))
        return topics;
    try {
        const YAML::Node root = YAML::Load(text);
        if (!root.IsSequence()) {
            problems.push_back({path, 1, Severity::Error, "topics.yaml must be a list of {id, label, description}"});
            return topics;
        }
        for (const auto& item : root) {
            const int line = item.Mark().line + 1;
            auto scalar = [&](const char* key) {
                const YAML::Node field = item.IsMap() ? item[key] : YAML::Node();
                return field && field.IsScalar() ? field.Scalar() : std::string();
            };
            Topic t{scalar("id"), scalar("label"), scalar("description")};
            if (t.id.empty() || t.label.empty()) {
                problems.push_back(
                    {path, line, Severity::Error, "each topic needs an id and a label, written as text"});
                continue;
            }
            if (!isSlug(t.id) || t.id.size() > kMaxTopicIdLength) {
                problems.push_back({path, line, Severity::Error,
                                    "topic id '" + t.id.substr(0, 80) + "' must be a slug of at most " +
                                        std::to_string(kMaxTopicIdLength) + " characters; topic skipped"});
                continue;
            }
            if (std::any_of(topics.begin(), topics.end(), [&](const Topic& o) { return o.id == t.id; }))
                problems.push_back({path, line, Severity::Error, "duplicate topic id '" + t.id + "'"});
            else
                topics.push_back(std::move(t));
        }
    } catch (const YAML::DeepRecursion& e) {  // its own message says only "bad file"
        problems.push_back(
            {path, e.mark.line >= 0 ? e.mark.line + 1 : 0, Severity::Error, "nested too deeply to read"});
    } catch (const YAML::Exception& e) {
        problems.push_back({path, e.mark.line >= 0 ? e.mark.line + 1 : 0, Severity::Error, "not valid YAML: " + e.msg});
    } catch (const std::exception& e) {
        problems.push_back({path, 0, Severity::Error, std::string("could not be read (") + e.what() + ")"});
    }
    return topics;
}

std::vector<SynonymRule> loadSynonyms(const std::string& path, Problems& problems)
{
    std::vector<SynonymRule> rules;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec)))
        return rules;  // the file is optional
    std::string text;
    if (!readTextFile(path, text, problems))
        return rules;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    auto splitTerms = [](const std::string& side) {
        std::vector<std::string> terms;
        std::stringstream ss(side);
        std::string term;
        while (std::getline(ss, term, ',')) {
            // Normalise: lower case, single spaces, as the searcher looks keys up.
            std::string t = lower(trim(term)), out;
            std::stringstream words(t);
            std::string w;
            while (words >> w)
                out += (out.empty() ? "" : " ") + w;
            if (!out.empty())
                terms.push_back(out);
        }
        return terms;
    };
    while (std::getline(in, line)) {
        ++lineNo;
        auto hash = line.find('#');
        if (hash != std::string::npos)
            line.erase(hash);
        line = trim(line);
        if (line.empty())
            continue;
        SynonymRule rule;
        rule.line = lineNo;
        auto arrow = line.find("->");
        auto readAs = line.find("=>");
        auto equals = line.find('=');
        if (arrow != std::string::npos) {
            rule.from = splitTerms(line.substr(0, arrow));
            rule.to = splitTerms(line.substr(arrow + 2));
        } else if (readAs != std::string::npos) {
            rule.readAs = true;
            rule.from = splitTerms(line.substr(0, readAs));
            rule.to = splitTerms(line.substr(readAs + 2));
        } else if (equals != std::string::npos) {
            rule.twoWay = true;
            rule.from = splitTerms(line.substr(0, equals));
            rule.to = splitTerms(line.substr(equals + 1));
        } else {
            problems.push_back({path, lineNo, Severity::Error, "expected 'a = b, c', 'a -> b' or 'a => b'"});
            continue;
        }
        if (rule.from.empty() || rule.to.empty()) {
            problems.push_back({path, lineNo, Severity::Error, "a synonym rule needs terms on both sides"});
            continue;
        }
        auto tooLong = [](const std::string& t) { return t.size() > kMaxSynonymTermLength; };
        if (std::any_of(rule.from.begin(), rule.from.end(), tooLong) ||
            std::any_of(rule.to.begin(), rule.to.end(), tooLong)) {
            problems.push_back({path, lineNo, Severity::Error,
                                "a synonym term is longer than " + std::to_string(kMaxSynonymTermLength) +
                                    " characters; rule skipped"});
            continue;
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

Corpus loadCorpus(const std::string& root, const LoadOptions& options)
{
    Corpus corpus;
    corpus.root = root;
    const fs::path base(root);
    std::error_code ec;
    if (!fs::is_directory(base, ec)) {
        corpus.problems.push_back({root, 0, Severity::Error, "corpus folder not found"});
        return corpus;
    }
    corpus.topics = loadTopics((base / "topics.yaml").string(), corpus.problems);
    corpus.synonyms = loadSynonyms((base / "synonyms.txt").string(), corpus.problems);
    struct FileResult {
        std::string path;
        DocType type;
        Article article;
        Problems problems;
        bool ok = false;
    };
    std::vector<FileResult> files;
    const std::pair<const char*, DocType> folders[] = {{"articles", DocType::Article}, {"faq", DocType::Faq}};
    for (const auto& [folder, type] : folders)
        for (auto& path : findMarkdownFiles((base / folder).string(), root, corpus.problems))
            files.push_back({std::move(path), type, {}, {}, false});

    // Every file stands alone, so files are parsed in parallel; the results are kept in file order, so the
    // problems print and the documents are numbered exactly as a one-thread read would.
    std::atomic<int> done{0};
    parallel::forEach(
        files.size(), parallel::defaultThreads(options.threads),
        [&](size_t i) {
            FileResult& f = files[i];
            f.ok = parseArticleFile(f.path, f.type, f.article, f.problems, options.renderHtml);
            ++done;
        },
        [&] {
            if (options.onProgress)
                options.onProgress(done.load(), int(files.size()));
        },
        [&] { return options.cancel && options.cancel->load(); });
    if (options.onProgress)
        options.onProgress(done.load(), int(files.size()));
    corpus.cancelled = options.cancel && options.cancel->load();
    corpus.articles.reserve(files.size());
    for (auto& f : files) {
        corpus.problems.insert(corpus.problems.end(), f.problems.begin(), f.problems.end());
        if (f.ok)
            corpus.articles.push_back(std::move(f.article));
        else if (!corpus.cancelled)
            corpus.skippedFiles.push_back(f.path);
    }
    if (corpus.articles.empty() && corpus.skippedFiles.empty() && !corpus.cancelled)
        corpus.problems.push_back({root, 0, Severity::Error, "no .md files under articles/ or faq/"});
    return corpus;
}

}  // namespace fibrokb

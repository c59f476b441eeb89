#include <fibrokb/corpus.h>

#include "text.h"
#include "front_matter.h"
#include "markdown.h"
#include "slug.h"

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

bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buf;
    buf << in.rdbuf();
    out = buf.str();
    return true;
}

// Each level-2 heading of a FAQ file is a question; its answer runs to the next level-2 heading.
void splitFaq(Article& article, Problems& problems) {
    FaqEntry* current = nullptr;
    for (const auto& s : article.sections) {
        if (s.level == 2) {
            article.faq.push_back(FaqEntry{article.id + "#" + s.anchor, s.anchor, s.heading, s.text, s.line});
            current = &article.faq.back();
        } else if (current) {
            if (!s.heading.empty()) current->answer += (current->answer.empty() ? "" : "\n") + s.heading;
            if (!s.text.empty()) current->answer += (current->answer.empty() ? "" : "\n") + s.text;
        } else if (!s.text.empty()) {
            problems.push_back({article.path, s.line, Severity::Warning,
                                "text before the first '## Question' heading belongs to no FAQ entry"});
        }
    }
    if (article.faq.empty())
        problems.push_back({article.path, 1, Severity::Error, "FAQ file has no '## Question' headings"});
}

std::vector<std::string> markdownFiles(const fs::path& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

bool parseArticleText(const std::string& text, const std::string& path, DocType type, Article& out,
                      Problems& problems) {
    SplitFile split = splitFrontMatter(text);
    if (!split.ok) {
        problems.push_back({path, 1, Severity::Error, "no front matter: the file must start with a '---' line and close it with '---'"});
        return false;
    }
    out = Article{};
    out.type = type;
    out.path = path;
    if (!readFrontMatter(split.yaml, path, out, problems)) return false;
    RenderedBody body = renderMarkdown(split.body, split.bodyFirstLine, path, problems);
    out.sections = std::move(body.sections);
    out.links = std::move(body.links);
    out.html = std::move(body.html);
    for (const auto& s : out.sections)
        if (s.level == 1)
            problems.push_back({path, s.line, Severity::Warning, "use '##' headings: the title comes from the front matter"});
    if (type == DocType::Faq) splitFaq(out, problems);
    return true;
}

bool parseArticleFile(const std::string& path, DocType type, Article& out, Problems& problems) {
    std::string text;
    if (!readFile(path, text)) {
        problems.push_back({path, 0, Severity::Error, "cannot read file"});
        return false;
    }
    return parseArticleText(text, path, type, out, problems);
}

std::vector<Topic> loadTopics(const std::string& path, Problems& problems) {
    std::vector<Topic> topics;
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        problems.push_back({path, 0, Severity::Error, "cannot read the topics file"});
        return topics;
    } catch (const YAML::ParserException& e) {
        problems.push_back({path, e.mark.line + 1, Severity::Error, "not valid YAML: " + e.msg});
        return topics;
    }
    if (!root.IsSequence()) {
        problems.push_back({path, 1, Severity::Error, "topics.yaml must be a list of {id, label, description}"});
        return topics;
    }
    for (const auto& item : root) {
        int line = item.Mark().line + 1;
        if (!item.IsMap() || !item["id"] || !item["label"]) {
            problems.push_back({path, line, Severity::Error, "each topic needs an id and a label"});
            continue;
        }
        Topic t{item["id"].as<std::string>(), item["label"].as<std::string>(),
                item["description"] ? item["description"].as<std::string>() : ""};
        if (!isSlug(t.id)) problems.push_back({path, line, Severity::Error, "topic id '" + t.id + "' must be a slug"});
        if (std::any_of(topics.begin(), topics.end(), [&](const Topic& o) { return o.id == t.id; }))
            problems.push_back({path, line, Severity::Error, "duplicate topic id '" + t.id + "'"});
        else
            topics.push_back(std::move(t));
    }
    return topics;
}

std::vector<SynonymRule> loadSynonyms(const std::string& path, Problems& problems) {
    std::vector<SynonymRule> rules;
    std::ifstream in(path);
    if (!in) return rules;   // the file is optional
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
            while (words >> w) out += (out.empty() ? "" : " ") + w;
            if (!out.empty()) terms.push_back(out);
        }
        return terms;
    };
    while (std::getline(in, line)) {
        ++lineNo;
        auto hash = line.find('#');
        if (hash != std::string::npos) line.erase(hash);
        line = trim(line);
        if (line.empty()) continue;
        SynonymRule rule;
        rule.line = lineNo;
        auto arrow = line.find("->");
        auto equals = line.find('=');
        if (arrow != std::string::npos) {
            rule.from = splitTerms(line.substr(0, arrow));
            rule.to = splitTerms(line.substr(arrow + 2));
        } else if (equals != std::string::npos) {
            rule.twoWay = true;
            rule.from = splitTerms(line.substr(0, equals));
            rule.to = splitTerms(line.substr(equals + 1));
        } else {
            problems.push_back({path, lineNo, Severity::Error, "expected 'a = b, c' or 'a -> b'"});
            continue;
        }
        if (rule.from.empty() || rule.to.empty()) {
            problems.push_back({path, lineNo, Severity::Error, "a synonym rule needs terms on both sides"});
            continue;
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

Corpus loadCorpus(const std::string& root) {
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
    const std::pair<const char*, DocType> folders[] = {{"articles", DocType::Article}, {"faq", DocType::Faq}};
    for (const auto& [folder, type] : folders) {
        for (const auto& path : markdownFiles(base / folder)) {
            Article article;
            if (parseArticleFile(path, type, article, corpus.problems))
                corpus.articles.push_back(std::move(article));
            else
                corpus.skippedFiles.push_back(path);
        }
    }
    if (corpus.articles.empty() && corpus.skippedFiles.empty())
        corpus.problems.push_back({root, 0, Severity::Error, "no articles/*.md or faq/*.md files"});
    return corpus;
}

}  // namespace fibrokb

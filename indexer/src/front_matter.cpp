#include "front_matter.h"

#include "slug.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

namespace fibrokb {
namespace {

// YAML marks are 0-based within the front matter, which starts on file line 2.
int fileLine(const YAML::Mark& mark)
{
    return mark.line < 0 ? 1 : mark.line + 2;
}

class FieldReader {
public:
    FieldReader(const YAML::Node& root, const std::string& path, Problems& problems)
        : root_(root), path_(path), problems_(problems)
    {
    }

    void error(const YAML::Node& at, const std::string& message)
    {
        problems_.push_back({path_, at ? fileLine(at.Mark()) : 1, Severity::Error, message});
    }
    void warning(const YAML::Node& at, const std::string& message)
    {
        problems_.push_back({path_, at ? fileLine(at.Mark()) : 1, Severity::Warning, message});
    }

    // A required non-empty string field.
    bool text(const char* key, std::string& out, bool required = true)
    {
        YAML::Node node = root_[key];
        if (!node) {
            if (required)
                problems_.push_back({path_, 1, Severity::Error, std::string("missing '") + key + "'"});
            return false;
        }
        if (!node.IsScalar()) {
            error(node, std::string("'") + key + "' must be text");
            return false;
        }
        out = node.Scalar();
        if (out.empty() && required) {
            error(node, std::string("'") + key + "' is empty");
            return false;
        }
        return true;
    }

    void date(const char* key, std::string& out)
    {
        if (!text(key, out))
            return;
        if (!isIsoDate(out))
            error(root_[key], std::string("'") + key + "' must be an ISO date (YYYY-MM-DD), not '" + out + "'");
    }

    void list(const char* key, std::vector<std::string>& out)
    {
        YAML::Node node = root_[key];
        if (!node) {
            problems_.push_back({path_, 1, Severity::Error, std::string("missing '") + key + "'"});
            return;
        }
        if (!node.IsSequence()) {
            error(node, std::string("'") + key + "' must be a list, such as [back-pain, hip-pain]");
            return;
        }
        for (const auto& item : node) {
            if (!item.IsScalar() || item.Scalar().empty())
                error(item, std::string("'") + key + "' items must be text");
            else
                out.push_back(item.Scalar());
        }
        if (out.empty())
            error(node, std::string("'") + key + "' is empty");
    }

    void sources(std::vector<Source>& out)
    {
        YAML::Node node = root_["sources"];
        if (!node) {
            problems_.push_back({path_, 1, Severity::Error, "missing 'sources'"});
            return;
        }
        if (!node.IsSequence()) {
            error(node, "'sources' must be a list of {title, by, year, doi and/or url}");
            return;
        }
        for (const auto& item : node) {
            if (!item.IsMap()) {
                error(item, "each source must have title, by, year, and a doi or url");
                continue;
            }
            Source s;
            auto get = [&](const char* k) { return item[k] && item[k].IsScalar() ? item[k].Scalar() : std::string(); };
            s.title = get("title");
            s.by = get("by");
            s.year = get("year");
            s.url = get("url");
            s.doi = get("doi");
            s.checked = get("checked");
            if (s.title.empty())
                error(item, "source without a title");
            if (s.url.empty() && s.doi.empty())
                error(item,
                      "source '" + s.title + "' needs a doi or url (the app is offline: readers need a full citation)");
            if (s.by.empty())
                warning(item, "source '" + s.title + "' has no 'by'");
            // A web page changes: the reader is told when ours was last compared with it.
            if (!s.checked.empty() && !isIsoDate(s.checked))
                error(item["checked"],
                      "source '" + s.title + "': 'checked' must be an ISO date (YYYY-MM-DD), not '" + s.checked + "'");
            else if (!s.url.empty() && s.checked.empty())
                warning(item, "source '" + s.title + "' has a url but no 'checked' date (the day it was last checked)");
            out.push_back(std::move(s));
        }
    }

private:
    const YAML::Node& root_;
    const std::string& path_;
    Problems& problems_;
};

}  // namespace

namespace {
bool readFields(const std::string& yaml, const std::string& path, Article& out, Problems& problems);
}  // namespace

bool isIsoDate(const std::string& text)
{
    int y = 0, m = 0, d = 0;
    char extra = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
        return false;
    if (text[4] != '-' || text[7] != '-' || m < 1 || m > 12 || d < 1)
        return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int maxDay = days[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= maxDay;
}

SplitFile splitFrontMatter(const std::string& text)
{
    SplitFile out;
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line))
        return out;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (line != "---")
        return out;
    int lineNo = 1;
    std::string yaml;
    while (std::getline(in, line)) {
        ++lineNo;
        std::string bare = line;
        if (!bare.empty() && bare.back() == '\r')
            bare.pop_back();
        if (bare == "---" || bare == "...") {
            out.ok = true;
            out.yaml = yaml;
            out.bodyFirstLine = lineNo + 1;
            std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            out.body = rest;
            return out;
        }
        yaml += line + "\n";
    }
    return out;
}

bool readFrontMatter(const std::string& yaml, const std::string& path, Article& out, Problems& problems)
{
    if (yaml.size() > kMaxFrontMatterBytes) {
        problems.push_back({path, 1, Severity::Error,
                            "front matter is longer than " + std::to_string(kMaxFrontMatterBytes / 1024) +
                                " KB; is its closing '---' line missing?"});
        return false;
    }
    try {
        return readFields(yaml, path, out, problems);
    } catch (const YAML::DeepRecursion& e) {  // its own message says only "bad file"
        problems.push_back({path, fileLine(e.mark), Severity::Error, "front matter is nested too deeply to read"});
        return false;
    } catch (const YAML::Exception& e) {  // a parse error, or a value of a shape no field expects
        problems.push_back({path, fileLine(e.mark), Severity::Error, "front matter is not valid YAML: " + e.msg});
        return false;
    }
}

namespace {

bool readFields(const std::string& yaml, const std::string& path, Article& out, Problems& problems)
{
    const YAML::Node root = YAML::Load(yaml);
    if (!root.IsMap()) {
        problems.push_back({path, 2, Severity::Error, "front matter must be a YAML mapping (key: value lines)"});
        return false;
    }
    FieldReader read(root, path, problems);
    static const std::set<std::string> known = {"id",       "title",       "summary", "topics",     "audience",
                                                "reviewed", "next_review", "sources", "importance", "asked_as"};
    for (const auto& kv : root) {
        std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
        if (!known.count(key))
            read.warning(kv.first, "unknown front matter field '" + key + "'");
    }
    bool usable = read.text("id", out.id) & read.text("title", out.title);
    // Ids become links, bookmarks keys and Xapian terms: a page whose id is not a short slug is not indexed.
    if (usable && out.id.size() > 80) {
        read.error(root["id"], "id is longer than 80 characters; the file is not indexed");
        usable = false;
    } else if (usable && !isSlug(out.id)) {
        read.error(root["id"],
                   "id '" + out.id + "' must be a slug (a-z, 0-9 and single hyphens); the file is not indexed");
        usable = false;
    }
    read.text("summary", out.summary);
    read.list("topics", out.topics);
    if (read.text("audience", out.audience) && out.audience != "patients" && out.audience != "caregivers" &&
        out.audience != "everyone") {
        read.error(root["audience"], "audience must be patients, caregivers or everyone, not '" +
                                         out.audience.substr(0, 80) + "'; everyone is used");
        out.audience = "everyone";
    }
    read.date("reviewed", out.reviewed);
    read.date("next_review", out.nextReview);
    if (YAML::Node imp = root["importance"]) {
        try {
            out.importance = imp.as<double>();
            // NaN compares false with everything, so test it first: stored, it would break every query on the page.
            if (!std::isfinite(out.importance) || out.importance < 0.5 || out.importance > 3) {
                read.error(imp, "importance must be a number between 0.5 and 3; 1 is used");
                out.importance = 1.0;
            }
        } catch (const YAML::Exception&) {
            read.error(imp, "importance must be a number; 1 is used");
            out.importance = 1.0;
        }
    }
    if (root["asked_as"])
        read.list("asked_as", out.askedAs);
    read.sources(out.sources);
    return usable;
}

}  // namespace

}  // namespace fibrokb

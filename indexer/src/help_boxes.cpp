#include "help_boxes.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <sstream>

namespace fs = std::filesystem;

namespace fibrokb {
namespace {

constexpr const char* kDirectiveStart = "{{help-box ";
constexpr const char* kBoxHeading = "## When to get help";

struct HelpBoxes {
    std::map<std::string, std::string> markdown;  // name -> Markdown, starting with kBoxHeading
    std::set<std::string> requiredForTopics;      // an article with one of these topics must include a box
    bool exists = false;                          // the corpus defines boxes at all
    std::string error;                            // why the file cannot be used ("" when it can)
};

std::string readAll(const std::string& path, bool& found)
{
    std::ifstream in(path, std::ios::binary);
    found = static_cast<bool>(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The three tiers of the pack's template (facts.md §4.2 item 7), in the order a box shows them.
struct Tier {
    const char* key;
    const char* label;
};
constexpr Tier kTiers[] = {
    {"now", "**Call 999 or 911, or go to A&E or the emergency room, now if:**"},
    {"soon", "**See a doctor the same or next day if:**"},
    {"routine", "**Book a routine appointment if:**"},
};

std::string lineOf(const YAML::Node& node, const std::string& path)
{
    return path + ":" + std::to_string(node.Mark().line + 1);
}

// Builds every box's Markdown from its sign ids. Throws std::runtime_error("path:line: why") on a fault.
void buildBoxes(const YAML::Node& root, const std::string& path, HelpBoxes& boxes)
{
    const YAML::Node signs = root["signs"];
    const YAML::Node list = root["boxes"];
    if (!signs || !signs.IsMap() || !list || !list.IsMap())
        throw std::runtime_error(path + ": needs a 'signs:' mapping (id -> sentence) and a 'boxes:' mapping");
    std::map<std::string, std::string> sentence;
    for (const auto& kv : signs) {
        if (!kv.first.IsScalar() || !kv.second.IsScalar() || kv.second.Scalar().empty())
            throw std::runtime_error(lineOf(kv.first, path) + ": each sign is 'id: sentence'");
        sentence[kv.first.Scalar()] = kv.second.Scalar();
    }
    std::map<std::string, std::pair<std::string, std::string>> tierOfSign;  // sign -> (tier, first box using it)
    for (const auto& kv : list) {
        const std::string name = kv.first.IsScalar() ? kv.first.Scalar() : "";
        if (name.empty() || !kv.second.IsMap())
            throw std::runtime_error(lineOf(kv.first, path) + ": each box is 'name: {now: [...], soon: [...], ...}'");
        const YAML::Node box = kv.second;
        std::string md = kBoxHeading;
        md += "\n\n";
        if (box["intro"])
            md += box["intro"].as<std::string>() + "\n\n";
        for (const Tier& tier : kTiers) {
            const YAML::Node ids = box[tier.key];
            if (!ids || !ids.IsSequence() || ids.size() == 0)
                throw std::runtime_error(lineOf(kv.first, path) + ": box '" + name + "' needs a '" + tier.key +
                                         ":' list of sign ids");
            md += std::string(tier.label) + "\n\n";
            for (const auto& idNode : ids) {
                const std::string id = idNode.as<std::string>();
                auto found = sentence.find(id);
                if (found == sentence.end())
                    throw std::runtime_error(lineOf(idNode, path) + ": box '" + name + "' uses unknown sign '" + id +
                                             "'");
                auto [seen, first] = tierOfSign.emplace(id, std::make_pair(std::string(tier.key), name));
                if (!first && seen->second.first != tier.key)
                    throw std::runtime_error(lineOf(idNode, path) + ": sign '" + id + "' is under '" + tier.key +
                                             "' in box '" + name + "' but under '" + seen->second.first + "' in box '" +
                                             seen->second.second + "': a sign has one urgency on every page");
                md += "- " + found->second + "\n";
            }
            md += "\n";
        }
        if (box["more"])
            md += box["more"].as<std::string>() + "\n";
        boxes.markdown[name] = std::move(md);
    }
    if (const YAML::Node topics = root["required_for_topics"]) {
        if (!topics.IsSequence())
            throw std::runtime_error(lineOf(topics, path) + ": 'required_for_topics' is a list of topic ids");
        for (const auto& t : topics)
            boxes.requiredForTopics.insert(t.as<std::string>());
    }
}

std::shared_ptr<const HelpBoxes> load(const std::string& path)
{
    auto boxes = std::make_shared<HelpBoxes>();
    bool found = false;
    const std::string text = readAll(path, found);
    boxes->exists = found;
    if (!found) {
        boxes->error = path + " is missing";
        return boxes;
    }
    try {
        const YAML::Node root = YAML::Load(text);
        if (!root.IsMap())
            throw std::runtime_error(path + ": needs 'signs:' and 'boxes:' mappings");
        buildBoxes(root, path, *boxes);
    } catch (const YAML::Exception& e) {
        boxes->markdown.clear();
        boxes->error = path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg;
    } catch (const std::runtime_error& e) {
        boxes->markdown.clear();
        boxes->error = e.what();
    }
    return boxes;
}

// Read once per path while its modification time and size stay the same (a build asks for every page).
std::shared_ptr<const HelpBoxes> cached(const std::string& path)
{
    struct Entry {
        fs::file_time_type stamp;
        std::uintmax_t size = 0;
        std::shared_ptr<const HelpBoxes> boxes;
    };
    static std::mutex mutex;
    static std::map<std::string, Entry> cache;
    std::error_code ec;
    const fs::file_time_type stamp = fs::last_write_time(path, ec);
    const std::uintmax_t size = ec ? 0 : fs::file_size(path, ec);
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(path);
    if (it != cache.end() && it->second.stamp == stamp && it->second.size == size)
        return it->second.boxes;
    auto boxes = load(path);
    cache[path] = {stamp, size, boxes};
    return boxes;
}

// "{{help-box NAME}}" alone on its line (spaces around allowed) -> NAME; otherwise "".
std::string directiveName(const std::string& line, bool& isDirective)
{
    const size_t start = line.find_first_not_of(" \t");
    const size_t end = line.find_last_not_of(" \t\r");
    isDirective = start != std::string::npos && line.compare(start, 11, kDirectiveStart) == 0 && end > start + 12 &&
                  line.compare(end - 1, 2, "}}") == 0;
    if (!isDirective)
        return "";
    std::string name = line.substr(start + 11, end - 1 - (start + 11));
    const size_t a = name.find_first_not_of(' ');
    const size_t b = name.find_last_not_of(' ');
    return a == std::string::npos ? "" : name.substr(a, b - a + 1);
}

}  // namespace

std::string helpBoxesPathFor(const std::string& pagePath)
{
    return (fs::path(pagePath).parent_path().parent_path() / "help-boxes.yaml").string();
}

// A heading line "## When to get help" written by hand (any level, any case, trailing spaces allowed).
static bool isHandWrittenBox(const std::string& line)
{
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos || line[i] != '#')
        return false;
    i = line.find_first_not_of('#', i);
    if (i == std::string::npos || line[i] != ' ')
        return false;
    std::string rest = line.substr(line.find_first_not_of(' ', i));
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r' || rest.back() == '#'))
        rest.pop_back();
    for (char& c : rest)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return rest == "when to get help";
}

std::string expandHelpBoxes(const std::string& body, int bodyFirstLine, const std::string& pagePath, Problems& problems)
{
    // Cheap test first: most pages have neither a directive nor the heading (in any case, as isHandWrittenBox).
    static const std::string heading = "when to get help";
    const bool mayHaveHeading =
        std::search(body.begin(), body.end(), heading.begin(), heading.end(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }) != body.end();
    if (!mayHaveHeading && body.find(kDirectiveStart) == std::string::npos)
        return body;
    std::shared_ptr<const HelpBoxes> boxes = cached(helpBoxesPathFor(pagePath));
    std::string out;
    out.reserve(body.size() + 2048);
    std::istringstream lines(body);
    std::string line;
    int lineNo = bodyFirstLine;
    for (; std::getline(lines, line); ++lineNo) {
        bool isDirective = false;
        const std::string name = directiveName(line, isDirective);
        if (!isDirective) {
            // Where the corpus defines boxes, a hand-written one is a copy that will drift from them.
            if (boxes->exists && isHandWrittenBox(line))
                problems.push_back({pagePath, lineNo, Severity::Error,
                                    "write the 'When to get help' box as a {{help-box NAME}} line (boxes are "
                                    "defined once, in help-boxes.yaml), not by hand"});
            out += line;
            out += '\n';
            continue;
        }
        if (!boxes->error.empty()) {
            problems.push_back({pagePath, lineNo, Severity::Error, "help box '" + name + "': " + boxes->error});
            out += '\n';
            continue;
        }
        auto it = boxes->markdown.find(name);
        if (it == boxes->markdown.end()) {
            std::string known;
            for (const auto& kv : boxes->markdown)
                known += (known.empty() ? "" : ", ") + kv.first;
            problems.push_back({pagePath, lineNo, Severity::Error,
                                "unknown help box '" + name + "' (help-boxes.yaml has: " + known + ")"});
            out += '\n';
            continue;
        }
        // The box is normally a page's last block; lines after a box in mid-page are reported a few lines late.
        out += it->second;
        if (!it->second.empty() && it->second.back() != '\n')
            out += '\n';
    }
    return out;
}

std::set<std::string> helpBoxRequiredTopics(const std::string& corpusRoot)
{
    return cached((fs::path(corpusRoot) / "help-boxes.yaml").string())->requiredForTopics;
}

std::string helpBoxesError(const std::string& corpusRoot)
{
    auto boxes = cached((fs::path(corpusRoot) / "help-boxes.yaml").string());
    return boxes->exists ? boxes->error : std::string();
}

std::string helpBoxesText(const std::string& corpusRoot)
{
    bool found = false;
    std::string text = readAll((fs::path(corpusRoot) / "help-boxes.yaml").string(), found);
    return found ? text : std::string();
}

}  // namespace fibrokb

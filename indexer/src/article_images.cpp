#include "article_images.h"

#include "markdown.h"
#include "utf8.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace fibrokb {

std::string unsafeSvgReason(const std::string& svg)
{
    std::string lower = svg;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower.find("<svg") == std::string::npos)
        return "is not an SVG drawing";
    // Namespace declarations (xmlns="http://www.w3.org/2000/svg") are names, not links: they are not looked at.
    for (size_t i = lower.find("xmlns"); i != std::string::npos; i = lower.find("xmlns", i)) {
        const size_t quote = lower.find_first_of("\"'", i);
        const size_t close = quote == std::string::npos ? std::string::npos : lower.find(lower[quote], quote + 1);
        if (close == std::string::npos)
            break;
        lower.erase(i, close + 1 - i);
    }
    // What could run, reach out or pull in another picture. Drawings are lines, shapes and text: none of these.
    static const char* const kActive[] = {
        "<script", "<foreignobject", "<image", "<iframe", "<use",   "<!entity", "<!doctype", "<style",
        "@import", "javascript:",    "data:",  "http:",   "https:", "ftp:",     "file:"};
    for (const char* token : kActive)
        if (lower.find(token) != std::string::npos)
            return std::string("contains '") + token + "' (drawings must be plain shapes and text)";
    // Event handlers: an attribute name starting with "on" (onload=, onclick=...).
    for (size_t i = lower.find(" on"); i != std::string::npos; i = lower.find(" on", i + 1)) {
        size_t j = i + 3;
        while (j < lower.size() && std::isalpha(static_cast<unsigned char>(lower[j])))
            ++j;
        while (j < lower.size() && lower[j] == ' ')
            ++j;
        if (j > i + 3 && j < lower.size() && lower[j] == '=')
            return "has an event handler attribute (" + lower.substr(i + 1, j - i - 1) + ")";
    }
    // href may point inside the drawing only (#id).
    for (size_t i = lower.find("href"); i != std::string::npos; i = lower.find("href", i + 1)) {
        size_t j = lower.find_first_not_of(" =", i + 4);
        if (j != std::string::npos && (lower[j] == '"' || lower[j] == '\'') && j + 1 < lower.size() &&
            lower[j + 1] != '#')
            return "has a link (href) to something outside the drawing";
    }
    return "";
}

void loadArticleImages(Article& article, const std::string& corpusRoot, Problems& problems)
{
    for (ArticleImage& image : article.images) {
        const fs::path file = fs::path(corpusRoot) / kImagesFolder / image.name;
        auto fail = [&](const std::string& why) {
            problems.push_back({article.path, image.line, Severity::Error, "image images/" + image.name + " " + why});
            image.svg.clear();
        };
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            fail("is missing (looked for " + file.string() + ")");
            continue;
        }
        const auto size = fs::file_size(file, ec);
        if (ec || size > kMaxImageBytes) {
            fail("is larger than " + std::to_string(kMaxImageBytes / 1024) + " KB");
            continue;
        }
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        image.svg = text.str();
        if (utf8::firstInvalid(image.svg) != std::string::npos) {
            fail("is not UTF-8 text");
            continue;
        }
        if (const std::string why = unsafeSvgReason(image.svg); !why.empty())
            fail(why);
    }
}

std::string imagesFolderStamp(const std::string& corpusRoot)
{
    std::vector<std::string> rows;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(corpusRoot) / kImagesFolder, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code e;
        const auto size = it->is_regular_file(e) ? it->file_size(e) : 0;
        const auto stamp = fs::last_write_time(it->path(), e).time_since_epoch().count();
        rows.push_back(it->path().filename().string() + " " + std::to_string(size) + " " + std::to_string(stamp));
    }
    std::sort(rows.begin(), rows.end());
    std::string out;
    for (const auto& r : rows)
        out += r + "\n";
    return out;
}

}  // namespace fibrokb

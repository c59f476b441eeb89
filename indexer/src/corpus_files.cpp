#include "corpus_files.h"

#include "utf8.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace fibrokb {
namespace {

int lineAt(const std::string& text, size_t offset)
{
    return 1 + int(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

// Windows-1252's 0x80..0x9F; 0 where the code page has no character.
const char16_t kCp1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string fromWindows1252(const std::string& bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char c : bytes) {
        if (c < 0x80)
            out += static_cast<char>(c);
        else if (c < 0xA0)
            appendUtf8(out, kCp1252High[c - 0x80] ? kCp1252High[c - 0x80] : 0xFFFD);
        else
            appendUtf8(out, c);
    }
    return out;
}

std::string normalisedLineEnds(const std::string& text)
{
    if (text.find('\r') == std::string::npos)
        return text;
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r')
            out += text[i];
        else if (i + 1 >= text.size() || text[i + 1] != '\n')
            out += '\n';  // CRLF keeps its LF; a lone CR becomes one
    }
    return out;
}

std::string megabytes(std::uintmax_t bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / (1024.0 * 1024.0));
    return buf;
}

}  // namespace

bool readTextFile(const std::string& path, std::string& text, Problems& problems)
{
    auto refuse = [&](int line, const std::string& message) {
        problems.push_back({path, line, Severity::Error, message});
        return false;
    };
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec)
        return refuse(0, "cannot read the file: " + ec.message());
    if (fs::is_directory(status))
        return refuse(0, "is a folder, not a file");
    // Never open a FIFO or a device: opening a FIFO blocks until someone writes to it.
    if (!fs::is_regular_file(status))
        return refuse(0, "not a regular file (a FIFO, socket or device); not read");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec)
        return refuse(0, "cannot read the file: " + ec.message());
    if (size > kMaxCorpusFileBytes)
        return refuse(0, "the file is " + megabytes(size) + "; files over " + megabytes(kMaxCorpusFileBytes) +
                             " are not read (split it into several pages)");

    std::ifstream in(path, std::ios::binary);
    if (!in)
        return refuse(0, std::string("cannot read the file: ") + std::strerror(errno));
    std::string bytes(static_cast<size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (in.bad())
        return refuse(0, "cannot read the file: read error");
    // The file may have grown since it was measured: one more byte means it is now over the limit.
    if (in.peek() != std::char_traits<char>::eof() && bytes.size() >= kMaxCorpusFileBytes)
        return refuse(0, "the file grew past " + megabytes(kMaxCorpusFileBytes) + " while being read; not read");

    if (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)
        return refuse(1, "the file is UTF-16 text; save it as UTF-8");
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0)
        bytes.erase(0, 3);  // a BOM, as Windows editors write
    if (const size_t nul = bytes.find('\0'); nul != std::string::npos)
        return refuse(lineAt(bytes, nul), "the file holds NUL bytes: it is binary, or UTF-16 without a BOM; not read");
    if (const size_t bad = utf8::firstInvalid(bytes); bad != std::string::npos) {
        problems.push_back({path, lineAt(bytes, bad), Severity::Warning,
                            "not UTF-8 text: read as Windows-1252 (Latin-1); save the file as UTF-8"});
        bytes = fromWindows1252(bytes);
    }
    text = normalisedLineEnds(bytes);
    if (text.find_first_not_of(" \t\n") == std::string::npos)
        return refuse(0, "the file is empty");
    return true;
}

std::vector<std::string> findMarkdownFiles(const std::string& dirText, const std::string& corpusRootText,
                                           Problems& problems)
{
    std::vector<std::string> files;
    std::error_code ec;
    const fs::path dir(dirText);
    if (!fs::is_directory(dir, ec))
        return files;
    const fs::path root = fs::weakly_canonical(corpusRootText, ec);
    auto insideCorpus = [&](const fs::path& target) {
        auto r = root.begin(), t = target.begin();
        for (; r != root.end(); ++r, ++t)
            if (t == target.end() || *r != *t)
                return false;
        return true;
    };

    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        problems.push_back({dirText, 0, Severity::Error, "cannot read the folder: " + ec.message()});
        return files;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec)
            break;
        const fs::path& path = it->path();
        const std::string name = path.filename().string();
        std::error_code entryEc;
        const fs::file_status own = it->symlink_status(entryEc);
        if (!name.empty() && name[0] == '.') {
            if (fs::is_directory(own))
                it.disable_recursion_pending();
            continue;
        }
        if (path.extension() != ".md")
            continue;
        const std::string shown = path.string();
        if (entryEc) {
            problems.push_back({shown, 0, Severity::Error, "cannot read the file: " + entryEc.message()});
        } else if (fs::is_symlink(own)) {
            const fs::path target = fs::canonical(path, entryEc);
            if (entryEc == std::errc::too_many_symbolic_link_levels)
                problems.push_back({shown, 0, Severity::Error, "symbolic link loop; not read"});
            else if (entryEc)
                problems.push_back(
                    {shown, 0, Severity::Error, "broken symbolic link (" + entryEc.message() + "); not read"});
            else if (!insideCorpus(target))
                problems.push_back({shown, 0, Severity::Error,
                                    "symbolic link to a file outside the corpus (" + target.string() + "); not read"});
            else if (!fs::is_regular_file(target, entryEc))
                problems.push_back(
                    {shown, 0, Severity::Error, "symbolic link to something that is not a file; not read"});
            else
                files.push_back(shown);
        } else if (fs::is_directory(own)) {
            problems.push_back(
                {shown, 0, Severity::Warning, "a folder named like a page; the pages inside it are read"});
        } else if (!fs::is_regular_file(own)) {
            problems.push_back({shown, 0, Severity::Error, "not a regular file (a FIFO, socket or device); not read"});
        } else {
            files.push_back(shown);
        }
    }
    if (ec)
        problems.push_back({dirText, 0, Severity::Error, "stopped reading the folder: " + ec.message()});
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace fibrokb

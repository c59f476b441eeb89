// Finding and reading corpus files that we did not write: any bytes, any file type, any folder shape.
// Every problem names the file (and the line where there is one); nothing here throws.
#pragma once

#include <fibrokb/problem.h>

#include <cstdint>
#include <string>
#include <vector>

namespace fibrokb {

// Largest corpus file read, checked before reading. Our longest page is about 15 KB; 2 MiB keeps a stray
// log file or a 1 GB sparse file from taking the build's time and memory.
constexpr std::uintmax_t kMaxCorpusFileBytes = 2u * 1024 * 1024;

// Reads a text file as UTF-8 text with '\n' line ends. A UTF-8 BOM is dropped; CRLF and lone CR become LF;
// a file that is not UTF-8 is read as Windows-1252 (a superset of Latin-1's printable characters) with a
// warning naming the first line that is not UTF-8. Refused with an error: not a regular file, larger than
// kMaxCorpusFileBytes, unreadable, UTF-16, binary (NUL bytes), or empty.
bool readTextFile(const std::string& path, std::string& text, Problems& problems);

// The *.md files under `dir`, recursively, sorted. Hidden files and folders (".name") are skipped. A symbolic
// link is read only when it resolves to a regular file inside `corpusRoot`; loops, dangling links, links out
// of the corpus, and FIFOs or devices named *.md are reported and skipped.
std::vector<std::string> findMarkdownFiles(const std::string& dir, const std::string& corpusRoot, Problems& problems);

}  // namespace fibrokb

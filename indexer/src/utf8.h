// UTF-8 checks shared by the corpus reader, the searcher and the tools. Files and queries come from
// outside, so nothing downstream (Xapian, nlohmann-json, Qt) may see a byte sequence that is not UTF-8.
#pragma once

#include <cstddef>
#include <string>

namespace fibrokb::utf8 {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when the bytes there are not valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid too).
size_t sequenceLength(const std::string& s, size_t i);

// Byte offset of the first invalid sequence, or std::string::npos when `s` is valid UTF-8.
size_t firstInvalid(const std::string& s);

// Every invalid byte becomes U+FFFD; valid text is returned unchanged.
std::string repaired(const std::string& s);

// At most `maxBytes` bytes, never cutting a multi-byte character in two.
std::string truncated(const std::string& s, size_t maxBytes);

// Control characters (C0 except tab and newline, DEL, C1) become a visible "\xNN" form, so that text from a
// file or a title can never drive a terminal. Newlines too when `keepNewlines` is false.
std::string escapeControls(const std::string& s, bool keepNewlines = false);

}  // namespace fibrokb::utf8

// Small ASCII text helpers shared inside the engine.
#pragma once

#include <cctype>
#include <string>

namespace fibrokb::text {

// ASCII-only character classes, inline: the <cctype> functions are calls through the locale, and the word
// scans of `check` made them a tenth of its time. Same answers as <cctype> in the "C" locale the tools run in.
inline bool isAsciiAlpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool isAsciiDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
inline bool isAsciiAlnum(unsigned char c)
{
    return isAsciiAlpha(c) || isAsciiDigit(c);
}
inline char asciiLower(unsigned char c)
{
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

inline std::string lower(std::string s)
{
    for (auto& c : s)
        c = asciiLower(static_cast<unsigned char>(c));
    return s;
}

inline std::string trim(const std::string& s)
{
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

}  // namespace fibrokb::text

// Random and hostile query strings for the query robustness tests: operator soup, unbalanced quotes and
// brackets, 10,000-character strings, control characters, invalid UTF-8, prefixes with junk, lone wildcards.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace fibrokb::test {

inline std::vector<std::string> hostileQueries(int count, unsigned seed)
{
    static const char* const kTokens[] = {"AND",
                                          "OR",
                                          "NOT",
                                          "XOR",
                                          "NEAR",
                                          "ADJ",
                                          "NEAR/3",
                                          "(",
                                          ")",
                                          "((",
                                          "))",
                                          "\"",
                                          "\"\"",
                                          "'",
                                          "+",
                                          "-",
                                          "*",
                                          "?",
                                          "~",
                                          "..",
                                          "title:",
                                          "topic:",
                                          "type:",
                                          "audience:",
                                          "topic:hip-pain",
                                          "title:(",
                                          "hip",
                                          "pain",
                                          "back",
                                          "fibromyalgia",
                                          "lyrica",
                                          "sciatica",
                                          "h",
                                          "hi",
                                          "p*",
                                          "a*",
                                          "*x",
                                          "#",
                                          "@",
                                          "\\",
                                          "/",
                                          "&&",
                                          "||",
                                          "{",
                                          "}",
                                          "[",
                                          "]",
                                          "<b>",
                                          "</b>",
                                          "&amp;",
                                          "\xC3\xA9",
                                          "\xE2\x80\x9C",
                                          "\xF0\x9F\x98\x80",
                                          "\xFF",
                                          "\xC3",
                                          "\xE2\x82",
                                          "\x01",
                                          "\x1b[31m",
                                          "\t",
                                          "\r\n",
                                          "\x7f",
                                          "\xC2\x85",
                                          " ",
                                          "  "};
    constexpr int kTokenCount = sizeof kTokens / sizeof kTokens[0];
    std::mt19937 rng(seed);
    std::vector<std::string> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        std::string q;
        switch (i % 6) {
        case 0:  // operator soup
        case 1: {
            const int n = 1 + int(rng() % 12);
            for (int k = 0; k < n; ++k)
                q += std::string(kTokens[rng() % kTokenCount]) + (rng() % 3 ? " " : "");
            break;
        }
        case 2: {  // random bytes, any value but NUL (argv cannot carry NUL)
            const int n = 1 + int(rng() % 40);
            for (int k = 0; k < n; ++k)
                q += static_cast<char>(1 + rng() % 255);
            break;
        }
        case 3: {  // a known word glued to junk, or a one-letter wildcard
            const std::string word = kTokens[rng() % kTokenCount];
            q = rng() % 2 ? word + kTokens[rng() % kTokenCount] + "*" : std::string(1, char('a' + rng() % 26)) + "*";
            break;
        }
        case 4: {  // long strings: 10,000 characters, or 2,000 words
            if (rng() % 2)
                q.assign(10000, "ab(\"*"[rng() % 5]);
            else
                for (int k = 0; k < 2000; ++k)
                    q += std::string(kTokens[rng() % kTokenCount]) + " ";
            break;
        }
        default: {  // unbalanced quotes and brackets around real words
            static const char* const kOpen[] = {"\"", "(", "((", "\"(", "(\"", "title:\"", "-(", "+\""};
            q = std::string(kOpen[rng() % 8]) + "hip pain " + kTokens[rng() % kTokenCount];
            break;
        }
        }
        if (q.find_first_not_of(' ') == std::string::npos)
            q = "x";  // the tool asks for a query; give one
        out.push_back(std::move(q));
    }
    return out;
}

}  // namespace fibrokb::test

// The counting rules are documented in docs/authoring.md; keep the two in step.
#include <fibrokb/readability.h>

#include "text.h"
#include "utf8.h"

#include <xapian.h>

#include <cctype>
#include <cstring>
#include <string_view>

namespace fibrokb {
namespace {

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Abbreviations and decimal points must not end a sentence: "e.g." loses its last dot, "2.5" its dot.
// A single linear pass (std::regex recursed per character and overflowed the stack on long lines).
std::string maskNonTerminalDots(const std::string& block)
{
    static const std::string_view kAbbreviations[] = {"e.g", "i.e", "etc", "vs", "Dr", "Mr", "Mrs", "Ms"};
    auto isWord = [](char c) { return text::isAsciiAlnum(static_cast<unsigned char>(c)) || c == '_'; };
    std::string out;
    out.reserve(block.size());
    const size_t n = block.size();
    for (size_t i = 0; i < n;) {
        if (i == 0 || !isWord(block[i - 1])) {
            bool masked = false;
            for (const std::string_view abbr : kAbbreviations) {
                const size_t len = abbr.size();
                if (i + len < n && block[i] == abbr[0] && block.compare(i, len, abbr) == 0 && block[i + len] == '.') {
                    out.append(block, i, len);
                    i += len + 1;
                    masked = true;
                    break;
                }
            }
            if (masked)
                continue;
        }
        const bool decimalPoint = block[i] == '.' && i > 0 && i + 1 < n &&
                                  std::isdigit(static_cast<unsigned char>(block[i - 1])) &&
                                  std::isdigit(static_cast<unsigned char>(block[i + 1]));
        if (!decimalPoint)
            out += block[i];
        ++i;
    }
    return out;
}

int countSentences(const std::string& block)
{
    // A run of . ! ? followed by white space or the end of the block ends a sentence.
    int count = 0;
    const size_t n = block.size();
    for (size_t i = 0; i < n; ++i) {
        if (block[i] != '.' && block[i] != '!' && block[i] != '?')
            continue;
        size_t j = i;
        while (j < n && (block[j] == '.' || block[j] == '!' || block[j] == '?'))
            ++j;
        if (j == n || std::isspace(static_cast<unsigned char>(block[j])))
            ++count;
        i = j - 1;
    }
    // A block that does not end with terminal punctuation (perhaps before a closing quote
    // or bracket) still ends a sentence: list items often have no full stop.
    size_t end = n;
    while (end > 0 && std::isspace(static_cast<unsigned char>(block[end - 1])))
        --end;
    while (end > 0 &&
           (block[end - 1] == '"' || block[end - 1] == '\'' || block[end - 1] == ')' || block[end - 1] == ']'))
        --end;
    bool endsWithTerminal = end > 0 && (block[end - 1] == '.' || block[end - 1] == '!' || block[end - 1] == '?');
    if (!endsWithTerminal)
        ++count;
    return count < 1 ? 1 : count;
}

}  // namespace

int countSyllables(std::string_view word)
{
    // Over the word's ASCII letters, lower-cased, without building that string (this runs for every word of
    // every page in `check`): vowel groups, then a silent final "e" unless the word ends in consonant + "le".
    int groups = 0, letters = 0;
    bool inVowels = false;
    char last3[3] = {0, 0, 0};  // the last three letters, newest last
    for (unsigned char raw : word) {
        if (!text::isAsciiAlpha(raw))
            continue;
        const char c = text::asciiLower(raw);
        const bool v = isVowel(c);
        if (v && !inVowels)
            ++groups;
        inVowels = v;
        last3[0] = last3[1];
        last3[1] = last3[2];
        last3[2] = c;
        ++letters;
    }
    if (letters == 0)
        return 1;  // a number
    if (last3[2] == 'e' && !(letters >= 2 && last3[1] == 'e')) {
        const bool consonantLe = letters > 2 && last3[1] == 'l' && !isVowel(last3[0]);
        if (!consonantLe)
            --groups;
    }
    return groups < 1 ? 1 : groups;
}

Readability measureReadability(const std::vector<std::string>& blocks)
{
    Readability r;
    for (const auto& raw : blocks) {
        const std::string block = maskNonTerminalDots(raw);
        int wordsHere = 0;
        // Words are runs of letters, digits and apostrophes, read in place (no string per word: this runs over
        // every word of every page in `check`); a run of apostrophes alone is no word. Non-ASCII characters are
        // decoded and judged by Xapian's word rule, as the index does ("café" is one word, a dash is none).
        const size_t n = block.size();
        auto wordCharLength = [&](size_t at) -> size_t {
            const auto c = static_cast<unsigned char>(block[at]);
            if (c < 0x80)
                return text::isAsciiAlnum(c) || c == '\'' ? 1 : 0;
            const size_t len = utf8::sequenceLength(block, at);
            if (len == 0)
                return 0;
            Xapian::Utf8Iterator it(block.data() + at, len);
            return Xapian::Unicode::is_wordchar(*it) ? len : 0;
        };
        for (size_t i = 0; i < n;) {
            size_t step = wordCharLength(i);
            if (step == 0) {
                ++i;
                continue;
            }
            size_t j = i;
            bool hasAlnum = false;
            while (j < n && (step = wordCharLength(j)) > 0) {
                hasAlnum |= block[j] != '\'';
                j += step;
            }
            if (hasAlnum) {
                ++wordsHere;
                r.syllables += countSyllables(std::string_view(block).substr(i, j - i));
            }
            i = j;
        }
        if (wordsHere == 0)
            continue;
        r.words += wordsHere;
        r.sentences += countSentences(block);
    }
    if (r.words > 0 && r.sentences > 0) {
        double wordsPerSentence = double(r.words) / r.sentences;
        double syllablesPerWord = double(r.syllables) / r.words;
        r.readingEase = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
        r.grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
    }
    return r;
}

}  // namespace fibrokb

// The counting rules are documented in docs/authoring.md; keep the two in step.
#include <fibrokb/readability.h>

#include <cctype>
#include <cstring>

namespace fibrokb {
namespace {

bool isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Abbreviations and decimal points must not end a sentence: "e.g." loses its last dot, "2.5" its dot.
// A single linear pass (std::regex recursed per character and overflowed the stack on long lines).
std::string maskNonTerminalDots(const std::string& block) {
    static const char* const kAbbreviations[] = {"e.g", "i.e", "etc", "vs", "Dr", "Mr", "Mrs", "Ms"};
    auto isWord = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    std::string out;
    out.reserve(block.size());
    const size_t n = block.size();
    for (size_t i = 0; i < n;) {
        if (i == 0 || !isWord(block[i - 1])) {
            bool masked = false;
            for (const char* abbr : kAbbreviations) {
                const size_t len = std::strlen(abbr);
                if (i + len < n && block.compare(i, len, abbr) == 0 && block[i + len] == '.') {
                    out.append(block, i, len);
                    i += len + 1;
                    masked = true;
                    break;
                }
            }
            if (masked) continue;
        }
        const bool decimalPoint = block[i] == '.' && i > 0 && i + 1 < n &&
                                  std::isdigit(static_cast<unsigned char>(block[i - 1])) &&
                                  std::isdigit(static_cast<unsigned char>(block[i + 1]));
        if (!decimalPoint) out += block[i];
        ++i;
    }
    return out;
}

int countSentences(const std::string& block) {
    // A run of . ! ? followed by white space or the end of the block ends a sentence.
    int count = 0;
    const size_t n = block.size();
    for (size_t i = 0; i < n; ++i) {
        if (block[i] != '.' && block[i] != '!' && block[i] != '?') continue;
        size_t j = i;
        while (j < n && (block[j] == '.' || block[j] == '!' || block[j] == '?')) ++j;
        if (j == n || std::isspace(static_cast<unsigned char>(block[j]))) ++count;
        i = j - 1;
    }
    // A block that does not end with terminal punctuation (perhaps before a closing quote
    // or bracket) still ends a sentence: list items often have no full stop.
    size_t end = n;
    while (end > 0 && std::isspace(static_cast<unsigned char>(block[end - 1]))) --end;
    while (end > 0 && (block[end - 1] == '"' || block[end - 1] == '\'' || block[end - 1] == ')' ||
                       block[end - 1] == ']'))
        --end;
    bool endsWithTerminal = end > 0 && (block[end - 1] == '.' || block[end - 1] == '!' || block[end - 1] == '?');
    if (!endsWithTerminal) ++count;
    return count < 1 ? 1 : count;
}

}  // namespace

int countSyllables(const std::string& word) {
    std::string w;
    for (unsigned char c : word)
        if (std::isalpha(c) && c < 128) w += static_cast<char>(std::tolower(c));
    if (w.empty()) return 1;   // a number
    int groups = 0;
    bool inVowels = false;
    for (char c : w) {
        bool v = isVowel(c);
        if (v && !inVowels) ++groups;
        inVowels = v;
    }
    const size_t n = w.size();
    if (w[n - 1] == 'e' && !(n >= 2 && w[n - 2] == 'e')) {
        bool consonantLe = n > 2 && w[n - 2] == 'l' && !isVowel(w[n - 3]);
        if (!consonantLe) --groups;
    }
    return groups < 1 ? 1 : groups;
}

Readability measureReadability(const std::vector<std::string>& blocks) {
    Readability r;
    for (const auto& raw : blocks) {
        std::string block = maskNonTerminalDots(raw);
        int wordsHere = 0;
        std::string word;
        auto flush = [&] {
            bool hasAlnum = false;
            for (unsigned char c : word) hasAlnum |= (std::isalnum(c) && c < 128);
            if (hasAlnum) {
                ++wordsHere;
                r.syllables += countSyllables(word);
            }
            word.clear();
        };
        for (unsigned char c : block) {
            if ((std::isalnum(c) && c < 128) || c == '\'') word += static_cast<char>(c);
            else flush();
        }
        flush();
        if (wordsHere == 0) continue;
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

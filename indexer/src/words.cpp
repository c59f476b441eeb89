#include "words.h"

#include <xapian.h>

#include <algorithm>

namespace fibrokb::words {
namespace {

void appendUtf8(std::string& out, unsigned ch)
{
    if (ch < 0x80) {  // nonascii_to_utf8 is for the others only
        out += static_cast<char>(ch);
        return;
    }
    char buf[4];
    const unsigned n = Xapian::Unicode::nonascii_to_utf8(ch, buf);
    out.append(buf, n);
}

// U+00C0 to U+017F (Latin-1 Supplement letters and Latin Extended-A) without their accents; "" = not a letter
// we fold. Indexed from U+00C0.
// One row per 16 code points, as the Unicode chart has them.
const char* const kFolded[] = {
    /* U+00C0 */ "A", "A", "A",  "A",  "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",
    /* U+00D0 */ "D", "N", "O",  "O",  "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "ss",
    /* U+00E0 */ "a", "a", "a",  "a",  "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    /* U+00F0 */ "d", "n", "o",  "o",  "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
    /* U+0100 */ "A", "a", "A",  "a",  "A", "a", "C",  "c", "C", "c", "C", "c", "C", "c", "D",  "d",
    /* U+0110 */ "D", "d", "E",  "e",  "E", "e", "E",  "e", "E", "e", "E", "e", "G", "g", "G",  "g",
    /* U+0120 */ "G", "g", "G",  "g",  "H", "h", "H",  "h", "I", "i", "I", "i", "I", "i", "I",  "i",
    /* U+0130 */ "I", "i", "IJ", "ij", "J", "j", "K",  "k", "k", "L", "l", "L", "l", "L", "l",  "L",
    /* U+0140 */ "l", "L", "l",  "N",  "n", "N", "n",  "N", "n", "n", "N", "n", "O", "o", "O",  "o",
    /* U+0150 */ "O", "o", "OE", "oe", "R", "r", "R",  "r", "R", "r", "S", "s", "S", "s", "S",  "s",
    /* U+0160 */ "S", "s", "T",  "t",  "T", "t", "T",  "t", "U", "u", "U", "u", "U", "u", "U",  "u",
    /* U+0170 */ "U", "u", "U",  "u",  "W", "w", "Y",  "y", "Y", "Z", "z", "Z", "z", "Z", "z",  "s",
};

const char* folded(unsigned ch)
{
    if (ch < 0xC0 || ch > 0x17F)
        return nullptr;
    const char* f = kFolded[ch - 0xC0];
    return *f ? f : nullptr;
}

bool isApostrophe(unsigned ch)
{
    return ch == '\'' || ch == 0x2019;  // ' and the typographic one
}

}  // namespace

std::vector<std::string> split(const std::string& text)
{
    std::vector<std::string> out;
    std::string word;
    unsigned pendingApostrophe = 0;
    for (Xapian::Utf8Iterator it(text), end; it != end; ++it) {
        const unsigned ch = *it;
        if (Xapian::Unicode::is_wordchar(ch)) {
            if (pendingApostrophe && !word.empty())
                word += '\'';
            pendingApostrophe = 0;
            appendUtf8(word, Xapian::Unicode::tolower(ch));
        } else if (isApostrophe(ch) && !word.empty()) {
            pendingApostrophe = ch;  // kept only when a letter follows: "don't" yes, "dogs'" no
        } else {
            pendingApostrophe = 0;
            if (!word.empty())
                out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        out.push_back(std::move(word));
    return out;
}

std::string plain(const std::string& text)
{
    std::string out;
    for (const std::string& w : split(text)) {
        if (!out.empty())
            out += ' ';
        out += w;
    }
    return out;
}

std::string lower(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text), end; it != end; ++it)
        appendUtf8(out, Xapian::Unicode::tolower(*it));
    return out;
}

std::string foldAccents(const std::string& text)
{
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return text;  // nearly every query and page text: no decoding
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text), end; it != end; ++it) {
        if (const char* f = folded(*it))
            out += f;
        else
            appendUtf8(out, *it);
    }
    return out;
}

bool hasAccents(const std::string& text)
{
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return false;
    for (Xapian::Utf8Iterator it(text), end; it != end; ++it)
        if (folded(*it))
            return true;
    return false;
}

}  // namespace fibrokb::words

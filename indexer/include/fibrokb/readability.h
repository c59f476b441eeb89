// Flesch Reading Ease and Flesch-Kincaid grade, with the counting rules of docs/authoring.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fibrokb {

struct Readability {
    int words = 0;
    int sentences = 0;
    int syllables = 0;
    double readingEase = 0;  // Flesch Reading Ease
    double grade = 0;        // Flesch-Kincaid grade level
};

int countSyllables(std::string_view word);

// Each block is one paragraph, list item or table cell of plain text; a block always ends a sentence.
Readability measureReadability(const std::vector<std::string>& blocks);

}  // namespace fibrokb

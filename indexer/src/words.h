// One word rule for the whole engine, Xapian's own: a word is a run of Unicode letters, digits and joining
// marks (Xapian::Unicode::is_wordchar), with an apostrophe kept inside a word ("don't"), lower-cased with
// Xapian::Unicode::tolower. Query building, question matching, synonyms, snippets and slugs all split text with
// it, so "Café" and "CAFÉ" are one word everywhere and match the terms the TermGenerator wrote (issue 13, item 3).
#pragma once

#include <string>
#include <vector>

namespace fibrokb::words {

// The words of `text`, lower-cased UTF-8, in order.
std::vector<std::string> split(const std::string& text);

// The words of `text` joined by single spaces: "Is  Café-au-lait OK?" -> "is café au lait ok".
std::string plain(const std::string& text);

// `text` lower-cased (every character, not only ASCII).
std::string lower(const std::string& text);

// Accents taken off Latin letters, as readers type without them: "naïve" -> "naive", "Ménière" -> "Meniere",
// "Straße" -> "Strasse". Other characters are kept.
std::string foldAccents(const std::string& text);

// True when `text` has a letter foldAccents would change.
bool hasAccents(const std::string& text);

}  // namespace fibrokb::words

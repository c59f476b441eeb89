// "When to get help" boxes written once, in corpus/help-boxes.yaml, and included by reference: a line of a page
// body that is exactly `{{help-box NAME}}` becomes box NAME's Markdown before the body is parsed. One text per
// kind of box means the urgent-help advice cannot drift from page to page (issue 12, item 4).
#pragma once

#include <fibrokb/problem.h>

#include <set>
#include <string>

namespace fibrokb {

// help-boxes.yaml of the corpus that holds `pagePath` (corpus/articles/x.md -> corpus/help-boxes.yaml).
std::string helpBoxesPathFor(const std::string& pagePath);

// Replaces every directive line of `body` (whose first line is file line `bodyFirstLine` of `pagePath`) with its
// box. An unknown name, a missing or malformed help-boxes.yaml is an error on the page's directive line; the line
// is then left out. Where the corpus defines boxes, a hand-written "When to get help" heading is an error too. The file
// is read once per process and path (a build reads it for every page).
std::string expandHelpBoxes(const std::string& body, int bodyFirstLine, const std::string& pagePath,
                            Problems& problems);

// Topics whose articles must include a box (help-boxes.yaml `required_for_topics`); empty when the corpus defines
// no boxes, so a corpus without the file has no box rule.
std::set<std::string> helpBoxRequiredTopics(const std::string& corpusRoot);

// Why the corpus's help-boxes.yaml cannot be used, naming its file and line; "" when it is fine or absent.
std::string helpBoxesError(const std::string& corpusRoot);

// The file's text, for the index's settings hash: a changed box re-indexes every page. Empty when absent.
std::string helpBoxesText(const std::string& corpusRoot);

}  // namespace fibrokb

// A page's own drawings (`![alt](images/NAME.svg)`): read from the corpus's images folder and checked to be inert
// before they are kept with the article (issue 12, item 3).
#pragma once

#include <fibrokb/article.h>
#include <fibrokb/problem.h>

#include <string>

namespace fibrokb {

// Largest drawing kept: our line figures are 2-6 KB; anything near this is not a simple drawing.
constexpr size_t kMaxImageBytes = 256 * 1024;

// Fills each image's `svg` from <corpusRoot>/images/NAME. A missing, oversized, non-UTF-8 or active file (a script,
// an event handler, an external reference, an embedded picture, a foreign object) is an error on the image's line
// and is left empty, so it is never shown.
void loadArticleImages(Article& article, const std::string& corpusRoot, Problems& problems);

// Why `svg` is not an inert line drawing, or "" when it is.
std::string unsafeSvgReason(const std::string& svg);

// "<name> <size> <mtime>" for every file of the images folder, for the index's settings hash: a changed drawing
// re-indexes the pages (their records hold the drawing).
std::string imagesFolderStamp(const std::string& corpusRoot);

}  // namespace fibrokb

// Where the reader is in a page, kept across Back and Forward: the text block at the top of the
// view and how far into that block the view's top is (a fraction of the block's height). A block and
// a fraction rather than pixels, so the same words come back to the top after a zoom or at another
// window width. Plain data, so the navigation history (app/core) can keep one per entry.
#pragma once

#include <QtGlobal>

namespace fibrokb::app {

struct ReadingPosition {
    int block = -1;       // -1: the top of the page
    double offset = 0.0;  // 0..1

    bool isTop() const { return block < 0; }
    bool operator==(const ReadingPosition& o) const
    {
        return block == o.block && qFuzzyCompare(1.0 + offset, 1.0 + o.offset);
    }
    bool operator!=(const ReadingPosition& o) const { return !(*this == o); }
};

}  // namespace fibrokb::app

// Back and forward through what the person looked at: the search page and articles, with the
// place on the page each one was left at (Back returns there, as in a web browser).
#pragma once

#include "core/reading_position.h"

#include <QString>
#include <QVector>

namespace fibrokb::app {

struct Location {
    QString articleId;  // "" = the search page
    QString anchor;
    ReadingPosition position;  // where the reader was when they left (the top: the anchor or the top)

    bool isSearch() const { return articleId.isEmpty(); }
    bool operator==(const Location& o) const { return articleId == o.articleId && anchor == o.anchor; }
};

class Navigator final {
public:
    // Visiting somewhere new drops the forward entries, as in a web browser.
    void visit(const Location& location);
    // Updates the current entry (for example the anchor scrolled to) without a new entry.
    void replaceCurrent(const Location& location);
    // Remembers how far the reader had scrolled on the current entry, for Back and Forward.
    void rememberPosition(const ReadingPosition& position);
    bool canGoBack() const { return index_ > 0; }
    bool canGoForward() const { return index_ + 1 < entries_.size(); }
    Location back();
    Location forward();
    Location current() const { return index_ >= 0 ? entries_.at(index_) : Location{}; }
    int size() const { return int(entries_.size()); }

private:
    QVector<Location> entries_;
    int index_ = -1;
};

}  // namespace fibrokb::app

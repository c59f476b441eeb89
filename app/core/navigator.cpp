#include "core/navigator.h"

namespace fibrokb::app {

void Navigator::visit(const Location& location)
{
    if (index_ >= 0 && entries_.at(index_) == location)
        return;
    entries_.resize(index_ + 1);
    entries_.push_back(location);
    index_ = int(entries_.size()) - 1;
}

void Navigator::replaceCurrent(const Location& location)
{
    if (index_ < 0)
        visit(location);
    else
        entries_[index_] = location;
}

void Navigator::rememberPosition(const ReadingPosition& position)
{
    if (index_ >= 0)
        entries_[index_].position = position;
}

Location Navigator::back()
{
    if (canGoBack())
        --index_;
    return current();
}

Location Navigator::forward()
{
    if (canGoForward())
        ++index_;
    return current();
}

}  // namespace fibrokb::app

// Where and how large the main window opens: the size and panels from last time, else a size
// that leaves room for the desktop's panel and title bar; never larger than the screen, whatever
// the text size (a 1366x768 laptop at 200% is a 683x384 screen to Qt).
#pragma once

#include <QByteArray>

class QMainWindow;

namespace fibrokb::app {

struct WindowPlacement {
    bool firstStart = false;  // nothing remembered: the window took its default size
    bool narrow = false;      // the screen leaves no room for side panels beside the page
};

// Below this screen width (logical pixels) the page needs the whole width.
constexpr int kRoomyScreenWidth = 760;

WindowPlacement placeWindow(QMainWindow* window, const QByteArray& geometry, const QByteArray& state);

}  // namespace fibrokb::app

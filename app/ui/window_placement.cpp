#include "ui/window_placement.h"

#include <QMainWindow>
#include <QScreen>

namespace fibrokb::app {

WindowPlacement placeWindow(QMainWindow* window, const QByteArray& geometry, const QByteArray& state)
{
    WindowPlacement placement;
    const QSize room = window->screen()->availableGeometry().size() - QSize(16, 48);  // frame and title bar
    placement.narrow = room.width() < kRoomyScreenWidth;
    if (!window->restoreGeometry(geometry)) {
        placement.firstStart = true;
        window->resize(QSize(1180, 760).boundedTo(room * 0.92));
    }
    window->restoreState(state);
    // A window remembered from a larger screen, or from before the text grew, is brought back in.
    if (window->width() > room.width() || window->height() > room.height())
        window->resize(window->size().boundedTo(room));
    return placement;
}

}  // namespace fibrokb::app

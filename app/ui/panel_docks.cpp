#include "ui/panel_docks.h"

#include "ui/bookmarks_panel.h"
#include "ui/filter_panel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QListView>
#include <QMainWindow>
#include <QScrollArea>

namespace fibrokb::app {

namespace {
QDockWidget* makeDock(QMainWindow* window, const QString& title, const QString& name, QWidget* content,
                      Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    // On a small screen or with large text a panel can be taller than the window: it scrolls
    // rather than squeezing its buttons and lists until their text is cut off.
    auto* scroll = new QScrollArea(dock);
    scroll->setObjectName(name + QStringLiteral("Scroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    dock->setWidget(scroll);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    window->addDockWidget(area, dock);
    return dock;
}
}  // namespace

PanelDocks::PanelDocks(QMainWindow* window, FilterPanel* filters, BookmarksPanel* bookmarks)
    : QObject(window), window_(window), filters_(filters), bookmarks_(bookmarks)
{
    filtersDock_ = makeDock(window, tr("Filters"), QStringLiteral("filtersDock"), filters, Qt::LeftDockWidgetArea);
    bookmarksDock_ =
        makeDock(window, tr("Bookmarks"), QStringLiteral("bookmarksDock"), bookmarks, Qt::RightDockWidgetArea);
    bookmarksDock_->hide();
    window->resizeDocks({filtersDock_}, {280}, Qt::Horizontal);
    connect(filtersDock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Closed with its own close button: remember that the person does not want it.
        if (!adjusting_ && !visible && window_->isVisible() && onSearchPage_ && filtersToggle_) {
            filtersWanted_ = false;
            const QSignalBlocker block(filtersToggle_);
            filtersToggle_->setChecked(false);
        }
    });
}

void PanelDocks::setFiltersToggle(QAction* toggle, bool wanted)
{
    filtersToggle_ = toggle;
    filtersWanted_ = wanted;
    toggle->setChecked(wanted);
    connect(toggle, &QAction::toggled, this, [this](bool on) {
        filtersWanted_ = on;
        followPage(onSearchPage_);
        if (on && filtersDock_->isVisible())
            filters_->topicList()->setFocus(Qt::ShortcutFocusReason);
    });
}

void PanelDocks::followPage(bool searchPage)
{
    // Reading is calmer with the page centred.
    onSearchPage_ = searchPage;
    adjusting_ = true;
    filtersDock_->setVisible(filtersWanted_ && searchPage);
    adjusting_ = false;
}

void PanelDocks::setEnabled(bool libraryOpen)
{
    filtersDock_->setEnabled(libraryOpen);
}

bool PanelDocks::toggleBookmarks()
{
    if (bookmarksDock_->isVisible() && bookmarks_->isAncestorOf(QApplication::focusWidget())) {
        bookmarksDock_->hide();
        return true;
    }
    bookmarksDock_->show();
    bookmarksDock_->raise();
    bookmarks_->focusList();
    return false;
}

}  // namespace fibrokb::app

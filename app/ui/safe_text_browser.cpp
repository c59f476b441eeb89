#include "ui/safe_text_browser.h"

#include <QResizeEvent>
#include <QScrollBar>
#include <QTextFrame>

namespace fibrokb::app {

SafeTextBrowser::SafeTextBrowser(QWidget* parent) : QTextBrowser(parent)
{
    // Links are handled by the app (internal pages, confirmed external links).
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl& name)
{
    // Only resources bundled in the app itself; never the network or the file system.
    if (name.scheme() == QLatin1String("qrc"))
        return QTextBrowser::loadResource(type, name);
    ++blocked_;
    return {};
}

void SafeTextBrowser::setColumnCharacters(int characters)
{
    columnCharacters_ = characters;
    updateReadingColumn();
}

void SafeTextBrowser::updateReadingColumn()
{
    // Long lines are hard to follow with fibro fog: centre a column of about 72 characters.
    const int available = viewport()->width();
    const int column = fontMetrics().averageCharWidth() * columnCharacters_;
    const int side = qMax(16, (available - column) / 2);
    QTextFrame* root = document()->rootFrame();
    QTextFrameFormat format = root->frameFormat();
    if (int(format.leftMargin()) == side && int(format.rightMargin()) == side)
        return;
    format.setLeftMargin(side);
    format.setRightMargin(side);
    format.setTopMargin(16);
    format.setBottomMargin(24);
    root->setFrameFormat(format);
}

void SafeTextBrowser::resizeEvent(QResizeEvent* event)
{
    QTextBrowser::resizeEvent(event);
    updateReadingColumn();
}

}  // namespace fibrokb::app

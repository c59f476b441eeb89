#include "ui/external_links.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>

namespace fibrokb::app {

ExternalLinks::ExternalLinks(QWidget* dialogParent) : QObject(dialogParent), dialogParent_(dialogParent)
{
    confirm_ = [this](const QUrl& url) { return askToOpen(url); };
    open_ = [](const QUrl& url) { QDesktopServices::openUrl(url); };
}

bool ExternalLinks::askToOpen(const QUrl& url) const
{
    QMessageBox box(QMessageBox::Question, tr("Open a website?"),
                    tr("This link leads to a website outside FibroKB. It opens in your web browser and needs "
                       "the internet:\n\n%1")
                        .arg(url.toDisplayString()),
                    QMessageBox::NoButton, dialogParent_);
    QPushButton* open = box.addButton(tr("Open in browser"), QMessageBox::AcceptRole);
    QPushButton* stay = box.addButton(tr("Stay here"), QMessageBox::RejectRole);
    // The safe answer is the default: Enter (or Esc) never sends anyone to the internet by accident.
    box.setDefaultButton(stay);
    box.setEscapeButton(stay);
    box.exec();
    return box.clickedButton() == static_cast<QAbstractButton*>(open);
}

void ExternalLinks::activate(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") && scheme != QLatin1String("mailto")) {
        Q_EMIT statusMessage(tr("This kind of link cannot be opened."));
        return;
    }
    if (confirm_ && confirm_(url))
        open_(url);
}

}  // namespace fibrokb::app

// Links that leave FibroKB. The app never touches the network itself: a web link is handed to
// the person's browser only after they say yes, and "Stay here" is the default answer.
#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

class QWidget;

namespace fibrokb::app {

class ExternalLinks final : public QObject {
    Q_OBJECT
public:
    explicit ExternalLinks(QWidget* dialogParent);

    // Replace the question and the browser (tests).
    void setConfirm(std::function<bool(const QUrl&)> confirm) { confirm_ = std::move(confirm); }
    void setOpener(std::function<void(const QUrl&)> open) { open_ = std::move(open); }

public Q_SLOTS:
    void activate(const QUrl& url);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    bool askToOpen(const QUrl& url) const;

    QWidget* dialogParent_;
    std::function<bool(const QUrl&)> confirm_;
    std::function<void(const QUrl&)> open_;
};

}  // namespace fibrokb::app

// QTextBrowser that never fetches anything: no remote images or style sheets (the app
// works offline and must not leak what someone reads), and no navigation of its own.
// It also keeps the text in a comfortable reading column however wide the window is.
#pragma once

#include <QTextBrowser>

namespace fibrokb::app {

class SafeTextBrowser final : public QTextBrowser {
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget* parent = nullptr);

    QVariant loadResource(int type, const QUrl& name) override;
    int blockedResourceCount() const { return blocked_; }
    // Width of the reading column in average characters.
    void setColumnCharacters(int characters);
    void updateReadingColumn();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int columnCharacters_ = 72;
    int blocked_ = 0;
};

}  // namespace fibrokb::app

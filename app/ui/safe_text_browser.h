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
    // Centres the column in the width there is now, and fits the headings to it.
    void updateReadingColumn();
    // Lines break only at spaces (no word split across lines), so a heading word wider than the column
    // (a long title at 200% text in a narrow window) would stick out: such a heading is set a step
    // smaller (HTML's font size steps) until its longest word fits, never smaller than the body text.
    // It grows back when there is room. Returns how many headings are smaller than written.
    int fitHeadingsToColumn();
    // The width the text has now (the column, or less in a narrow window), in device-independent pixels.
    int textColumnWidth() const { return textColumnWidth_; }

Q_SIGNALS:
    void textColumnWidthChanged(int width);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int columnCharacters_ = 72;
    int blocked_ = 0;
    int textColumnWidth_ = 0;
};

}  // namespace fibrokb::app

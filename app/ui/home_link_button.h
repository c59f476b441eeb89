// One link on the home page (a "start here" page or a topic tile): a title and a description
// that both scale with the interface text size and wrap at spaces, and a focus ring a keyboard
// user can see. QCommandLinkButton draws its title and description in fixed point sizes (9 pt
// and 12 pt whatever the text size), does not wrap its title and shows no focus; this keeps its
// API (title in text(), description()) and replaces how it is sized and drawn.
#pragma once

#include <QCommandLinkButton>

namespace fibrokb::app {

class HomeLinkButton final : public QCommandLinkButton {
    Q_OBJECT
public:
    HomeLinkButton(const QString& title, const QString& description, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

    // Fonts derived from the widget's (the application's) font at the time of asking.
    QFont titleFont() const;
    QFont descriptionFont() const;
    // Where the title and the description are drawn at the current size (for tests and painting).
    QRect titleRect() const { return layoutFor(width()).title; }
    QRect descriptionRect() const { return layoutFor(width()).description; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Layout {
        QRect title;
        QRect description;
        int height = 0;
    };
    Layout layoutFor(int width) const;
    int margin() const;
};

}  // namespace fibrokb::app

// What the app shows with an empty search field: a calm welcome, the "start here" pages
// and every topic with how many pages it has.
#pragma once

#include "core/search_types.h"

#include <QScrollArea>

class QGridLayout;
class QLabel;
class QVBoxLayout;

namespace fibrokb::app {

class HomeLinkButton;

class HomeView final : public QScrollArea {
    Q_OBJECT
public:
    explicit HomeView(QWidget* parent = nullptr);

    void setHome(const HomeData& home);
    int topicButtonCount() const { return topicButtons_; }
    int startHereCount() const { return startHereButtons_; }
    // Topic tiles side by side (2) or one above the other (1) when two would not fit the width.
    int topicColumns() const { return topicColumns_; }

Q_SIGNALS:
    void topicChosen(const QString& topicId);
    void articleChosen(const QString& articleId);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void clearLayout(QLayout* layout);
    // Headings are a step larger than the text around them, whatever the text size setting.
    void applyHeadingFonts();
    void placeTopicTiles();

    QVector<QLabel*> headings_;
    QVector<HomeLinkButton*> topicTiles_;
    int topicColumns_ = 2;
    QLabel* intro_;
    QVBoxLayout* startHere_;
    QGridLayout* topics_;
    int topicButtons_ = 0;
    int startHereButtons_ = 0;
};

}  // namespace fibrokb::app

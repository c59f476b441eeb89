// What the app shows with an empty search field: a calm welcome, the "start here" pages
// and every topic with how many pages it has.
#pragma once

#include "core/search_types.h"

#include <QScrollArea>

class QGridLayout;
class QLabel;
class QVBoxLayout;

namespace fibrokb::app {

class HomeView final : public QScrollArea {
    Q_OBJECT
public:
    explicit HomeView(QWidget* parent = nullptr);

    void setHome(const HomeData& home);
    int topicButtonCount() const { return topicButtons_; }
    int startHereCount() const { return startHereButtons_; }

Q_SIGNALS:
    void topicChosen(const QString& topicId);
    void articleChosen(const QString& articleId);

private:
    void clearLayout(QLayout* layout);

    QLabel* intro_;
    QVBoxLayout* startHere_;
    QGridLayout* topics_;
    int topicButtons_ = 0;
    int startHereButtons_ = 0;
};

}  // namespace fibrokb::app

#include "ui/home_view.h"

#include "core/text_format.h"

#include <QCommandLinkButton>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace fibrokb::app {
namespace {

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

}  // namespace

HomeView::HomeView(QWidget* parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("homeView"));
    setAccessibleName(tr("Home"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 16, 24, 24);
    layout->setSpacing(10);

    layout->addWidget(heading(tr("What would you like to know?"), content));
    intro_ = new QLabel(tr("Type a few words in the search box above, for example \u201cpain at night\u201d or "
                           "\u201cwater exercise\u201d. Or start with one of these pages."),
                        content);
    intro_->setWordWrap(true);
    layout->addWidget(intro_);

    layout->addSpacing(6);
    layout->addWidget(heading(tr("Start here"), content));
    startHere_ = new QVBoxLayout;
    startHere_->setSpacing(2);
    layout->addLayout(startHere_);

    layout->addSpacing(6);
    layout->addWidget(heading(tr("Browse by topic"), content));
    topics_ = new QGridLayout;
    topics_->setHorizontalSpacing(8);
    topics_->setVerticalSpacing(2);
    layout->addLayout(topics_);
    layout->addStretch(1);
    setWidget(content);
}

void HomeView::clearLayout(QLayout* layout)
{
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void HomeView::setHome(const HomeData& home)
{
    clearLayout(startHere_);
    clearLayout(topics_);
    startHereButtons_ = 0;
    topicButtons_ = 0;
    for (const ResultItem& item : home.startHere) {
        auto* button = new QCommandLinkButton(item.title, item.summary, widget());
        button->setObjectName(QStringLiteral("startHereButton"));
        button->setAccessibleName(tr("Open %1").arg(item.title));
        const QString id = item.articleId;
        connect(button, &QCommandLinkButton::clicked, this, [this, id] { Q_EMIT articleChosen(id); });
        startHere_->addWidget(button);
        ++startHereButtons_;
    }
    int index = 0;
    for (const TopicInfo& topic : home.topics) {
        auto* button = new QCommandLinkButton(tr("%1 (%2)").arg(topic.label).arg(topic.count), topic.description,
                                              widget());
        button->setObjectName(QStringLiteral("topicButton"));
        button->setAccessibleName(tr("Browse %1, %2").arg(topic.label, pagesText(topic.count)));
        const QString id = topic.id;
        connect(button, &QCommandLinkButton::clicked, this, [this, id] { Q_EMIT topicChosen(id); });
        topics_->addWidget(button, index / 2, index % 2);
        ++index;
        ++topicButtons_;
    }
}

}  // namespace fibrokb::app

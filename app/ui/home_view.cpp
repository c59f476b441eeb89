#include "ui/home_view.h"

#include "core/text_format.h"
#include "ui/home_link_button.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace fibrokb::app {
namespace {

constexpr int kSideMargin = 24;
constexpr int kTileSpacing = 8;

}  // namespace

HomeView::HomeView(QWidget* parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("homeView"));
    setAccessibleName(tr("Home"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(kSideMargin, 16, kSideMargin, 24);
    layout->setSpacing(10);
    auto heading = [this, content](const QString& text) {
        auto* label = new QLabel(text, content);
        label->setObjectName(QStringLiteral("homeHeading"));
        label->setWordWrap(true);
        headings_.push_back(label);
        return label;
    };

    layout->addWidget(heading(tr("What would you like to know?")));
    intro_ = new QLabel(tr("Type a few words in the search box above, for example \u201cpain at night\u201d or "
                           "\u201cwater exercise\u201d. Or start with one of these pages."),
                        content);
    intro_->setObjectName(QStringLiteral("homeIntro"));
    intro_->setWordWrap(true);
    layout->addWidget(intro_);

    layout->addSpacing(6);
    layout->addWidget(heading(tr("Start here")));
    startHere_ = new QVBoxLayout;
    startHere_->setSpacing(2);
    layout->addLayout(startHere_);

    layout->addSpacing(6);
    layout->addWidget(heading(tr("Browse by topic")));
    topics_ = new QGridLayout;
    topics_->setHorizontalSpacing(kTileSpacing);
    topics_->setVerticalSpacing(2);
    layout->addLayout(topics_);
    layout->addStretch(1);
    setWidget(content);
    applyHeadingFonts();
}

void HomeView::applyHeadingFonts()
{
    // Set from this view's font (the application's), and again whenever it changes: a font set on a
    // child keeps its size, so without this the headings would stay at the old text size.
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    for (QLabel* label : headings_)
        label->setFont(font);
}

void HomeView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {
        applyHeadingFonts();
        placeTopicTiles();
    }
    QScrollArea::changeEvent(event);
}

void HomeView::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    placeTopicTiles();
}

void HomeView::placeTopicTiles()
{
    // Two tiles side by side only when both fit at their narrowest; otherwise one column, so large
    // text never pushes the page wider than the window.
    int narrowest = 0;
    for (const HomeLinkButton* tile : topicTiles_)
        narrowest = qMax(narrowest, tile->minimumSizeHint().width());
    const int available = viewport()->width() - 2 * kSideMargin;
    const int columns = 2 * narrowest + kTileSpacing <= available ? 2 : 1;
    if (columns == topicColumns_ && topics_->count() == topicTiles_.size())
        return;
    topicColumns_ = columns;
    for (HomeLinkButton* tile : topicTiles_)
        topics_->removeWidget(tile);
    for (int i = 0; i < topicTiles_.size(); ++i)
        topics_->addWidget(topicTiles_.at(i), i / columns, i % columns);
    topics_->setColumnStretch(0, 1);
    topics_->setColumnStretch(1, columns == 2 ? 1 : 0);
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
    topicTiles_.clear();
    startHereButtons_ = 0;
    topicButtons_ = 0;
    for (const ResultItem& item : home.startHere) {
        auto* button = new HomeLinkButton(item.title, item.summary, widget());
        button->setObjectName(QStringLiteral("startHereButton"));
        button->setAccessibleName(tr("Open %1").arg(item.title));
        const QString id = item.articleId;
        connect(button, &HomeLinkButton::clicked, this, [this, id] { Q_EMIT articleChosen(id); });
        startHere_->addWidget(button);
        ++startHereButtons_;
    }
    for (const TopicInfo& topic : home.topics) {
        auto* button = new HomeLinkButton(tr("%1 (%2)").arg(topic.label).arg(topic.count), topic.description, widget());
        button->setObjectName(QStringLiteral("topicButton"));
        button->setAccessibleName(tr("Browse %1, %2").arg(topic.label, pagesText(topic.count)));
        const QString id = topic.id;
        connect(button, &HomeLinkButton::clicked, this, [this, id] { Q_EMIT topicChosen(id); });
        topicTiles_.push_back(button);
        ++topicButtons_;
    }
    placeTopicTiles();
}

}  // namespace fibrokb::app

#include "ui/filter_panel.h"

#include "core/text_format.h"
#include "core/topic_filter_model.h"

#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace fibrokb::app {

FilterPanel::FilterPanel(TopicFilterModel* topics, QWidget* parent) : QWidget(parent), topics_(topics)
{
    setObjectName(QStringLiteral("filterPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);

    auto* topicLabel = new QLabel(tr("&Topics"), this);
    topicList_ = new QListView(this);
    topicList_->setObjectName(QStringLiteral("topicFilterList"));
    topicList_->setAccessibleName(tr("Topics"));
    topicList_->setAccessibleDescription(tr("Tick topics to show only pages about them. Space ticks a topic."));
    topicList_->setModel(topics_);
    topicList_->setUniformItemSizes(false);
    topicList_->setWordWrap(true);
    topicList_->setTextElideMode(Qt::ElideNone);
    topicList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    topicList_->setResizeMode(QListView::Adjust);
    topicList_->setSpacing(1);
    topicList_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    topicLabel->setBuddy(topicList_);

    auto* typeLabel = new QLabel(tr("Page t&ype"), this);
    type_ = new QComboBox(this);
    type_->setObjectName(QStringLiteral("typeFilter"));
    type_->setAccessibleName(tr("Page type"));
    type_->addItem(tr("Articles and questions"), QString());
    type_->addItem(tr("Articles"), QStringLiteral("article"));
    type_->addItem(tr("Questions and answers"), QStringLiteral("faq"));
    typeLabel->setBuddy(type_);

    auto* audienceLabel = new QLabel(tr("&Written for"), this);
    audience_ = new QComboBox(this);
    audience_->setObjectName(QStringLiteral("audienceFilter"));
    audience_->setAccessibleName(tr("Written for"));
    audience_->addItem(tr("Anyone"), QString());
    audience_->addItem(tr("People with fibromyalgia"), QStringLiteral("patients"));
    audience_->addItem(tr("Carers"), QStringLiteral("caregivers"));
    audience_->addItem(tr("Everyone"), QStringLiteral("everyone"));
    audienceLabel->setBuddy(audience_);

    clear_ = new QPushButton(tr("C&lear all filters"), this);
    clear_->setObjectName(QStringLiteral("clearFiltersButton"));
    clear_->setAccessibleName(tr("Clear all filters"));
    clear_->setEnabled(false);

    layout->addWidget(topicLabel);
    layout->addWidget(topicList_, 1);
    layout->addWidget(typeLabel);
    layout->addWidget(type_);
    layout->addWidget(audienceLabel);
    layout->addWidget(audience_);
    layout->addSpacing(6);
    layout->addWidget(clear_);

    connect(type_, &QComboBox::activated, this, [this](int index) {
        if (!updating_)
            Q_EMIT typeChosen(type_->itemData(index).toString());
    });
    connect(audience_, &QComboBox::activated, this, [this](int index) {
        if (!updating_)
            Q_EMIT audienceChosen(audience_->itemData(index).toString());
    });
    connect(clear_, &QPushButton::clicked, this, &FilterPanel::clearRequested);
}

void FilterPanel::changeEvent(QEvent* event)
{
    // Wide enough for most topic names on one or two lines at any text size.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::Polish)
        setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    QWidget::changeEvent(event);
}

void FilterPanel::fillCounts(QComboBox* box, const QMap<QString, int>& counts, int total)
{
    static const QStringList typeBase = {tr("Articles and questions"), tr("Articles"), tr("Questions and answers")};
    static const QStringList audienceBase = {tr("Anyone"), tr("People with fibromyalgia"), tr("Carers"),
                                             tr("Everyone")};
    const QStringList& base = box == type_ ? typeBase : audienceBase;
    for (int i = 0; i < box->count() && i < base.size(); ++i) {
        const QString key = box->itemData(i).toString();
        const int count = key.isEmpty() ? total : counts.value(key, 0);
        box->setItemText(i, QStringLiteral("%1 (%2)").arg(base.at(i)).arg(count));
    }
}

void FilterPanel::setAnswer(const SearchAnswer& answer)
{
    updating_ = true;
    topics_->setCounts(answer.topicCounts);
    // The "all" entry counts every type (or audience) for the query and the other filters.
    int allTypes = 0;
    for (int n : answer.typeCounts)
        allTypes += n;
    int allAudiences = 0;
    for (int n : answer.audienceCounts)
        allAudiences += n;
    fillCounts(type_, answer.typeCounts, allTypes);
    fillCounts(audience_, answer.audienceCounts, allAudiences);
    updating_ = false;
    setQuery(answer.query);
}

void FilterPanel::setQuery(const SearchQuery& query)
{
    updating_ = true;
    topics_->setCheckedTopics(query.topics);
    type_->setCurrentIndex(qMax(0, type_->findData(query.type)));
    audience_->setCurrentIndex(qMax(0, audience_->findData(query.audience)));
    clear_->setEnabled(query.hasFilters());
    updating_ = false;
}

}  // namespace fibrokb::app

#include "ui/filter_panel.h"

#include "core/text_format.h"
#include "core/topic_filter_model.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QPainter>
#include <QScreen>
#include <QStylePainter>
#include <QTextLayout>
#include <QVBoxLayout>

#include <cmath>

namespace fibrokb::app {

namespace {

// Pages written for everyone are written for each group too, so the engine keeps them under a group's
// filter (SearchRequest::audience); the counts must say the same.
const QString kEveryone = QStringLiteral("everyone");

}  // namespace

QString fitKeepingCount(const QString& text, const QFontMetrics& metrics, int width)
{
    if (metrics.horizontalAdvance(text) <= width)
        return text;
    const int countStart = text.lastIndexOf(QLatin1String(" ("));
    if (countStart < 0)
        return metrics.elidedText(text, Qt::ElideRight, width);
    const QString count = text.mid(countStart);  // " (193)"
    const QString name =
        metrics.elidedText(text.left(countStart), Qt::ElideRight, width - metrics.horizontalAdvance(count));
    // When not even a letter of the name fits, the count alone is still worth more than a cut-off name.
    return name.isEmpty() ? count.trimmed() : name + count;
}

CountComboBox::CountComboBox(QWidget* parent) : QComboBox(parent)
{
    // The box may be narrower than its longest entry: it elides names instead of widening the panel
    // (and the window) at large text sizes.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(8);
}

int CountComboBox::textWidth() const
{
    QStyleOptionComboBox option;
    initStyleOption(&option);
    const QRect field = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    // The style draws the label one pixel inside the field on each side (QCommonStyle, CE_ComboBoxLabel).
    return field.width() - 2;
}

QString CountComboBox::displayText() const
{
    return fitKeepingCount(currentText(), fontMetrics(), textWidth());
}

void CountComboBox::paintEvent(QPaintEvent*)
{
    QStylePainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    option.currentText = displayText();
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

void CountComboBox::showPopup()
{
    // The open list shows every entry whole, even when the closed box is narrow.
    QAbstractItemView* list = view();
    int wanted = list->sizeHintForColumn(0) + 2 * list->frameWidth() + 8;
    if (const QScreen* screen = this->screen())
        wanted = qMin(wanted, screen->availableGeometry().width());
    list->setMinimumWidth(qMax(width(), wanted));
    QComboBox::showPopup();
}

namespace {

// The text laid out at `width` as item views wrap it (at words, or inside a word longer than a line).
qreal layOut(QTextLayout& layout, int width, Qt::LayoutDirection direction)
{
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    wrap.setTextDirection(direction);
    layout.setTextOption(wrap);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    return height;
}

}  // namespace

QRect WrappingItemDelegate::textRoom(const QStyleOptionViewItem& option, const QWidget* widget)
{
    const QStyle* style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect check = style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, widget);
    QRect room = option.rect.adjusted(margin, 0, -margin, 0);
    if (check.isValid())
        room.setLeft(check.right() + 1 + margin);
    return room;
}

QSize WrappingItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QSize oneLine = QStyledItemDelegate::sizeHint(option, index);
    const auto* view = qobject_cast<const QListView*>(option.widget);
    if (!view)
        return oneLine;
    const int rowWidth = view->viewport()->width() - 2 * view->spacing();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.rect = QRect(0, 0, rowWidth, oneLine.height());
    const QRect room = textRoom(opt, view);
    if (room.width() <= 0)
        return oneLine;
    QTextLayout layout(opt.text, opt.font);
    const int textHeight = int(std::ceil(layOut(layout, room.width(), opt.direction)));
    const int padding = oneLine.height() - opt.fontMetrics.height();  // what the style adds around one line
    return QSize(rowWidth, qMax(oneLine.height(), textHeight + qMax(0, padding)));
}

void WrappingItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();  // the style draws the background, the focus and the check box; the text is ours
    const QWidget* widget = opt.widget;
    const QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect room = textRoom(opt, widget);
    QTextLayout layout(text, opt.font);
    const qreal height = layOut(layout, room.width(), opt.direction);
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setPen(
        opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->setClipRect(opt.rect);
    layout.draw(painter, QPointF(room.left(), room.top() + qMax(0.0, (room.height() - height) / 2)));
    painter->restore();
}

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
    topicList_->setItemDelegate(new WrappingItemDelegate(topicList_));
    topicList_->setUniformItemSizes(false);
    topicList_->setWordWrap(true);
    topicList_->setTextElideMode(Qt::ElideNone);
    topicList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Room for a few topics even when the panel is short (it scrolls as a whole then).
    topicList_->setMinimumHeight(topicList_->fontMetrics().lineSpacing() * 6);
    topicList_->setResizeMode(QListView::Adjust);
    topicList_->setSpacing(1);
    topicList_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    topicLabel->setBuddy(topicList_);

    auto* typeLabel = new QLabel(tr("Page t&ype"), this);
    type_ = new CountComboBox(this);
    type_->setObjectName(QStringLiteral("typeFilter"));
    type_->setAccessibleName(tr("Page type"));
    type_->addItem(tr("All page types"), QString());
    type_->addItem(tr("Articles"), QStringLiteral("article"));
    type_->addItem(tr("Questions and answers"), QStringLiteral("faq"));
    typeLabel->setBuddy(type_);

    // No "Everyone" choice: pages for everyone are included in each group's choice.
    auto* audienceLabel = new QLabel(tr("&Written for"), this);
    audience_ = new CountComboBox(this);
    audience_->setObjectName(QStringLiteral("audienceFilter"));
    audience_->setAccessibleName(tr("Written for"));
    audience_->setAccessibleDescription(
        tr("Choosing a group shows the pages written for that group and the pages written for everyone."));
    audience_->addItem(tr("All pages"), QString());
    audience_->addItem(tr("People with fibromyalgia"), QStringLiteral("patients"));
    audience_->addItem(tr("Carers"), QStringLiteral("caregivers"));
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
    // Topic rows wrap and the boxes elide names, so the panel need not grow with the text. A minimum
    // of 28 characters (336 px at 26 pt) was wider than the dock could be on a small screen at large
    // text, and the dock then cut off the panel's right side, counts first.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::Polish)
        setMinimumWidth(qMin(fontMetrics().averageCharWidth() * 16, 220));
    QWidget::changeEvent(event);
}

void FilterPanel::setCountedText(QComboBox* box, int row, const QString& name, int count)
{
    box->setItemText(row, tr("%1 (%2)").arg(name).arg(count));
    box->setItemData(row, tr("%1, %2").arg(name, pagesText(count)), Qt::AccessibleTextRole);
}

void FilterPanel::setAnswer(const SearchAnswer& answer)
{
    updating_ = true;
    topics_->setCounts(answer.topicCounts);
    // Each "all" entry counts every type (or audience) for the query and the other filters.
    int allTypes = 0;
    for (int n : answer.typeCounts)
        allTypes += n;
    setCountedText(type_, 0, tr("All page types"), allTypes);
    setCountedText(type_, 1, tr("Articles"), answer.typeCounts.value(QStringLiteral("article")));
    setCountedText(type_, 2, tr("Questions and answers"), answer.typeCounts.value(QStringLiteral("faq")));

    // The engine counts pages by their own audience; a group's choice also gives the pages for everyone.
    int allAudiences = 0;
    for (int n : answer.audienceCounts)
        allAudiences += n;
    const int everyone = answer.audienceCounts.value(kEveryone);
    setCountedText(audience_, 0, tr("All pages"), allAudiences);
    setCountedText(audience_, 1, tr("People with fibromyalgia"),
                   answer.audienceCounts.value(QStringLiteral("patients")) + everyone);
    setCountedText(audience_, 2, tr("Carers"), answer.audienceCounts.value(QStringLiteral("caregivers")) + everyone);
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

#include "ui/bookmark_delegate.h"

#include "core/bookmark_models.h"

#include <QFontMetrics>
#include <QPainter>

namespace fibrokb::app {
namespace {
constexpr int kHeadingGap = 6;  // pixels above the heading, separating it from the group before
}

QString BookmarkDelegate::headingFor(const QModelIndex& index)
{
    const auto* proxy = qobject_cast<const BookmarkFilterProxy*>(index.model());
    return proxy ? proxy->groupHeading(index.row()) : QString();
}

QFont BookmarkDelegate::headingFont(const QFont& font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

int BookmarkDelegate::headingHeight(const QFont& font)
{
    return kHeadingGap + QFontMetrics(headingFont(font)).lineSpacing() + 2;
}

QSize BookmarkDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (!headingFor(index).isEmpty())
        size.rheight() += headingHeight(option.font);
    return size;
}

void BookmarkDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QString heading = headingFor(index);
    if (heading.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The heading strip: plain text in the window's colours, never highlighted with the item.
    const int strip = headingHeight(option.font);
    const QRect headingRect = option.rect.adjusted(4, kHeadingGap, -4, strip - option.rect.height());
    painter->save();
    painter->setFont(headingFont(option.font));
    painter->setPen(option.palette.color(QPalette::Active, QPalette::WindowText));
    const QString elided = QFontMetrics(painter->font()).elidedText(heading, Qt::ElideRight, headingRect.width());
    painter->drawText(headingRect, Qt::AlignLeft | Qt::AlignVCenter, elided);
    painter->restore();

    QStyleOptionViewItem item = option;
    item.rect.setTop(option.rect.top() + strip);
    QStyledItemDelegate::paint(painter, item, index);
}

}  // namespace fibrokb::app

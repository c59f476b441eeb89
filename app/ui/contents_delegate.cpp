#include "ui/contents_delegate.h"

#include "ui/theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QRegularExpression>

namespace fibrokb::app {
namespace {

// Padding and indent follow the text size, so 200% text keeps the same proportions.
int padding(const QFontMetrics& metrics)
{
    return qMax(4, metrics.height() / 4);
}

int indent(const QFontMetrics& metrics, const QModelIndex& index)
{
    const QVariant level = index.data(ContentsDelegate::LevelRole);
    const int steps = qBound(0, (level.isValid() ? level.toInt() : 2) - 2, 4);
    return steps * 2 * metrics.averageCharWidth();
}

int viewportWidth(const QStyleOptionViewItem& option)
{
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

constexpr int kTextFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

}  // namespace

ContentsDelegate::ContentsDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QRect ContentsDelegate::textRect(const QStyleOptionViewItem& option, const QModelIndex& index, const QRect& itemRect)
{
    const QFontMetrics metrics(option.font);
    const int pad = padding(metrics);
    return itemRect.adjusted(pad + indent(metrics, index), pad, -pad, -pad);
}

int ContentsDelegate::minimumWidth(const QFont& font, const QModelIndex& index)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QFontMetrics metrics(font);
    int widest = 0;
    for (const QString& word : index.data(Qt::DisplayRole).toString().split(spaces, Qt::SkipEmptyParts))
        widest = qMax(widest, metrics.horizontalAdvance(word));
    return widest + indent(metrics, index) + 2 * padding(metrics) + 2;
}

QSize ContentsDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // As wide as the list (never a horizontal scroll bar), as tall as the wrapped heading.
    const int width = qMax(40, viewportWidth(opt));
    const QRect text = textRect(opt, index, QRect(0, 0, width, 100000));
    const QRect needed = opt.fontMetrics.boundingRect(QRect(0, 0, qMax(1, text.width()), 100000), kTextFlags, opt.text);
    const int pad = padding(opt.fontMetrics);
    return {width, needed.height() + 2 * pad};
}

void ContentsDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect(opt, index, opt.rect), kTextFlags, text);
    painter->restore();

    if (opt.state & QStyle::State_HasFocus)
        drawFocusRing(painter, QRectF(opt.rect), opt.palette, selected);
}

}  // namespace fibrokb::app

#include "ui/result_delegate.h"

#include "core/result_list_model.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>

namespace fibrokb::app {
namespace {

constexpr int kPadding = 12;
constexpr int kGap = 6;

QFont titleFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 1.15);
    font.setBold(true);
    return font;
}

QFont smallFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    return font;
}

int availableWidth(const QStyleOptionViewItem& option)
{
    // The list's viewport decides the width; option.rect may be empty when sizing.
    int width = option.rect.width();
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        width = view->viewport()->width();
    return qMax(200, width);
}

void prepareSnippet(QTextDocument& doc, const QString& html, const QFont& font, int width, const QColor& color)
{
    doc.setDocumentMargin(0);
    doc.setDefaultFont(font);
    doc.setDefaultStyleSheet(QStringLiteral("body { color: %1; } b { font-weight: bold; }").arg(color.name()));
    doc.setHtml(QStringLiteral("<body>%1</body>").arg(html));
    doc.setTextWidth(width);
}

}  // namespace

struct ResultDelegate::Layout {
    QRect title;
    QRect badge;
    QRect chips;      // topic chips and date line
    QRect snippet;
    int height = 0;
};

ResultDelegate::ResultDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

ResultDelegate::Layout ResultDelegate::layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Layout layout;
    const int width = availableWidth(option);
    const QFont base = option.font;
    const QFontMetrics titleMetrics(titleFont(base));
    const QFontMetrics smallMetrics(smallFont(base));
    const int badgeWidth = smallMetrics.horizontalAdvance(index.data(ResultListModel::TypeLabelRole).toString()) + 16;
    const int contentWidth = width - 2 * kPadding;

    const int titleWidth = contentWidth - badgeWidth - kGap;
    const QRect titleBounds = titleMetrics.boundingRect(QRect(0, 0, titleWidth, 10000), Qt::TextWordWrap,
                                                        index.data(ResultListModel::TitleRole).toString());
    int y = kPadding;
    layout.title = QRect(kPadding, y, titleWidth, titleBounds.height());
    layout.badge = QRect(kPadding + contentWidth - badgeWidth, y, badgeWidth, smallMetrics.height() + 6);
    y += qMax(titleBounds.height(), layout.badge.height()) + kGap;

    layout.chips = QRect(kPadding, y, contentWidth, smallMetrics.height() + 6);
    y += layout.chips.height() + kGap;

    QTextDocument doc;
    prepareSnippet(doc, index.data(ResultListModel::SnippetRole).toString(), base, contentWidth, Qt::black);
    const int snippetHeight = int(doc.size().height());
    layout.snippet = QRect(kPadding, y, contentWidth, snippetHeight);
    y += snippetHeight + kPadding;
    layout.height = y;
    return layout;
}

QSize ResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout layout = layoutFor(opt, index);
    return {availableWidth(opt), layout.height};
}

void ResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const Layout layout = layoutFor(opt, index);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette& pal = opt.palette;
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.75);

    painter->save();
    painter->translate(opt.rect.topLeft());
    painter->setRenderHint(QPainter::Antialiasing);

    // Title
    painter->setFont(titleFont(opt.font));
    painter->setPen(text);
    painter->drawText(layout.title, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                      index.data(ResultListModel::TitleRole).toString());

    // Type badge: an outlined pill, so it reads in every theme.
    const QFont small = smallFont(opt.font);
    painter->setFont(small);
    const bool isFaq = index.data(ResultListModel::TypeRole).toString() == QLatin1String("faq");
    QColor badge = isFaq ? QColor(0x7a, 0x4f, 0x9e) : QColor(0x2f, 0x6f, 0x5f);
    if (selected || pal.color(QPalette::Base).lightness() < 128)
        badge = text;
    painter->setPen(QPen(badge, 1.2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(layout.badge).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter->drawText(layout.badge, Qt::AlignCenter, index.data(ResultListModel::TypeLabelRole).toString());

    // Topic chips, then the checked date.
    const QFontMetrics smallMetrics(small);
    int x = layout.chips.left();
    const QColor chipFill = selected ? pal.color(QPalette::Highlight).lighter(130) : pal.color(QPalette::AlternateBase);
    for (const QString& label : index.data(ResultListModel::TopicLabelsRole).toStringList()) {
        const int w = smallMetrics.horizontalAdvance(label) + 14;
        if (x + w > layout.chips.right() - 120)
            break;
        const QRect chip(x, layout.chips.top(), w, layout.chips.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(chipFill);
        painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
        painter->setPen(text);
        painter->drawText(chip, Qt::AlignCenter, label);
        x += w + 6;
    }
    const QString reviewed = index.data(ResultListModel::ReviewedRole).toString();
    if (!reviewed.isEmpty()) {
        painter->setPen(muted);
        const QRect dateRect(x + 6, layout.chips.top(), layout.chips.right() - x - 6, layout.chips.height());
        painter->drawText(dateRect, Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(tr("Checked %1").arg(reviewed), Qt::ElideRight, dateRect.width()));
    }

    // Snippet (rich text: matches in bold).
    QTextDocument doc;
    prepareSnippet(doc, index.data(ResultListModel::SnippetRole).toString(), opt.font, layout.snippet.width(), text);
    painter->translate(layout.snippet.topLeft());
    doc.drawContents(painter);
    painter->restore();

    // A quiet separator between results.
    painter->save();
    QColor line = pal.color(QPalette::Mid);
    line.setAlphaF(0.4);
    painter->setPen(line);
    painter->drawLine(opt.rect.bottomLeft() + QPoint(kPadding, 0), opt.rect.bottomRight() - QPoint(kPadding, 0));
    painter->restore();

    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = opt.rect.adjusted(2, 2, -2, -2);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

}  // namespace fibrokb::app

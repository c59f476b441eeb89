#include "ui/result_delegate.h"

#include "core/result_list_model.h"
#include "ui/theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QtMath>

#include <memory>

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

QChar entity(QStringView name)
{
    if (name == u"amp")
        return u'&';
    if (name == u"lt")
        return u'<';
    if (name == u"gt")
        return u'>';
    if (name == u"quot")
        return u'"';
    if (name == u"apos")
        return u'\'';
    if (name == u"hellip")
        return QChar(0x2026);
    if (name == u"nbsp")
        return u' ';
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint code = name.size() > 1 && (name[1] == u'x' || name[1] == u'X') ? name.mid(2).toUInt(&ok, 16)
                                                                                  : name.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code < 0x10000 && !QChar::isSurrogate(code))
            return QChar(char16_t(code));
    }
    return {};
}

// A snippet's HTML as the engine writes it (HTML-escaped text, matches in <b>...</b>) or an escaped
// summary: plain text with runs of white space made one space, as HTML shows it, and the bold ranges.
// Any other tag is dropped; an unknown entity stays as written.
QString snippetText(const QString& html, QList<QTextLayout::FormatRange>& formats)
{
    QString text;
    text.reserve(html.size());
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    int boldStart = -1;
    bool space = false;
    auto put = [&](QChar c) {
        if (c.isSpace()) {
            space = !text.isEmpty();
            return;
        }
        if (space)
            text += u' ';
        space = false;
        text += c;
    };
    auto endBold = [&] {
        if (boldStart >= 0 && text.size() > boldStart)
            formats.push_back({boldStart, int(text.size()) - boldStart, bold});
        boldStart = -1;
    };
    for (qsizetype i = 0; i < html.size(); ++i) {
        const QChar c = html[i];
        if (c == u'<') {
            const qsizetype close = html.indexOf(u'>', i);
            if (close < 0)
                break;
            const QStringView tag = QStringView(html).mid(i + 1, close - i - 1).trimmed();
            if (tag.compare(u"b", Qt::CaseInsensitive) == 0 || tag.compare(u"strong", Qt::CaseInsensitive) == 0) {
                if (boldStart < 0) {
                    if (space) {  // the space before a match is not bold
                        text += u' ';
                        space = false;
                    }
                    boldStart = int(text.size());
                }
            } else if (tag.compare(u"/b", Qt::CaseInsensitive) == 0 ||
                       tag.compare(u"/strong", Qt::CaseInsensitive) == 0) {
                endBold();
            }
            i = close;
            continue;
        }
        if (c == u'&') {
            const qsizetype semi = html.indexOf(u';', i);
            if (semi > i + 1 && semi - i <= 10) {
                const QChar decoded = entity(QStringView(html).mid(i + 1, semi - i - 1));
                if (!decoded.isNull()) {
                    put(decoded);
                    i = semi;
                    continue;
                }
            }
        }
        put(c);
    }
    endBold();
    return text;
}

}  // namespace

struct ResultDelegate::Layout {
    int dividerHeight = 0;  // the "Pages that match some of your words" strip above the first partial match
    QRect divider;
    QRect title;
    QRect badge;
    QRect chips;  // topic chips and date line
    QRect snippet;
    int height = 0;
    std::unique_ptr<QTextLayout> snippetText;  // laid out at snippet.width(), glyphs kept for painting
};

ResultDelegate::ResultDelegate(QObject* parent) : QStyledItemDelegate(parent)
{
    // A few answers' worth of rows: typing on usually shows many of the same pages again.
    cache_.setMaxCost(300);
}

ResultDelegate::~ResultDelegate() = default;

const ResultDelegate::Layout* ResultDelegate::layoutFor(const QStyleOptionViewItem& option,
                                                        const QModelIndex& index) const
{
    const int width = availableWidth(option);
    const QFont base = option.font;
    const QString title = index.data(ResultListModel::TitleRole).toString();
    const QString typeLabel = index.data(ResultListModel::TypeLabelRole).toString();
    const QString html = index.data(ResultListModel::SnippetRole).toString();
    const QChar sep(0x1f);
    const bool startsPartial = index.data(ResultListModel::StartsPartialRole).toBool();
    const QString key = base.key() + sep + QString::number(width) + sep + title + sep + typeLabel + sep + html + sep +
                        (startsPartial ? QLatin1Char('p') : QLatin1Char('f'));
    if (const Layout* cached = cache_.object(key))
        return cached;

    ++built_;
    auto layout = std::make_unique<Layout>();
    const QFontMetrics titleMetrics(titleFont(base));
    const QFontMetrics smallMetrics(smallFont(base));
    const int badgeWidth = smallMetrics.horizontalAdvance(typeLabel) + 16;
    const int contentWidth = width - 2 * kPadding;

    const int titleWidth = contentWidth - badgeWidth - kGap;
    const QRect titleBounds = titleMetrics.boundingRect(QRect(0, 0, titleWidth, 10000), Qt::TextWordWrap, title);
    int y = kPadding;
    if (startsPartial) {
        // Wrapped like the rest, so it stays whole at 200% text and in a narrow window.
        const QFontMetrics dividerMetrics(titleFont(base));
        const QRect bounds = dividerMetrics.boundingRect(QRect(0, 0, contentWidth, 10000), Qt::TextWordWrap,
                                                         ResultListModel::partialDividerText());
        layout->divider = QRect(kPadding, kPadding + kGap, contentWidth, bounds.height());
        layout->dividerHeight = layout->divider.bottom() + 1 + kGap;
        y += layout->dividerHeight;
    }
    layout->title = QRect(kPadding, y, titleWidth, titleBounds.height());
    layout->badge = QRect(kPadding + contentWidth - badgeWidth, y, badgeWidth, smallMetrics.height() + 6);
    y += qMax(titleBounds.height(), layout->badge.height()) + kGap;

    layout->chips = QRect(kPadding, y, contentWidth, smallMetrics.height() + 6);
    y += layout->chips.height() + kGap;

    // Snippet: plain text with the matches in bold, wrapped like the rich text it replaces.
    QList<QTextLayout::FormatRange> formats;
    layout->snippetText = std::make_unique<QTextLayout>(snippetText(html, formats), base);
    QTextLayout& text = *layout->snippetText;
    text.setFormats(formats);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    text.setTextOption(wrap);
    text.setCacheEnabled(true);
    qreal textHeight = 0;
    text.beginLayout();
    for (QTextLine line = text.createLine(); line.isValid(); line = text.createLine()) {
        line.setLeadingIncluded(true);
        line.setLineWidth(contentWidth);
        line.setPosition(QPointF(0, textHeight));
        textHeight += line.height();
    }
    text.endLayout();
    const int snippetHeight = qCeil(textHeight);
    layout->snippet = QRect(kPadding, y, contentWidth, snippetHeight);
    y += snippetHeight + kPadding;
    layout->height = y;

    const Layout* result = layout.get();
    cache_.insert(key, layout.release());
    return result;
}

QSize ResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return {availableWidth(opt), layoutFor(opt, index)->height};
}

void ResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const Layout& layout = *layoutFor(opt, index);
    if (layout.dividerHeight > 0) {
        // The divider belongs to the list, not to the row: drawn above the row's selection and focus.
        painter->save();
        QColor muted = opt.palette.color(QPalette::Text);
        muted.setAlphaF(0.8);
        painter->setPen(muted);
        painter->setFont(titleFont(opt.font));
        painter->drawText(layout.divider.translated(opt.rect.topLeft()), Qt::TextWordWrap | Qt::AlignLeft,
                          ResultListModel::partialDividerText());
        QColor rule = opt.palette.color(QPalette::Mid);
        painter->setPen(QPen(rule, 2));
        const int ruleY = opt.rect.top() + kGap / 2;
        painter->drawLine(opt.rect.left() + kPadding, ruleY, opt.rect.right() - kPadding, ruleY);
        painter->restore();
    }
    // The row's own parts (laid out below the strip) get the selection fill and the focus ring.
    QStyleOptionViewItem panel = opt;
    panel.rect.setTop(opt.rect.top() + layout.dividerHeight);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &panel, painter, widget);
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

    // Snippet: matches in bold, drawn in the pen's colour from the cached layout.
    painter->setPen(text);
    layout.snippetText->draw(painter, layout.snippet.topLeft());
    painter->restore();

    // A quiet separator between results.
    painter->save();
    QColor line = pal.color(QPalette::Mid);
    line.setAlphaF(0.4);
    painter->setPen(line);
    painter->drawLine(opt.rect.bottomLeft() + QPoint(kPadding, 0), opt.rect.bottomRight() - QPoint(kPadding, 0));
    painter->restore();

    // Keyboard focus: the list has focus and this is its current row (the one Enter opens). Selection
    // alone is only the fill, so a person can tell where Enter and Space will act.
    if (opt.state & QStyle::State_HasFocus)
        drawFocusRing(painter, QRectF(panel.rect), pal, selected);
}

}  // namespace fibrokb::app

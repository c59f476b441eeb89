#include "ui/home_link_button.h"

#include "ui/theme.h"

#include <QKeyEvent>
#include <QPainter>
#include <QRegularExpression>

namespace fibrokb::app {
namespace {

constexpr int kTextFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

int widestWord(const QFontMetrics& metrics, const QString& text)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    int widest = 0;
    for (const QString& word : text.split(spaces, Qt::SkipEmptyParts))
        widest = qMax(widest, metrics.horizontalAdvance(word));
    return widest;
}

}  // namespace

HomeLinkButton::HomeLinkButton(const QString& title, const QString& description, QWidget* parent)
    : QCommandLinkButton(title, description, parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred, QSizePolicy::PushButton);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QFont HomeLinkButton::titleFont() const
{
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    font.setBold(true);
    return font;
}

QFont HomeLinkButton::descriptionFont() const
{
    return font();
}

int HomeLinkButton::margin() const
{
    return qMax(6, fontMetrics().height() / 2);
}

HomeLinkButton::Layout HomeLinkButton::layoutFor(int width) const
{
    const int m = margin();
    const int textWidth = qMax(1, width - 2 * m);
    const QFontMetrics titleMetrics(titleFont());
    const QFontMetrics descriptionMetrics(descriptionFont());
    Layout layout;
    const QRect title = titleMetrics.boundingRect(QRect(0, 0, textWidth, 100000), kTextFlags, text());
    layout.title = QRect(m, m, textWidth, title.height());
    int bottom = layout.title.bottom() + 1;
    if (!description().isEmpty()) {
        const QRect description =
            descriptionMetrics.boundingRect(QRect(0, 0, textWidth, 100000), kTextFlags, this->description());
        layout.description = QRect(m, bottom + m / 3, textWidth, description.height());
        bottom = layout.description.bottom() + 1;
    }
    layout.height = bottom + m;
    return layout;
}

int HomeLinkButton::heightForWidth(int width) const
{
    return layoutFor(width).height;
}

QSize HomeLinkButton::sizeHint() const
{
    // One line for the title if it fits in about 40 characters; longer text wraps.
    const QFontMetrics titleMetrics(titleFont());
    const QFontMetrics descriptionMetrics(descriptionFont());
    const int natural =
        qMax(titleMetrics.horizontalAdvance(text()), descriptionMetrics.horizontalAdvance(description()));
    const int width = qMin(natural, 40 * descriptionMetrics.averageCharWidth()) + 2 * margin();
    return {width, heightForWidth(width)};
}

QSize HomeLinkButton::minimumSizeHint() const
{
    // Narrow enough for two tiles side by side at 200% text in 800 pixels; never narrower than a word.
    const int words =
        qMax(widestWord(QFontMetrics(titleFont()), text()), widestWord(QFontMetrics(descriptionFont()), description()));
    const int width = qMax(words, 12 * fontMetrics().averageCharWidth()) + 2 * margin();
    const int oneLineEach = QFontMetrics(titleFont()).height() + QFontMetrics(descriptionFont()).height();
    return {width, oneLineEach + 2 * margin()};
}

void HomeLinkButton::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    if (isDown() || underMouse()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(pal.color(isDown() ? QPalette::Midlight : QPalette::AlternateBase));
        painter.drawRoundedRect(frame, 6, 6);
    }
    const Layout layout = layoutFor(width());
    painter.setFont(titleFont());
    painter.setPen(pal.color(QPalette::Link));
    painter.drawText(layout.title, kTextFlags, text());
    if (!description().isEmpty()) {
        painter.setFont(descriptionFont());
        painter.setPen(pal.color(QPalette::ButtonText));
        painter.drawText(layout.description, kTextFlags, description());
    }
    // Always shown while the tile has focus: Space and Enter act on the tile with the ring.
    if (hasFocus())
        drawFocusRing(&painter, QRectF(rect()), pal, false);
}

void HomeLinkButton::keyPressEvent(QKeyEvent* event)
{
    // A push button outside a dialog ignores Enter; on the home page Enter opens the focused link, like Space.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        click();
        return;
    }
    QCommandLinkButton::keyPressEvent(event);
}

}  // namespace fibrokb::app

#include "ui/theme.h"

#include <QApplication>
#include <QFont>
#include <QPainter>
#include <QStyle>
#include <QStyleFactory>

namespace fibrokb::app {
namespace {

struct SystemLook {
    bool captured = false;
    QString styleName;
    QPalette palette;
};

SystemLook& systemLook()
{
    static SystemLook look;
    return look;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf6, 0xf4, 0xef));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf1, 0xee, 0xe6));
    p.setColor(QPalette::Text, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::Button, QColor(0xee, 0xeb, 0xe4));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0x9f));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1a, 0x55, 0x9e));
    p.setColor(QPalette::LinkVisited, QColor(0x5b, 0x3c, 0x88));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xfb, 0xe6));
    p.setColor(QPalette::ToolTipText, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x6b, 0x6b));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8a, 0x8a, 0x8a));
    return p;
}

QPalette darkPalette()
{
    // Soft dark grey rather than black: easier on tired eyes at night.
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe4, 0xdf));
    p.setColor(QPalette::Base, QColor(0x1e, 0x20, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2f, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe4, 0xdf));
    p.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe4, 0xdf));
    p.setColor(QPalette::Highlight, QColor(0x5a, 0x8f, 0xc0));
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Link, QColor(0x8c, 0xb8, 0xe8));
    p.setColor(QPalette::LinkVisited, QColor(0xb9, 0xa1, 0xe0));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x36, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe4, 0xdf));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

QPalette highContrastPalette()
{
    QPalette p;
    const QColor black(0, 0, 0), white(0xff, 0xff, 0xff), yellow(0xff, 0xff, 0x00), cyan(0x00, 0xff, 0xff);
    for (auto role :
         {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button, QPalette::ToolTipBase})
        p.setColor(role, black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
                      QPalette::Light, QPalette::Midlight, QPalette::Mid})
        p.setColor(role, white);
    p.setColor(QPalette::PlaceholderText, QColor(0xc8, 0xc8, 0xc8));
    p.setColor(QPalette::Highlight, yellow);
    p.setColor(QPalette::HighlightedText, black);
    p.setColor(QPalette::Link, yellow);
    p.setColor(QPalette::LinkVisited, cyan);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0xb0, 0xb0, 0xb0));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0xb0, 0xb0, 0xb0));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xb0, 0xb0, 0xb0));
    return p;
}

}  // namespace

void applyAppearance(QApplication* app, Theme theme, int fontPointSize)
{
    SystemLook& look = systemLook();
    if (!look.captured) {
        look.captured = true;
        look.styleName = app->style()->name();
        look.palette = app->palette();
    }
    if (theme == Theme::System) {
        if (app->style()->name() != look.styleName)
            app->setStyle(QStyleFactory::create(look.styleName));
        app->setPalette(look.palette);
    } else {
        // Fusion draws palettes faithfully on every platform.
        if (app->style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            app->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app->setPalette(theme == Theme::Dark           ? darkPalette()
                        : theme == Theme::HighContrast ? highContrastPalette()
                                                       : lightPalette());
    }
    // Fusion draws frames and check boxes in a shade of the Window colour, which vanishes
    // on dark backgrounds. Give input widgets a lighter Window so their outlines show.
    QPalette framed = app->palette();
    if (theme == Theme::Dark)
        framed.setColor(QPalette::Window, QColor(0xa8, 0xa8, 0xa8));
    else if (theme == Theme::HighContrast)
        framed.setColor(QPalette::Window, QColor(0xff, 0xff, 0xff));
    for (const char* cls : {"QAbstractItemView", "QLineEdit", "QComboBox", "QAbstractSpinBox", "QPushButton",
                            "QTextEdit", "QPlainTextEdit", "QCheckBox"})
        app->setPalette(framed, cls);
    QFont font = app->font();
    font.setPointSize(fontPointSize);
    app->setFont(font);
}

PageColors pageColorsFor(const QPalette& palette, Theme theme)
{
    PageColors colors;
    colors.text = palette.color(QPalette::Text);
    colors.background = palette.color(QPalette::Base);
    colors.link = palette.color(QPalette::Link);
    const bool dark = colors.background.lightness() < 128;
    if (theme == Theme::HighContrast) {
        colors.muted = QColor(0xff, 0xff, 0xff);
        colors.accent = QColor(0x20, 0x20, 0x20);
    } else if (dark) {
        colors.muted = QColor(0xb8, 0xb5, 0xae);
        colors.accent = QColor(0x2e, 0x31, 0x35);
    } else {
        colors.muted = QColor(0x55, 0x55, 0x55);
        colors.accent = QColor(0xf3, 0xf0, 0xe8);
    }
    return colors;
}

QColor focusRingColor(const QPalette& palette, bool onSelection)
{
    // Highlight is the theme's strongest accent on Base and Window (blue on light, light blue on dark grey,
    // yellow on black); on a Highlight fill only HighlightedText is guaranteed to show.
    return palette.color(onSelection ? QPalette::HighlightedText : QPalette::Highlight);
}

void drawFocusRing(QPainter* painter, const QRectF& rect, const QPalette& palette, bool onSelection)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(focusRingColor(palette, onSelection), kFocusRingWidth);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const qreal inset = kFocusRingWidth / 2.0 + 1;
    painter->drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), 4, 4);
    painter->restore();
}

}  // namespace fibrokb::app

#include "ui/safe_text_browser.h"

#include <QRegularExpression>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

namespace fibrokb::app {
namespace {

// The size step a heading was written with, kept on its text when fitHeadingsToColumn() changes it.
constexpr int kWrittenSizeStep = QTextFormat::UserProperty + 71;

// QTextDocument's scale for QTextFormat::FontSizeAdjustment (HTML font sizes 1..7 around 0 = normal).
qreal sizeStepScale(int step)
{
    static const qreal scale[7] = {0.7, 0.8, 1.0, 1.2, 1.5, 2.0, 2.4};
    return scale[qBound(0, step + 2, 6)];
}

}  // namespace

SafeTextBrowser::SafeTextBrowser(QWidget* parent) : QTextBrowser(parent)
{
    // Links are handled by the app (internal pages, confirmed external links).
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl& name)
{
    // Only resources bundled in the app itself; never the network or the file system.
    if (name.scheme() == QLatin1String("qrc"))
        return QTextBrowser::loadResource(type, name);
    ++blocked_;
    return {};
}

void SafeTextBrowser::setColumnCharacters(int characters)
{
    columnCharacters_ = characters;
    updateReadingColumn();
}

void SafeTextBrowser::updateReadingColumn()
{
    // Long lines are hard to follow with fibro fog: centre a column of about 72 characters.
    const int available = viewport()->width();
    const int column = fontMetrics().averageCharWidth() * columnCharacters_;
    const int side = qMax(16, (available - column) / 2);
    QTextFrame* root = document()->rootFrame();
    QTextFrameFormat format = root->frameFormat();
    if (int(format.leftMargin()) != side || int(format.rightMargin()) != side) {
        format.setLeftMargin(side);
        format.setRightMargin(side);
        format.setTopMargin(16);
        format.setBottomMargin(24);
        root->setFrameFormat(format);
    }
    fitHeadingsToColumn();
    const int width = qMax(0, available - 2 * side - 2 * int(document()->documentMargin()));
    if (width != textColumnWidth_) {
        textColumnWidth_ = width;
        Q_EMIT textColumnWidthChanged(width);
    }
}

int SafeTextBrowser::fitHeadingsToColumn()
{
    QTextDocument* doc = document();
    const QTextFrameFormat root = doc->rootFrame()->frameFormat();
    const qreal available = viewport()->width() - root.leftMargin() - root.rightMargin() - 4;
    if (available <= 0)
        return 0;
    const qreal basePoints = doc->defaultFont().pointSizeF();
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    int smaller = 0;
    QTextCursor cursor(doc);
    bool editing = false;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() <= 0 || block.begin().atEnd())
            continue;
        const QTextCharFormat first = block.begin().fragment().charFormat();
        const int written = first.hasProperty(kWrittenSizeStep) ? first.intProperty(kWrittenSizeStep)
                                                                : first.intProperty(QTextFormat::FontSizeAdjustment);
        const int current = first.intProperty(QTextFormat::FontSizeAdjustment);
        QFont font = first.font();
        int step = written;
        for (; step > 0; --step) {
            if (basePoints > 0)
                font.setPointSizeF(basePoints * sizeStepScale(step));
            const QFontMetricsF metrics(font);
            qreal widest = 0;
            for (const QString& word : block.text().split(spaces, Qt::SkipEmptyParts))
                widest = qMax(widest, metrics.horizontalAdvance(word));
            if (widest <= available)
                break;
        }
        if (step < written)
            ++smaller;
        if (step == current)
            continue;
        if (!editing) {
            cursor.beginEditBlock();
            editing = true;
        }
        // Fragments first: changing a format can merge fragments under a live iterator.
        QVector<QTextFragment> fragments;
        for (auto it = block.begin(); !it.atEnd(); ++it)
            fragments.push_back(it.fragment());
        for (const QTextFragment& fragment : fragments) {
            QTextCharFormat format = fragment.charFormat();
            format.setProperty(kWrittenSizeStep, written);
            format.setProperty(QTextFormat::FontSizeAdjustment, step);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(format);
        }
    }
    if (editing)
        cursor.endEditBlock();
    return smaller;
}

void SafeTextBrowser::resizeEvent(QResizeEvent* event)
{
    QTextBrowser::resizeEvent(event);
    updateReadingColumn();
}

}  // namespace fibrokb::app

#include "ui/search_field.h"

#include <fibrokb/searcher.h>

#include <QApplication>
#include <QKeyEvent>

namespace fibrokb::app {

// A search of plain ASCII that fits the field always fits the engine whole.
static_assert(SearchField::kMaxQueryLength <= int(fibrokb::kMaxQueryBytes));

SearchField::SearchField(QWidget* parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("searchField"));
    setAccessibleName(tr("Search the library"));
    setAccessibleDescription(tr("Type a few words. Results appear below as you type. "
                                "Use the Up and Down arrows to pick a result and Enter to open it."));
    setPlaceholderText(tr("Search, for example: hip pain at night"));
    setClearButtonEnabled(true);
    // No one types a search this long; a paste of a whole page is cut here, and the engine cuts at
    // kMaxQueryBytes bytes (fewer characters when they are not ASCII). The window says so calmly.
    setMaxLength(kMaxQueryLength);
    applyFontSize();
    connect(this, &QLineEdit::textEdited, this, &SearchField::onTextEdited);
    // The clear button changes the text without textEdited.
    connect(this, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty() && !typed_.isEmpty()) {
            typed_.clear();
            Q_EMIT queryEdited(typed_);
        }
    });
}

void SearchField::setQueryText(const QString& text)
{
    typed_ = text.left(maxLength());
    setText(typed_);
    Q_EMIT queryEdited(typed_);
}

void SearchField::onTextEdited(const QString& text)
{
    typed_ = text;
    Q_EMIT queryEdited(typed_);
}

bool SearchField::offerCompletion(const QString& full)
{
    // Only while the person is at the end of what they typed, and only if it still fits:
    // an answer that arrives late must never change the text under their fingers.
    if (!completionEnabled_ || full.isEmpty() || typed_ == declinedFor_ || hasSelectedText() ||
        cursorPosition() != text().size() || text() != typed_ || full.size() <= typed_.size() ||
        !full.startsWith(typed_, Qt::CaseInsensitive))
        return false;
    const int typedLength = int(typed_.size());
    setText(typed_ + full.mid(typedLength));
    setSelection(int(text().size()), typedLength - int(text().size()));
    return true;
}

bool SearchField::hasCompletion() const
{
    return hasSelectedText() && text() != typed_ && text().startsWith(typed_) && selectionStart() == typed_.size();
}

bool SearchField::acceptCompletion()
{
    if (!hasCompletion())
        return false;
    deselect();
    setCursorPosition(int(text().size()));
    typed_ = text();
    Q_EMIT queryEdited(typed_);
    return true;
}

void SearchField::focusOutEvent(QFocusEvent* event)
{
    // An unconfirmed suggestion never stays behind when the person moves on.
    if (hasCompletion())
        setText(typed_);
    QLineEdit::focusOutEvent(event);
}

bool SearchField::event(QEvent* event)
{
    // Tab always moves on (to the results) and never changes the search: the suggestion is
    // dropped on the way out (focusOutEvent). Right or End accepts it.
    if (event->type() == QEvent::ApplicationFontChange)
        applyFontSize();
    return QLineEdit::event(event);
}

void SearchField::applyFontSize()
{
    // A little larger than the rest of the window, always relative to the application's font, so
    // the field follows the text size chosen in Settings like everything else.
    QFont larger = QApplication::font(this);
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    setFont(larger);
    setMinimumHeight(fontMetrics().height() + 16);
}

void SearchField::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Down:
        Q_EMIT moveSelection(1);
        return;
    case Qt::Key_Up:
        Q_EMIT moveSelection(-1);
        return;
    case Qt::Key_PageDown:
        Q_EMIT moveSelection(5);
        return;
    case Qt::Key_PageUp:
        Q_EMIT moveSelection(-5);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Enter opens the highlighted result of what was typed; drop the unconfirmed completion.
        if (hasCompletion())
            setText(typed_);
        Q_EMIT activateCurrent();
        return;
    case Qt::Key_Right:
    case Qt::Key_End:
        if (event->modifiers() == Qt::NoModifier && acceptCompletion())
            return;
        break;
    case Qt::Key_Escape:
        if (hasCompletion()) {
            declinedFor_ = typed_;
            setText(typed_);
            return;
        }
        Q_EMIT escapePressed();
        return;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

}  // namespace fibrokb::app

#include "ui/find_bar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolButton>

namespace fibrokb::app {

FindBar::FindBar(QTextEdit* target, QWidget* parent) : QWidget(parent), target_(target)
{
    setObjectName(QStringLiteral("findBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto* label = new QLabel(tr("Find in page:"), this);
    field_ = new QLineEdit(this);
    field_->setObjectName(QStringLiteral("findField"));
    field_->setAccessibleName(tr("Find in page"));
    field_->setPlaceholderText(tr("Word to find"));
    field_->setClearButtonEnabled(true);
    label->setBuddy(field_);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("findStatus"));
    status_->setAccessibleName(tr("Matches found"));
    previous_ = new QToolButton(this);
    previous_->setText(tr("Previous"));
    previous_->setAccessibleName(tr("Previous match"));
    previous_->setToolTip(tr("Previous match (Shift+Enter)"));
    next_ = new QToolButton(this);
    next_->setText(tr("Next"));
    next_->setAccessibleName(tr("Next match"));
    next_->setToolTip(tr("Next match (Enter)"));
    close_ = new QToolButton(this);
    close_->setText(tr("Close"));
    close_->setAccessibleName(tr("Close find"));
    close_->setToolTip(tr("Close (Esc)"));
    layout->addWidget(label);
    layout->addWidget(field_, 1);
    layout->addWidget(status_);
    layout->addWidget(previous_);
    layout->addWidget(next_);
    layout->addWidget(close_);

    connect(field_, &QLineEdit::textChanged, this, &FindBar::search);
    connect(next_, &QToolButton::clicked, this, &FindBar::findNext);
    connect(previous_, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(close_, &QToolButton::clicked, this, &FindBar::close);
    field_->installEventFilter(this);
    hide();
}

void FindBar::activate()
{
    show();
    field_->setFocus(Qt::ShortcutFocusReason);
    field_->selectAll();
    if (!field_->text().isEmpty())
        search();
}

void FindBar::setText(const QString& text)
{
    field_->setText(text);
}

QString FindBar::statusText() const
{
    return status_->text();
}

bool FindBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == field_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::refresh()
{
    if (isVisible() && !field_->text().isEmpty())
        search();
    else {
        matches_.clear();
        current_ = -1;
        target_->setExtraSelections({});
    }
}

void FindBar::search()
{
    matches_.clear();
    current_ = -1;
    const QString needle = field_->text();
    if (!needle.isEmpty()) {
        QTextCursor cursor(target_->document());
        while (true) {
            cursor = target_->document()->find(needle, cursor);
            if (cursor.isNull())
                break;
            matches_.push_back(cursor);
        }
    }
    if (!matches_.isEmpty())
        select(0);
    else
        highlight();
}

void FindBar::select(int index)
{
    if (matches_.isEmpty())
        return;
    current_ = (index + int(matches_.size())) % int(matches_.size());
    QTextCursor cursor = matches_.at(current_);
    target_->setTextCursor(cursor);
    target_->ensureCursorVisible();
    highlight();
}

void FindBar::highlight()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette palette = target_->palette();
    for (int i = 0; i < matches_.size(); ++i) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = matches_.at(i);
        if (i == current_) {
            selection.format.setBackground(palette.color(QPalette::Highlight));
            selection.format.setForeground(palette.color(QPalette::HighlightedText));
        } else {
            selection.format.setBackground(QColor(0xff, 0xe0, 0x66));
            selection.format.setForeground(Qt::black);
        }
        selections << selection;
    }
    target_->setExtraSelections(selections);
    if (field_->text().isEmpty())
        status_->clear();
    else if (matches_.isEmpty())
        status_->setText(tr("No matches"));
    else
        status_->setText(tr("%1 of %2").arg(current_ + 1).arg(matches_.size()));
    previous_->setEnabled(matches_.size() > 1);
    next_->setEnabled(matches_.size() > 1);
}

void FindBar::findNext()
{
    select(current_ + 1);
}

void FindBar::findPrevious()
{
    select(current_ - 1);
}

void FindBar::close()
{
    hide();
    target_->setExtraSelections({});
    QTextCursor cursor = target_->textCursor();
    cursor.clearSelection();
    target_->setTextCursor(cursor);
    target_->setFocus(Qt::OtherFocusReason);
    Q_EMIT closed();
}

}  // namespace fibrokb::app

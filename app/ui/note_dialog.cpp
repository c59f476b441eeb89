#include "ui/note_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QVBoxLayout>

namespace fibrokb::app {

void addSaveShortcuts(QDialog* dialog)
{
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* save = new QShortcut(keys, dialog);
        QObject::connect(save, &QShortcut::activated, dialog, &QDialog::accept);
    }
}

NoteDialog::NoteDialog(const QString& bookmarkTitle, const QString& note, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("noteDialog"));
    setWindowTitle(tr("Note"));
    auto* layout = new QVBoxLayout(this);
    // Plain text with "&&" for "&": a title is shown as written, never as markup or a mnemonic.
    auto* label = new QLabel(this);
    label->setTextFormat(Qt::PlainText);
    label->setText(
        tr("&Note for \u201c%1\u201d:").arg(QString(bookmarkTitle).replace(QLatin1Char('&'), QStringLiteral("&&"))));
    label->setWordWrap(true);
    layout->addWidget(label);

    note_ = new QPlainTextEdit(this);
    note_->setObjectName(QStringLiteral("noteText"));
    note_->setAccessibleName(tr("Note"));
    note_->setAccessibleDescription(tr("Ctrl+Enter saves the note, Escape closes without saving."));
    // Tab moves on to the buttons, as everywhere else; a note has no use for tab characters.
    note_->setTabChangesFocus(true);
    note_->setPlainText(note);
    note_->setMinimumHeight(note_->fontMetrics().lineSpacing() * 6);
    label->setBuddy(note_);
    layout->addWidget(note_, 1);

    auto* hint = new QLabel(tr("Ctrl+Enter saves. Esc closes without saving."), this);
    hint->setObjectName(QStringLiteral("noteHint"));
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save note"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    addSaveShortcuts(this);

    // Wide enough for a sentence per line, but never wider than the screen at large text sizes.
    const QScreen* screen = parent ? parent->screen() : this->screen();
    const int screenLimit = screen ? screen->availableGeometry().width() * 9 / 10 : 800;
    setMinimumWidth(qMin(note_->fontMetrics().averageCharWidth() * 50, screenLimit));
    note_->setFocus();
}

void NoteDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // Start in the text with the cursor at the end, ready to add to the note.
    note_->moveCursor(QTextCursor::End);
    note_->setFocus(Qt::OtherFocusReason);
}

QString NoteDialog::note() const
{
    return note_->toPlainText().trimmed();
}

}  // namespace fibrokb::app

// "Note…" in the bookmarks panel: the note of one bookmark. Built for the keyboard: Tab leaves
// the text (it never types a tab), Ctrl+Enter saves from anywhere in the dialog, Esc cancels,
// and Return starts a new line of the note.
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace fibrokb::app {

class NoteDialog final : public QDialog {
    Q_OBJECT
public:
    NoteDialog(const QString& bookmarkTitle, const QString& note, QWidget* parent = nullptr);

    QString note() const;  // trimmed
    QPlainTextEdit* noteField() const { return note_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    QPlainTextEdit* note_;
};

// Ctrl+Return and Ctrl+Enter (the keypad's Enter) accept `dialog`: the save key of every
// dialog with a multi-line text box.
void addSaveShortcuts(QDialog* dialog);

}  // namespace fibrokb::app

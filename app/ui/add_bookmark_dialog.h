// "Bookmark" (Ctrl+D): which part of the page, which folder (or a new one) and a note.
// Everything is reachable with Tab; Ctrl+Enter saves from the note.
#pragma once

#include "core/bookmark.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace fibrokb::app {

struct SectionRef;

class AddBookmarkDialog final : public QDialog {
    Q_OBJECT
public:
    AddBookmarkDialog(const QString& pageTitle, const QVector<SectionRef>& sections, const QString& anchor,
                      const QVector<Folder>& folders, qint64 folderId, const QString& note, QWidget* parent = nullptr);

    QString anchor() const;
    QString sectionHeading() const;
    qint64 folderId() const;        // 0 when a new folder or no folder
    QString newFolderName() const;  // non-empty when "New folder…" was chosen
    QString note() const;

    QComboBox* sectionBox() const { return section_; }
    QComboBox* folderBox() const { return folder_; }
    QLineEdit* newFolderField() const { return newFolder_; }
    QPlainTextEdit* noteField() const { return note_; }
    void chooseNewFolder(const QString& name);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateNewFolder();

    QComboBox* section_;
    QComboBox* folder_;
    QLineEdit* newFolder_;
    QLabel* newFolderLabel_;
    QPlainTextEdit* note_;
};

}  // namespace fibrokb::app

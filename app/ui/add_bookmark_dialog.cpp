#include "ui/add_bookmark_dialog.h"

#include "ui/article_view.h"
#include "ui/note_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fibrokb::app {
namespace {
constexpr qint64 kNewFolder = -2;
}

AddBookmarkDialog::AddBookmarkDialog(const QString& pageTitle, const QVector<SectionRef>& sections,
                                     const QString& anchor, const QVector<Folder>& folders, qint64 folderId,
                                     const QString& note, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("addBookmarkDialog"));
    setWindowTitle(tr("Bookmark"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("<b>%1</b>").arg(pageTitle.toHtmlEscaped()), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto* form = new QFormLayout;
    section_ = new QComboBox(this);
    section_->setObjectName(QStringLiteral("bookmarkSection"));
    section_->setAccessibleName(tr("Part of the page"));
    section_->addItem(tr("The whole page"), QString());
    for (const SectionRef& section : sections)
        section_->addItem(section.heading, section.anchor);
    section_->setCurrentIndex(qMax(0, section_->findData(anchor)));
    form->addRow(tr("&Part of the page:"), section_);

    folder_ = new QComboBox(this);
    folder_->setObjectName(QStringLiteral("bookmarkFolder"));
    folder_->setAccessibleName(tr("Folder"));
    folder_->addItem(tr("No folder"), qint64(0));
    for (const Folder& f : folders)
        folder_->addItem(f.name, f.id);
    folder_->addItem(tr("New folder\u2026"), kNewFolder);
    folder_->setCurrentIndex(qMax(0, folder_->findData(folderId)));
    form->addRow(tr("&Folder:"), folder_);

    newFolder_ = new QLineEdit(this);
    newFolder_->setObjectName(QStringLiteral("bookmarkNewFolder"));
    newFolder_->setAccessibleName(tr("Name of the new folder"));
    newFolder_->setPlaceholderText(tr("For example: For my next appointment"));
    newFolderLabel_ = new QLabel(tr("New folder &name:"), this);
    newFolderLabel_->setBuddy(newFolder_);
    form->addRow(newFolderLabel_, newFolder_);

    note_ = new QPlainTextEdit(this);
    note_->setObjectName(QStringLiteral("bookmarkNote"));
    note_->setAccessibleName(tr("Note"));
    note_->setPlaceholderText(tr("A note for yourself, for example a question for your doctor"));
    note_->setTabChangesFocus(true);
    note_->setPlainText(note);
    note_->setMinimumHeight(note_->fontMetrics().lineSpacing() * 4);
    form->addRow(tr("&Note:"), note_);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save bookmark"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    addSaveShortcuts(this);  // Ctrl+Return and the keypad's Ctrl+Enter

    connect(folder_, &QComboBox::currentIndexChanged, this, &AddBookmarkDialog::updateNewFolder);
    updateNewFolder();
    section_->setFocus();
}

void AddBookmarkDialog::updateNewFolder()
{
    const bool isNew = folder_->currentData().toLongLong() == kNewFolder;
    newFolder_->setVisible(isNew);
    newFolderLabel_->setVisible(isNew);
}

void AddBookmarkDialog::chooseNewFolder(const QString& name)
{
    folder_->setCurrentIndex(folder_->findData(kNewFolder));
    newFolder_->setText(name);
}

void AddBookmarkDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // Start on the first choice, so the keyboard path is: part, folder, name, note, save.
    section_->setFocus(Qt::OtherFocusReason);
}

QString AddBookmarkDialog::anchor() const
{
    return section_->currentData().toString();
}

QString AddBookmarkDialog::sectionHeading() const
{
    return anchor().isEmpty() ? QString() : section_->currentText();
}

qint64 AddBookmarkDialog::folderId() const
{
    const qint64 id = folder_->currentData().toLongLong();
    return id == kNewFolder ? 0 : id;
}

QString AddBookmarkDialog::newFolderName() const
{
    return folder_->currentData().toLongLong() == kNewFolder ? newFolder_->text().trimmed() : QString();
}

QString AddBookmarkDialog::note() const
{
    return note_->toPlainText().trimmed();
}

}  // namespace fibrokb::app

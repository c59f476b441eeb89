#include "ui/bookmarks_panel.h"

#include "ui/flow_layout.h"

#include "core/app_settings.h"
#include "core/bookmark_commands.h"
#include "core/bookmark_models.h"
#include "core/bookmark_store.h"
#include "core/save_locations.h"
#include "core/text_format.h"
#include "core/visit_sheet.h"
#include "ui/bookmark_delegate.h"
#include "ui/note_dialog.h"
#include "ui/printing.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace fibrokb::app {

BookmarksPanel::BookmarksPanel(BookmarkActions* actions, QWidget* parent) : QWidget(parent), actions_(actions)
{
    setObjectName(QStringLiteral("bookmarksPanel"));
    BookmarkStore* store = actions_->store();
    folders_ = new FolderListModel(store, this);
    bookmarks_ = new BookmarkListModel(store, this);
    proxy_ = new BookmarkFilterProxy(this);
    proxy_->setSourceModel(bookmarks_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);

    // Folders
    // Rows of controls wrap (FlowLayout) instead of setting a minimum width: at 200% text in a
    // narrow dock a fixed row cut "Folder actions" and the buttons off at the panel's edge.
    auto* folderHeader = new FlowLayout(nullptr, 6);
    auto* folderLabel = new QLabel(tr("F&olders"), this);
    folderMenuButton_ = new QToolButton(this);
    folderMenuButton_->setText(tr("Folder actions"));
    folderMenuButton_->setAccessibleName(tr("Folder actions"));
    folderMenuButton_->setPopupMode(QToolButton::InstantPopup);
    auto* folderMenu = new QMenu(folderMenuButton_);
    folderMenu->addAction(tr("New folder\u2026"), this, &BookmarksPanel::promptNewFolder);
    folderMenu->addAction(tr("Rename folder\u2026"), this, &BookmarksPanel::promptRenameFolder);
    folderMenu->addAction(tr("Delete folder\u2026"), this, &BookmarksPanel::promptDeleteFolder);
    folderMenu->addSeparator();
    folderMenu->addAction(tr("Print visit sheet of this folder\u2026"), this, &BookmarksPanel::printVisitSheet);
    folderMenu->addAction(tr("Save visit sheet as PDF\u2026"), this, &BookmarksPanel::promptExportVisitSheetPdf);
    folderMenuButton_->setMenu(folderMenu);
    folderHeader->addWidget(folderLabel);
    folderHeader->addWidget(folderMenuButton_);

    folderList_ = new QListView(this);
    folderList_->setObjectName(QStringLiteral("folderList"));
    folderList_->setAccessibleName(tr("Bookmark folders"));
    folderList_->setModel(folders_);
    folderList_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    folderList_->installEventFilter(this);
    folderLabel->setBuddy(folderList_);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(folderHeader);
    topLayout->addWidget(folderList_);

    // Bookmarks
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* tools = new QVBoxLayout;
    auto* sortRow = new FlowLayout(nullptr, 6);
    filter_ = new QLineEdit(bottom);
    filter_->setObjectName(QStringLiteral("bookmarkFilter"));
    filter_->setAccessibleName(tr("Filter bookmarks"));
    filter_->setPlaceholderText(tr("Filter bookmarks"));
    filter_->setClearButtonEnabled(true);
    sort_ = new QComboBox(bottom);
    sort_->setObjectName(QStringLiteral("bookmarkSort"));
    sort_->setAccessibleName(tr("Sort bookmarks"));
    sort_->addItem(tr("Newest first"), int(BookmarkFilterProxy::SortKey::DateAdded));
    sort_->addItem(tr("Title A to Z"), int(BookmarkFilterProxy::SortKey::Title));
    sort_->addItem(tr("By topic"), int(BookmarkFilterProxy::SortKey::Topic));
    auto* bookmarksLabel = new QLabel(tr("Boo&kmarks"), bottom);
    sortRow->addWidget(bookmarksLabel);
    sortRow->addWidget(sort_);
    tools->addLayout(sortRow);
    tools->addWidget(filter_);
    bottomLayout->addLayout(tools);

    bookmarkList_ = new QListView(bottom);
    bookmarkList_->setObjectName(QStringLiteral("bookmarkList"));
    bookmarkList_->setAccessibleName(tr("Bookmarks"));
    bookmarkList_->setModel(proxy_);
    bookmarkList_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    bookmarkList_->setWordWrap(true);
    bookmarkList_->setSpacing(2);
    bookmarkList_->setAlternatingRowColors(true);
    bookmarkList_->setItemDelegate(new BookmarkDelegate(bookmarkList_));  // topic headings
    bookmarkList_->installEventFilter(this);
    bookmarksLabel->setBuddy(bookmarkList_);
    bottomLayout->addWidget(bookmarkList_, 1);

    details_ = new QLabel(bottom);
    details_->setObjectName(QStringLiteral("bookmarkDetails"));
    details_->setAccessibleName(tr("Selected bookmark"));
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new FlowLayout(nullptr, 6);
    open_ = makeButton(tr("&Open"), tr("Open bookmark"), QStringLiteral("bookmarkOpen"));
    note_ = makeButton(tr("&Note\u2026"), tr("Edit note"), QStringLiteral("bookmarkEditNote"));
    rename_ = makeButton(tr("&Rename\u2026"), tr("Rename bookmark"), QStringLiteral("bookmarkRename"));
    move_ = makeButton(tr("&Move to"), tr("Move bookmark to a folder"), QStringLiteral("bookmarkMove"));
    delete_ = makeButton(tr("&Delete"), tr("Delete bookmark"), QStringLiteral("bookmarkDelete"));
    undo_ = makeButton(tr("&Undo"), tr("Undo the last bookmark change"), QStringLiteral("bookmarkUndo"));
    moveMenu_ = new QMenu(move_);
    move_->setMenu(moveMenu_);
    for (QPushButton* button : {open_, note_, rename_, move_, delete_, undo_})
        buttons->addWidget(button);

    moreButton_ = new QToolButton(bottom);
    moreButton_->setText(tr("Backup\u2026"));
    moreButton_->setAccessibleName(tr("Bookmark backup"));
    moreButton_->setPopupMode(QToolButton::InstantPopup);
    auto* more = new QMenu(moreButton_);
    more->addAction(tr("Save a backup of all bookmarks (JSON)\u2026"), this, &BookmarksPanel::promptExportBackup);
    more->addAction(tr("Add bookmarks from a backup\u2026"), this, &BookmarksPanel::promptImportBackup);
    moreButton_->setMenu(more);

    // Only the two lists share the splitter: a splitter squeezes what it holds below its size, and
    // at large text that cut the buttons and the details in half. Below it they keep their size
    // (the dock scrolls when the window is too short for them).
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);
    layout->addWidget(details_);
    layout->addLayout(buttons);
    layout->addWidget(moreButton_, 0, Qt::AlignRight);

    connect(folderList_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                selectedFolder_ = current.data(FolderListModel::FolderIdRole).toLongLong();
                proxy_->setFolder(selectedFolder_);
                updateDetails();
            });
    // Resets drop the selection: put it back on the same folder.
    connect(folders_, &QAbstractItemModel::modelReset, this, [this] { selectFolder(selectedFolder_); });
    connect(proxy_, &QAbstractItemModel::modelReset, this, &BookmarksPanel::updateDetails);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &BookmarksPanel::updateDetails);
    connect(bookmarkList_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &BookmarksPanel::updateDetails);
    connect(bookmarkList_, &QListView::doubleClicked, this, &BookmarksPanel::openCurrent);
    connect(filter_, &QLineEdit::textChanged, proxy_, &BookmarkFilterProxy::setText);
    connect(sort_, &QComboBox::currentIndexChanged, this, &BookmarksPanel::applySortKey);
    connect(actions_, &BookmarkActions::bookmarkRestored, this, &BookmarksPanel::showRestoredBookmark);
    connect(actions_, &BookmarkActions::folderRestored, this, &BookmarksPanel::showRestoredFolder);
    connect(open_, &QPushButton::clicked, this, &BookmarksPanel::openCurrent);
    connect(note_, &QPushButton::clicked, this, &BookmarksPanel::promptEditNote);
    connect(rename_, &QPushButton::clicked, this, &BookmarksPanel::promptRename);
    connect(delete_, &QPushButton::clicked, this, &BookmarksPanel::deleteCurrent);
    connect(undo_, &QPushButton::clicked, actions_->undoStack(), &QUndoStack::undo);
    connect(actions_->undoStack(), &QUndoStack::canUndoChanged, undo_, &QPushButton::setEnabled);
    connect(moveMenu_, &QMenu::aboutToShow, this, &BookmarksPanel::rebuildMoveMenu);
    undo_->setEnabled(actions_->undoStack()->canUndo());

    proxy_->setSortKey(BookmarkFilterProxy::SortKey::DateAdded);
    selectFolder(FolderListModel::kAllBookmarks);
}

QPushButton* BookmarksPanel::makeButton(const QString& text, const QString& accessibleName, const QString& objectName)
{
    auto* button = new QPushButton(text, this);
    button->setAccessibleName(accessibleName);
    button->setObjectName(objectName);
    return button;
}

void BookmarksPanel::setArticleExists(std::function<bool(const QString&)> exists)
{
    bookmarks_->setArticleExists(std::move(exists));
}

void BookmarksPanel::setTopicLabels(const QHash<QString, QString>& labels)
{
    bookmarks_->setTopicLabels(labels);
}

void BookmarksPanel::setPageTitleLookup(std::function<QString(const QString&)> pageTitle)
{
    pageTitle_ = std::move(pageTitle);
}

void BookmarksPanel::setSettings(AppSettings* settings)
{
    settings_ = nullptr;  // choosing the remembered order is no change to remember
    if (settings) {
        if (const auto key = BookmarkFilterProxy::sortKeyFromName(settings->bookmarkSortOrder()))
            sort_->setCurrentIndex(sort_->findData(int(*key)));
    }
    settings_ = settings;
}

void BookmarksPanel::setLargePrint(bool on)
{
    largePrint_ = on;
}

void BookmarksPanel::applySortKey(int comboIndex)
{
    const auto key = BookmarkFilterProxy::SortKey(sort_->itemData(comboIndex).toInt());
    proxy_->setSortKey(key);
    if (settings_)
        settings_->setBookmarkSortOrder(BookmarkFilterProxy::sortKeyName(key));
}

void BookmarksPanel::showRestoredBookmark(qint64 id)
{
    // Show it where it is: in the folder shown now if it belongs there, else with everything.
    if (!selectBookmark(id)) {
        filter_->clear();
        selectFolder(FolderListModel::kAllBookmarks);
        selectBookmark(id);
    }
    Q_EMIT statusMessage(tr("Bookmark restored."));
}

void BookmarksPanel::showRestoredFolder(qint64 id)
{
    selectFolder(id);
    Q_EMIT statusMessage(tr("Folder restored, with its bookmarks."));
}

void BookmarksPanel::focusList()
{
    bookmarkList_->setFocus(Qt::ShortcutFocusReason);
    if (!bookmarkList_->currentIndex().isValid() && proxy_->rowCount() > 0)
        bookmarkList_->setCurrentIndex(proxy_->index(0, 0));
}

qint64 BookmarksPanel::currentFolderId() const
{
    return selectedFolder_;
}

void BookmarksPanel::selectFolder(qint64 folderId)
{
    int row = folders_->rowOf(folderId);
    if (row < 0)
        row = 0;
    selectedFolder_ = folders_->folderIdAt(row);
    proxy_->setFolder(selectedFolder_);
    folderList_->setCurrentIndex(folders_->index(row, 0));
    updateDetails();
}

qint64 BookmarksPanel::currentBookmarkId() const
{
    const QModelIndex index = bookmarkList_->currentIndex();
    return index.isValid() ? index.data(BookmarkListModel::IdRole).toLongLong() : 0;
}

bool BookmarksPanel::selectBookmark(qint64 id)
{
    for (int row = 0; row < proxy_->rowCount(); ++row) {
        const QModelIndex index = proxy_->index(row, 0);
        if (index.data(BookmarkListModel::IdRole).toLongLong() == id) {
            // Current and selected: the keyboard and the eye both land on it.
            bookmarkList_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
            bookmarkList_->scrollTo(index);
            return true;
        }
    }
    return false;
}

QString BookmarksPanel::currentFolderName() const
{
    if (selectedFolder_ > 0)
        if (const auto folder = actions_->store()->folder(selectedFolder_))
            return folder->name;
    return selectedFolder_ == FolderListModel::kUnfiled ? tr("Not in a folder") : tr("All bookmarks");
}

QVector<Bookmark> BookmarksPanel::bookmarksInCurrentFolder() const
{
    QVector<Bookmark> result;
    for (int row = 0; row < proxy_->rowCount(); ++row) {
        const QModelIndex source = proxy_->mapToSource(proxy_->index(row, 0));
        if (const Bookmark* b = bookmarks_->bookmarkAt(source.row()))
            result.push_back(*b);
    }
    return result;
}

void BookmarksPanel::updateDetails()
{
    const QModelIndex index = bookmarkList_->currentIndex();
    const bool has = index.isValid();
    open_->setEnabled(has && !index.data(BookmarkListModel::MissingRole).toBool());
    note_->setEnabled(has);
    rename_->setEnabled(has);
    move_->setEnabled(has);
    delete_->setEnabled(has);
    if (!has) {
        details_->setText(proxy_->rowCount() == 0
                              ? tr("No bookmarks here yet. Open a page and press Ctrl+D to keep it.")
                              : QString());
        return;
    }
    QString text = QStringLiteral("<b>%1</b>").arg(index.data(BookmarkListModel::TitleRole).toString().toHtmlEscaped());
    const QString section = index.data(BookmarkListModel::SectionRole).toString();
    if (!section.isEmpty() && !index.data(BookmarkListModel::TitleRole).toString().contains(section))
        text += QStringLiteral("<br>") + tr("Section: %1").arg(section.toHtmlEscaped());
    if (index.data(BookmarkListModel::MissingRole).toBool())
        text += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("This page is no longer in the library. The bookmark and its note are kept."));
    const QString note = index.data(BookmarkListModel::NoteRole).toString();
    text +=
        QStringLiteral("<br>") +
        (note.isEmpty() ? tr("<i>No note yet.</i>")
                        : tr("Note: %1").arg(note.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
    details_->setText(text);
}

void BookmarksPanel::rebuildMoveMenu()
{
    moveMenu_->clear();
    const qint64 id = currentBookmarkId();
    if (!id)
        return;
    moveMenu_->addAction(tr("No folder"), this, [this] { moveCurrentTo(0); });
    for (const Folder& folder : actions_->store()->folders())
        moveMenu_->addAction(folder.name, this, [this, fid = folder.id] { moveCurrentTo(fid); });
    moveMenu_->addSeparator();
    moveMenu_->addAction(tr("New folder\u2026"), this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("New folder"), tr("Folder name:"), QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty())
            moveCurrentTo(actions_->createFolder(name));
    });
}

void BookmarksPanel::openCurrent()
{
    const QModelIndex index = bookmarkList_->currentIndex();
    if (!index.isValid())
        return;
    if (index.data(BookmarkListModel::MissingRole).toBool()) {
        Q_EMIT statusMessage(tr("This page is no longer in the library."));
        return;
    }
    Q_EMIT openRequested(index.data(BookmarkListModel::ArticleIdRole).toString(),
                         index.data(BookmarkListModel::AnchorRole).toString());
}

bool BookmarksPanel::deleteCurrent()
{
    const qint64 id = currentBookmarkId();
    const int row = bookmarkList_->currentIndex().row();
    if (!id || !actions_->remove(id))
        return false;
    Q_EMIT statusMessage(tr("Bookmark deleted. Press Ctrl+Z to bring it back."));
    if (proxy_->rowCount() > 0)
        bookmarkList_->setCurrentIndex(proxy_->index(qMin(row, proxy_->rowCount() - 1), 0));
    return true;
}

bool BookmarksPanel::setNoteOfCurrent(const QString& note)
{
    const qint64 id = currentBookmarkId();
    const bool ok = id && actions_->setNote(id, note);
    if (ok)
        selectBookmark(id);
    return ok;
}

bool BookmarksPanel::renameCurrent(const QString& title)
{
    const qint64 id = currentBookmarkId();
    const bool ok = id && actions_->rename(id, title);
    if (ok)
        selectBookmark(id);
    return ok;
}

bool BookmarksPanel::moveCurrentTo(qint64 folderId)
{
    const qint64 id = currentBookmarkId();
    const bool ok = id && actions_->moveTo(id, folderId);
    if (ok) {
        selectFolder(folderId);
        selectBookmark(id);
    }
    return ok;
}

qint64 BookmarksPanel::newFolder(const QString& name)
{
    const qint64 id = actions_->createFolder(name);
    if (id)
        selectFolder(id);
    return id;
}

bool BookmarksPanel::renameCurrentFolder(const QString& name)
{
    return selectedFolder_ > 0 && actions_->renameFolder(selectedFolder_, name);
}

bool BookmarksPanel::deleteCurrentFolder()
{
    if (selectedFolder_ <= 0)
        return false;
    const bool ok = actions_->removeFolder(selectedFolder_);
    if (ok) {
        selectFolder(FolderListModel::kAllBookmarks);
        Q_EMIT statusMessage(tr("Folder deleted; its bookmarks are kept. Press Ctrl+Z to undo."));
    }
    return ok;
}

bool BookmarksPanel::exportBackup(const QString& path, QString* error)
{
    return actions_->store()->exportJsonToFile(path, error);
}

ImportReport BookmarksPanel::importBackup(const QString& path)
{
    // An import is a bulk change outside the undo history: clear it so undo never
    // reaches back across the import into rows the import touched.
    ImportReport report = actions_->store()->importJsonFile(path);
    if (report.error.isEmpty() && report.added > 0)
        actions_->undoStack()->clear();
    return report;
}

QString BookmarksPanel::visitSheetHtml() const
{
    VisitSheetOptions options;
    options.largePrint = largePrint_;
    options.pageTitle = pageTitle_;
    return fibrokb::app::visitSheetHtml(currentFolderName(), bookmarksInCurrentFolder(), options);
}

QString BookmarksPanel::visitSheetSavePath()
{
    return suggestedSavePath(QStringLiteral("visit-sheet.pdf"));
}

bool BookmarksPanel::exportVisitSheetPdf(const QString& path, QString* error)
{
    return exportHtmlToPdf(visitSheetHtml(), currentFolderName(), path, error);
}

void BookmarksPanel::promptNewFolder()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New folder"), tr("Folder name:"), QLineEdit::Normal,
                                               tr("For my next appointment"), &ok);
    if (ok && !name.trimmed().isEmpty())
        newFolder(name);
}

void BookmarksPanel::promptRenameFolder()
{
    if (selectedFolder_ <= 0) {
        Q_EMIT statusMessage(tr("Choose a folder to rename first."));
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename folder"), tr("New name:"), QLineEdit::Normal, currentFolderName(), &ok);
    if (ok && !renameCurrentFolder(name) && !name.trimmed().isEmpty() && name.trimmed() != currentFolderName())
        QMessageBox::information(this, tr("Rename folder"), tr("A folder with that name already exists."));
}

void BookmarksPanel::promptDeleteFolder()
{
    if (selectedFolder_ <= 0) {
        Q_EMIT statusMessage(tr("Choose a folder to delete first."));
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Delete folder"),
        tr("Delete the folder \u201c%1\u201d? Its bookmarks are kept, outside any folder.").arg(currentFolderName()));
    if (answer == QMessageBox::Yes)
        deleteCurrentFolder();
}

void BookmarksPanel::promptEditNote()
{
    openNoteDialog();
}

NoteDialog* BookmarksPanel::openNoteDialog()
{
    const QModelIndex index = bookmarkList_->currentIndex();
    if (!index.isValid())
        return nullptr;
    auto* dialog = new NoteDialog(index.data(BookmarkListModel::TitleRole).toString(),
                                  index.data(BookmarkListModel::NoteRole).toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The bookmark it was opened for, even if the list changes meanwhile.
    const qint64 id = index.data(BookmarkListModel::IdRole).toLongLong();
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (actions_->setNote(id, dialog->note()))
            selectBookmark(id);
    });
    dialog->open();
    return dialog;
}

void BookmarksPanel::promptRename()
{
    openRenameDialog();
}

QInputDialog* BookmarksPanel::openRenameDialog()
{
    const QModelIndex index = bookmarkList_->currentIndex();
    if (!index.isValid())
        return nullptr;
    const QString title = index.data(BookmarkListModel::TitleRole).toString();
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("renameBookmarkDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename bookmark"));
    dialog->setLabelText(tr("Name:"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextValue(title);
    // Wide enough to show the whole name (plus room to type), but never wider than the screen.
    if (auto* field = dialog->findChild<QLineEdit*>()) {
        const QFontMetrics metrics = field->fontMetrics();
        const int wanted = metrics.horizontalAdvance(title) + metrics.averageCharWidth() * 6;
        const QScreen* screen = this->screen();
        const int limit = qMax(200, screen ? screen->availableGeometry().width() * 9 / 10 - 80 : wanted);
        const int comfortable = qMin(metrics.averageCharWidth() * 30, limit);  // room to type a short name
        field->setMinimumWidth(qBound(comfortable, wanted, limit));
    }
    const qint64 id = index.data(BookmarkListModel::IdRole).toLongLong();
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (actions_->rename(id, dialog->textValue()))
            selectBookmark(id);
    });
    dialog->open();
    return dialog;
}

void BookmarksPanel::promptExportBackup()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a backup of your bookmarks"),
                                                      suggestedSavePath(QStringLiteral("fibrokb-bookmarks.json")),
                                                      tr("Bookmark backup (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportBackup(path, &error))
        Q_EMIT statusMessage(tr("Backup saved to %1").arg(path));
    else
        QMessageBox::warning(this, tr("Backup"), tr("The backup could not be saved: %1").arg(error));
}

void BookmarksPanel::promptImportBackup()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add bookmarks from a backup"), documentsFolder(),
                                                      tr("Bookmark backup (*.json)"));
    if (path.isEmpty())
        return;
    const ImportReport report = importBackup(path);
    if (!report.error.isEmpty())
        QMessageBox::warning(this, tr("Backup"), report.error);
    else
        QMessageBox::information(this, tr("Backup"),
                                 tr("Added %1. Already here: %2. New: %3.")
                                     .arg(bookmarksText(report.added), bookmarksText(report.alreadyThere),
                                          foldersText(report.foldersAdded)));
}

void BookmarksPanel::printVisitSheet()
{
    printHtmlWithDialog(this, visitSheetHtml(), currentFolderName());
}

void BookmarksPanel::promptExportVisitSheetPdf()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the visit sheet as PDF"), visitSheetSavePath(), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportVisitSheetPdf(path, &error))
        Q_EMIT statusMessage(tr("Visit sheet saved to %1").arg(path));
    else
        QMessageBox::warning(this, tr("Visit sheet"), error);
}

void BookmarksPanel::changeEvent(QEvent* event)
{
    // Keep room for three folders however large the text is.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::Polish)
        folderList_->setMinimumHeight(folderList_->fontMetrics().lineSpacing() * 3 + 12);
    QWidget::changeEvent(event);
}

bool BookmarksPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (watched == bookmarkList_) {
            switch (key->key()) {
            case Qt::Key_Return:
            case Qt::Key_Enter:
                openCurrent();
                return true;
            case Qt::Key_Delete:
                deleteCurrent();
                return true;
            case Qt::Key_F2:
                promptRename();
                return true;
            default:
                break;
            }
        } else if (watched == folderList_) {
            if (key->key() == Qt::Key_F2) {
                promptRenameFolder();
                return true;
            }
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                focusList();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace fibrokb::app

// The bookmarks panel (Ctrl+B): folders, the bookmarks of the chosen folder with their
// notes, filter and sort, and the backup / visit-sheet actions. Every change goes
// through BookmarkActions, so it can be undone.
#pragma once

#include "core/bookmark.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QInputDialog;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QToolButton;

namespace fibrokb::app {

class AppSettings;
class BookmarkActions;
class BookmarkFilterProxy;
class BookmarkListModel;
class FolderListModel;
class NoteDialog;

class BookmarksPanel final : public QWidget {
    Q_OBJECT
public:
    explicit BookmarksPanel(BookmarkActions* actions, QWidget* parent = nullptr);

    FolderListModel* folderModel() const { return folders_; }
    BookmarkListModel* bookmarkModel() const { return bookmarks_; }
    BookmarkFilterProxy* proxy() const { return proxy_; }
    QListView* folderList() const { return folderList_; }
    QListView* bookmarkList() const { return bookmarkList_; }
    QLineEdit* filterField() const { return filter_; }
    QComboBox* sortBox() const { return sort_; }

    void setArticleExists(std::function<bool(const QString&)> exists);
    void setTopicLabels(const QHash<QString, QString>& labels);
    // The page's title now, by article id ("" when unknown): the visit sheet names the real
    // page even when the person renamed the bookmark.
    void setPageTitleLookup(std::function<QString(const QString& articleId)> pageTitle);
    // Remembers the sort order there (read now, written on each change). Not owned.
    void setSettings(AppSettings* settings);
    // 16 pt visit sheets (printed and PDF). Off by default.
    void setLargePrint(bool on);
    bool largePrint() const { return largePrint_; }
    void focusList();

    qint64 currentFolderId() const;
    void selectFolder(qint64 folderId);
    qint64 currentBookmarkId() const;
    bool selectBookmark(qint64 id);
    QString currentFolderName() const;
    QVector<Bookmark> bookmarksInCurrentFolder() const;

    // Direct forms of the buttons (the buttons ask with a dialog first).
    bool deleteCurrent();
    bool setNoteOfCurrent(const QString& note);
    bool renameCurrent(const QString& title);
    bool moveCurrentTo(qint64 folderId);
    qint64 newFolder(const QString& name);
    bool renameCurrentFolder(const QString& name);
    bool deleteCurrentFolder();
    bool exportBackup(const QString& path, QString* error = nullptr);
    ImportReport importBackup(const QString& path);
    QString visitSheetHtml() const;
    bool exportVisitSheetPdf(const QString& path, QString* error = nullptr);
    // Where the visit sheet's save dialog starts: visit-sheet.pdf in the Documents folder.
    static QString visitSheetSavePath();

    // The dialogs behind "Note…" and "Rename…", opened (window-modal, deleted on close) for the
    // current bookmark; null when none is current. Saving one changes that bookmark.
    NoteDialog* openNoteDialog();
    QInputDialog* openRenameDialog();

public Q_SLOTS:
    void openCurrent();
    void promptNewFolder();
    void promptRenameFolder();
    void promptDeleteFolder();
    void promptEditNote();
    void promptRename();
    void promptExportBackup();
    void promptImportBackup();
    void printVisitSheet();
    void promptExportVisitSheetPdf();

Q_SIGNALS:
    void openRequested(const QString& articleId, const QString& anchor);
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateDetails();
    void applySortKey(int comboIndex);
    void showRestoredBookmark(qint64 id);
    void showRestoredFolder(qint64 id);
    void rebuildMoveMenu();
    QPushButton* makeButton(const QString& text, const QString& accessibleName, const QString& objectName);

    BookmarkActions* actions_;
    FolderListModel* folders_;
    BookmarkListModel* bookmarks_;
    BookmarkFilterProxy* proxy_;
    QListView* folderList_;
    QListView* bookmarkList_;
    QLineEdit* filter_;
    QComboBox* sort_;
    QLabel* details_;
    QPushButton* open_;
    QPushButton* note_;
    QPushButton* rename_;
    QPushButton* move_;
    QPushButton* delete_;
    QPushButton* undo_;
    QMenu* moveMenu_;
    QToolButton* folderMenuButton_;
    QToolButton* moreButton_;
    qint64 selectedFolder_ = -1;
    AppSettings* settings_ = nullptr;
    std::function<QString(const QString&)> pageTitle_;
    bool largePrint_ = false;
};

}  // namespace fibrokb::app

// Every change to bookmarks goes through an undoable command, so "delete" is never
// frightening: Ctrl+Z brings a bookmark (with its note and folder) back.
#pragma once

#include "core/bookmark.h"

#include <QObject>
#include <QUndoStack>

namespace fibrokb::app {

class BookmarkStore;

// The bookmark operations offered to the UI; each one is pushed on the undo stack.
class BookmarkActions final : public QObject {
    Q_OBJECT
public:
    explicit BookmarkActions(BookmarkStore* store, QObject* parent = nullptr);

    BookmarkStore* store() const { return store_; }
    QUndoStack* undoStack() { return &undoStack_; }

    // Adds (or, when the page or section is already bookmarked, files and annotates) a bookmark.
    // `newFolderName` non-empty creates that folder (or reuses one with that name) in the same step.
    qint64 bookmark(const Bookmark& bookmark, const QString& newFolderName = {});
    bool remove(qint64 id);
    bool moveTo(qint64 id, qint64 folderId);
    bool setNote(qint64 id, const QString& note);
    bool rename(qint64 id, const QString& title);
    qint64 createFolder(const QString& name);
    bool renameFolder(qint64 id, const QString& name);
    bool removeFolder(qint64 id);

Q_SIGNALS:
    // An undo brought a deleted bookmark or folder back (the store has it again), so the
    // panel can select it and replace the "Press Ctrl+Z" message.
    void bookmarkRestored(qint64 id);
    void folderRestored(qint64 id);

private:
    BookmarkStore* store_;
    QUndoStack undoStack_;
};

}  // namespace fibrokb::app

#include "core/bookmark_commands.h"

#include "core/bookmark_store.h"

#include <QUndoCommand>

namespace fibrokb::app {
namespace {

class CreateFolderCommand final : public QUndoCommand {
public:
    CreateFolderCommand(BookmarkStore* store, const QString& name, QUndoCommand* parent = nullptr)
        : QUndoCommand(QObject::tr("New folder \u201c%1\u201d").arg(name), parent), store_(store)
    {
        folder_.name = name;
    }
    void redo() override
    {
        if (folder_.id == 0) {
            existed_ = store_->folderByName(folder_.name).has_value();
            folder_.id = store_->createFolder(folder_.name);
            if (auto stored = store_->folder(folder_.id))
                folder_ = *stored;
        } else if (!existed_) {
            store_->restoreFolder(folder_);
        }
    }
    void undo() override
    {
        if (!existed_)
            store_->removeFolder(folder_.id);
    }
    qint64 folderId() const { return folder_.id; }

private:
    BookmarkStore* store_;
    Folder folder_;
    bool existed_ = false;
};

class AddBookmarkCommand final : public QUndoCommand {
public:
    AddBookmarkCommand(BookmarkStore* store, const Bookmark& bookmark, const CreateFolderCommand* folder,
                       QUndoCommand* parent)
        : QUndoCommand(parent), store_(store), bookmark_(bookmark), folder_(folder)
    {
    }
    void redo() override
    {
        if (folder_)
            bookmark_.folderId = folder_->folderId();
        if (bookmark_.id == 0) {
            bookmark_.id = store_->add(bookmark_);
            if (auto stored = store_->bookmark(bookmark_.id))
                bookmark_ = *stored;
        } else {
            store_->restore(bookmark_);
        }
    }
    void undo() override { store_->remove(bookmark_.id); }
    qint64 bookmarkId() const { return bookmark_.id; }

private:
    BookmarkStore* store_;
    Bookmark bookmark_;
    const CreateFolderCommand* folder_;
};

// Files an existing bookmark into a folder and/or replaces its note.
class UpdateBookmarkCommand final : public QUndoCommand {
public:
    UpdateBookmarkCommand(BookmarkStore* store, const Bookmark& before, const Bookmark& after,
                          const CreateFolderCommand* folder, const QString& text, QUndoCommand* parent = nullptr)
        : QUndoCommand(text, parent), store_(store), before_(before), after_(after), folder_(folder)
    {
    }
    void redo() override
    {
        if (folder_)
            after_.folderId = folder_->folderId();
        apply(after_);
    }
    void undo() override { apply(before_); }

private:
    void apply(const Bookmark& b)
    {
        const auto current = store_->bookmark(b.id);
        if (!current)
            return;
        if (current->folderId != b.folderId)
            store_->moveTo(b.id, b.folderId);
        if (current->note != b.note)
            store_->setNote(b.id, b.note);
        if (current->title != b.title)
            store_->rename(b.id, b.title);
    }
    BookmarkStore* store_;
    Bookmark before_;
    Bookmark after_;
    const CreateFolderCommand* folder_;
};

class RemoveBookmarkCommand final : public QUndoCommand {
public:
    RemoveBookmarkCommand(BookmarkActions* actions, const Bookmark& bookmark)
        : QUndoCommand(QObject::tr("Delete bookmark \u201c%1\u201d").arg(bookmark.title)), actions_(actions),
          bookmark_(bookmark)
    {
    }
    void redo() override { actions_->store()->remove(bookmark_.id); }
    void undo() override
    {
        if (actions_->store()->restore(bookmark_))
            Q_EMIT actions_->bookmarkRestored(bookmark_.id);
    }

private:
    BookmarkActions* actions_;
    Bookmark bookmark_;
};

class RenameFolderCommand final : public QUndoCommand {
public:
    RenameFolderCommand(BookmarkStore* store, const Folder& folder, const QString& name)
        : QUndoCommand(QObject::tr("Rename folder")), store_(store), id_(folder.id), before_(folder.name), after_(name)
    {
    }
    void redo() override { store_->renameFolder(id_, after_); }
    void undo() override { store_->renameFolder(id_, before_); }

private:
    BookmarkStore* store_;
    qint64 id_;
    QString before_, after_;
};

class RemoveFolderCommand final : public QUndoCommand {
public:
    RemoveFolderCommand(BookmarkActions* actions, const Folder& folder)
        : QUndoCommand(QObject::tr("Delete folder \u201c%1\u201d").arg(folder.name)), actions_(actions),
          store_(actions->store()), folder_(folder)
    {
        for (const Bookmark& b : store_->bookmarks())
            if (b.folderId == folder.id)
                members_ << b.id;
    }
    void redo() override { store_->removeFolder(folder_.id); }
    void undo() override
    {
        const bool restored = store_->restoreFolder(folder_);
        for (qint64 id : members_)
            store_->moveTo(id, folder_.id);
        if (restored)
            Q_EMIT actions_->folderRestored(folder_.id);
    }

private:
    BookmarkActions* actions_;
    BookmarkStore* store_;
    Folder folder_;
    QVector<qint64> members_;
};

}  // namespace

BookmarkActions::BookmarkActions(BookmarkStore* store, QObject* parent) : QObject(parent), store_(store) {}

qint64 BookmarkActions::bookmark(const Bookmark& bookmark, const QString& newFolderName)
{
    auto* macro = new QUndoCommand(tr("Bookmark \u201c%1\u201d").arg(bookmark.title));
    const CreateFolderCommand* folder = nullptr;
    if (!newFolderName.trimmed().isEmpty())
        folder = new CreateFolderCommand(store_, newFolderName.trimmed(), macro);
    qint64 id = 0;
    if (const auto existing = store_->find(bookmark.articleId, bookmark.anchor)) {
        Bookmark after = *existing;
        after.folderId = bookmark.folderId;
        if (!bookmark.note.isEmpty())
            after.note = bookmark.note;
        new UpdateBookmarkCommand(store_, *existing, after, folder, QString(), macro);
        id = existing->id;
        undoStack_.push(macro);
    } else {
        auto* add = new AddBookmarkCommand(store_, bookmark, folder, macro);
        undoStack_.push(macro);
        id = add->bookmarkId();
    }
    return id;
}

bool BookmarkActions::remove(qint64 id)
{
    const auto existing = store_->bookmark(id);
    if (!existing)
        return false;
    undoStack_.push(new RemoveBookmarkCommand(this, *existing));
    return true;
}

bool BookmarkActions::moveTo(qint64 id, qint64 folderId)
{
    const auto existing = store_->bookmark(id);
    if (!existing || existing->folderId == folderId)
        return false;
    Bookmark after = *existing;
    after.folderId = folderId;
    undoStack_.push(new UpdateBookmarkCommand(store_, *existing, after, nullptr, tr("Move bookmark")));
    return true;
}

bool BookmarkActions::setNote(qint64 id, const QString& note)
{
    const auto existing = store_->bookmark(id);
    if (!existing || existing->note == note)
        return false;
    Bookmark after = *existing;
    after.note = note;
    undoStack_.push(new UpdateBookmarkCommand(store_, *existing, after, nullptr, tr("Edit note")));
    return true;
}

bool BookmarkActions::rename(qint64 id, const QString& title)
{
    const auto existing = store_->bookmark(id);
    if (!existing || title.trimmed().isEmpty() || existing->title == title.trimmed())
        return false;
    Bookmark after = *existing;
    after.title = title.trimmed();
    undoStack_.push(new UpdateBookmarkCommand(store_, *existing, after, nullptr, tr("Rename bookmark")));
    return true;
}

qint64 BookmarkActions::createFolder(const QString& name)
{
    if (name.trimmed().isEmpty())
        return 0;
    auto* command = new CreateFolderCommand(store_, name.trimmed());
    undoStack_.push(command);
    return command->folderId();
}

bool BookmarkActions::renameFolder(qint64 id, const QString& name)
{
    const auto existing = store_->folder(id);
    const QString trimmed = name.trimmed();
    if (!existing || trimmed.isEmpty() || existing->name == trimmed)
        return false;
    if (const auto clash = store_->folderByName(trimmed); clash && clash->id != id)
        return false;
    undoStack_.push(new RenameFolderCommand(store_, *existing, trimmed));
    return true;
}

bool BookmarkActions::removeFolder(qint64 id)
{
    const auto existing = store_->folder(id);
    if (!existing)
        return false;
    undoStack_.push(new RemoveFolderCommand(this, *existing));
    return true;
}

}  // namespace fibrokb::app

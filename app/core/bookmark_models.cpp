#include "core/bookmark_models.h"

#include "core/bookmark_store.h"
#include "core/text_format.h"

#include <QCoreApplication>

namespace fibrokb::app {

// ---------------------------------------------------------------- FolderListModel

FolderListModel::FolderListModel(BookmarkStore* store, QObject* parent) : QAbstractListModel(parent), store_(store)
{
    connect(store_, &BookmarkStore::changed, this, &FolderListModel::reload);
    reload();
}

void FolderListModel::reload()
{
    beginResetModel();
    rows_.clear();
    const QVector<Bookmark> all = store_->bookmarks();
    QHash<qint64, int> counts;
    for (const Bookmark& b : all)
        ++counts[b.folderId];
    rows_.push_back({kAllBookmarks, tr("All bookmarks"), int(all.size())});
    for (const Folder& f : store_->folders())
        rows_.push_back({f.id, f.name, counts.value(f.id)});
    if (counts.value(kUnfiled) > 0)
        rows_.push_back({kUnfiled, tr("Not in a folder"), counts.value(kUnfiled)});
    endResetModel();
}

int FolderListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant FolderListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 (%2)").arg(row.name).arg(row.count);
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2").arg(row.name, bookmarksText(row.count));
    case FolderIdRole:
        return row.id;
    case CountRole:
        return row.count;
    case NameRole:
        return row.name;
    default:
        return {};
    }
}

QHash<int, QByteArray> FolderListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(FolderIdRole, "folderId");
    names.insert(CountRole, "count");
    names.insert(NameRole, "name");
    return names;
}

int FolderListModel::rowOf(qint64 folderId) const
{
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_.at(i).id == folderId)
            return i;
    return -1;
}

qint64 FolderListModel::folderIdAt(int row) const
{
    return row >= 0 && row < rows_.size() ? rows_.at(row).id : kAllBookmarks;
}

// ---------------------------------------------------------------- BookmarkListModel

BookmarkListModel::BookmarkListModel(BookmarkStore* store, QObject* parent) : QAbstractListModel(parent), store_(store)
{
    connect(store_, &BookmarkStore::changed, this, &BookmarkListModel::reload);
    reload();
}

void BookmarkListModel::setArticleExists(std::function<bool(const QString&)> exists)
{
    exists_ = std::move(exists);
    reload();
}

void BookmarkListModel::setTopicLabels(const QHash<QString, QString>& labels)
{
    topicLabels_ = labels;
    if (!bookmarks_.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(bookmarks_.size()) - 1), {TopicLabelRole});
}

void BookmarkListModel::reload()
{
    beginResetModel();
    bookmarks_ = store_->bookmarks();
    missing_.clear();
    if (exists_)
        for (const Bookmark& b : bookmarks_)
            if (!missing_.contains(b.articleId))
                missing_.insert(b.articleId, !exists_(b.articleId));
    endResetModel();
}

int BookmarkListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(bookmarks_.size());
}

QVariant BookmarkListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bookmark& b = bookmarks_.at(index.row());
    const bool missing = missing_.value(b.articleId, false);
    switch (role) {
    case Qt::DisplayRole: {
        QString text = b.title;
        if (missing)
            text += QLatin1Char(' ') + tr("(no longer in the library)");
        if (!b.note.isEmpty())
            text += QStringLiteral("\n") + tr("Note: %1").arg(b.note.section(QLatin1Char('\n'), 0, 0));
        return text;
    }
    case Qt::ToolTipRole:
        return b.note.isEmpty() ? b.title : b.title + QStringLiteral("\n\n") + b.note;
    case Qt::AccessibleTextRole:
        return missing ? tr("%1, no longer in the library").arg(b.title) : b.title;
    case IdRole:
        return b.id;
    case ArticleIdRole:
        return b.articleId;
    case AnchorRole:
        return b.anchor;
    case TitleRole:
        return b.title;
    case SectionRole:
        return b.sectionTitle;
    case NoteRole:
        return b.note;
    case FolderIdRole:
        return b.folderId;
    case CreatedRole:
        return b.created;
    case TopicsRole:
        return b.topics;
    case TopicLabelRole:
        return b.topics.isEmpty() ? QString() : topicLabels_.value(b.topics.first(), b.topics.first());
    case MissingRole:
        return missing;
    default:
        return {};
    }
}

QHash<int, QByteArray> BookmarkListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "bookmarkId");
    names.insert(ArticleIdRole, "articleId");
    names.insert(AnchorRole, "anchor");
    names.insert(TitleRole, "title");
    names.insert(SectionRole, "section");
    names.insert(NoteRole, "note");
    names.insert(FolderIdRole, "folderId");
    names.insert(CreatedRole, "created");
    names.insert(TopicsRole, "topics");
    names.insert(TopicLabelRole, "topicLabel");
    names.insert(MissingRole, "missing");
    return names;
}

const Bookmark* BookmarkListModel::bookmarkAt(int row) const
{
    return row >= 0 && row < bookmarks_.size() ? &bookmarks_.at(row) : nullptr;
}

int BookmarkListModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < bookmarks_.size(); ++i)
        if (bookmarks_.at(i).id == id)
            return i;
    return -1;
}

// ---------------------------------------------------------------- BookmarkFilterProxy

BookmarkFilterProxy::BookmarkFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(0, Qt::AscendingOrder);
}

void BookmarkFilterProxy::setFolder(qint64 folderId)
{
    if (folderId == folder_)
        return;
    folder_ = folderId;
    invalidateFilter();
}

void BookmarkFilterProxy::setText(const QString& text)
{
    if (text.trimmed() == text_)
        return;
    text_ = text.trimmed();
    invalidateFilter();
}

void BookmarkFilterProxy::setSortKey(SortKey key)
{
    key_ = key;
    // Newest first reads best for "date added"; titles and topics read A to Z.
    sort(0, key == SortKey::DateAdded ? Qt::DescendingOrder : Qt::AscendingOrder);
    invalidate();
}

QString BookmarkFilterProxy::sortKeyName(SortKey key)
{
    switch (key) {
    case SortKey::Title:
        return QStringLiteral("title");
    case SortKey::Topic:
        return QStringLiteral("topic");
    case SortKey::DateAdded:
    default:
        return QStringLiteral("date");
    }
}

std::optional<BookmarkFilterProxy::SortKey> BookmarkFilterProxy::sortKeyFromName(const QString& name)
{
    for (SortKey key : {SortKey::DateAdded, SortKey::Title, SortKey::Topic})
        if (sortKeyName(key) == name)
            return key;
    return std::nullopt;
}

QString BookmarkFilterProxy::groupHeading(int row) const
{
    if (key_ != SortKey::Topic || row < 0 || row >= rowCount())
        return {};
    const auto topicAt = [this](int r) { return index(r, 0).data(BookmarkListModel::TopicLabelRole).toString(); };
    const QString topic = topicAt(row);
    if (row > 0 && topicAt(row - 1) == topic)
        return {};
    return topic.isEmpty() ? tr("Other pages") : topic;
}

QVariant BookmarkFilterProxy::data(const QModelIndex& index, int role) const
{
    if (role == Qt::AccessibleTextRole && index.isValid()) {
        const QString heading = groupHeading(index.row());
        if (!heading.isEmpty())
            return tr("Topic %1: %2").arg(heading, QSortFilterProxyModel::data(index, role).toString());
    }
    return QSortFilterProxyModel::data(index, role);
}

bool BookmarkFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (folder_ != FolderListModel::kAllBookmarks &&
        index.data(BookmarkListModel::FolderIdRole).toLongLong() != folder_)
        return false;
    if (text_.isEmpty())
        return true;
    for (int role : {int(BookmarkListModel::TitleRole), int(BookmarkListModel::NoteRole),
                     int(BookmarkListModel::SectionRole), int(BookmarkListModel::TopicLabelRole)})
        if (index.data(role).toString().contains(text_, Qt::CaseInsensitive))
            return true;
    return false;
}

bool BookmarkFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto title = [](const QModelIndex& i) { return i.data(BookmarkListModel::TitleRole).toString(); };
    switch (key_) {
    case SortKey::DateAdded: {
        const QDateTime a = left.data(BookmarkListModel::CreatedRole).toDateTime();
        const QDateTime b = right.data(BookmarkListModel::CreatedRole).toDateTime();
        if (a != b)
            return a < b;
        return left.data(BookmarkListModel::IdRole).toLongLong() < right.data(BookmarkListModel::IdRole).toLongLong();
    }
    case SortKey::Topic: {
        const int byTopic = QString::localeAwareCompare(left.data(BookmarkListModel::TopicLabelRole).toString(),
                                                        right.data(BookmarkListModel::TopicLabelRole).toString());
        if (byTopic != 0)
            return byTopic < 0;
        return QString::localeAwareCompare(title(left), title(right)) < 0;
    }
    case SortKey::Title:
    default:
        return QString::compare(title(left), title(right), Qt::CaseInsensitive) < 0;
    }
}

}  // namespace fibrokb::app

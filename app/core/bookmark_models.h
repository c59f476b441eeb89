// Models over the bookmark store for the bookmarks panel: the folder list, every bookmark,
// and a proxy that picks one folder, filters by text and sorts by title, date or topic.
#pragma once

#include "core/bookmark.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSortFilterProxyModel>

#include <functional>
#include <optional>

namespace fibrokb::app {

class BookmarkStore;

class FolderListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    // Pseudo folder ids for the rows that are not real folders.
    static constexpr qint64 kAllBookmarks = -1;
    static constexpr qint64 kUnfiled = 0;
    enum Role { FolderIdRole = Qt::UserRole + 1, CountRole, NameRole };

    explicit FolderListModel(BookmarkStore* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(qint64 folderId) const;
    qint64 folderIdAt(int row) const;
    void reload();

private:
    struct Row {
        qint64 id;
        QString name;
        int count;
    };
    BookmarkStore* store_;
    QVector<Row> rows_;
};

class BookmarkListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ArticleIdRole,
        AnchorRole,
        TitleRole,
        SectionRole,
        NoteRole,
        FolderIdRole,
        CreatedRole,
        TopicsRole,
        TopicLabelRole,  // label of the first topic, for sorting by topic
        MissingRole,     // the article has left the library
    };

    explicit BookmarkListModel(BookmarkStore* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Tells the model which articles still exist (the library may have changed since).
    void setArticleExists(std::function<bool(const QString&)> exists);
    void setTopicLabels(const QHash<QString, QString>& labels);
    const Bookmark* bookmarkAt(int row) const;
    int rowOfId(qint64 id) const;
    void reload();

private:
    BookmarkStore* store_;
    QVector<Bookmark> bookmarks_;
    QHash<QString, bool> missing_;
    std::function<bool(const QString&)> exists_;
    QHash<QString, QString> topicLabels_;
};

class BookmarkFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class SortKey { Title, DateAdded, Topic };

    explicit BookmarkFilterProxy(QObject* parent = nullptr);

    void setFolder(qint64 folderId);  // FolderListModel::kAllBookmarks, kUnfiled or a folder id
    qint64 folder() const { return folder_; }
    void setText(const QString& text);
    void setSortKey(SortKey key);
    SortKey sortKey() const { return key_; }
    // Stable names for remembering the sort order in the settings ("date", "title", "topic").
    static QString sortKeyName(SortKey key);
    static std::optional<SortKey> sortKeyFromName(const QString& name);

    // When sorted by topic, the heading of the topic group that starts at `row` (its first
    // topic's label, or "Other pages"); "" for every other row and in the other sort orders.
    // Headings are drawn above the row, not rows of their own, so they can never be selected.
    QString groupHeading(int row) const;
    // A screen reader hears a group's heading with the group's first bookmark.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    qint64 folder_ = -1;
    QString text_;
    SortKey key_ = SortKey::DateAdded;
};

}  // namespace fibrokb::app

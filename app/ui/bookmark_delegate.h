// Draws the bookmarks list. When it is sorted by topic, each topic group gets a heading drawn
// above its first bookmark, inside that row: the heading is part of no selectable item, the
// arrow keys go from bookmark to bookmark, and nothing in the models has to change.
#pragma once

#include <QStyledItemDelegate>

namespace fibrokb::app {

class BookmarkDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The heading drawn above `index` ("" for none): BookmarkFilterProxy::groupHeading.
    static QString headingFor(const QModelIndex& index);
    // Height of the heading strip for text in `font`.
    static int headingHeight(const QFont& font);
    static QFont headingFont(const QFont& font);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace fibrokb::app

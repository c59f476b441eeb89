// Draws one entry of an article's "On this page" list: the heading wrapped to the list's width,
// indented by its level (sub-headings keep their indent on every wrapped line, which leading
// spaces could not do), and a focus ring on the current entry when the list has keyboard focus.
#pragma once

#include <QStyledItemDelegate>

namespace fibrokb::app {

class ContentsDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    // The heading level of an entry (2 = top level, 3 = one step in, ...); absent means 2.
    static constexpr int LevelRole = Qt::UserRole + 1;

    explicit ContentsDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Where the entry's text goes inside an item rectangle: after the indent and padding.
    static QRect textRect(const QStyleOptionViewItem& option, const QModelIndex& index, const QRect& itemRect);
    // The narrowest item that still shows the entry's longest word whole (lines break at spaces).
    static int minimumWidth(const QFont& font, const QModelIndex& index);
};

}  // namespace fibrokb::app

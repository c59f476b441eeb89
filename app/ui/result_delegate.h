// Draws one search result: title, a type badge, topic chips, the snippet with the
// matching words in bold, and the date the page was checked against its sources.
#pragma once

#include <QStyledItemDelegate>

class QTextDocument;

namespace fibrokb::app {

class ResultDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ResultDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

}  // namespace fibrokb::app

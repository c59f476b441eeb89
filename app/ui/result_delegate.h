// Draws one search result: title, a type badge, topic chips, the snippet with the
// matching words in bold, and the date the page was checked against its sources.
//
// Rows have different heights, so the list asks for every row's size whenever an answer arrives.
// Laying a row out is therefore kept cheap: the snippet's HTML (escaped text and <b> only) becomes
// plain text with bold ranges in a QTextLayout, no QTextDocument, and each row's whole layout is
// cached by (title, type, snippet, width, font), so a row is shaped once and then reused by paint,
// by later sizing passes and by the next answers that show the same page.
#pragma once

#include <QCache>
#include <QStyledItemDelegate>

namespace fibrokb::app {

class ResultDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ResultDelegate(QObject* parent = nullptr);
    ~ResultDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Rows laid out since the delegate was made (cache misses): for tests and the app bench.
    int layoutsBuilt() const { return built_; }

private:
    struct Layout;
    // The row's layout, from the cache or built now; never null.
    const Layout* layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    mutable QCache<QString, Layout> cache_;
    mutable int built_ = 0;
};

}  // namespace fibrokb::app

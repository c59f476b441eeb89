// The filter panel: topics with live counts (checkable, OR'ed), the page type and who a
// page is written for. Counts always honour the query and the other filters, and a count
// is never cut off, whatever the text size or the panel's width.
#pragma once

#include "core/search_types.h"

#include <QComboBox>
#include <QStyledItemDelegate>
#include <QWidget>

class QFontMetrics;
class QListView;
class QPushButton;

namespace fibrokb::app {

class TopicFilterModel;

// "Name (count)" cut to `width` pixels: the name is elided, the count never is.
QString fitKeepingCount(const QString& text, const QFontMetrics& metrics, int width);

// A combo box whose entries read "Name (count)": when the closed box is too narrow, it elides the
// name and keeps the count (a plain QComboBox clips the end, count and bracket included). The list
// that drops down is as wide as its longest entry.
class CountComboBox final : public QComboBox {
    Q_OBJECT
public:
    explicit CountComboBox(QWidget* parent = nullptr);
    // What the closed box shows now: the current entry, fitted to the box.
    QString displayText() const;
    // The room the style gives the text in the closed box.
    int textWidth() const;
    void showPopup() override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

// Topic rows as wide as the list and as tall as their wrapped text. Qt's own delegate sizes a row by the
// text on one line (so a row runs under the list's right edge) and, at paint time, wraps the text in a
// narrower room than it measured (the check box is left out of the measure), eliding the last line: both
// cut off the count. This one measures and paints the text with the same layout.
class WrappingItemDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    // Where a row's text goes: the row less its check box and the style's text margins.
    static QRect textRoom(const QStyleOptionViewItem& option, const QWidget* widget);
};

class FilterPanel final : public QWidget {
    Q_OBJECT
public:
    explicit FilterPanel(TopicFilterModel* topics, QWidget* parent = nullptr);

    void setAnswer(const SearchAnswer& answer);
    void setQuery(const SearchQuery& query);  // reflect filters set elsewhere (chips, home)
    QListView* topicList() const { return topicList_; }
    CountComboBox* typeBox() const { return type_; }
    CountComboBox* audienceBox() const { return audience_; }
    QPushButton* clearButton() const { return clear_; }

Q_SIGNALS:
    void typeChosen(const QString& type);
    void audienceChosen(const QString& audience);
    void clearRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void setCountedText(QComboBox* box, int row, const QString& name, int count);

    TopicFilterModel* topics_;
    QListView* topicList_;
    CountComboBox* type_;
    CountComboBox* audience_;
    QPushButton* clear_;
    bool updating_ = false;
};

}  // namespace fibrokb::app

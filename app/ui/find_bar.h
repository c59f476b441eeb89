// Find in page (Ctrl+F): highlights every match in the article and says how many there are.
#pragma once

#include <QTextCursor>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTextEdit;
class QToolButton;

namespace fibrokb::app {

class FindBar final : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QTextEdit* target, QWidget* parent = nullptr);

    void activate();  // show, focus the field, select its text
    void setText(const QString& text);
    int matchCount() const { return int(matches_.size()); }
    int currentMatch() const { return current_; }  // 0-based, -1 = none
    QString statusText() const;
    QLineEdit* field() const { return field_; }

public Q_SLOTS:
    void findNext();
    void findPrevious();
    void close();
    void refresh();  // re-run after the page changed

Q_SIGNALS:
    void closed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void select(int index);
    void highlight();

    QTextEdit* target_;
    QLineEdit* field_;
    QLabel* status_;
    QToolButton* previous_;
    QToolButton* next_;
    QToolButton* close_;
    QVector<QTextCursor> matches_;
    int current_ = -1;
};

}  // namespace fibrokb::app

// The filter panel: topics with live counts (checkable, OR'ed), the page type and who a
// page is written for. Counts always honour the query and the other filters.
#pragma once

#include "core/search_types.h"

#include <QWidget>

class QComboBox;
class QListView;
class QPushButton;

namespace fibrokb::app {

class TopicFilterModel;

class FilterPanel final : public QWidget {
    Q_OBJECT
public:
    explicit FilterPanel(TopicFilterModel* topics, QWidget* parent = nullptr);

    void setAnswer(const SearchAnswer& answer);
    void setQuery(const SearchQuery& query);   // reflect filters set elsewhere (chips, home)
    QListView* topicList() const { return topicList_; }
    QComboBox* typeBox() const { return type_; }
    QComboBox* audienceBox() const { return audience_; }
    QPushButton* clearButton() const { return clear_; }

Q_SIGNALS:
    void typeChosen(const QString& type);
    void audienceChosen(const QString& audience);
    void clearRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillCounts(QComboBox* box, const QMap<QString, int>& counts, int total);

    TopicFilterModel* topics_;
    QListView* topicList_;
    QComboBox* type_;
    QComboBox* audience_;
    QPushButton* clear_;
    bool updating_ = false;
};

}  // namespace fibrokb::app

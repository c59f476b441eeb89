// The active filters as removable chips ("Exercise ✕"), and one button to clear them all.
#pragma once

#include "core/search_types.h"

#include <QHash>

#include <functional>
#include <QWidget>

class QPushButton;
class QToolButton;

namespace fibrokb::app {

class FlowLayout;

class FilterChipsBar final : public QWidget {
    Q_OBJECT
public:
    explicit FilterChipsBar(QWidget* parent = nullptr);

    void setQuery(const SearchQuery& query, const QHash<QString, QString>& topicLabels);
    QList<QToolButton*> chips() const { return chips_; }
    QPushButton* clearAllButton() const { return clearAll_; }

Q_SIGNALS:
    void topicRemoved(const QString& topicId);
    void typeRemoved();
    void audienceRemoved();
    void clearAllRequested();

private:
    QToolButton* addChip(const QString& label, const std::function<void()>& onRemove);

    FlowLayout* layout_;
    QList<QToolButton*> chips_;
    QPushButton* clearAll_;
};

}  // namespace fibrokb::app

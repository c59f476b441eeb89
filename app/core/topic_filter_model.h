// The topic filter: every topic with a live count for the current query and other
// filters, checkable. Checked topics are OR'ed by the engine.
#pragma once

#include "core/search_types.h"

#include <QAbstractListModel>
#include <QMap>
#include <QSet>

namespace fibrokb::app {

class TopicFilterModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { TopicIdRole = Qt::UserRole + 1, LabelRole, CountRole, DescriptionRole };

    explicit TopicFilterModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setTopics(const QVector<TopicInfo>& topics);
    void setCounts(const QMap<QString, int>& counts);
    // Mirrors the controller's filter without emitting checkedTopicsChanged.
    void setCheckedTopics(const QStringList& topics);
    QStringList checkedTopics() const;
    int rowOf(const QString& topicId) const;
    int countOf(const QString& topicId) const { return counts_.value(topicId, 0); }
    QString labelOf(const QString& topicId) const;

Q_SIGNALS:
    void topicToggled(const QString& topicId, bool checked);

private:
    QVector<TopicInfo> topics_;
    QMap<QString, int> counts_;
    QStringList checked_;  // in the order the person chose them
};

}  // namespace fibrokb::app

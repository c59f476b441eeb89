#include "core/topic_filter_model.h"

#include "core/text_format.h"

#include <QFont>

namespace fibrokb::app {

TopicFilterModel::TopicFilterModel(QObject* parent) : QAbstractListModel(parent) {}

int TopicFilterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(topics_.size());
}

QVariant TopicFilterModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TopicInfo& topic = topics_.at(index.row());
    const int count = counts_.value(topic.id, 0);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 (%2)").arg(topic.label).arg(count);
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2").arg(topic.label, pagesText(count));
    case Qt::ToolTipRole:
    case DescriptionRole:
        return topic.description;
    case Qt::CheckStateRole:
        return checked_.contains(topic.id) ? Qt::Checked : Qt::Unchecked;
    case TopicIdRole:
        return topic.id;
    case LabelRole:
        return topic.label;
    case CountRole:
        return count;
    default:
        return {};
    }
}

bool TopicFilterModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString id = topics_.at(index.row()).id;
    const bool on = value.toInt() == Qt::Checked;
    if (on == checked_.contains(id))
        return true;
    if (on)
        checked_ << id;
    else
        checked_.removeAll(id);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT topicToggled(id, on);
    return true;
}

Qt::ItemFlags TopicFilterModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

QHash<int, QByteArray> TopicFilterModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(TopicIdRole, "topicId");
    names.insert(LabelRole, "label");
    names.insert(CountRole, "count");
    names.insert(DescriptionRole, "description");
    return names;
}

void TopicFilterModel::setTopics(const QVector<TopicInfo>& topics)
{
    beginResetModel();
    topics_ = topics;
    for (const TopicInfo& t : topics)
        if (!counts_.contains(t.id))
            counts_.insert(t.id, t.count);
    endResetModel();
}

void TopicFilterModel::setCounts(const QMap<QString, int>& counts)
{
    counts_ = counts;
    if (!topics_.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(topics_.size()) - 1),
                           {Qt::DisplayRole, Qt::AccessibleTextRole, CountRole});
}

void TopicFilterModel::setCheckedTopics(const QStringList& topics)
{
    if (topics == checked_)
        return;
    checked_ = topics;
    if (!topics_.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(topics_.size()) - 1), {Qt::CheckStateRole});
}

QStringList TopicFilterModel::checkedTopics() const
{
    return checked_;
}

int TopicFilterModel::rowOf(const QString& topicId) const
{
    for (int i = 0; i < topics_.size(); ++i)
        if (topics_.at(i).id == topicId)
            return i;
    return -1;
}

QString TopicFilterModel::labelOf(const QString& topicId) const
{
    const int row = rowOf(topicId);
    return row < 0 ? topicId : topics_.at(row).label;
}

}  // namespace fibrokb::app

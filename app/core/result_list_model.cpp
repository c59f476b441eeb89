#include "core/result_list_model.h"

#include "core/text_format.h"

namespace fibrokb::app {

ResultListModel::ResultListModel(QObject* parent) : QAbstractListModel(parent) {}

QString ResultListModel::partialDividerText()
{
    return tr("Pages that match some of your words");
}

bool ResultListModel::startsPartial(int row) const
{
    return items_.at(row).partial && (row == 0 || !items_.at(row - 1).partial);
}

int ResultListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(items_.size());
}

QVariant ResultListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResultItem& item = items_.at(index.row());
    auto topicLabels = [&] {
        QStringList labels;
        for (const QString& topic : item.topics)
            labels << topicLabels_.value(topic, topic);
        return labels;
    };
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return item.title;
    case Qt::ToolTipRole:
        return item.summary.isEmpty() ? item.title : item.summary;
    case Qt::AccessibleTextRole: {
        // What a screen reader says for the row: title, kind, the matching text, the date; the first partial
        // match starts with the divider's words, which a screen reader would not otherwise hear.
        QString text = QStringLiteral("%1. %2.").arg(item.title, typeLabel(item.type));
        if (startsPartial(index.row()))
            text = partialDividerText() + QStringLiteral(". ") + text;
        const QString snippet = plainFromHtml(item.snippetHtml.isEmpty() ? item.summary : item.snippetHtml);
        if (!snippet.isEmpty())
            text += QLatin1Char(' ') + snippet;
        if (!item.reviewed.isEmpty())
            text += QLatin1Char(' ') + tr("Checked %1.").arg(readableDate(item.reviewed));
        return text;
    }
    case IdRole:
        return item.id;
    case ArticleIdRole:
        return item.articleId;
    case TypeRole:
        return item.type;
    case TypeLabelRole:
        return typeLabel(item.type);
    case TopicsRole:
        return item.topics;
    case TopicLabelsRole:
        return topicLabels();
    case SnippetRole:
        // An FAQ answer or a browse listing may have no snippet: show the summary instead.
        return item.snippetHtml.isEmpty() ? item.summary.toHtmlEscaped() : item.snippetHtml;
    case SummaryRole:
        return item.summary;
    case ReviewedRole:
        return readableDate(item.reviewed);
    case StartsPartialRole:
        return startsPartial(index.row());
    case AnchorRole:
        return item.anchor;
    case ScoreRole:
        return item.score;
    default:
        return {};
    }
}

QHash<int, QByteArray> ResultListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(ArticleIdRole, "articleId");
    names.insert(TitleRole, "title");
    names.insert(TypeRole, "type");
    names.insert(TypeLabelRole, "typeLabel");
    names.insert(TopicsRole, "topics");
    names.insert(TopicLabelsRole, "topicLabels");
    names.insert(SnippetRole, "snippet");
    names.insert(SummaryRole, "summary");
    names.insert(ReviewedRole, "reviewed");
    names.insert(AnchorRole, "anchor");
    names.insert(ScoreRole, "score");
    return names;
}

void ResultListModel::setItems(const QVector<ResultItem>& items)
{
    beginResetModel();
    items_ = items;
    endResetModel();
}

void ResultListModel::setTopicLabels(const QHash<QString, QString>& labels)
{
    topicLabels_ = labels;
    if (!items_.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(items_.size()) - 1), {TopicLabelsRole});
}

const ResultItem* ResultListModel::itemAt(int row) const
{
    return row >= 0 && row < items_.size() ? &items_.at(row) : nullptr;
}

void ResultListModel::clear()
{
    setItems({});
}

}  // namespace fibrokb::app

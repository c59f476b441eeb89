// The search results as a list model. The delegate (ui/result_delegate) draws each row.
#pragma once

#include "core/search_types.h"

#include <QAbstractListModel>
#include <QHash>

namespace fibrokb::app {

class ResultListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ArticleIdRole,
        TitleRole,
        TypeRole,         // "article" | "faq"
        TypeLabelRole,    // "Article" | "Question"
        TopicsRole,       // ids
        TopicLabelsRole,  // labels, same order
        SnippetRole,      // HTML, matches in <b>
        SummaryRole,
        ReviewedRole,  // readable date
        AnchorRole,
        ScoreRole,
        StartsPartialRole,  // bool: the first row that matches only some of the words (the divider goes above it)
    };

    explicit ResultListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setItems(const QVector<ResultItem>& items);
    void setTopicLabels(const QHash<QString, QString>& labels);
    const ResultItem* itemAt(int row) const;
    void clear();

    // The divider's words, shown above the first partial match and read out with it.
    static QString partialDividerText();

private:
    bool startsPartial(int row) const;

    QVector<ResultItem> items_;
    QHash<QString, QString> topicLabels_;
};

}  // namespace fibrokb::app

// The search page: a line saying what was found (and "did you mean"), the result list,
// and a friendly empty state that offers browsing by topic.
#pragma once

#include "core/search_types.h"

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace fibrokb::app {

class ResultListModel;
class FlowLayout;

class ResultsView final : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(ResultListModel* model, QWidget* parent = nullptr);

    void setAnswer(const SearchAnswer& answer, const QVector<TopicInfo>& topics);
    QListView* list() const { return list_; }
    QLabel* summaryLabel() const { return summary_; }
    QLabel* correctionLabel() const { return correction_; }
    bool isShowingEmptyState() const;
    int currentRow() const;
    void setCurrentRow(int row);
    void moveCurrent(int delta);

public Q_SLOTS:
    void activateCurrent();
    // "More like this" for the current row (Ctrl+M, or the row's context menu).
    void requestMoreLikeCurrent();
    // The same as activating the "did you mean" link.
    void chooseCorrection()
    {
        if (!correctedText_.isEmpty())
            Q_EMIT correctionChosen(correctedText_);
    }

Q_SIGNALS:
    void openRequested(const QString& articleId, const QString& anchor);
    void moreLikeRequested(const QString& id, const QString& title);
    void correctionChosen(const QString& text);
    void topicChosen(const QString& topicId);
    void clearFiltersRequested();
    void escapePressed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openRow(int row);
    void rebuildEmptyTopics(const QVector<TopicInfo>& topics);

    ResultListModel* model_;
    QLabel* summary_;
    QLabel* correction_;
    QStackedWidget* stack_;
    QListView* list_;
    QWidget* empty_;
    QLabel* emptyTitle_;
    QLabel* emptyHint_;
    QPushButton* clearFilters_;
    QWidget* emptyTopics_;
    FlowLayout* emptyTopicsLayout_;
    QString correctedText_;
};

}  // namespace fibrokb::app

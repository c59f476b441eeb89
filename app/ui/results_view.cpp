#include "ui/results_view.h"

#include "core/result_list_model.h"
#include "core/text_format.h"
#include "ui/flow_layout.h"
#include "ui/result_delegate.h"

#include <QKeyEvent>
#include <QLabel>
#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fibrokb::app {

namespace {

// The empty state's title is larger than the text around it. Set once from the font of the moment, it
// would keep that size when Settings (or the app font applied after this view was made) change the text
// size, and end up smaller than the body: so it follows every change of its surroundings' font.
void scaleTitle(QLabel* title, const QFont& surroundings)
{
    QFont big = surroundings;
    big.setPointSizeF(surroundings.pointSizeF() * 1.3);
    title->setFont(big);
}

}  // namespace

ResultsView::ResultsView(ResultListModel* model, QWidget* parent) : QWidget(parent), model_(model)
{
    setObjectName(QStringLiteral("resultsView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("resultSummary"));
    summary_->setAccessibleName(tr("Search summary"));
    summary_->setWordWrap(true);
    summary_->setContentsMargins(12, 6, 12, 0);
    correction_ = new QLabel(this);
    correction_->setObjectName(QStringLiteral("didYouMean"));
    correction_->setAccessibleName(tr("Spelling suggestion"));
    correction_->setWordWrap(true);
    correction_->setContentsMargins(12, 0, 12, 0);
    correction_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    correction_->setFocusPolicy(Qt::StrongFocus);
    correction_->hide();
    connect(correction_, &QLabel::linkActivated, this, [this] { Q_EMIT correctionChosen(correctedText_); });

    stack_ = new QStackedWidget(this);
    list_ = new QListView(stack_);
    list_->setObjectName(QStringLiteral("resultList"));
    list_->setAccessibleName(tr("Search results"));
    list_->setModel(model_);
    list_->setItemDelegate(new ResultDelegate(list_));
    list_->setUniformItemSizes(false);
    list_->setWordWrap(true);
    list_->setResizeMode(QListView::Adjust);
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setFrameShape(QFrame::NoFrame);
    list_->setMouseTracking(true);
    list_->installEventFilter(this);
    connect(list_, &QListView::clicked, this, [this](const QModelIndex& index) { openRow(index.row()); });

    // Empty state: kind words and a way forward, never a dead end.
    empty_ = new QWidget(stack_);
    empty_->setObjectName(QStringLiteral("emptyState"));
    auto* emptyLayout = new QVBoxLayout(empty_);
    emptyLayout->setContentsMargins(24, 24, 24, 24);
    emptyTitle_ = new QLabel(empty_);
    emptyTitle_->setObjectName(QStringLiteral("emptyTitle"));
    emptyTitle_->setWordWrap(true);
    emptyTitle_->setTextFormat(Qt::PlainText);  // it quotes what the person typed
    // 1.3 times the text around it, again whenever that text changes size (eventFilter).
    scaleTitle(emptyTitle_, empty_->font());
    empty_->installEventFilter(this);
    emptyHint_ = new QLabel(empty_);
    emptyHint_->setWordWrap(true);
    clearFilters_ = new QPushButton(tr("Clear all filters"), empty_);
    clearFilters_->setObjectName(QStringLiteral("emptyClearFilters"));
    clearFilters_->setAccessibleName(tr("Clear all filters"));
    connect(clearFilters_, &QPushButton::clicked, this, &ResultsView::clearFiltersRequested);
    auto* browseLabel = new QLabel(tr("Or browse by topic:"), empty_);
    emptyTopics_ = new QWidget(empty_);
    emptyTopicsLayout_ = new FlowLayout(emptyTopics_, 8);
    emptyLayout->addWidget(emptyTitle_);
    emptyLayout->addWidget(emptyHint_);
    emptyLayout->addWidget(clearFilters_, 0, Qt::AlignLeft);
    emptyLayout->addSpacing(12);
    emptyLayout->addWidget(browseLabel);
    emptyLayout->addWidget(emptyTopics_);
    emptyLayout->addStretch(1);
    auto* emptyScroll = new QScrollArea(stack_);
    emptyScroll->setWidget(empty_);
    emptyScroll->setWidgetResizable(true);
    emptyScroll->setFrameShape(QFrame::NoFrame);

    // A row's menu: open it, or list the pages like it.
    list_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = list_->indexAt(at);
        if (!index.isValid())
            return;
        list_->setCurrentIndex(index);
        QMenu menu(list_);
        menu.addAction(tr("Open"), this, &ResultsView::activateCurrent);
        QAction* like = menu.addAction(tr("More like this"), this, &ResultsView::requestMoreLikeCurrent);
        like->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
        menu.exec(list_->viewport()->mapToGlobal(at));
    });

    stack_->addWidget(list_);
    stack_->addWidget(emptyScroll);
    layout->addWidget(summary_);
    layout->addWidget(correction_);
    layout->addWidget(stack_, 1);
}

void ResultsView::setAnswer(const SearchAnswer& answer, const QVector<TopicInfo>& topics)
{
    const QString text = answer.query.text.trimmed();
    correctedText_ = answer.corrected;
    if (!answer.error.isEmpty()) {
        summary_->setText(tr("Searching did not work: %1").arg(answer.error.toHtmlEscaped()));
    } else if (text.isEmpty()) {
        summary_->setText(tr("%1 in the chosen filters, A to Z").arg(pagesText(answer.total)));
    } else if (answer.showingCorrected && !answer.corrected.isEmpty()) {
        summary_->setText(tr("Nothing matched \u201c%1\u201d, so here are %2 for \u201c%3\u201d.")
                              .arg(text.toHtmlEscaped(), pagesText(answer.total), answer.corrected.toHtmlEscaped()));
    } else if (!answer.likeTitle.isEmpty()) {
        summary_->setText(tr("Pages like \u201c%1\u201d. Press Enter in the search box to see your results again.")
                              .arg(answer.likeTitle.toHtmlEscaped()));
    } else if (answer.relaxed) {
        summary_->setText(tr("No page has all of your words. %1 with some of them.").arg(pagesText(answer.total)));
    } else {
        summary_->setText(tr("%1 found").arg(pagesText(answer.total)));
    }

    if (!answer.corrected.isEmpty() && !answer.showingCorrected) {
        correction_->setText(tr("Did you mean <a href=\"#\"><b>%1</b></a>?").arg(answer.corrected.toHtmlEscaped()));
        correction_->show();
    } else if (!answer.corrected.isEmpty()) {
        correction_->setText(
            tr("Use <a href=\"#\"><b>%1</b></a> as your search.").arg(answer.corrected.toHtmlEscaped()));
        correction_->show();
    } else {
        correction_->hide();
    }

    if (answer.items.isEmpty() && answer.error.isEmpty()) {
        const int hidden = answer.totalWithoutFilters;
        QString hint = tr("Try fewer words, or other words for the same thing, such as \u201chip\u201d instead of "
                          "\u201cgreater trochanter\u201d.");
        if (!text.isEmpty() && answer.query.hasFilters() && hidden > 0) {
            // The words do match: say so, so no one gives up on a search that only the filters emptied.
            emptyTitle_->setText(
                hidden == 1 ? tr("1 page matches \u201c%1\u201d, but it is not in the chosen filters.").arg(text)
                            : tr("%1 pages match \u201c%2\u201d, but none in the chosen filters.")
                                  .arg(QString::number(hidden), text));
            hint = tr("Clear all filters to see them, or choose other filters.");
        } else {
            emptyTitle_->setText(text.isEmpty() ? tr("No pages in these topics together.")
                                                : tr("Nothing found for \u201c%1\u201d.").arg(text));
            if (answer.query.hasFilters())
                hint = tr("The filters may be hiding what you are looking for.") + QLatin1Char(' ') + hint;
        }
        emptyHint_->setText(hint);
        clearFilters_->setVisible(answer.query.hasFilters());
        rebuildEmptyTopics(topics);
        stack_->setCurrentIndex(1);
    } else {
        stack_->setCurrentIndex(0);
        if (model_->rowCount() > 0)
            setCurrentRow(0);
    }
}

void ResultsView::rebuildEmptyTopics(const QVector<TopicInfo>& topics)
{
    while (QLayoutItem* item = emptyTopicsLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const TopicInfo& topic : topics) {
        auto* button = new QPushButton(topic.label, emptyTopics_);
        button->setAccessibleName(tr("Browse %1").arg(topic.label));
        button->setToolTip(topic.description);
        const QString id = topic.id;
        connect(button, &QPushButton::clicked, this, [this, id] { Q_EMIT topicChosen(id); });
        emptyTopicsLayout_->addWidget(button);
    }
}

bool ResultsView::isShowingEmptyState() const
{
    return stack_->currentIndex() == 1;
}

int ResultsView::currentRow() const
{
    return list_->currentIndex().row();
}

void ResultsView::setCurrentRow(int row)
{
    const QModelIndex index = model_->index(row, 0);
    if (!index.isValid())
        return;
    list_->setCurrentIndex(index);
    list_->scrollTo(index);
}

void ResultsView::moveCurrent(int delta)
{
    const int rows = model_->rowCount();
    if (rows == 0)
        return;
    const int row = qBound(0, (currentRow() < 0 ? (delta > 0 ? -1 : rows) : currentRow()) + delta, rows - 1);
    setCurrentRow(row);
}

void ResultsView::requestMoreLikeCurrent()
{
    const QModelIndex index = list_->currentIndex();
    if (!index.isValid())
        return;
    Q_EMIT moreLikeRequested(index.data(ResultListModel::IdRole).toString(),
                             index.data(ResultListModel::TitleRole).toString());
}

void ResultsView::activateCurrent()
{
    openRow(currentRow() >= 0 ? currentRow() : 0);
}

void ResultsView::openRow(int row)
{
    // An article opens at its top, where its title and date are; an FAQ entry opens at
    // its own question inside the FAQ page.
    if (const ResultItem* item = model_->itemAt(row))
        Q_EMIT openRequested(item->articleId, item->type == QLatin1String("faq") ? item->anchor : QString());
}

bool ResultsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == empty_ && event->type() == QEvent::FontChange)
        scaleTitle(emptyTitle_, empty_->font());
    if (watched == list_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            activateCurrent();
            return true;
        }
        if (key->key() == Qt::Key_M && key->modifiers() == Qt::ControlModifier) {
            requestMoreLikeCurrent();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            Q_EMIT escapePressed();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace fibrokb::app

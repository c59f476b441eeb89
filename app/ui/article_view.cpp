#include "ui/article_view.h"

#include "ui/article_images.h"

#include "ui/contents_delegate.h"
#include "ui/find_bar.h"
#include "ui/read_aloud.h"
#include "ui/safe_text_browser.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace fibrokb::app {
namespace {
// The page text size at which drawings are shown at the size they were drawn (an 11.5 pt page: the usual 10 pt
// interface text, made 15% larger for reading).
constexpr qreal kDrawingPoint = 11.5;
}  // namespace

ArticleView::ArticleView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("articleView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("articleSplitter"));
    splitter_->setChildrenCollapsible(true);

    auto* side = new QWidget(splitter_);
    contentsSide_ = side;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 8, 0, 8);
    contentsLabel_ = new QLabel(tr("On this &page"), side);
    contents_ = new QListWidget(side);
    contents_->setObjectName(QStringLiteral("articleContents"));
    contents_->setAccessibleName(tr("Contents of this page"));
    // Entries wrap to the list's width and keep their indent (ContentsDelegate); never a sideways scroll.
    contents_->setItemDelegate(new ContentsDelegate(contents_));
    contents_->setWordWrap(true);
    contents_->setUniformItemSizes(false);
    contents_->setResizeMode(QListView::Adjust);
    contents_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    contents_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    contents_->viewport()->installEventFilter(this);
    contents_->setContextMenuPolicy(Qt::CustomContextMenu);
    contentsLabel_->setBuddy(contents_);
    sideLayout->addWidget(contentsLabel_);
    sideLayout->addWidget(contents_, 1);

    browser_ = new SafeTextBrowser(splitter_);
    browser_->setObjectName(QStringLiteral("articleBrowser"));
    browser_->setAccessibleName(tr("Page text"));
    browser_->setContextMenuPolicy(Qt::CustomContextMenu);
    // Keyboard users can move through links with Tab and follow them with Enter.
    browser_->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    // Lines break at spaces only: a word split across lines ("fibromyalgi / a") is hard to read with
    // large text and fibro fog. A word wider than the column scrolls sideways instead.
    browser_->setWordWrapMode(QTextOption::WordWrap);
    // The reader taking over (wheel, keys, clicks, the scroll bar) ends holding an anchor in place.
    browser_->installEventFilter(this);
    browser_->viewport()->installEventFilter(this);

    splitter_->addWidget(side);
    splitter_->addWidget(browser_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({220, 780});

    findBar_ = new FindBar(browser_, this);
    layout->addWidget(splitter_, 1);
    layout->addWidget(findBar_);

    QScrollBar* bar = browser_->verticalScrollBar();
    connect(bar, &QAbstractSlider::actionTriggered, this, [this] {
        if (!applyingPlace_)
            releasePlace();
    });
    connect(bar, &QAbstractSlider::rangeChanged, this, &ArticleView::applyPlace);
    connect(bar, &QAbstractSlider::valueChanged, this, &ArticleView::followScroll);
    connect(findBar_->field(), &QLineEdit::textEdited, this, &ArticleView::releasePlace);
    connect(browser_, &QTextBrowser::anchorClicked, this, &ArticleView::onAnchorClicked);
    // Drawings are drawn for the width the text has: a narrower or wider column draws them again (once, after
    // the resizing settles in the event loop).
    connect(browser_, &SafeTextBrowser::textColumnWidthChanged, this, [this](int width) {
        if (article_.images.empty() || articleId_.isEmpty() || rendering_ || redrawQueued_ ||
            qAbs(width - imagesDrawnFor_) < 8)
            return;
        redrawQueued_ = true;
        QTimer::singleShot(0, this, [this] {
            redrawQueued_ = false;
            const Target keep = target_.active ? target_ : Target{true, QString(), readingPosition()};
            render();
            holdPlace(keep);
        });
    });
    connect(browser_, &QWidget::customContextMenuRequested, this, &ArticleView::showContextMenu);
    connect(contents_, &QWidget::customContextMenuRequested, this, &ArticleView::showContentsMenu);
    connect(contents_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { scrollToSection(item->data(Qt::UserRole).toString()); });
    connect(contents_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { scrollToSection(item->data(Qt::UserRole).toString()); });
}

void ArticleView::setReadAloudBar(ReadAloudBar* bar)
{
    static_cast<QVBoxLayout*>(layout())->addWidget(bar);
}

void ArticleView::showArticle(const fibrokb::Article& article, const QVector<ResultItem>& related,
                              const QHash<QString, QString>& topicLabels, const QString& anchor,
                              const ReadingPosition& position)
{
    article_ = article;
    related_ = related;
    topicLabels_ = topicLabels;
    articleId_ = toQString(article.id);
    title_ = toQString(article.title);

    // Render first: a page too long to show in full lists only the sections that made it onto the screen.
    render();

    sections_.clear();
    contents_->clear();
    contents_->setUpdatesEnabled(false);
    auto addEntry = [this](const QString& entryAnchor, const QString& heading, int level) {
        auto* item = new QListWidgetItem(heading, contents_);
        item->setData(Qt::UserRole, entryAnchor);
        item->setData(ContentsDelegate::LevelRole, level);
        item->setData(Qt::AccessibleTextRole, heading);
    };
    addEntry(QString(), tr("Top of the page"), 2);
    int listed = 0;
    for (const fibrokb::Section& section : article.sections) {
        if (section.anchor.empty() || section.level < 2)
            continue;
        const SectionRef ref{toQString(section.anchor), toQString(section.heading)};
        if (!pageInfo_.anchors.contains(ref.anchor))
            continue;  // left out of a page too long to show in full
        sections_.push_back(ref);
        if (listed++ < kMaxContentsEntries)
            addEntry(ref.anchor, ref.heading, section.level);
    }
    if (listed > kMaxContentsEntries)
        addEntry(sections_.at(kMaxContentsEntries).anchor,
                 tr("\u2026 and %1 more sections").arg(listed - kMaxContentsEntries), 2);
    if (!related.isEmpty())
        addEntry(ArticlePage::relatedAnchor(), tr("Related pages"), 2);
    if (!article.sources.empty())
        addEntry(ArticlePage::sourcesAnchor(), tr("Sources"), 2);
    contents_->setUpdatesEnabled(true);
    fitContentsWidth();

    findBar_->refresh();
    if (!position.isTop())
        holdPlace({true, QString(), position});
    else
        scrollToSection(anchor);
}

void ArticleView::render()
{
    QElapsedTimer timer;
    timer.start();
    // The column width changes while the page is set (below): that is this render's own, not a reason for another.
    QScopedValueRollback<bool> inRender(rendering_, true);
    browser_->document()->setDefaultStyleSheet(ArticlePage::styleSheet(colors_));
    // ArticlePage bounds the body (size, block length, table cells, nesting depth) so setHtml stays quick on the UI
    // thread.
    pageInfo_ = PageInfo{};
    // The page's drawings, in the page's text colour and at its text size, within the width the text has.
    // Before the view is laid out its width means nothing: they are drawn at their own size, and again for the
    // real width when it is known (textColumnWidthChanged).
    browser_->updateReadingColumn();
    imagesDrawnFor_ = browser_->isVisible() ? browser_->textColumnWidth() : 0;
    addArticleImages(*browser_->document(), article_, colors_.text, browser_->font().pointSizeF() / kDrawingPoint,
                     imagesDrawnFor_, browser_->devicePixelRatioF());
    browser_->setHtml(ArticlePage::html(article_, related_, topicLabels_, PageOptions{}, &pageInfo_));
    browser_->updateReadingColumn();
    indexAnchors();
    // Every change of layout (incremental layout of a long page, a new width, a zoom) puts the held
    // place back; the layout object can be replaced with the document, so connect on each render.
    connect(browser_->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &ArticleView::applyPlace, Qt::UniqueConnection);
    lastRenderMs_ = timer.elapsed();
}

void ArticleView::fitContentsWidth()
{
    // Wide enough for every entry's longest word at the text size in force: entries wrap, never cut.
    int widest = 0;
    for (int i = 0; i < contents_->count(); ++i)
        widest = qMax(widest, ContentsDelegate::minimumWidth(contents_->font(), contents_->model()->index(i, 0)));
    const int chrome = 2 * contents_->frameWidth() + contents_->verticalScrollBar()->sizeHint().width();
    contents_->setMinimumWidth(widest + chrome);
}

void ArticleView::indexAnchors()
{
    // One pass over the blocks in document order, however many sections a long page has.
    anchorBlocks_.clear();
    QTextDocument* doc = browser_->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            for (const QString& name : fragment.charFormat().anchorNames())
                if (!anchorBlocks_.contains(name))
                    anchorBlocks_.insert(name, block.blockNumber());
        }
    }
}

int ArticleView::blockTop(int blockNumber) const
{
    QTextDocument* doc = browser_->document();
    const QTextBlock block = doc->findBlockByNumber(blockNumber);
    if (!block.isValid())
        return 0;
    return qRound(doc->documentLayout()->blockBoundingRect(block).top());
}

int ArticleView::anchorY(const QString& anchor) const
{
    if (anchor.isEmpty())
        return 0;
    const auto it = anchorBlocks_.constFind(anchor);
    return it == anchorBlocks_.constEnd() ? 0 : blockTop(*it);
}

void ArticleView::holdPlace(const Target& target)
{
    target_ = target;
    applyPlace();
    followScroll();
}

void ArticleView::applyPlace()
{
    if (!target_.active || applyingPlace_)
        return;
    const QScopedValueRollback<bool> guard(applyingPlace_, true);
    int y = anchorY(target_.anchor);
    if (!target_.position.isTop()) {
        QTextDocument* doc = browser_->document();
        const QTextBlock block = doc->findBlockByNumber(target_.position.block);
        if (block.isValid()) {
            const QRectF rect = doc->documentLayout()->blockBoundingRect(block);
            y = qRound(rect.top() + qBound(0.0, target_.position.offset, 1.0) * rect.height());
        }
    }
    // A target below the end of the range is reached when the range grows (rangeChanged calls back).
    QScrollBar* bar = browser_->verticalScrollBar();
    bar->setValue(y);
    // Keyboard reading (Page Down, arrows) goes on from what is on screen, not from the text cursor
    // left at the top of the page. Placing the cursor may nudge the view to show its whole line.
    const QPoint onScreen(int(browser_->document()->rootFrame()->frameFormat().leftMargin()) + 1,
                          browser_->fontMetrics().height() * 3 / 2);
    browser_->setTextCursor(browser_->cursorForPosition(onScreen));
    bar->setValue(y);
}

void ArticleView::releasePlace()
{
    target_ = Target{};
}

ReadingPosition ArticleView::readingPosition() const
{
    const int y = browser_->verticalScrollBar()->value();
    if (y <= 0)
        return {};
    QTextDocument* doc = browser_->document();
    QAbstractTextDocumentLayout* layout = doc->documentLayout();
    const QTextFrameFormat root = doc->rootFrame()->frameFormat();
    const int at = layout->hitTest(QPointF(root.leftMargin() + 1, y), Qt::FuzzyHit);
    const QTextBlock block = doc->findBlock(qMax(0, at));
    if (!block.isValid())
        return {};
    const QRectF rect = layout->blockBoundingRect(block);
    const double offset = rect.height() > 0 ? qBound(0.0, (y - rect.top()) / rect.height(), 1.0) : 0.0;
    return {block.blockNumber(), offset};
}

void ArticleView::restoreReadingPosition(const ReadingPosition& position)
{
    holdPlace({true, QString(), position});
}

int ArticleView::contentsRowOf(const QString& anchor) const
{
    for (int i = 0; i < contents_->count(); ++i)
        if (contents_->item(i)->data(Qt::UserRole).toString() == anchor)
            return i;
    return -1;
}

void ArticleView::followScroll()
{
    // While an anchor is held, its entry is the current one (a last short section may never reach the
    // top). Otherwise the entry of the last heading at or just below the top of the view.
    int row = -1;
    if (target_.active && target_.position.isTop())
        row = contentsRowOf(target_.anchor);
    if (row < 0) {
        const int top = browser_->verticalScrollBar()->value() + browser_->fontMetrics().height();
        row = 0;
        for (int i = 1; i < contents_->count(); ++i) {
            const auto it = anchorBlocks_.constFind(contents_->item(i)->data(Qt::UserRole).toString());
            if (it == anchorBlocks_.constEnd())
                continue;
            if (blockTop(*it) > top)
                break;
            row = i;
        }
    }
    if (row < 0 || row >= contents_->count() || row == contents_->currentRow())
        return;
    const QSignalBlocker block(contents_);
    contents_->setCurrentRow(row);
    contents_->scrollToItem(contents_->item(row));
    contents_->viewport()->update();
}

void ArticleView::setPageColors(const PageColors& colors)
{
    colors_ = colors;
    if (!articleId_.isEmpty()) {
        const Target keep = target_.active ? target_ : Target{true, QString(), readingPosition()};
        render();
        holdPlace(keep);
    }
}

void ArticleView::scrollToSection(const QString& anchor)
{
    holdPlace({true, anchor, ReadingPosition{}});
}

SectionRef ArticleView::sectionAt(const QPoint& viewportPos) const
{
    // The last heading that starts above the point owns it (sections are in document order).
    const int y = viewportPos.y() + browser_->verticalScrollBar()->value();
    SectionRef found;
    for (const SectionRef& section : sections_) {
        const auto it = anchorBlocks_.constFind(section.anchor);
        if (it == anchorBlocks_.constEnd())
            continue;
        if (blockTop(*it) > y + 4)
            break;
        found = section;
    }
    return found;
}

SectionRef ArticleView::currentSection() const
{
    if (contents_->hasFocus() && contents_->currentItem()) {
        const QString anchor = contents_->currentItem()->data(Qt::UserRole).toString();
        for (const SectionRef& section : sections_)
            if (section.anchor == anchor)
                return section;
        return {};
    }
    if (browser_->verticalScrollBar()->value() == 0)
        return {};
    return sectionAt(QPoint(0, browser_->fontMetrics().height()));
}

QString ArticleView::sectionHeading(const QString& anchor) const
{
    for (const SectionRef& section : sections_)
        if (section.anchor == anchor)
            return section.heading;
    return {};
}

QString ArticleView::plainText() const
{
    return browser_->toPlainText();
}

QString ArticleView::selectedText() const
{
    return browser_->textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

void ArticleView::onAnchorClicked(const QUrl& url)
{
    const QString scheme = url.scheme();
    if (scheme.isEmpty()) {
        // Internal: "id", "id#anchor" or "#anchor" within this page.
        const QString id = url.path();
        const QString anchor = url.fragment();
        if (id.isEmpty() || id == articleId_)
            scrollToSection(anchor);
        else
            Q_EMIT internalLinkActivated(id, anchor);
        return;
    }
    Q_EMIT externalLinkActivated(url);
}

void ArticleView::showContextMenu(const QPoint& pos)
{
    QMenu* menu = browser_->createStandardContextMenu(pos);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSeparator();
    const SectionRef section = sectionAt(pos);
    if (!section.anchor.isEmpty()) {
        menu->addAction(tr("Bookmark this section: %1").arg(section.heading), this,
                        [this, anchor = section.anchor] { Q_EMIT bookmarkSectionRequested(anchor); });
    }
    menu->addAction(tr("Bookmark this page"), this, [this] { Q_EMIT bookmarkSectionRequested(QString()); });
    if (browser_->textCursor().hasSelection())
        menu->addAction(tr("Read the selection aloud"), this, &ArticleView::readSelectionRequested);
    menu->popup(browser_->viewport()->mapToGlobal(pos));
}

void ArticleView::showContentsMenu(const QPoint& pos)
{
    QListWidgetItem* item = contents_->itemAt(pos);
    if (!item)
        return;
    const QString anchor = item->data(Qt::UserRole).toString();
    auto* menu = new QMenu(contents_);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Go to this section"), this, [this, anchor] { scrollToSection(anchor); });
    menu->addAction(tr("Bookmark this section"), this, [this, anchor] { Q_EMIT bookmarkSectionRequested(anchor); });
    menu->popup(contents_->viewport()->mapToGlobal(pos));
}

void ArticleView::setZoomPercent(int percent)
{
    percent = qBound(60, percent, 250);
    if (percent == zoom_ && baseFontPoint_ != 0)
        return;
    zoom_ = percent;
    applyZoom();
    Q_EMIT zoomChanged(zoom_);
}

bool ArticleView::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Resize:
        if (watched == browser_->viewport())
            applyPlace();  // the text reflowed to the new width: the held place moved
        else if (watched == contents_->viewport())
            contents_->doItemsLayout();  // wrapped entries change height now, not 100 ms later
        break;
    case QEvent::Wheel:
    case QEvent::MouseButtonPress:
        if (watched == browser_->viewport())
            releasePlace();
        break;
    case QEvent::KeyPress:
        if (watched == browser_) {
            const int key = static_cast<QKeyEvent*>(event)->key();
            if (key != Qt::Key_Shift && key != Qt::Key_Control && key != Qt::Key_Alt && key != Qt::Key_Meta)
                releasePlace();
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void ArticleView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // A narrow window (a small screen, or 200% on a laptop) gives the whole width to the text;
    // Find (Ctrl+F) and scrolling still reach every section.
    contentsSide_->setVisible(width() >= kNarrowWidth);
}

void ArticleView::changeEvent(QEvent* event)
{
    // The interface text size changed in the settings: the page follows it.
    if (event->type() == QEvent::FontChange) {
        applyZoom();
        fitContentsWidth();
    }
    QWidget::changeEvent(event);
}

void ArticleView::zoomIn()
{
    setZoomPercent(zoom_ + 10);
}

void ArticleView::zoomOut()
{
    setZoomPercent(zoom_ - 10);
}

void ArticleView::applyZoom()
{
    // Page text starts larger than the interface text (reading comfort), then zooms.
    baseFontPoint_ = qMax(1, QWidget::font().pointSize());
    QFont font = browser_->font();
    font.setPointSizeF(baseFontPoint_ * 1.15 * zoom_ / 100.0);
    // The same words stay at the top (or the held anchor stays there) as the text grows or shrinks.
    const bool hasPage = !articleId_.isEmpty();
    const Target keep = target_.active || !hasPage ? target_ : Target{true, QString(), readingPosition()};
    browser_->setFont(font);
    browser_->document()->setDefaultFont(font);
    browser_->updateReadingColumn();
    if (hasPage && !article_.images.empty())
        render();  // the drawings are drawn for the text size
    if (hasPage && keep.active)
        holdPlace(keep);
}

}  // namespace fibrokb::app

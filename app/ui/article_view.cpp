#include "ui/article_view.h"

#include "ui/find_bar.h"
#include "ui/read_aloud.h"
#include "ui/safe_text_browser.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextDocument>
#include <QVBoxLayout>

namespace fibrokb::app {

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
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 8, 0, 8);
    contentsLabel_ = new QLabel(tr("On this &page"), side);
    contents_ = new QListWidget(side);
    contents_->setObjectName(QStringLiteral("articleContents"));
    contents_->setAccessibleName(tr("Contents of this page"));
    contents_->setWordWrap(true);
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

    splitter_->addWidget(side);
    splitter_->addWidget(browser_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({220, 780});

    findBar_ = new FindBar(browser_, this);
    layout->addWidget(splitter_, 1);
    layout->addWidget(findBar_);

    connect(browser_, &QTextBrowser::anchorClicked, this, &ArticleView::onAnchorClicked);
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
                              const QHash<QString, QString>& topicLabels, const QString& anchor)
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
    auto addEntry = [this](const QString& anchor, const QString& heading, int level) {
        auto* item = new QListWidgetItem(QString(qMax(0, level - 2) * 3, QLatin1Char(' ')) + heading, contents_);
        item->setData(Qt::UserRole, anchor);
        item->setData(Qt::AccessibleTextRole, heading);
    };
    addEntry(QString(), tr("Top of the page"), 2);
    int listed = 0;
    for (const fibrokb::Section& section : article.sections) {
        if (section.anchor.empty() || section.level < 2)
            continue;
        const SectionRef ref{toQString(section.anchor), toQString(section.heading)};
        if (!pageInfo_.anchors.contains(ref.anchor))
            continue;   // left out of a page too long to show in full
        sections_.push_back(ref);
        if (listed++ < kMaxContentsEntries)
            addEntry(ref.anchor, ref.heading, section.level);
    }
    if (listed > kMaxContentsEntries)
        addEntry(sections_.at(kMaxContentsEntries).anchor, tr("\u2026 and %1 more sections").arg(listed - kMaxContentsEntries), 2);
    if (!related.isEmpty())
        addEntry(ArticlePage::relatedAnchor(), tr("Related pages"), 2);
    if (!article.sources.empty())
        addEntry(ArticlePage::sourcesAnchor(), tr("Sources"), 2);
    contents_->setUpdatesEnabled(true);

    findBar_->refresh();
    if (anchor.isEmpty())
        browser_->verticalScrollBar()->setValue(0);
    else
        scrollToSection(anchor);
}

void ArticleView::render()
{
    QElapsedTimer timer;
    timer.start();
    browser_->document()->setDefaultStyleSheet(ArticlePage::styleSheet(colors_));
    // ArticlePage bounds the body (size, block length, table cells, nesting depth) so setHtml stays quick on the UI thread.
    pageInfo_ = PageInfo{};
    browser_->setHtml(ArticlePage::html(article_, related_, topicLabels_, PageOptions{}, &pageInfo_));
    browser_->updateReadingColumn();
    lastRenderMs_ = timer.elapsed();
}

void ArticleView::setPageColors(const PageColors& colors)
{
    colors_ = colors;
    if (!articleId_.isEmpty()) {
        const int scroll = browser_->verticalScrollBar()->value();
        render();
        browser_->verticalScrollBar()->setValue(scroll);
    }
}

void ArticleView::scrollToSection(const QString& anchor)
{
    if (anchor.isEmpty()) {
        browser_->verticalScrollBar()->setValue(0);
        return;
    }
    browser_->scrollToAnchor(anchor);
    for (int i = 0; i < contents_->count(); ++i)
        if (contents_->item(i)->data(Qt::UserRole).toString() == anchor) {
            const QSignalBlocker block(contents_);
            contents_->setCurrentRow(i);
        }
}

SectionRef ArticleView::sectionAt(const QPoint& viewportPos) const
{
    // The last heading that starts above the point owns it. One pass over the blocks in document
    // order, however many sections a long page has.
    const int y = viewportPos.y() + browser_->verticalScrollBar()->value();
    QHash<QString, int> indexOf;
    for (int i = 0; i < sections_.size(); ++i)
        indexOf.insert(sections_.at(i).anchor, i);
    SectionRef found;
    QTextDocument* doc = browser_->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        if (doc->documentLayout()->blockBoundingRect(block).top() > y + 4)
            break;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            for (const QString& name : fragment.charFormat().anchorNames()) {
                const auto at = indexOf.constFind(name);
                if (at != indexOf.constEnd())
                    found = sections_.at(*at);
            }
        }
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
        menu->addAction(tr("Bookmark this section: %1").arg(section.heading),
                        this, [this, anchor = section.anchor] { Q_EMIT bookmarkSectionRequested(anchor); });
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

void ArticleView::changeEvent(QEvent* event)
{
    // The interface text size changed in the settings: the page follows it.
    if (event->type() == QEvent::FontChange)
        applyZoom();
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
    browser_->setFont(font);
    browser_->document()->setDefaultFont(font);
    browser_->updateReadingColumn();
}

}  // namespace fibrokb::app

// Reading one page: the contents (TOC) beside the text, find in page, zoom, and the
// links. It knows nothing about the index: MainWindow hands it a built page.
#pragma once

#include "core/article_page.h"
#include "core/reading_position.h"

#include <fibrokb/article.h>

#include <QUrl>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QSplitter;

namespace fibrokb::app {

class FindBar;
class ReadAloudBar;
class SafeTextBrowser;

struct SectionRef {
    QString anchor;
    QString heading;
};

class ArticleView final : public QWidget {
    Q_OBJECT
public:
    explicit ArticleView(QWidget* parent = nullptr);

    // Shows the page at `anchor`, or at `position` when that is not the top (Back and Forward). The
    // place is applied after layout, and again whenever layout changes (the view is shown, resized,
    // zoomed, or the text finishes laying out), until the reader scrolls.
    void showArticle(const fibrokb::Article& article, const QVector<ResultItem>& related,
                     const QHash<QString, QString>& topicLabels, const QString& anchor = {},
                     const ReadingPosition& position = {});
    void setPageColors(const PageColors& colors);
    void setReadAloudBar(ReadAloudBar* bar);

    QString articleId() const { return articleId_; }
    QString title() const { return title_; }
    const fibrokb::Article& article() const { return article_; }
    QVector<SectionRef> sections() const { return sections_; }
    // The section a bookmark should point at: the one picked in the contents if it has
    // focus, otherwise the one at the top of the visible text ("" = top of the page).
    SectionRef currentSection() const;
    SectionRef sectionAt(const QPoint& viewportPos) const;
    QString sectionHeading(const QString& anchor) const;
    void scrollToSection(const QString& anchor);
    // The reading position now; restoreReadingPosition() brings it back in the same page, held
    // through layout changes like an anchor.
    ReadingPosition readingPosition() const;
    void restoreReadingPosition(const ReadingPosition& position);
    // True while the view still keeps an anchor or position in place (the reader has not scrolled).
    bool isHoldingPlace() const { return target_.active; }
    QString plainText() const;
    QString selectedText() const;

    int zoomPercent() const { return zoom_; }
    void setZoomPercent(int percent);
    void zoomIn();
    void zoomOut();

    // What the last render handed to the text browser (bounded size and depth) and how long it took.
    const PageInfo& pageInfo() const { return pageInfo_; }
    qint64 lastRenderMs() const { return lastRenderMs_; }
    // At most this many entries in the contents list (a page with thousands of headings stays quick).
    static constexpr int kMaxContentsEntries = 300;

    SafeTextBrowser* browser() const { return browser_; }
    QListWidget* contents() const { return contents_; }
    FindBar* findBar() const { return findBar_; }

Q_SIGNALS:
    void internalLinkActivated(const QString& articleId, const QString& anchor);
    void externalLinkActivated(const QUrl& url);
    void bookmarkSectionRequested(const QString& anchor);
    void readSelectionRequested();
    void zoomChanged(int percent);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

public:
    // Below this width "On this page" steps aside so the text keeps a readable column.
    static constexpr int kNarrowWidth = 680;

private:
    QWidget* contentsSide_ = nullptr;
    // The place to keep on screen until the reader scrolls: an anchor, or a reading position.
    struct Target {
        bool active = false;
        QString anchor;
        ReadingPosition position;
    };
    void holdPlace(const Target& target);
    void applyPlace();
    void releasePlace();
    // Anchor names to their block numbers, found once per render (sections, related, sources, "top").
    void indexAnchors();
    int anchorY(const QString& anchor) const;
    int blockTop(int blockNumber) const;
    // The "On this page" entry follows what is at the top of the text.
    void followScroll();
    void fitContentsWidth();
    int contentsRowOf(const QString& anchor) const;
    void onAnchorClicked(const QUrl& url);
    void showContextMenu(const QPoint& pos);
    void showContentsMenu(const QPoint& pos);
    void applyZoom();
    void render();

    QSplitter* splitter_;
    QListWidget* contents_;
    SafeTextBrowser* browser_;
    FindBar* findBar_;
    QLabel* contentsLabel_;
    fibrokb::Article article_;
    QVector<ResultItem> related_;
    QHash<QString, QString> topicLabels_;
    QVector<SectionRef> sections_;
    QString articleId_;
    QString title_;
    PageColors colors_;
    PageInfo pageInfo_;
    qint64 lastRenderMs_ = 0;
    int zoom_ = 100;
    int imagesDrawnFor_ = 0;     // the text width the page's drawings were last drawn for
    bool redrawQueued_ = false;  // a redraw for a new width is waiting in the event loop
    bool rendering_ = false;     // render() is setting the page
    int baseFontPoint_ = 0;
    Target target_;
    bool applyingPlace_ = false;
    QHash<QString, int> anchorBlocks_;
};

}  // namespace fibrokb::app

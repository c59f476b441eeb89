#include "ui/bookmark_flow.h"

#include "core/article_library.h"
#include "core/bookmark_commands.h"
#include "core/bookmark_store.h"
#include "core/text_format.h"
#include "ui/add_bookmark_dialog.h"
#include "ui/article_view.h"
#include "ui/bookmarks_panel.h"

namespace fibrokb::app {

BookmarkFlow::BookmarkFlow(const ArticleLibrary& library, BookmarkActions* actions, BookmarksPanel* panel,
                           QWidget* dialogParent)
    : QObject(dialogParent), library_(library), actions_(actions), panel_(panel), dialogParent_(dialogParent)
{
}

AddBookmarkDialog* BookmarkFlow::bookmark(const QString& articleId, const QString& anchor)
{
    const auto article = library_.article(articleId);
    if (!article)
        return nullptr;
    BookmarkStore* store = actions_->store();
    QVector<SectionRef> sections;
    for (const fibrokb::Section& section : article->sections)
        if (!section.anchor.empty() && section.level >= 2)
            sections.push_back({toQString(section.anchor), toQString(section.heading)});
    const auto existing = store->find(articleId, anchor);
    qint64 folderId = existing ? existing->folderId : 0;
    if (!existing && panel_->currentFolderId() > 0)
        folderId = panel_->currentFolderId();
    auto* dialog = new AddBookmarkDialog(toQString(article->title), sections, anchor, store->folders(), folderId,
                                         existing ? existing->note : QString(), dialogParent_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString title = toQString(article->title);
    QStringList topics;
    for (const std::string& topic : article->topics)
        topics << toQString(topic);
    connect(dialog, &QDialog::accepted, this, [this, dialog, store, articleId, title, topics] {
        Bookmark b;
        b.articleId = articleId;
        b.anchor = dialog->anchor();
        b.sectionTitle = dialog->sectionHeading();
        b.title = b.sectionTitle.isEmpty() ? title : QStringLiteral("%1 \u2014 %2").arg(title, b.sectionTitle);
        b.topics = topics;
        b.folderId = dialog->folderId();
        b.note = dialog->note();
        const qint64 id = actions_->bookmark(b, dialog->newFolderName());
        if (!id) {
            Q_EMIT statusMessage(tr("The bookmark could not be saved: %1").arg(store->error()));
            return;
        }
        const auto saved = store->bookmark(id);
        const qint64 folder = saved ? saved->folderId : 0;
        QString where = tr("Bookmarked.");
        if (folder > 0)
            if (const auto f = store->folder(folder))
                where = tr("Bookmarked in \u201c%1\u201d.").arg(f->name);
        Q_EMIT statusMessage(where + QLatin1Char(' ') + tr("Ctrl+B shows your bookmarks."));
        panel_->selectFolder(folder > 0 ? folder : -1);
        panel_->selectBookmark(id);
        Q_EMIT this->saved();
    });
    dialog->open();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

}  // namespace fibrokb::app

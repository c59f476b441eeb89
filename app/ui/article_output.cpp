#include "ui/article_output.h"

#include "core/app_session.h"
#include "core/article_page.h"
#include "core/save_locations.h"
#include "ui/article_view.h"
#include "ui/article_images.h"
#include "ui/printing.h"
#include "ui/read_aloud.h"

#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>

namespace fibrokb::app {

ArticleOutput::ArticleOutput(AppSession& session, ArticleView* view, ReadAloud* readAloud, ReadAloudBar* bar,
                             QWidget* dialogParent)
    : QObject(dialogParent), session_(session), view_(view), readAloud_(readAloud), bar_(bar),
      dialogParent_(dialogParent)
{
}

QString ArticleOutput::printHtml() const
{
    if (view_->articleId().isEmpty())
        return {};
    PageOptions options;
    options.forPrint = true;
    options.largePrint = session_.settings().largePrint();
    return ArticlePage::html(view_->article(), {}, session_.library().topicLabels(), options);
}

bool ArticleOutput::exportPdf(const QString& path, QString* error) const
{
    if (view_->articleId().isEmpty()) {
        if (error)
            *error = tr("Open a page first.");
        return false;
    }
    return exportHtmlToPdf(printHtml(), view_->title(), path, error, printResources());
}

AddResources ArticleOutput::printResources() const
{
    // Paper is light whatever the screen theme: the drawings are dark, at their own size (about 13 cm on A4),
    // drawn at 3x so the lines stay sharp on a printer.
    const fibrokb::Article article = view_->article();
    return
        [article](QTextDocument& document) { addArticleImages(document, article, PageColors{}.text, 1.0, 480, 3.0); };
}

void ArticleOutput::print()
{
    if (view_->articleId().isEmpty())
        return;
    if (printHtmlWithDialog(dialogParent_, printHtml(), view_->title(), printResources()))
        Q_EMIT statusMessage(tr("Sent to the printer."));
}

void ArticleOutput::exportPdfWithDialog()
{
    if (view_->articleId().isEmpty())
        return;
    const QString path =
        QFileDialog::getSaveFileName(dialogParent_, tr("Save this page as PDF"),
                                     suggestedSavePath(view_->articleId() + QStringLiteral(".pdf")), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportPdf(path, &error))
        Q_EMIT statusMessage(tr("Saved %1").arg(path));
    else
        QMessageBox::warning(dialogParent_, tr("Export as PDF"), error);
}

void ArticleOutput::readAloud()
{
    if (view_->articleId().isEmpty())
        return;
    // No early return when no voice or no sound device is there: speak() then says why, in the
    // bar where the reader is looking (ReadAloud::failed).
    bar_->show();
    const QString selection = view_->selectedText();
    readAloud_->speak(selection.isEmpty() ? view_->plainText() : selection);
}

}  // namespace fibrokb::app

#include "ui/printing.h"

#include "core/article_page.h"

#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

namespace fibrokb::app {
namespace {

void fillDocument(QTextDocument& document, const QString& html, const QString& title, const AddResources& resources)
{
    if (resources)
        resources(document);
    // Paper is always light: print colours do not follow the screen theme. 12 pt is the smallest
    // comfortable size on paper; a page asks for more (large print) in its own style.
    document.setDefaultStyleSheet(ArticlePage::styleSheet(PageColors{}));
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSize(ArticlePage::printPointSize(PageOptions{}));
    document.setDefaultFont(font);
    document.setHtml(html);
    document.setMetaInformation(QTextDocument::DocumentTitle, title);
}

void setUpPrinter(QPrinter& printer, const QString& title)
{
    printer.setDocName(title);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
}

}  // namespace

bool exportHtmlToPdf(const QString& html, const QString& title, const QString& path, QString* error,
                     const AddResources& resources)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setCreator(QStringLiteral("FibroKB"));
    setUpPrinter(printer, title);
    QTextDocument document;
    fillDocument(document, html, title, resources);
    document.print(&printer);
    const QFileInfo written(path);
    if (!written.exists() || written.size() == 0) {
        if (error)
            *error = QObject::tr("Could not write the PDF file %1.").arg(path);
        return false;
    }
    return true;
}

bool printHtmlWithDialog(QWidget* parent, const QString& html, const QString& title, const AddResources& resources)
{
    QPrinter printer(QPrinter::HighResolution);
    setUpPrinter(printer, title);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(QObject::tr("Print \u201c%1\u201d").arg(title));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QTextDocument document;
    fillDocument(document, html, title, resources);
    document.print(&printer);
    return true;
}

}  // namespace fibrokb::app

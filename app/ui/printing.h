// Printing and PDF export of HTML (an article with its sources, or a visit sheet).
#pragma once

#include <QString>

#include <functional>

class QTextDocument;
class QWidget;

namespace fibrokb::app {

// Adds what the printed HTML refers to (a page's drawings) to the document before the HTML is set.
using AddResources = std::function<void(QTextDocument&)>;

// Writes `html` as an A4 PDF at `path`. Returns false and fills `error` on failure.
bool exportHtmlToPdf(const QString& html, const QString& title, const QString& path, QString* error = nullptr,
                     const AddResources& resources = {});
// Shows the print dialog and prints `html`. Returns true when something was printed.
bool printHtmlWithDialog(QWidget* parent, const QString& html, const QString& title,
                         const AddResources& resources = {});

}  // namespace fibrokb::app

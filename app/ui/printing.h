// Printing and PDF export of HTML (an article with its sources, or a visit sheet).
#pragma once

#include <QString>

class QWidget;

namespace fibrokb::app {

// Writes `html` as an A4 PDF at `path`. Returns false and fills `error` on failure.
bool exportHtmlToPdf(const QString& html, const QString& title, const QString& path, QString* error = nullptr);
// Shows the print dialog and prints `html`. Returns true when something was printed.
bool printHtmlWithDialog(QWidget* parent, const QString& html, const QString& title);

}  // namespace fibrokb::app

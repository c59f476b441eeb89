// The page being read, sent elsewhere: to the printer, to a PDF file, or read aloud. Print and
// PDF use the print layout of the page (its sources, the disclaimer), large print when chosen.
#pragma once

#include "ui/printing.h"

#include <QObject>
#include <QString>

class QWidget;

namespace fibrokb::app {

class AppSession;
class ArticleView;
class ReadAloud;
class ReadAloudBar;

class ArticleOutput final : public QObject {
    Q_OBJECT
public:
    ArticleOutput(AppSession& session, ArticleView* view, ReadAloud* readAloud, ReadAloudBar* bar,
                  QWidget* dialogParent);

    // The print layout of the page shown ("" when none).
    QString printHtml() const;
    bool exportPdf(const QString& path, QString* error = nullptr) const;

public Q_SLOTS:
    void print();
    void exportPdfWithDialog();
    // Reads the selection, or else the whole page.
    void readAloud();

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    // The page's drawings for the printed document (dark on paper).
    AddResources printResources() const;

    AppSession& session_;
    ArticleView* view_;
    ReadAloud* readAloud_;
    ReadAloudBar* bar_;
    QWidget* dialogParent_;
};

}  // namespace fibrokb::app

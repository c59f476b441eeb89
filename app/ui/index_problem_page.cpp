#include "ui/index_problem_page.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fibrokb::app {

IndexProblemPage::IndexProblemPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("indexProblemPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    text_ = new QLabel(this);
    text_->setObjectName(QStringLiteral("indexProblemText"));
    text_->setAccessibleName(tr("The library could not be opened"));
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::RichText);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(text_);
    auto* buttons = new QHBoxLayout;
    auto* choose = new QPushButton(tr("&Choose the library folder\u2026"), this);
    choose->setAccessibleName(tr("Choose the library folder"));
    auto* retry = new QPushButton(tr("&Try again"), this);
    retry->setAccessibleName(tr("Try again"));
    buttons->addWidget(choose);
    buttons->addWidget(retry);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(choose, &QPushButton::clicked, this, &IndexProblemPage::chooseIndexRequested);
    connect(retry, &QPushButton::clicked, this, &IndexProblemPage::retryRequested);
}

void IndexProblemPage::setProblem(const QString& indexDir, const QString& error)
{
    text_->setText(tr("<h2>FibroKB cannot open its library</h2>"
                      "<p>The library index in <b>%1</b> is missing or damaged.</p>"
                      "<p><small>Details: %2</small></p>"
                      "<p>Nothing you saved is lost: bookmarks are kept separately.</p>"
                      "<h3>How to rebuild the library</h3>"
                      "<p>If FibroKB came as a package, reinstall it: "
                      "<code>sudo apt install --reinstall fibrokb</code>.</p>"
                      "<p>From the FibroKB source folder, run:</p>"
                      "<pre>cmake --build build</pre>"
                      "<p>or build just the index:</p>"
                      "<pre>build/bin/fibrokb-index build --corpus corpus --out %1</pre>"
                      "<p>Then press <b>Try again</b>, or start FibroKB with <code>--index DIR</code> to use another "
                      "library.</p>")
                       .arg(QDir::toNativeSeparators(indexDir).toHtmlEscaped(), error.toHtmlEscaped()));
}

QString IndexProblemPage::text() const
{
    return text_->text();
}

}  // namespace fibrokb::app

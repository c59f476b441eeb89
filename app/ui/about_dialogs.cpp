#include "ui/about_dialogs.h"

#include "core/disclaimer.h"

#include <fibrokb/build_config.h>

#include <QMessageBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace fibrokb::app {

DisclaimerDialog::DisclaimerDialog(bool firstStart, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("disclaimerDialog"));
    setWindowTitle(firstStart ? tr("Welcome to FibroKB") : tr("About this information"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(fullDisclaimerHtml(), this);
    text->setObjectName(QStringLiteral("disclaimerText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setAccessibleName(tr("About this information"));
    text->setMinimumWidth(text->fontMetrics().averageCharWidth() * 55);
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* ok = buttons->addButton(firstStart ? tr("I understand, let\u2019s start") : tr("Close"),
                                         QDialogButtonBox::AcceptRole);
    ok->setAccessibleName(ok->text());
    ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}

AboutDialog::AboutDialog(const QString& indexInfo, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About FibroKB"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setAccessibleName(tr("About FibroKB"));
    text->setText(tr("<h2>FibroKB %1</h2>"
                     "<p>An offline library on fibromyalgia-related back and hip pain.</p>%2"
                     "<p><small>%3</small></p>")
                      .arg(QStringLiteral(FIBROKB_VERSION), fullDisclaimerHtml(), indexInfo.toHtmlEscaped()));
    text->setMinimumWidth(text->fontMetrics().averageCharWidth() * 55);
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}

ShortcutsDialog::ShortcutsDialog(const QVector<ShortcutEntry>& entries, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(this);
    auto* table = new QTableWidget(int(entries.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("What it does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int row = 0; row < entries.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(entries.at(row).keys));
        table->setItem(row, 1, new QTableWidgetItem(entries.at(row).what));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setMinimumSize(table->fontMetrics().averageCharWidth() * 70, table->fontMetrics().height() * 20);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void showStoreRecoveryMessage(const QStringList& notes, QWidget* parent)
{
    auto* box = new QMessageBox(QMessageBox::Warning, QObject::tr("A damaged file was replaced"),
                                notes.join(QStringLiteral("\n\n")), QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("storeRecoveryMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace fibrokb::app

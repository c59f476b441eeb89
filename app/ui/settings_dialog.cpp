#include "ui/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fibrokb::app {

SettingsDialog::SettingsDialog(int fontPoint, Theme theme, bool completion, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    font_ = new QSpinBox(this);
    font_->setObjectName(QStringLiteral("fontSizeBox"));
    font_->setAccessibleName(tr("Text size in points"));
    font_->setRange(AppSettings::kMinFontPoint, AppSettings::kMaxFontPoint);
    font_->setSuffix(tr(" pt"));
    font_->setValue(fontPoint);
    form->addRow(tr("&Text size:"), font_);

    theme_ = new QComboBox(this);
    theme_->setObjectName(QStringLiteral("themeBox"));
    theme_->setAccessibleName(tr("Colours"));
    theme_->addItem(tr("Same as my computer"), int(Theme::System));
    theme_->addItem(tr("Light"), int(Theme::Light));
    theme_->addItem(tr("Dark"), int(Theme::Dark));
    theme_->addItem(tr("High contrast"), int(Theme::HighContrast));
    theme_->setCurrentIndex(qMax(0, theme_->findData(int(theme))));
    form->addRow(tr("&Colours:"), theme_);

    completion_ = new QCheckBox(tr("&Suggest how to finish words while I type"), this);
    completion_->setAccessibleName(tr("Suggest how to finish words while I type"));
    completion_->setChecked(completion);
    form->addRow(completion_);
    layout->addLayout(form);

    auto* hint = new QLabel(tr("Page text can also be made larger or smaller at any time with Ctrl+Plus and "
                               "Ctrl+Minus."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save settings"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

int SettingsDialog::fontPoint() const
{
    return font_->value();
}

Theme SettingsDialog::theme() const
{
    return Theme(theme_->currentData().toInt());
}

bool SettingsDialog::completion() const
{
    return completion_->isChecked();
}

}  // namespace fibrokb::app

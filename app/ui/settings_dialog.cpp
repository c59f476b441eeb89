#include "ui/settings_dialog.h"

#include "ui/read_aloud.h"

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

    largePrint_ =
        new QCheckBox(tr("&Large print for printing and PDFs (%1 pt)").arg(AppSettings::kLargePrintPoint), this);
    largePrint_->setObjectName(QStringLiteral("largePrintBox"));
    largePrint_->setAccessibleName(tr("Large print for printing and PDFs"));
    form->addRow(largePrint_);

    voiceTest_ = new QPushButton(tr("Test the &voice"), this);
    voiceTest_->setObjectName(QStringLiteral("voiceTestButton"));
    voiceTest_->setAccessibleName(tr("Test the read aloud voice"));
    voiceTest_->setAutoDefault(false);  // Enter in the dialog saves; it never starts speaking
    form->addRow(tr("Read aloud:"), voiceTest_);
    voiceResult_ = new QLabel(this);
    voiceResult_->setObjectName(QStringLiteral("voiceTestResult"));
    voiceResult_->setAccessibleName(tr("Voice test result"));
    voiceResult_->setWordWrap(true);
    voiceResult_->setTextFormat(Qt::PlainText);
    voiceResult_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    voiceResult_->hide();
    form->addRow(voiceResult_);
    connect(voiceTest_, &QPushButton::clicked, this, &SettingsDialog::testVoice);
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

SettingsDialog::~SettingsDialog()
{
    stopVoiceTest();
}

void SettingsDialog::setReadAloud(ReadAloud* reader)
{
    if (reader_ == reader)
        return;
    stopVoiceTest();
    if (reader_)
        disconnect(reader_, nullptr, this, nullptr);
    reader_ = reader;
    if (!reader_)
        return;
    connect(reader_, &ReadAloud::failed, this, [this](const QString& message) {
        if (!testing_)
            return;
        testing_ = false;
        showVoiceResult(message);
    });
    connect(reader_, &ReadAloud::stateChanged, this, [this](ReadAloud::State state) {
        if (!testing_)
            return;
        if (state == ReadAloud::State::Speaking) {
            showVoiceResult(tr("Speaking a short sentence now\u2026"));
        } else if (state == ReadAloud::State::Idle) {
            testing_ = false;
            showVoiceResult(tr("The voice works. If you heard nothing, check that speakers or headphones are "
                               "connected and not muted."));
        }
    });
}

void SettingsDialog::testVoice()
{
    if (!reader_)
        setReadAloud(new ReadAloud(this));
    showVoiceResult(tr("Starting the voice\u2026"));
    testing_ = true;
    // An unavailable voice or a failure answers through failed(), shown by the connection above.
    reader_->speak(tr("This is the voice FibroKB uses to read pages aloud."));
}

void SettingsDialog::stopVoiceTest()
{
    if (!testing_ || !reader_)
        return;
    testing_ = false;
    reader_->stop();
}

void SettingsDialog::showVoiceResult(const QString& text)
{
    voiceResult_->setText(text);
    voiceResult_->setAccessibleDescription(text);
    voiceResult_->show();
}

bool SettingsDialog::largePrint() const
{
    return largePrint_->isChecked();
}

void SettingsDialog::setLargePrint(bool enabled)
{
    largePrint_->setChecked(enabled);
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

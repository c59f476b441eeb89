// Settings: text size, theme, whether the search field suggests completions, large print for
// printing, and a test of the read-aloud voice. The dialog only collects values: the caller
// reads them after exec() and applies them (MainWindow::applySettings), so nothing changes
// on screen until the person chooses OK, and Cancel changes nothing.
#pragma once

#include "core/app_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace fibrokb::app {

class ReadAloud;

class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(int fontPoint, Theme theme, bool completion, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    int fontPoint() const;
    Theme theme() const;
    bool completion() const;
    bool largePrint() const;
    void setLargePrint(bool enabled);
    // The reader the voice test speaks with (the app's own, so it uses the person's speed). Without one the
    // dialog starts its own on the first test.
    void setReadAloud(ReadAloud* reader);

    QSpinBox* fontBox() const { return font_; }
    QComboBox* themeBox() const { return theme_; }
    QCheckBox* largePrintBox() const { return largePrint_; }
    QPushButton* voiceTestButton() const { return voiceTest_; }
    QLabel* voiceTestResult() const { return voiceResult_; }

public Q_SLOTS:
    // Speaks a short sentence and says in the dialog how it went.
    void testVoice();

private:
    void showVoiceResult(const QString& text);
    void stopVoiceTest();

    QSpinBox* font_;
    QComboBox* theme_;
    QCheckBox* completion_;
    QCheckBox* largePrint_;
    QPushButton* voiceTest_;
    QLabel* voiceResult_;
    ReadAloud* reader_ = nullptr;
    bool testing_ = false;  // the reader's signals are about our test sentence
};

}  // namespace fibrokb::app

// Settings: text size, theme, and whether the search field suggests completions.
#pragma once

#include "core/app_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace fibrokb::app {

class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(int fontPoint, Theme theme, bool completion, QWidget* parent = nullptr);

    int fontPoint() const;
    Theme theme() const;
    bool completion() const;

    QSpinBox* fontBox() const { return font_; }
    QComboBox* themeBox() const { return theme_; }

private:
    QSpinBox* font_;
    QComboBox* theme_;
    QCheckBox* completion_;
};

}  // namespace fibrokb::app

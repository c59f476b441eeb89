// The first-start note, About, and the keyboard shortcut list (Help).
#pragma once

#include <QDialog>
#include <QKeySequence>

namespace fibrokb::app {

// Shown once at first start and again from Help. Kind and short.
class DisclaimerDialog final : public QDialog {
    Q_OBJECT
public:
    explicit DisclaimerDialog(bool firstStart, QWidget* parent = nullptr);
};

class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    AboutDialog(const QString& indexInfo, QWidget* parent = nullptr);
};

struct ShortcutEntry {
    QString keys;
    QString what;
};

class ShortcutsDialog final : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QVector<ShortcutEntry>& entries, QWidget* parent = nullptr);
};

// Says (once, without blocking) that a damaged bookmarks or history file was moved aside.
void showStoreRecoveryMessage(const QStringList& notes, QWidget* parent);

}  // namespace fibrokb::app

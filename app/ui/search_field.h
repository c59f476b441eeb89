// The one search field. It searches what the person typed; a completion (from titles
// and the spelling table) is shown inline, selected, so typing simply carries on over it
// and Right or End accepts it (Tab moves on and never changes the search). Up/Down/Enter act on the result list without
// leaving the field, so the hands never have to move.
#pragma once

#include <QLineEdit>

namespace fibrokb::app {

class SearchField final : public QLineEdit {
    Q_OBJECT
public:
    explicit SearchField(QWidget* parent = nullptr);

    // The field's maxLength(), in characters (the engine's own limit, fibrokb::kMaxQueryBytes, is in bytes).
    static constexpr int kMaxQueryLength = 1000;

    void setCompletionEnabled(bool enabled) { completionEnabled_ = enabled; }
    bool completionEnabled() const { return completionEnabled_; }
    // What the person typed, without any completion shown inline.
    QString typedText() const { return typed_; }
    // Sets the text as if typed (used at start-up and by "did you mean").
    void setQueryText(const QString& text);
    // Offers `full` as an inline completion if it still extends what is typed.
    bool offerCompletion(const QString& full);
    bool hasCompletion() const;

Q_SIGNALS:
    void queryEdited(const QString& text);
    void moveSelection(int delta);
    void activateCurrent();
    void escapePressed();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void applyFontSize();
    bool acceptCompletion();
    void onTextEdited(const QString& text);

    QString typed_;
    QString declinedFor_;  // the typed text whose suggestion was turned down with Esc
    bool completionEnabled_ = true;
};

}  // namespace fibrokb::app

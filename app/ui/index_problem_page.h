// Shown instead of the library when the index is missing or damaged: what happened,
// how to rebuild it, and a way to pick another index. Never a crash.
#pragma once

#include <QWidget>

class QLabel;

namespace fibrokb::app {

class IndexProblemPage final : public QWidget {
    Q_OBJECT
public:
    explicit IndexProblemPage(QWidget* parent = nullptr);
    void setProblem(const QString& indexDir, const QString& error);
    QString text() const;

Q_SIGNALS:
    void chooseIndexRequested();
    void retryRequested();

private:
    QLabel* text_;
};

}  // namespace fibrokb::app

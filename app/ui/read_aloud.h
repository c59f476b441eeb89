// Read aloud for tired eyes: speaks the article or the selection through Qt TextToSpeech
// with an offline voice. When no engine or voice exists, it says so instead of failing.
#pragma once

#include <QObject>
#include <QWidget>

class QLabel;
class QSlider;
class QTextToSpeech;
class QToolButton;

namespace fibrokb::app {

class ReadAloud final : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Speaking, Paused };

    explicit ReadAloud(QObject* parent = nullptr);
    ~ReadAloud() override;

    // Probes the speech engine once (it may take a moment, so not in a constructor).
    bool isAvailable();
    QString unavailableReason();
    State state() const { return state_; }
    double rate() const { return rate_; }

public Q_SLOTS:
    void speak(const QString& text);
    void pauseOrResume();
    void stop();
    void setRate(double rate);   // -1 (slow) .. 1 (fast)

Q_SIGNALS:
    void stateChanged(fibrokb::app::ReadAloud::State state);

private:
    void probe();
    void setState(State state);

    bool probed_ = false;
    bool available_ = false;
    QString reason_;
    double rate_ = 0;
    State state_ = State::Idle;
    QTextToSpeech* speech_ = nullptr;
};

// Play/pause, stop and speed, shown under the article while reading aloud.
class ReadAloudBar final : public QWidget {
    Q_OBJECT
public:
    explicit ReadAloudBar(ReadAloud* reader, QWidget* parent = nullptr);
    void refresh();
    QToolButton* playButton() const { return play_; }
    QLabel* note() const { return note_; }

Q_SIGNALS:
    void playRequested();
    void rateChanged(double rate);

private:
    ReadAloud* reader_;
    QToolButton* play_;
    QToolButton* stop_;
    QSlider* speed_;
    QLabel* note_;
};

}  // namespace fibrokb::app

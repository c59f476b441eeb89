// Read aloud for tired eyes: speaks the article or the selection through Qt TextToSpeech
// with an offline voice. When no engine or voice exists, or the sound cannot be played, it
// says what is wrong and how to fix it (failed()) instead of failing silently.
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
    // The message of the last failure ("" after a successful start).
    QString lastError() const { return lastError_; }

    // What went wrong, in the engine's terms (QTextToSpeech::ErrorReason without its header).
    enum class Problem { Starting, Configuration, Text, Playback };
    // The one path every engine error takes: logs the engine's words, stops, and emits failed() with a
    // calm message. Public so a test can drive it exactly as the engine does.
    void reportEngineProblem(Problem problem, const QString& engineMessage);
    // A plain-language message for a problem: what is wrong and what to do.
    QString messageFor(Problem problem, const QString& engineMessage) const;

public Q_SLOTS:
    void speak(const QString& text);
    void pauseOrResume();
    void stop();
    void setRate(double rate);  // -1 (slow) .. 1 (fast)

Q_SIGNALS:
    void stateChanged(fibrokb::app::ReadAloud::State state);
    // Reading could not start or stopped because of a problem; `plainMessage` says what is wrong and how to
    // fix it, in words for the person (not the engine's).
    void failed(const QString& plainMessage);

private:
    void probe();
    void setState(State state);
    void fail(const QString& message);
    void reportSpeechError(int reason, const QString& engineMessage);  // a QTextToSpeech::ErrorReason

    bool probed_ = false;
    bool available_ = false;
    QString engine_;
    QString reason_;
    QString lastError_;
    bool errorReported_ = false;  // this speak()'s failure was reported already
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
    // Shows a problem (or the reason read aloud is unavailable) under the buttons; "" hides it.
    void showMessage(const QString& message);
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

#include "ui/read_aloud.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QLoggingCategory>
#include <QSlider>
#include <QToolButton>

#ifdef FIBROKB_HAVE_TTS
#include <QTextToSpeech>
#endif

Q_LOGGING_CATEGORY(lcSpeech, "fibrokb.speech")

namespace fibrokb::app {

ReadAloud::ReadAloud(QObject* parent) : QObject(parent) {}

ReadAloud::~ReadAloud() = default;

void ReadAloud::probe()
{
    if (probed_)
        return;
    probed_ = true;
#ifdef FIBROKB_HAVE_TTS
    const QStringList engines = QTextToSpeech::availableEngines();
    if (engines.isEmpty()) {
        reason_ = tr("Read aloud needs a voice, and none is installed. On Debian or Ubuntu, install the package "
                     "qt6-speech-flite-plugin (an offline voice), then start FibroKB again.");
        return;
    }
    // Prefer flite: it is offline by design.
    engine_ = engines.contains(QStringLiteral("flite")) ? QStringLiteral("flite") : engines.first();
    speech_ = new QTextToSpeech(engine_, this);
    if (speech_->state() == QTextToSpeech::Error || speech_->availableVoices().isEmpty()) {
        qCWarning(lcSpeech) << "no voice from engine" << engine_ << speech_->errorString();
        reason_ = messageFor(Problem::Starting, speech_->errorString());
        delete speech_;
        speech_ = nullptr;
        return;
    }
    available_ = true;
    speech_->setRate(rate_);
    // Engines report a failure with errorOccurred() and a move to the Error state, in either order: the
    // first of the two reports it, once per speak().
    connect(
        speech_, &QTextToSpeech::errorOccurred, this,
        [this](QTextToSpeech::ErrorReason reason, const QString& message) { reportSpeechError(int(reason), message); });
    connect(speech_, &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State state) {
        switch (state) {
        case QTextToSpeech::Speaking:
            setState(State::Speaking);
            break;
        case QTextToSpeech::Paused:
            setState(State::Paused);
            break;
        case QTextToSpeech::Error:
            reportSpeechError(int(speech_->errorReason()), speech_->errorString());
            setState(State::Idle);
            break;
        default:
            setState(State::Idle);
            break;
        }
    });
#else
    reason_ = tr("This copy of FibroKB was built without read aloud (Qt TextToSpeech was not found).");
#endif
}

bool ReadAloud::isAvailable()
{
    probe();
    return available_;
}

QString ReadAloud::unavailableReason()
{
    probe();
    return reason_;
}

void ReadAloud::setState(State state)
{
    if (state == State::Speaking)
        lastError_.clear();
    if (state == state_)
        return;
    state_ = state;
    Q_EMIT stateChanged(state_);
}

void ReadAloud::fail(const QString& message)
{
    lastError_ = message;
    // failed() first: whoever listens learns of the problem before the reader goes idle, so "idle after
    // speaking" can mean "it worked".
    Q_EMIT failed(message);
    setState(State::Idle);
}

#ifdef FIBROKB_HAVE_TTS
void ReadAloud::reportSpeechError(int reason, const QString& engineMessage)
{
    if (errorReported_)
        return;
    switch (QTextToSpeech::ErrorReason(reason)) {
    case QTextToSpeech::ErrorReason::NoError:
        return;
    case QTextToSpeech::ErrorReason::Initialization:
        reportEngineProblem(Problem::Starting, engineMessage);
        return;
    case QTextToSpeech::ErrorReason::Configuration:
        reportEngineProblem(Problem::Configuration, engineMessage);
        return;
    case QTextToSpeech::ErrorReason::Input:
        reportEngineProblem(Problem::Text, engineMessage);
        return;
    case QTextToSpeech::ErrorReason::Playback:
        reportEngineProblem(Problem::Playback, engineMessage);
        return;
    }
    reportEngineProblem(Problem::Playback, engineMessage);
}
#endif

QString ReadAloud::messageFor(Problem problem, const QString& engineMessage) const
{
    const QString detail = engineMessage.trimmed();
    switch (problem) {
    case Problem::Playback:
        if (detail.isEmpty() || detail.contains(QLatin1String("audio device"), Qt::CaseInsensitive))
            return tr("FibroKB could not play sound: no audio device was found. Check that speakers or headphones "
                      "are connected and not muted, then try again.");
        return tr("FibroKB could not play sound (%1). Check that speakers or headphones are connected and not "
                  "muted, then try again.")
            .arg(detail);
    case Problem::Text:
        return tr("This text could not be read aloud. Try selecting a shorter part of the page, then try again.");
    case Problem::Starting:
    case Problem::Configuration:
        break;
    }
    // The voice itself did not start: say which package brings the voice this engine uses.
    const QString package =
        engine_ == QLatin1String("speechd") ? tr("speech-dispatcher and espeak-ng") : tr("qt6-speech-flite-plugin");
    QString message = tr("The reading voice could not be started. On Debian or Ubuntu, installing (or "
                         "reinstalling) %1 usually fixes this; then start FibroKB again.")
                          .arg(package);
    if (!detail.isEmpty())
        message += QLatin1Char(' ') + tr("(The voice reported: %1)").arg(detail);
    return message;
}

void ReadAloud::reportEngineProblem(Problem problem, const QString& engineMessage)
{
    qCWarning(lcSpeech) << "speech error" << int(problem) << engineMessage;
    errorReported_ = true;
    fail(messageFor(problem, engineMessage));
}

void ReadAloud::speak(const QString& text)
{
    if (text.trimmed().isEmpty())
        return;
    if (!isAvailable()) {
        // Pressing Play must never just do nothing: say why.
        fail(reason_);
        return;
    }
#ifdef FIBROKB_HAVE_TTS
    lastError_.clear();
    speech_->stop();
    errorReported_ = false;
    speech_->say(text);
#endif
}

void ReadAloud::pauseOrResume()
{
#ifdef FIBROKB_HAVE_TTS
    if (!speech_)
        return;
    if (state_ == State::Speaking)
        speech_->pause();
    else if (state_ == State::Paused)
        speech_->resume();
#endif
}

void ReadAloud::stop()
{
#ifdef FIBROKB_HAVE_TTS
    if (speech_)
        speech_->stop();
#endif
    setState(State::Idle);
}

void ReadAloud::setRate(double rate)
{
    rate_ = qBound(-1.0, rate, 1.0);
#ifdef FIBROKB_HAVE_TTS
    if (speech_)
        speech_->setRate(rate_);
#endif
}

ReadAloudBar::ReadAloudBar(ReadAloud* reader, QWidget* parent) : QWidget(parent), reader_(reader)
{
    setObjectName(QStringLiteral("readAloudBar"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto* controls = new QHBoxLayout;
    auto* title = new QLabel(tr("Read aloud:"), this);
    play_ = new QToolButton(this);
    play_->setObjectName(QStringLiteral("readAloudPlay"));
    play_->setAccessibleName(tr("Play or pause reading aloud"));
    stop_ = new QToolButton(this);
    stop_->setText(tr("Stop"));
    stop_->setAccessibleName(tr("Stop reading aloud"));
    auto* speedLabel = new QLabel(tr("Speed"), this);
    speed_ = new QSlider(Qt::Horizontal, this);
    speed_->setObjectName(QStringLiteral("readAloudSpeed"));
    speed_->setAccessibleName(tr("Reading speed"));
    speed_->setRange(-10, 10);
    speed_->setPageStep(2);
    speed_->setMaximumWidth(200);
    speedLabel->setBuddy(speed_);
    // Problems get a line of their own under the buttons, so a long message wraps instead of being
    // squeezed beside the slider at large text sizes.
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("readAloudNote"));
    note_->setAccessibleName(tr("Read aloud message"));
    note_->setWordWrap(true);
    note_->setTextFormat(Qt::PlainText);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    controls->addWidget(title);
    controls->addWidget(play_);
    controls->addWidget(stop_);
    controls->addSpacing(12);
    controls->addWidget(speedLabel);
    controls->addWidget(speed_);
    controls->addStretch(1);
    layout->addLayout(controls);
    layout->addWidget(note_);

    connect(play_, &QToolButton::clicked, this, [this] {
        if (reader_->state() == ReadAloud::State::Idle)
            Q_EMIT playRequested();
        else
            reader_->pauseOrResume();
    });
    connect(stop_, &QToolButton::clicked, reader_, &ReadAloud::stop);
    connect(speed_, &QSlider::valueChanged, this, [this](int value) {
        reader_->setRate(value / 10.0);
        Q_EMIT rateChanged(value / 10.0);
    });
    connect(reader_, &ReadAloud::stateChanged, this, &ReadAloudBar::refresh);
    connect(reader_, &ReadAloud::stateChanged, this, [this](ReadAloud::State state) {
        if (state == ReadAloud::State::Speaking)
            showMessage(QString());  // it works now: an old problem would only confuse
    });
    connect(reader_, &ReadAloud::failed, this, [this](const QString& message) {
        show();  // a problem with reading a selection must be seen even when the bar was hidden
        showMessage(message);
    });
    refresh();
}

void ReadAloudBar::showMessage(const QString& message)
{
    note_->setText(message);
    note_->setAccessibleDescription(message);
    note_->setFocusPolicy(message.isEmpty() ? Qt::NoFocus : Qt::TabFocus);
}

void ReadAloudBar::refresh()
{
    const QSignalBlocker block(speed_);
    speed_->setValue(int(reader_->rate() * 10));
    switch (reader_->state()) {
    case ReadAloud::State::Speaking:
        play_->setText(tr("Pause"));
        break;
    case ReadAloud::State::Paused:
        play_->setText(tr("Resume"));
        break;
    case ReadAloud::State::Idle:
        play_->setText(tr("Play"));
        break;
    }
    stop_->setEnabled(reader_->state() != ReadAloud::State::Idle);
}

}  // namespace fibrokb::app

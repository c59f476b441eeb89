#include "ui/read_aloud.h"

#include <QHBoxLayout>
#include <QLabel>
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
        reason_ = tr("Read aloud needs a speech voice. Install the package qt6-speech-flite-plugin.");
        return;
    }
    // Prefer flite: it is offline by design.
    const QString engine = engines.contains(QStringLiteral("flite")) ? QStringLiteral("flite") : engines.first();
    speech_ = new QTextToSpeech(engine, this);
    if (speech_->state() == QTextToSpeech::Error || speech_->availableVoices().isEmpty()) {
        reason_ = tr("Read aloud is not available: no voice could be started (%1).")
                      .arg(speech_->errorString().isEmpty() ? engine : speech_->errorString());
        delete speech_;
        speech_ = nullptr;
        return;
    }
    available_ = true;
    speech_->setRate(rate_);
    connect(speech_, &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State state) {
        switch (state) {
        case QTextToSpeech::Speaking:
            setState(State::Speaking);
            break;
        case QTextToSpeech::Paused:
            setState(State::Paused);
            break;
        case QTextToSpeech::Error:
            qCWarning(lcSpeech) << "speech error" << speech_->errorString();
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
    if (state == state_)
        return;
    state_ = state;
    Q_EMIT stateChanged(state_);
}

void ReadAloud::speak(const QString& text)
{
    if (!isAvailable() || text.trimmed().isEmpty())
        return;
#ifdef FIBROKB_HAVE_TTS
    speech_->stop();
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
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
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
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("readAloudNote"));
    note_->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(play_);
    layout->addWidget(stop_);
    layout->addSpacing(12);
    layout->addWidget(speedLabel);
    layout->addWidget(speed_);
    layout->addWidget(note_, 1);

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
    refresh();
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

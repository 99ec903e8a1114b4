#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>

class QVideoFrame;

namespace checkin {

class FrameDecoderWorker;

// Camera frames → QR texts, on one worker thread of its own. offerFrame() may be called from any thread (the
// camera's); while the worker decodes, further frames are dropped on the caller's side (an atomic busy flag), so
// frames never queue up and the GUI thread never waits. Results come back to this object's thread by queued
// connection: codeSeen for every sighting, newCode only for a text not seen within debounceInterval.
class FrameDecoder : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameDecoder)

public:
    static constexpr int kDefaultDebounceInterval = 3000; // ms in which the same text again is no new code

    /// Starts the decoder thread.
    explicit FrameDecoder(QObject *parent = nullptr);
    /// Stops the decoder thread after the frame in hand.
    ~FrameDecoder() override;

    /// Hands a frame to the worker; false when dropped (busy, paused or empty). Thread-safe.
    bool offerFrame(const QVideoFrame &frame);
    /// Hands an image to the worker; false when dropped. Thread-safe.
    bool offerImage(const QImage &image);
    /// Decodes image on the calling thread (no debouncing, no signals): the texts of every QR code in it.
    [[nodiscard]] static QStringList scan(const QImage &image);
    /// The frame as an image the decoder reads cheaply: the Y plane as Grayscale8 for planar YUV, a wrapped copy
    /// for 32-bit RGB, else QVideoFrame::toImage().
    [[nodiscard]] static QImage imageOf(const QVideoFrame &frame);

    /// True while frames are dropped unseen (an outcome is on screen). Thread-safe.
    [[nodiscard]] bool isPaused() const { return m_paused.load(); }
    /// Drops every frame while paused.
    void setPaused(bool paused);
    /// ms in which the same text again is no new code (each sighting extends the window).
    [[nodiscard]] int debounceInterval() const { return m_debounceInterval; }
    /// Sets the debounce window in ms.
    void setDebounceInterval(int ms) { m_debounceInterval = ms; }

    /// Frames offered so far (any thread).
    [[nodiscard]] quint64 framesOffered() const { return m_offered.load(); }
    /// Frames taken by the worker (the rest were dropped).
    [[nodiscard]] quint64 framesAccepted() const { return m_accepted.load(); }
    /// Frames the worker has finished decoding.
    [[nodiscard]] quint64 framesDecoded() const { return m_decoded.load(); }

Q_SIGNALS:
    /// Every text found in a frame, each time (this object's thread).
    void codeSeen(const QString &text);
    /// A text not seen within debounceInterval: the one to act on.
    void newCode(const QString &text);
    /// The worker finished a frame (found: the texts in it, maybe none).
    void frameDecoded(const QStringList &found);

private:
    friend class FrameDecoderWorker;

    bool tryAcquire();
    void onDecoded(const QStringList &found);

    QThread m_thread;
    FrameDecoderWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
    std::atomic<bool> m_busy{false};
    std::atomic<bool> m_paused{false};
    std::atomic<quint64> m_offered{0};
    std::atomic<quint64> m_accepted{0};
    std::atomic<quint64> m_decoded{0};
    int m_debounceInterval = kDefaultDebounceInterval;
    QString m_lastCode;
    QElapsedTimer m_lastCodeSeen; // monotonic
};

} // namespace checkin

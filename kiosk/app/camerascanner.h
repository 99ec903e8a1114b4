#pragma once

#include "kiosk/app/framedecoder.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QCamera;
class QMediaCaptureSession;
class QVideoSink;

namespace checkin {

// The kiosk's camera: QCamera → QMediaCaptureSession → a QVideoSink (the QML VideoOutput's, or its own when no
// viewfinder is shown) whose frames go to a FrameDecoder straight from the thread that delivers them. The
// decoder's newCode is what the controller acts on. No camera (CI, servers): inactive, one log line, no errors.
class CameraScanner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CameraScanner)

public:
    /// An idle scanner: no camera opened until start().
    explicit CameraScanner(QObject *parent = nullptr);
    /// Stops the camera and the decoder thread.
    ~CameraScanner() override;

    /// Opens the system's default camera and starts it; false when there is none.
    bool start();
    /// Stops the camera (frames from setVideoSink() sinks still decode).
    void stop();
    /// True while a camera delivers frames.
    [[nodiscard]] bool isActive() const;
    /// Decodes the frames of sink (nullptr: none); without a camera too, so tests and test videos can feed it.
    void setVideoSink(QVideoSink *sink);
    /// Shows the camera in a QML VideoOutput and decodes the frames it receives.
    void setVideoOutput(QObject *videoOutput);
    /// The decoder thread the frames go to.
    [[nodiscard]] FrameDecoder &decoder() { return m_decoder; }

Q_SIGNALS:
    /// The camera started or stopped.
    void activeChanged();

private:
    FrameDecoder m_decoder;
    std::unique_ptr<QMediaCaptureSession> m_session; // only with a camera
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QVideoSink> m_ownSink;
    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_frames;
};

} // namespace checkin

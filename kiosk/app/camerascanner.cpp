#include "kiosk/app/camerascanner.h"

#include <QCamera>
#include <QLoggingCategory>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcFrameDecoder)

namespace checkin {

CameraScanner::CameraScanner(QObject *parent)
    : QObject(parent)
{
}

CameraScanner::~CameraScanner()
{
    QObject::disconnect(m_frames);
    if (m_camera)
        m_camera->stop();
}

bool CameraScanner::start()
{
    if (m_camera) {
        m_camera->start();
        return true;
    }
    const QCameraDevice device = QMediaDevices::defaultVideoInput();
    if (device.isNull()) {
        qCInfo(lcFrameDecoder) << "no camera: scans come from the USB scanner only";
        return false;
    }
    m_camera = std::make_unique<QCamera>(device);
    m_session = std::make_unique<QMediaCaptureSession>();
    m_session->setCamera(m_camera.get());
    connect(m_camera.get(), &QCamera::activeChanged, this, &CameraScanner::activeChanged);
    connect(m_camera.get(), &QCamera::errorOccurred, this,
            [](QCamera::Error, const QString &message) { qCWarning(lcFrameDecoder) << "camera:" << message; });
    if (!m_sink) {
        // No viewfinder yet: frames still need a sink to arrive in.
        m_ownSink = std::make_unique<QVideoSink>();
        m_session->setVideoSink(m_ownSink.get());
        setVideoSink(m_ownSink.get());
    }
    qCInfo(lcFrameDecoder) << "camera:" << device.description();
    m_camera->start();
    return true;
}

void CameraScanner::stop()
{
    if (m_camera)
        m_camera->stop();
}

bool CameraScanner::isActive() const
{
    return m_camera && m_camera->isActive();
}

void CameraScanner::setVideoSink(QVideoSink *sink)
{
    QObject::disconnect(m_frames);
    m_sink = sink;
    if (!sink)
        return;
    // Direct: whichever thread delivers the frame only copies a handle (or drops it); decoding is the worker's.
    m_frames = connect(
        sink, &QVideoSink::videoFrameChanged, &m_decoder,
        [this](const QVideoFrame &frame) { m_decoder.offerFrame(frame); }, Qt::DirectConnection);
}

void CameraScanner::setVideoOutput(QObject *videoOutput)
{
    if (!m_session)
        return; // no camera: nothing to show
    m_session->setVideoOutput(videoOutput);
    setVideoSink(m_session->videoSink());
    m_ownSink.reset();
}

} // namespace checkin

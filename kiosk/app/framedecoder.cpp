#include "kiosk/app/framedecoder.h"

#include "kiosk/scanning/qrdecoder.h"

#include <QLoggingCategory>
#include <QVideoFrame>
#include <QVideoFrameFormat>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFrameDecoder, "checkin.kiosk.camera")

namespace checkin {

// The decoder's thread-side half: it owns nothing but the ZXing decoder, and frees the busy flag when done.
class FrameDecoderWorker : public QObject
{
public:
    explicit FrameDecoderWorker(FrameDecoder *owner, std::atomic<bool> *busy, std::atomic<quint64> *decoded)
        : m_owner(owner)
        , m_busy(busy)
        , m_decoded(decoded)
    {
    }

    void decode(const QVideoFrame &frame, const QImage &image)
    {
        const QImage grey = image.isNull() ? FrameDecoder::imageOf(frame) : image;
        QStringList found;
        if (!grey.isNull()) {
            for (const DecodedCode &code : m_decoder.decode(grey))
                found << code.text;
        }
        ++*m_decoded;
        // Queued: the owner hears of it on its own (the GUI) thread. Freed only after, so that a caller that sees
        // the flag down may count on the result being on its way.
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner, found] { owner->onDecoded(found); }, Qt::QueuedConnection);
        m_busy->store(false);
    }

private:
    const QrDecoder m_decoder{QrDecoder::Effort::Fast};
    FrameDecoder *m_owner;
    std::atomic<bool> *m_busy;
    std::atomic<quint64> *m_decoded;
};

FrameDecoder::FrameDecoder(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"frame-decoder"_s);
    m_worker = new FrameDecoderWorker(this, &m_busy, &m_decoded);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

FrameDecoder::~FrameDecoder()
{
    m_paused.store(true);
    m_thread.quit();
    m_thread.wait();
}

bool FrameDecoder::tryAcquire()
{
    ++m_offered;
    if (m_paused.load())
        return false;
    bool expected = false;
    if (!m_busy.compare_exchange_strong(expected, true))
        return false; // the worker still has the previous frame: drop this one
    ++m_accepted;
    return true;
}

bool FrameDecoder::offerFrame(const QVideoFrame &frame)
{
    if (!frame.isValid() || !tryAcquire())
        return false;
    // The frame is implicitly shared: the worker maps it on its own thread, the camera thread only copies a handle.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, frame] { worker->decode(frame, {}); }, Qt::QueuedConnection);
    return true;
}

bool FrameDecoder::offerImage(const QImage &image)
{
    if (image.isNull() || !tryAcquire())
        return false;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, image] { worker->decode({}, image); }, Qt::QueuedConnection);
    return true;
}

QStringList FrameDecoder::scan(const QImage &image)
{
    static const QrDecoder decoder(QrDecoder::Effort::Fast);
    QStringList found;
    for (const DecodedCode &code : decoder.decode(image))
        found << code.text;
    return found;
}

QImage FrameDecoder::imageOf(const QVideoFrame &frame)
{
    QVideoFrame mapped(frame);
    if (!mapped.isValid() || !mapped.map(QVideoFrame::ReadOnly))
        return {};
    const int w = mapped.width();
    const int h = mapped.height();
    QImage image;
    switch (mapped.pixelFormat()) {
    // Planar and semi-planar YUV: the Y plane is a grey image already; ZXing needs nothing more.
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        image = QImage(mapped.bits(0), w, h, mapped.bytesPerLine(0), QImage::Format_Grayscale8).copy();
        break;
    // Byte order B, G, R, A is QImage's 32-bit RGB on little-endian machines.
    case QVideoFrameFormat::Format_BGRA8888:
    case QVideoFrameFormat::Format_BGRA8888_Premultiplied:
    case QVideoFrameFormat::Format_BGRX8888:
        if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN) {
            image = QImage(mapped.bits(0), w, h, mapped.bytesPerLine(0), QImage::Format_RGB32).copy();
            break;
        }
        [[fallthrough]];
    default:
        mapped.unmap();
        return mapped.toImage();
    }
    mapped.unmap();
    return image;
}

void FrameDecoder::setPaused(bool paused)
{
    m_paused.store(paused);
}

void FrameDecoder::onDecoded(const QStringList &found)
{
    // Decoded just before a pause: an outcome is already on screen, the codes are not acted on.
    const QStringList codes = m_paused.load() ? QStringList() : found;
    for (const QString &text : codes) {
        Q_EMIT codeSeen(text);
        // A code held in front of the camera is seen again and again: every sighting extends the quiet window.
        const bool repeat = text == m_lastCode && m_lastCodeSeen.isValid()
                            && m_lastCodeSeen.elapsed() < m_debounceInterval;
        m_lastCode = text;
        m_lastCodeSeen.start();
        if (!repeat)
            Q_EMIT newCode(text);
    }
    Q_EMIT frameDecoded(found);
}

} // namespace checkin

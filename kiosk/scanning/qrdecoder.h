#pragma once

#include <QList>
#include <QPolygonF>
#include <QString>

#include <expected>

class QImage;

namespace checkin {

// One symbol found in an image.
struct DecodedCode
{
    QString text;       // decoded content (UTF-8 per ECI, or ZXing's character-set guess)
    QString format;     // "QRCode" or "MicroQRCode"
    QPolygonF position; // corners in image pixels: top-left, top-right, bottom-right, bottom-left of the symbol
};

// Finds and decodes every QR (and Micro QR) code in an image with ZXing-C++.
// Immutable after construction and reentrant: one instance may be used from several threads at once.
class QrDecoder
{
public:
    enum class Effort {
        Fast,     // one ZXing pass (TryHarder, TryRotate, TryDownscale): for camera frames
        Thorough, // when that finds nothing, retry with a global-histogram binarizer, then 2× upscaled: for stills
    };

    /// Creates a decoder; Fast suits the camera's hot path, Thorough still images.
    explicit QrDecoder(Effort effort = Effort::Fast)
        : m_effort(effort)
    {
    }

    /// The effort this decoder spends on an image in which the first pass finds nothing.
    [[nodiscard]] Effort effort() const { return m_effort; }
    /// Decodes every QR code in the image; grey, RGB32/ARGB32 and RGB(A)888x images are read without a copy.
    [[nodiscard]] QList<DecodedCode> decode(const QImage &image) const;
    /// Loads an image file (transparent areas composited onto white) and decodes every QR code in it, thoroughly.
    [[nodiscard]] static std::expected<QList<DecodedCode>, QString> decodeFile(const QString &path);

private:
    Effort m_effort = Effort::Fast;
};

} // namespace checkin

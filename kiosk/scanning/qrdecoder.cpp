#include "kiosk/scanning/qrdecoder.h"

#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QPainter>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

ZXing::DecodeHints makeHints(ZXing::Binarizer binarizer)
{
    return ZXing::DecodeHints()
        .setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::MicroQRCode)
        .setTryHarder(true)
        .setTryRotate(true)
        .setTryDownscale(true)
        .setBinarizer(binarizer);
}

// Built once, then only read: ZXing takes the hints by const reference, so sharing them between
// the camera worker thread and anyone else is safe.
const ZXing::DecodeHints &defaultHints()
{
    static const ZXing::DecodeHints hints = makeHints(ZXing::Binarizer::LocalAverage);
    return hints;
}

// The second opinion for stills: a global threshold reads some evenly lit, low-contrast prints that the
// local-average binarizer breaks up (on zxing-cpp's sample photos: +13 of 648).
const ZXing::DecodeHints &globalHistogramHints()
{
    static const ZXing::DecodeHints hints = makeHints(ZXing::Binarizer::GlobalHistogram);
    return hints;
}

// Stills no larger than this get a 2× upscaled last try: tiny or blurred codes gain resolution for
// the finder-pattern search (+17 of 648 sample photos); bigger images would cost too much for too little.
constexpr int MaxSideForUpscale = 1024;

// The ZXing pixel layout matching a QImage format whose bytes ZXing can read in place.
std::optional<ZXing::ImageFormat> zxingFormat(QImage::Format format)
{
    switch (format) {
    case QImage::Format_Grayscale8:
        return ZXing::ImageFormat::Lum;
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        // 0xAARRGGBB words: B, G, R, A in memory on little-endian machines.
        return Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? ZXing::ImageFormat::BGRX : ZXing::ImageFormat::XRGB;
    case QImage::Format_RGBX8888:
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBA8888_Premultiplied:
        return ZXing::ImageFormat::RGBX;
    case QImage::Format_RGB888:
        return ZXing::ImageFormat::RGB;
    case QImage::Format_BGR888:
        return ZXing::ImageFormat::BGR;
    default:
        return std::nullopt;
    }
}

QList<DecodedCode> toDecodedCodes(const ZXing::Results &results)
{
    QList<DecodedCode> codes;
    codes.reserve(qsizetype(results.size()));
    for (const ZXing::Result &r : results) {
        if (!r.isValid())
            continue;
        const ZXing::Position &p = r.position();
        DecodedCode code;
        code.text = QString::fromStdString(r.text());
        code.format = QString::fromLatin1(ZXing::ToString(r.format()));
        code.position = QPolygonF({QPointF(p.topLeft().x, p.topLeft().y), QPointF(p.topRight().x, p.topRight().y),
                                   QPointF(p.bottomRight().x, p.bottomRight().y),
                                   QPointF(p.bottomLeft().x, p.bottomLeft().y)});
        codes.append(std::move(code));
    }
    return codes;
}

constexpr qint64 kMaxDecodedPixels = 12'600'000; // a 4032 × 3024 phone photo is read as it is
constexpr qint64 kMaxScaledPixels = 260'000'000; // JPEG: up to a 200-megapixel phone photo
constexpr qint64 kMaxWholePixels = 64'000'000;   // PNG and the rest: decoded whole before scaling

QString readerFailure(const QImageReader &reader)
{
    switch (reader.error()) {
    case QImageReader::FileNotFoundError:
        return u"file not found"_s;
    case QImageReader::UnsupportedFormatError:
        return u"not a readable image (PNG or JPEG expected; the file may be damaged or of another type)"_s;
    case QImageReader::InvalidDataError:
        return u"the file is damaged or not an image (%1)"_s.arg(reader.errorString());
    case QImageReader::DeviceError:
        return u"cannot open the file (%1)"_s.arg(reader.errorString());
    default:
        return reader.errorString();
    }
}

} // namespace

QList<DecodedCode> QrDecoder::decode(const QImage &image) const
{
    if (image.isNull())
        return {};

    // Common camera and file formats are handed to ZXing in place (it builds its own luminance
    // plane in one pass); anything else (indexed, mono, 16-bit…) is first reduced to 8-bit grey.
    QImage converted;
    const QImage *source = &image;
    std::optional<ZXing::ImageFormat> format = zxingFormat(image.format());
    if (!format) {
        converted = image.convertToFormat(QImage::Format_Grayscale8);
        if (converted.isNull())
            return {};
        source = &converted;
        format = ZXing::ImageFormat::Lum;
    }

    const ZXing::ImageView view(source->constBits(), source->width(), source->height(), *format,
                                int(source->bytesPerLine()));
    QList<DecodedCode> codes = toDecodedCodes(ZXing::ReadBarcodes(view, defaultHints()));
    if (!codes.isEmpty() || m_effort == Effort::Fast)
        return codes;

    codes = toDecodedCodes(ZXing::ReadBarcodes(view, globalHistogramHints()));
    if (!codes.isEmpty() || qMax(source->width(), source->height()) > MaxSideForUpscale)
        return codes;

    const QImage grey = source->format() == QImage::Format_Grayscale8
                            ? *source
                            : source->convertToFormat(QImage::Format_Grayscale8);
    const QImage doubled = grey.scaled(grey.size() * 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                               .convertToFormat(QImage::Format_Grayscale8);
    if (doubled.isNull())
        return codes;
    const ZXing::ImageView doubledView(doubled.constBits(), doubled.width(), doubled.height(), ZXing::ImageFormat::Lum,
                                       int(doubled.bytesPerLine()));
    codes = toDecodedCodes(ZXing::ReadBarcodes(doubledView, defaultHints()));
    for (DecodedCode &code : codes) {
        for (QPointF &corner : code.position)
            corner /= 2;
    }
    return codes;
}

std::expected<QList<DecodedCode>, QString> QrDecoder::decodeFile(const QString &path)
{
    if (path.isEmpty())
        return std::unexpected(u"cannot read image: no file name given"_s);

    const QFileInfo info(path);
    if (!info.exists())
        return std::unexpected(u"cannot read image %1: file not found"_s.arg(path));
    if (info.isDir())
        return std::unexpected(u"cannot read image %1: this is a folder, not an image file"_s.arg(path));
    if (!info.isReadable())
        return std::unexpected(u"cannot read image %1: permission denied"_s.arg(path));

    QImageReader reader(path);
    // A phone's 48- or 200-megapixel photo is read at about 12 megapixels (a 4000 × 3000 photo as it is): a code
    // that fills a fraction of it still has several pixels a module, and the picture fits in memory. JPEG is
    // scaled while it is decoded; other formats are decoded whole, so they get a larger allocation limit up to
    // kMaxWholePixels and are refused above it (a small PNG can claim a billion pixels).
    const QSize size = reader.size();
    if (size.isValid()) {
        const qint64 pixels = qint64(size.width()) * size.height();
        const bool scalesWhileDecoding = reader.format() == "jpeg"; // libjpeg's DCT scaling
        if (pixels > (scalesWhileDecoding ? kMaxScaledPixels : kMaxWholePixels)) {
            return std::unexpected(u"cannot read image %1: it is %2 × %3 pixels, more than any camera takes; "
                                   "photograph the invitation again or send a smaller copy"_s.arg(path)
                                       .arg(size.width())
                                       .arg(size.height()));
        }
        if (pixels > kMaxDecodedPixels) {
            const double factor = std::sqrt(double(kMaxDecodedPixels) / double(pixels));
            reader.setScaledSize(
                QSize(std::max(1, int(size.width() * factor)), std::max(1, int(size.height() * factor))));
            if (!scalesWhileDecoding)
                reader.setAllocationLimit(int(kMaxWholePixels * 4 / (1024 * 1024)) + 1); // 32-bit pixels
        }
    }
    QImage image;
    if (!reader.read(&image))
        return std::unexpected(u"cannot read image %1: %2"_s.arg(path, readerFailure(reader)));

    // A code saved with a transparent background has "transparent black" light modules; ZXing
    // ignores alpha, so lay the picture onto white paper first. Files only: camera frames are opaque.
    if (image.hasAlphaChannel()) {
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
        painter.end();
        image = std::move(flat);
    }

    return QrDecoder(QrDecoder::Effort::Thorough).decode(image);
}

} // namespace checkin

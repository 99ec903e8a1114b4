#include "printing/qrencoder.h"
#include "printing/savefile.h"

#include <QBuffer>

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cstring>
#include <exception>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// MultiFormatWriter takes a 0…8 scale for every symbology; ZXing 1.4 maps it to QR levels as
// ((level - 1) / 2): 1 → L, 3 → M, 5 → Q, 7 → H. The odd values also map right under plain level / 2.
int zxingEccLevel(QrErrorCorrection ecc)
{
    switch (ecc) {
    case QrErrorCorrection::L:
        return 1;
    case QrErrorCorrection::M:
        return 3;
    case QrErrorCorrection::Q:
        return 5;
    case QrErrorCorrection::H:
        return 7;
    }
    return 3;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

} // namespace

bool QrMatrix::at(int x, int y) const
{
    if (x < 0 || y < 0 || x >= size || y >= size)
        return false;
    return modules.at(qsizetype(y) * size + x);
}

int QrMatrix::version() const
{
    if (size < 21 || (size - 17) % 4 != 0)
        return 0;
    return (size - 17) / 4;
}

std::expected<QrMatrix, QString> QrEncoder::encode(const QString &text, QrErrorCorrection ecc)
{
    if (text.isEmpty())
        return std::unexpected(u"cannot encode an empty text as a QR code"_s);

    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0).setEccLevel(zxingEccLevel(ecc));
    // ASCII stays in ZXing's default byte encoding (no ECI: the most compact and most widely readable);
    // anything else is UTF-8 announced by an ECI so that readers do not guess ISO-8859-1 or Shift_JIS.
    if (!isAscii(text))
        writer.setEncoding(ZXing::CharacterSet::UTF8);

    ZXing::BitMatrix bits;
    try {
        // Width and height 0 with margin 0: one pixel per module, exactly the symbol.
        bits = writer.encode(text.toStdWString(), 0, 0);
    } catch (const std::exception &e) {
        return std::unexpected(
            u"cannot encode %1 characters as a QR code: %2"_s.arg(text.size()).arg(QString::fromUtf8(e.what())));
    }

    if (bits.width() != bits.height() || bits.width() < 21)
        return std::unexpected(
            u"QR encoder returned an unexpected %1×%2 matrix"_s.arg(bits.width()).arg(bits.height()));

    QrMatrix m;
    m.size = bits.width();
    m.modules.resize(qsizetype(m.size) * m.size);
    for (int y = 0; y < m.size; ++y) {
        for (int x = 0; x < m.size; ++x)
            m.modules[qsizetype(y) * m.size + x] = bits.get(x, y);
    }
    return m;
}

QImage QrEncoder::toImage(const QrMatrix &m, int moduleSize, int quietZoneModules)
{
    if (m.isEmpty() || moduleSize < 1 || quietZoneModules < 0)
        return {};
    const int side = (m.size + 2 * quietZoneModules) * moduleSize;
    QImage image(side, side, QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    image.fill(0xff);
    const int offset = quietZoneModules * moduleSize;
    for (int y = 0; y < m.size; ++y) {
        uchar *row = image.scanLine(offset + y * moduleSize);
        for (int x = 0; x < m.size; ++x) {
            if (m.at(x, y))
                std::memset(row + offset + x * moduleSize, 0x00, size_t(moduleSize));
        }
        // The remaining pixel rows of this module row are copies of the first one.
        for (int r = 1; r < moduleSize; ++r)
            std::memcpy(image.scanLine(offset + y * moduleSize + r), row, size_t(image.bytesPerLine()));
    }
    return image;
}

std::expected<void, QString> QrEncoder::writePng(const QrMatrix &m, const QString &path, int moduleSize)
{
    const QString &name = path;
    if (m.isEmpty())
        return std::unexpected(u"cannot write QR image %1: the QR matrix is empty"_s.arg(name));
    if (moduleSize < 1 || moduleSize > 100)
        return std::unexpected(
            u"cannot write QR image %1: module size %2 is out of range 1–100"_s.arg(name).arg(moduleSize));

    const QImage image = toImage(m, moduleSize);
    if (image.isNull())
        return std::unexpected(u"cannot write QR image %1: out of memory"_s.arg(name));

    // Encoded in memory, then written through a temporary file renamed into place: a crash or a full disk never
    // leaves half a PNG under the final name, and a full disk is named as such.
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG"))
        return std::unexpected(u"cannot write QR image %1: PNG encoding failed"_s.arg(name));
    if (auto saved = saveFile(path, png); !saved)
        return std::unexpected(u"cannot write QR image %1: %2"_s.arg(name, saved.error()));
    return {};
}

} // namespace checkin

#pragma once

#include <QImage>
#include <QList>
#include <QString>

#include <expected>

namespace checkin {

// QR error-correction level: L 7 %, M 15 %, Q 25 %, H 30 % of codewords recoverable.
enum class QrErrorCorrection { L, M, Q, H };

// The exact module matrix of one QR symbol, without quiet zone; true = dark module.
struct QrMatrix
{
    int size = 0;        // modules per side, 21 (version 1) … 177 (version 40)
    QList<bool> modules; // size × size, row-major

    /// True when the module at column x, row y is dark; false outside the symbol.
    [[nodiscard]] bool at(int x, int y) const;
    /// QR version 1…40 derived from the size, or 0 for an empty matrix.
    [[nodiscard]] int version() const;
    /// True when the matrix holds no symbol.
    [[nodiscard]] bool isEmpty() const { return size <= 0; }
};

// Text → QR module matrix (ZXing-C++ encoder), and module matrix → raster image or PNG file.
class QrEncoder
{
public:
    /// Encodes text into the smallest QR version that fits at the given level (UTF-8 with ECI when not ASCII).
    [[nodiscard]] static std::expected<QrMatrix, QString> encode(const QString &text,
                                                                 QrErrorCorrection ecc = QrErrorCorrection::M);
    /// Renders the matrix as a black-on-white Grayscale8 image with the given module size and quiet zone.
    [[nodiscard]] static QImage toImage(const QrMatrix &m, int moduleSize = 8, int quietZoneModules = 4);
    /// Writes the matrix as a PNG (4-module quiet zone) atomically: a temporary file renamed into place.
    [[nodiscard]] static std::expected<void, QString> writePng(const QrMatrix &m, const QString &path,
                                                               int moduleSize = 8);
};

} // namespace checkin

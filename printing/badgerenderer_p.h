#pragma once

// Private to printing/: one badge renderer's state. badgetext.cpp binds, fits and draws the text elements;
// badgerenderer.cpp draws the rest (bands, lines, images, QR codes, crop marks) and makes the documents.

#include "printing/badgerenderer.h"

#include "printing/hpdfdocument.h"
#include "printing/pdfpage_p.h"
#include "printing/text/fontlibrary.h"
#include "printing/text/textline.h"

#include <QColor>
#include <QHash>
#include <QLoggingCategory>
#include <QRectF>
#include <QSet>

#include <hpdf.h>

#include <memory>

namespace checkin {

namespace badge {

Q_DECLARE_LOGGING_CATEGORY(lcBadge)

inline constexpr double Mm = 72.0 / 25.4;

/// A colour for libharu.
inline text::Rgb rgb(const QColor &c)
{
    return {c.redF(), c.greenF(), c.blueF()};
}

// A badge's top-left corner on a page, and conversions from badge millimetres to PDF points (y up).
struct Canvas
{
    HPDF_Page page = nullptr;
    double left = 0; // pt from the page's left edge
    double top = 0;  // pt from the page's bottom edge to the badge's top edge

    [[nodiscard]] double x(double mm) const { return left + mm * Mm; }
    [[nodiscard]] double y(double mm) const { return top - mm * Mm; }

    void fill(const QRectF &mm, const QColor &colour) const
    {
        const text::Rgb c = rgb(colour);
        HPDF_Page_SetRGBFill(page, HPDF_REAL(c.red), HPDF_REAL(c.green), HPDF_REAL(c.blue));
        HPDF_Page_Rectangle(page, HPDF_REAL(x(mm.left())), HPDF_REAL(y(mm.bottom())), HPDF_REAL(mm.width() * Mm),
                            HPDF_REAL(mm.height() * Mm));
        HPDF_Page_Fill(page);
    }
};

// One fitted line, placed in badge points (y down from the badge's top edge).
struct PlacedLine
{
    text::TextLine line;
    double x = 0;
    double baseline = 0;
    double above = 0; // ink box above the baseline
    double below = 0; // and below it
};

// A text element's fitted lines.
struct Block
{
    QList<PlacedLine> lines;
    double height = 0;
    double fontSize = 0;
    bool truncated = false;
};

// What one badge's text elements have done so far: names printed, and for flow, how far each text
// element moved up and how much of its box it used (pt).
struct BadgeTextState
{
    struct Element
    {
        double shift = 0;
        double used = 0;
        double gapAbove = 0; // to the box of the text element it flows after
        bool empty = true;
    };
    QSet<QString> namesShown;
    QHash<int, Element> elements;
    int previous = -1;
    bool rightToLeftGuest = false;
};

/// True for the bindings that print one of the guest's names (a badge prints each name once).
[[nodiscard]] bool isNameBinding(BadgeBinding b);
/// True for the bindings whose words come from the guest's record: the names, organisation and country.
[[nodiscard]] bool isGuestSupplied(BadgeBinding b);
/// The name a badge shows: the display name, else given and family name, else the Latin name.
[[nodiscard]] QString displayNameOf(const BadgeData &d);
/// The text a text element prints for this guest, before sanitising.
[[nodiscard]] QString boundText(const BadgeElement &e, const BadgeData &data, const BadgeRole &role,
                                const QString &displayName);

} // namespace badge

struct BadgeRendererPrivate
{
    explicit BadgeRendererPrivate(const BadgeLayout &l, const QStringList &fontDirectories)
        : layout(l)
        , fonts(fontDirectories)
    {
    }

    BadgeLayout layout;
    text::FontLibrary fonts;
    std::unique_ptr<pdf::HpdfDocument> doc;
    QList<BadgeBox> boxes;
    // Image elements as raw samples for libharu, converted once: element index → RGB and alpha bytes.
    QHash<int, std::pair<QByteArray, QByteArray>> imageSamples;

    std::expected<void, QString> beginDocument(const QString &title);
    std::expected<HPDF_Page, QString> addPage(QSizeF mm);
    std::expected<void, QString> drawBadge(const badge::Canvas &canvas, const BadgeData &data, int badgeIndex);
    std::expected<void, QString> drawText(const badge::Canvas &canvas, int index, const QString &value,
                                          const QString &language, const QColor &colour, badge::BadgeTextState &state,
                                          int badgeIndex);
    void drawLineElement(const badge::Canvas &canvas, const BadgeElement &e, const QColor &colour);
    std::expected<badge::Block, QString> fitBlock(const QString &value, const BadgeElement &e, const QString &language);
    std::expected<void, QString> drawQr(const badge::Canvas &canvas, const BadgeElement &e, const QColor &dark,
                                        const QString &token);
    std::expected<void, QString> drawImage(const badge::Canvas &canvas, const BadgeElement &e, int index);
    void drawCropMarks(HPDF_Page page, int used);
    std::expected<QByteArray, QString> finish(const std::expected<void, QString> &drawn, const QString &what);
};

} // namespace checkin

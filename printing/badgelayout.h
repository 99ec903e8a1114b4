#pragma once

#include "printing/qrencoder.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <expected>

namespace checkin {

// Nominal text metrics in em, shared by the validator and the renderer: every line keeps at least
// this much above and below its baseline (more where its ink reaches further, e.g. stacked marks),
// and wrapped lines are BadgeLineGapEm apart.
inline constexpr double BadgeLineAscentEm = 0.76;
inline constexpr double BadgeLineDescentEm = 0.24;
inline constexpr double BadgeLineGapEm = 0.18;

// Height of `lines` lines at sizePt by the nominal metrics, mm.
[[nodiscard]] double nominalTextHeightMm(double sizePt, int lines);

// What an element is. Bands and lines are decoration; text, QR codes and images are content.
enum class BadgeElementType { Text, Qr, Band, Image, Line };

// The guest or event field a text element prints; Literal prints the element's own text.
enum class BadgeBinding {
    Literal,
    GivenName, // falls back to the display name when empty
    FamilyName,
    DisplayName, // the full name in the guest's own script; falls back to given + family, then Latin
    LatinName,
    LatinNameIfDifferent, // the Latin name, only under a display name written in another script
    Organisation,
    CountryName, // falls back to the English name of the country code
    CountryCode,
    RoleLabel, // the layout's label for the guest's role
    EventName,
    EventDates,
};

// Horizontal alignment in a box. Start and End follow the direction: for guest fields (names,
// organisation, country) the direction of the guest's display name, so that a right-to-left guest's
// lines share their right edge; for other text each line's own direction (Start = right for Arabic).
enum class BadgeAlignment { Start, Center, End, Left, Right };
enum class BadgeVerticalAlignment { Top, Middle, Bottom };

// A colour in a layout: fixed, or the colour of the guest's role.
struct BadgeColour
{
    QColor rgb = QColor(0, 0, 0);
    bool fromRole = false;
};

// One element of a badge. Positions are millimetres from the badge's top-left corner.
struct BadgeElement
{
    BadgeElementType type = BadgeElementType::Text;
    QString label; // "element 3 (text 'organisation')": how messages name it
    QRectF box;    // the area it may use; for a line, the bounding box of its stroke
    bool allowOverlap = false;
    BadgeColour colour; // text, dark QR modules, band fill, line stroke

    // Text
    BadgeBinding binding = BadgeBinding::Literal;
    QString text; // the literal text (Literal only)
    double minSizePt = 8;
    double maxSizePt = 12;
    int maxLines = 1;
    bool bold = false;
    bool uppercase = false;
    BadgeAlignment alignment = BadgeAlignment::Start;
    BadgeVerticalAlignment verticalAlignment = BadgeVerticalAlignment::Top;
    // Moves up into the space the previous text element left unused (shorter or empty text).
    bool flow = false;

    // QR code: box is the square with its quiet zone
    QrErrorCorrection ecc = QrErrorCorrection::M;
    int quietZoneModules = 4;

    // Image: decoded at load time, drawn fitted into box and aligned
    QImage image;
    QString imageSource;

    // Line
    QPointF from;
    QPointF to;
    double lineWidthPt = 0.5;
};

// A batch sheet: badges in a grid on larger paper, the grid centred, crop marks in the margins.
struct BadgeSheet
{
    QSizeF paperMm; // empty when the layout prints one badge per page
    int columns = 1;
    int rows = 1;
    QSizeF gutterMm{0, 0};
    bool cropMarks = false;

    [[nodiscard]] bool isEmpty() const { return paperMm.isEmpty(); }
    [[nodiscard]] int perPage() const { return isEmpty() ? 1 : columns * rows; }
    // Top-left corner of the badge in the given cell (0 … perPage() - 1), mm from the paper's top-left.
    [[nodiscard]] QPointF cellOrigin(int cell, QSizeF badgeMm) const;
};

// A role's printed label and colour ("policymaker" → "Policymaker Program", deep blue).
struct BadgeRole
{
    QString key;
    QString label;
    QColor colour;
};

// A badge design: page size, elements and roles, loaded from a JSON file staff can edit and
// validated so that nothing can leave the card or collide. Immutable once loaded; cheap to copy.
class BadgeLayout
{
public:
    // The layout in a JSON document; baseDir resolves "extends" and image paths (a folder or ":/…").
    [[nodiscard]] static std::expected<BadgeLayout, QString> fromJson(const QByteArray &json,
                                                                      const QString &baseDir = {});
    // The layout in a file (or a resource path ":/checkin/layouts/…"); errors name the file.
    [[nodiscard]] static std::expected<BadgeLayout, QString> load(const QString &path);
    // A layout shipped with the program, by name ("policymaker-4x3in", "a6-portrait", …).
    [[nodiscard]] static std::expected<BadgeLayout, QString> builtIn(const QString &name);
    // The names builtIn() accepts, the default first.
    [[nodiscard]] static QStringList builtInNames();
    // The page sizes "page": {"size": …} accepts, e.g. "4x3in", "A6-landscape", "ID-1".
    [[nodiscard]] static QStringList pageSizeNames();

    // The layout's "name", for staff ("Policymaker Program, 4 × 3 in").
    [[nodiscard]] QString name() const { return m_name; }
    // The CUPS media the layout's stock is, sent with every badge job ("oe_4x6-label_4x6in"); empty = the
    // printer's loaded default.
    [[nodiscard]] QString media() const { return m_media; }
    // The badge (trimmed card) size in mm.
    [[nodiscard]] QSizeF pageSizeMm() const { return m_pageSizeMm; }
    // The safe margin content keeps from the card's edges, mm.
    [[nodiscard]] double marginMm() const { return m_marginMm; }
    // The elements in drawing order (later ones on top).
    [[nodiscard]] const QList<BadgeElement> &elements() const { return m_elements; }
    // The batch sheet, empty for one badge per page.
    [[nodiscard]] const BadgeSheet &sheet() const { return m_sheet; }
    // The roles in file order; the first is used for a guest whose role the layout does not know.
    [[nodiscard]] const QList<BadgeRole> &roles() const { return m_roles; }
    // The role for a guest's role key (case-insensitive), else the first role with the key as its label.
    [[nodiscard]] BadgeRole role(const QString &key) const;

private:
    friend struct BadgeLayoutParser;
    QString m_name;
    QString m_media;
    QSizeF m_pageSizeMm;
    double m_marginMm = 3;
    QList<BadgeElement> m_elements;
    BadgeSheet m_sheet;
    QList<BadgeRole> m_roles;
};

} // namespace checkin

#pragma once

// Private to printing/: the badge layout parser. badgelayoutjson.cpp reads JSON values, badgelayoutparser.cpp reads a
// layout's sections and elements, badgelayoutcheck.cpp checks the geometry; badgelayout.cpp resolves "extends" and
// the built-in layouts.

#include "printing/badgelayout.h"

#include <QColor>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>

namespace checkin {

// Reads a layout object into a BadgeLayout, collecting every problem (not just the first), each
// naming where it is ("element 3 (text 'organisation')", "page", "sheet") and what to change.
struct BadgeLayoutParser
{
    QStringList problems;
    QHash<QString, QColor> palette;
    BadgeLayout layout;
    bool rolesNeeded = false;
    QString roleUser;

    void problem(const QString &where, const QString &what) { problems.append(where + QStringLiteral(": ") + what); }

    bool checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where);

    std::optional<double> readNumber(const QJsonObject &object, const QString &key, const QString &where,
                                     std::optional<double> fallback, double min, double max);

    std::optional<QString> string(const QJsonObject &object, const QString &key, const QString &where,
                                  std::optional<QString> fallback);

    bool boolean(const QJsonObject &object, const QString &key, const QString &where, bool fallback);

    // One of a fixed set of words; returns its index in `choices`.
    std::optional<int> choice(const QJsonObject &object, const QString &key, const QString &where,
                              const QStringList &choices, std::optional<int> fallback);

    std::optional<QColor> parseColour(const QString &text) const;

    BadgeColour colour(const QJsonObject &object, const QString &key, const QString &where, QColor fallback);

    std::optional<QSizeF> namedSize(const QString &name, const QString &where, const QString &key);

    void parsePage(const QJsonValue &value);

    // "media": a CUPS media keyword, one word of letters, digits and . _ - (a PWG name or a PPD page size).
    void parseMedia(const QJsonObject &root);

    void parseSheet(const QJsonValue &value);

    void parsePalette(const QJsonValue &value);

    void parseRoles(const QJsonValue &value);

    // A box in mm from x, y, w, h.
    std::optional<QRectF> box(const QJsonObject &object, const QString &where);

    void parseAlignment(const QJsonObject &object, const QString &where, BadgeElement &e);

    void parseText(const QJsonObject &object, const QString &where, BadgeElement &e);

    void parseQr(const QJsonObject &object, const QString &where, BadgeElement &e);

    void parseBand(const QJsonObject &object, const QString &where, BadgeElement &e);

    void parseImage(const QJsonObject &object, const QString &where, const QString &baseDir, BadgeElement &e);

    void parseLine(const QJsonObject &object, const QString &where, BadgeElement &e);

    void parseElements(const QJsonValue &value, const QString &baseDir);

    // Geometry, once every element parsed: inside the card, clear of each other, text boxes tall
    // enough for their lines, flow chains that can only move into free space.
    void checkGeometry();

    void checkSheet();

    void parse(const QJsonObject &root, const QString &baseDir);

    // ---- shared by the parser's files (badgelayoutjson.cpp, badgelayoutcheck.cpp) ----
    static constexpr double PtPerMm = 72.0 / 25.4;
    static constexpr double Epsilon = 0.005; // mm: layouts are written to 0.1 mm
    static constexpr double MinSheetMarginMm = 5;
    static constexpr double MinCropMarkMarginMm = 8;
    static constexpr double MinQrSizeMm = 15;
    static constexpr double MaxImageDpi = 400;

    struct NamedSize
    {
        QString name;
        QSizeF mm;
    };
    /// The page sizes a layout may name ("A6-portrait"), in the order pageSizeNames() lists them.
    static const QList<NamedSize> &pageSizes();
    /// The names of the text bindings; index = BadgeBinding value, "" for Literal (written as "text").
    static const QStringList &bindingNames();
    /// A number as a layout writes it (at most six significant digits, no exponent for usual values).
    static QString number(double value);
    /// What a JSON value is, in words for a problem message ("a string").
    static QString typeName(const QJsonValue &value);
    /// " (did you mean "key"?)" for a near miss among allowed; empty otherwise.
    static QString suggestion(const QString &key, const QStringList &allowed);
    /// A box in words for a problem message.
    static QString describeRect(const QRectF &r);
    /// True when the boxes share more than a hair of area.
    static bool overlaps(const QRectF &a, const QRectF &b);
    /// True when inner lies in outer, to the layouts' precision.
    static bool contains(const QRectF &outer, const QRectF &inner);
    /// True for bands and lines, which may lie under or across other elements.
    static bool isDecoration(BadgeElementType type);
};

} // namespace checkin

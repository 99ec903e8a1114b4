#include "printing/badgelayout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

constexpr double PtPerMm = 72.0 / 25.4;
constexpr double Epsilon = 0.005; // mm: layouts are written to 0.1 mm
constexpr double MinSheetMarginMm = 5;
constexpr double MinCropMarkMarginMm = 8;
constexpr double MinQrSizeMm = 15;
constexpr double MaxImageDpi = 400;
constexpr int MaxExtendsDepth = 4;

const QString BuiltInFolder = u":/checkin/layouts"_s;

struct NamedSize
{
    QString name;
    QSizeF mm;
};

const QList<NamedSize> &pageSizes()
{
    static const QList<NamedSize> sizes{
        {u"4x3in"_s, {101.6, 76.2}},
        {u"3x4in"_s, {76.2, 101.6}},
        {u"4x6in"_s, {101.6, 152.4}},
        {u"A6-portrait"_s, {105, 148}},
        {u"A6-landscape"_s, {148, 105}},
        {u"ID-1"_s, {85.6, 53.98}},
        {u"90x54"_s, {90, 54}},
        {u"A5"_s, {148, 210}},
        {u"A4"_s, {210, 297}},
        {u"letter"_s, {215.9, 279.4}},
    };
    return sizes;
}

const QStringList &bindingNames()
{
    // Index = BadgeBinding value; "" for Literal, which is written as "text".
    static const QStringList names{
        QString(), u"given_name"_s, u"family_name"_s, u"display_name"_s, u"latin_name"_s,
        u"latin_name_if_different"_s, u"organisation"_s, u"country_name"_s, u"country_code"_s,
        u"role_label"_s, u"event_name"_s, u"event_dates"_s,
    };
    return names;
}

QString number(double value)
{
    return QLocale::c().toString(value, 'g', 6);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"true/false"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"nothing"_s;
    }
}

// Levenshtein distance, for "did you mean" on a mistyped key.
int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

QString suggestion(const QString &key, const QStringList &allowed)
{
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : allowed) {
        const int d = editDistance(key, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best.isEmpty() ? QString() : u" (did you mean \"%1\"?)"_s.arg(best);
}

QString describeRect(const QRectF &r)
{
    return u"x %1–%2 mm, y %3–%4 mm"_s.arg(number(r.left()), number(r.right()), number(r.top()), number(r.bottom()));
}

bool overlaps(const QRectF &a, const QRectF &b)
{
    // Touching edges is fine; a shared area of more than a hair is not. Zero-height boxes (lines)
    // are widened by the epsilon so that a rule through a text box is still caught.
    const QRectF aa = a.adjusted(-Epsilon, -Epsilon, Epsilon, Epsilon);
    const QRectF bb = b.adjusted(-Epsilon, -Epsilon, Epsilon, Epsilon);
    const QRectF common = aa.intersected(bb);
    return common.width() > 3 * Epsilon && common.height() > 3 * Epsilon;
}

bool contains(const QRectF &outer, const QRectF &inner)
{
    return inner.left() >= outer.left() - Epsilon && inner.right() <= outer.right() + Epsilon
        && inner.top() >= outer.top() - Epsilon && inner.bottom() <= outer.bottom() + Epsilon;
}

bool isDecoration(BadgeElementType type)
{
    return type == BadgeElementType::Band || type == BadgeElementType::Line;
}

} // namespace

double nominalTextHeightMm(double sizePt, int lines)
{
    if (lines < 1)
        return 0;
    const double em = lines * (BadgeLineAscentEm + BadgeLineDescentEm) + (lines - 1) * BadgeLineGapEm;
    return em * sizePt / PtPerMm;
}

QPointF BadgeSheet::cellOrigin(int cell, QSizeF badgeMm) const
{
    if (isEmpty())
        return {};
    const double gridWidth = columns * badgeMm.width() + (columns - 1) * gutterMm.width();
    const double gridHeight = rows * badgeMm.height() + (rows - 1) * gutterMm.height();
    const double left = (paperMm.width() - gridWidth) / 2;
    const double top = (paperMm.height() - gridHeight) / 2;
    const int column = cell % columns;
    const int row = (cell / columns) % rows;
    return {left + column * (badgeMm.width() + gutterMm.width()), top + row * (badgeMm.height() + gutterMm.height())};
}

BadgeRole BadgeLayout::role(const QString &key) const
{
    const QString wanted = key.trimmed();
    for (const BadgeRole &r : m_roles) {
        if (r.key.compare(wanted, Qt::CaseInsensitive) == 0)
            return r;
    }
    BadgeRole fallback = m_roles.isEmpty() ? BadgeRole{QString(), QString(), QColor(0, 0, 0)} : m_roles.constFirst();
    if (!wanted.isEmpty()) {
        fallback.key = wanted;
        fallback.label = wanted.left(1).toUpper() + wanted.mid(1);
    }
    return fallback;
}

// Reads a layout object into a BadgeLayout, collecting every problem (not just the first), each
// naming where it is ("element 3 (text 'organisation')", "page", "sheet") and what to change.
struct BadgeLayoutParser
{
    QStringList problems;
    QHash<QString, QColor> palette;
    BadgeLayout layout;
    bool rolesNeeded = false;
    QString roleUser;

    void problem(const QString &where, const QString &what) { problems.append(where + u": "_s + what); }

    bool checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where)
    {
        bool ok = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()) && it.key() != u"comment"_s) {
                problem(where, u"unknown key \"%1\"%2"_s.arg(it.key(), suggestion(it.key(), allowed)));
                ok = false;
            }
        }
        return ok;
    }

    std::optional<double> readNumber(const QJsonObject &object, const QString &key, const QString &where,
                                 std::optional<double> fallback, double min, double max)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (!fallback)
                problem(where, u"missing \"%1\""_s.arg(key));
            return fallback;
        }
        if (!value.isDouble()) {
            problem(where, u"\"%1\" must be a number, not %2"_s.arg(key, typeName(value)));
            return std::nullopt;
        }
        const double v = value.toDouble();
        if (!std::isfinite(v) || v < min || v > max) {
            problem(where, u"\"%1\" is %2, must be between %3 and %4"_s.arg(key, number(v),
                                                                          number(min), number(max)));
            return std::nullopt;
        }
        return v;
    }

    std::optional<QString> string(const QJsonObject &object, const QString &key, const QString &where,
                                  std::optional<QString> fallback)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (!fallback)
                problem(where, u"missing \"%1\""_s.arg(key));
            return fallback;
        }
        if (!value.isString()) {
            problem(where, u"\"%1\" must be a string, not %2"_s.arg(key, typeName(value)));
            return std::nullopt;
        }
        return value.toString();
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &where, bool fallback)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool()) {
            problem(where, u"\"%1\" must be true or false, not %2"_s.arg(key, typeName(value)));
            return fallback;
        }
        return value.toBool();
    }

    // One of a fixed set of words; returns its index in `choices`.
    std::optional<int> choice(const QJsonObject &object, const QString &key, const QString &where,
                              const QStringList &choices, std::optional<int> fallback)
    {
        const auto text = string(object, key, where, fallback ? std::optional(choices.at(*fallback)) : std::nullopt);
        if (!text)
            return std::nullopt;
        const qsizetype index = choices.indexOf(*text);
        if (index < 0) {
            problem(where, u"\"%1\" is \"%2\", must be one of %3"_s.arg(key, *text, choices.join(u", "_s)));
            return std::nullopt;
        }
        return int(index);
    }

    std::optional<QColor> parseColour(const QString &text) const
    {
        if (palette.contains(text))
            return palette.value(text);
        static const QRegularExpression hex(u"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"_s);
        if (!hex.match(text).hasMatch())
            return std::nullopt;
        return QColor::fromString(text);
    }

    BadgeColour colour(const QJsonObject &object, const QString &key, const QString &where, QColor fallback)
    {
        const auto text = string(object, key, where, QString());
        if (!text || text->isEmpty())
            return {fallback, false};
        if (*text == u"role"_s) {
            rolesNeeded = true;
            if (roleUser.isEmpty())
                roleUser = where;
            return {fallback, true};
        }
        if (const auto c = parseColour(*text))
            return {*c, false};
        QString known;
        if (!palette.isEmpty()) {
            QStringList names = palette.keys();
            names.sort();
            known = u", a palette colour (%1)"_s.arg(names.join(u", "_s));
        }
        problem(where, u"\"%1\" is \"%2\": write \"#RRGGBB\"%3 or \"role\""_s.arg(key, *text, known));
        return {fallback, false};
    }

    std::optional<QSizeF> namedSize(const QString &name, const QString &where, const QString &key)
    {
        for (const NamedSize &s : pageSizes()) {
            if (s.name.compare(name, Qt::CaseInsensitive) == 0)
                return s.mm;
        }
        problem(where, u"\"%1\" is \"%2\", must be one of %3 (or give \"width\" and \"height\" in mm)"_s.arg(
                           key, name, BadgeLayout::pageSizeNames().join(u", "_s)));
        return std::nullopt;
    }

    void parsePage(const QJsonValue &value)
    {
        const QString where = u"page"_s;
        if (value.isUndefined()) {
            problem(where, u"missing: give {\"size\": \"4x3in\"} or {\"width\": …, \"height\": …} in mm"_s);
            return;
        }
        if (!value.isObject()) {
            problem(where, u"must be an object, not %1"_s.arg(typeName(value)));
            return;
        }
        const QJsonObject page = value.toObject();
        checkKeys(page, {u"size"_s, u"width"_s, u"height"_s, u"margin"_s}, where);
        if (page.contains(u"size"_s)) {
            if (page.contains(u"width"_s) || page.contains(u"height"_s))
                problem(where, u"give either \"size\" or \"width\" and \"height\", not both"_s);
            if (const auto name = string(page, u"size"_s, where, std::nullopt))
                if (const auto size = namedSize(*name, where, u"size"_s))
                    layout.m_pageSizeMm = *size;
        } else {
            const auto w = readNumber(page, u"width"_s, where, std::nullopt, 20, 1000);
            const auto h = readNumber(page, u"height"_s, where, std::nullopt, 20, 1000);
            if (w && h)
                layout.m_pageSizeMm = QSizeF(*w, *h);
        }
        if (const auto margin = readNumber(page, u"margin"_s, where, 3.0, 0, 30))
            layout.m_marginMm = *margin;
    }

    // "media": a CUPS media keyword, one word of letters, digits and . _ - (a PWG name or a PPD page size).
    void parseMedia(const QJsonObject &root)
    {
        const auto media = string(root, u"media"_s, u"layout"_s, QString());
        if (!media)
            return;
        static const QRegularExpression word(u"^[A-Za-z0-9][A-Za-z0-9._-]*$"_s);
        if (!media->isEmpty() && !word.match(*media).hasMatch()) {
            problem(u"layout"_s, u"\"media\" is \"%1\": write one CUPS media name such as \"oe_4x6-label_4x6in\" "
                                 "(letters, digits, '.', '_' and '-')"_s.arg(*media));
            return;
        }
        layout.m_media = *media;
    }

    void parseSheet(const QJsonValue &value)
    {
        if (value.isUndefined())
            return;
        const QString where = u"sheet"_s;
        if (!value.isObject()) {
            problem(where, u"must be an object, not %1"_s.arg(typeName(value)));
            return;
        }
        const QJsonObject sheet = value.toObject();
        checkKeys(sheet, {u"paper"_s, u"columns"_s, u"rows"_s, u"gutter"_s, u"cropMarks"_s}, where);
        BadgeSheet s;
        const QJsonValue paper = sheet.value(u"paper"_s);
        if (paper.isString()) {
            if (const auto size = namedSize(paper.toString(), where, u"paper"_s))
                s.paperMm = *size;
        } else if (paper.isObject()) {
            const QJsonObject p = paper.toObject();
            const QString paperWhere = where + u" paper"_s;
            checkKeys(p, {u"width"_s, u"height"_s}, paperWhere);
            const auto w = readNumber(p, u"width"_s, paperWhere, std::nullopt, 50, 2000);
            const auto h = readNumber(p, u"height"_s, paperWhere, std::nullopt, 50, 2000);
            if (w && h)
                s.paperMm = QSizeF(*w, *h);
        } else {
            problem(where, paper.isUndefined() ? u"missing \"paper\""_s
                                               : u"\"paper\" must be a size name or {\"width\", \"height\"}"_s);
        }
        const auto columns = readNumber(sheet, u"columns"_s, where, std::nullopt, 1, 20);
        const auto rows = readNumber(sheet, u"rows"_s, where, std::nullopt, 1, 30);
        if (columns && *columns != std::floor(*columns))
            problem(where, u"\"columns\" must be a whole number"_s);
        if (rows && *rows != std::floor(*rows))
            problem(where, u"\"rows\" must be a whole number"_s);
        s.columns = columns ? int(*columns) : 1;
        s.rows = rows ? int(*rows) : 1;
        const QJsonValue gutter = sheet.value(u"gutter"_s);
        if (gutter.isDouble() && gutter.toDouble() >= 0 && gutter.toDouble() <= 50) {
            s.gutterMm = QSizeF(gutter.toDouble(), gutter.toDouble());
        } else if (gutter.isArray() && gutter.toArray().size() == 2 && gutter.toArray().at(0).isDouble()
                   && gutter.toArray().at(1).isDouble()) {
            s.gutterMm = QSizeF(gutter.toArray().at(0).toDouble(), gutter.toArray().at(1).toDouble());
        } else if (!gutter.isUndefined()) {
            problem(where, u"\"gutter\" must be a number of mm (0–50) or [across, down]"_s);
        }
        s.cropMarks = boolean(sheet, u"cropMarks"_s, where, false);
        layout.m_sheet = s;
    }

    void parsePalette(const QJsonValue &value)
    {
        if (value.isUndefined())
            return;
        if (!value.isObject()) {
            problem(u"palette"_s, u"must be an object of names and \"#RRGGBB\" colours"_s);
            return;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString where = u"palette colour \"%1\""_s.arg(it.key());
            if (it.key() == u"role"_s) {
                problem(where, u"\"role\" is reserved for the guest's role colour; choose another name"_s);
                continue;
            }
            static const QRegularExpression hex(u"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"_s);
            if (!it.value().isString() || !hex.match(it.value().toString()).hasMatch()) {
                problem(where, u"must be \"#RRGGBB\""_s);
                continue;
            }
            palette.insert(it.key(), QColor::fromString(it.value().toString()));
        }
    }

    void parseRoles(const QJsonValue &value)
    {
        if (value.isUndefined())
            return;
        if (!value.isArray()) {
            problem(u"roles"_s, u"must be a list of {\"key\", \"label\", \"colour\"}"_s);
            return;
        }
        const QJsonArray roles = value.toArray();
        for (qsizetype i = 0; i < roles.size(); ++i) {
            const QString where = u"role %1"_s.arg(i + 1);
            if (!roles.at(i).isObject()) {
                problem(where, u"must be an object, not %1"_s.arg(typeName(roles.at(i))));
                continue;
            }
            const QJsonObject object = roles.at(i).toObject();
            checkKeys(object, {u"key"_s, u"label"_s, u"colour"_s}, where);
            const auto key = string(object, u"key"_s, where, std::nullopt);
            const auto label = string(object, u"label"_s, where, std::nullopt);
            const auto colourText = string(object, u"colour"_s, where, std::nullopt);
            if (!key || !label || !colourText)
                continue;
            const auto c = parseColour(*colourText);
            if (!c) {
                problem(where, u"\"colour\" is \"%1\": write \"#RRGGBB\" or a palette colour"_s.arg(*colourText));
                continue;
            }
            if (std::any_of(layout.m_roles.cbegin(), layout.m_roles.cend(),
                            [&](const BadgeRole &r) { return r.key.compare(*key, Qt::CaseInsensitive) == 0; }))
                problem(where, u"role \"%1\" is listed twice"_s.arg(*key));
            layout.m_roles.append({key->trimmed(), *label, *c});
        }
    }

    // A box in mm from x, y, w, h.
    std::optional<QRectF> box(const QJsonObject &object, const QString &where)
    {
        const auto x = readNumber(object, u"x"_s, where, std::nullopt, -1000, 1000);
        const auto y = readNumber(object, u"y"_s, where, std::nullopt, -1000, 1000);
        const auto w = readNumber(object, u"w"_s, where, std::nullopt, 0.1, 2000);
        const auto h = readNumber(object, u"h"_s, where, std::nullopt, 0.1, 2000);
        if (!x || !y || !w || !h)
            return std::nullopt;
        return QRectF(*x, *y, *w, *h);
    }

    void parseAlignment(const QJsonObject &object, const QString &where, BadgeElement &e)
    {
        if (const auto a = choice(object, u"align"_s, where,
                                  {u"start"_s, u"center"_s, u"end"_s, u"left"_s, u"right"_s}, 0))
            e.alignment = BadgeAlignment(*a);
        if (const auto v = choice(object, u"valign"_s, where, {u"top"_s, u"middle"_s, u"bottom"_s}, 0))
            e.verticalAlignment = BadgeVerticalAlignment(*v);
    }

    void parseText(const QJsonObject &object, const QString &where, BadgeElement &e)
    {
        checkKeys(object,
                  {u"type"_s, u"bind"_s, u"text"_s, u"x"_s, u"y"_s, u"w"_s, u"h"_s, u"minSize"_s, u"maxSize"_s,
                   u"maxLines"_s, u"weight"_s, u"align"_s, u"valign"_s, u"colour"_s, u"uppercase"_s, u"flow"_s,
                   u"allowOverlap"_s},
                  where);
        if (object.contains(u"bind"_s) == object.contains(u"text"_s))
            problem(where, u"give either \"bind\" (a guest or event field) or \"text\" (fixed words), not %1"_s.arg(
                               object.contains(u"bind"_s) ? u"both"_s : u"neither"_s));
        if (object.contains(u"text"_s)) {
            if (const auto text = string(object, u"text"_s, where, std::nullopt)) {
                e.text = *text;
                if (text->trimmed().isEmpty())
                    problem(where, u"\"text\" is empty"_s);
            }
        }
        if (const auto b = box(object, where))
            e.box = *b;
        const auto minSize = readNumber(object, u"minSize"_s, where, std::nullopt, 4, 200);
        const auto maxSize = readNumber(object, u"maxSize"_s, where, std::nullopt, 4, 200);
        if (minSize && maxSize) {
            e.minSizePt = *minSize;
            e.maxSizePt = *maxSize;
            if (*maxSize < *minSize)
                problem(where, u"maxSize %1 is below minSize %2"_s.arg(number(*maxSize), number(*minSize)));
        }
        if (const auto lines = readNumber(object, u"maxLines"_s, where, 1.0, 1, 4)) {
            if (*lines != std::floor(*lines))
                problem(where, u"\"maxLines\" must be a whole number"_s);
            e.maxLines = int(*lines);
        }
        if (const auto weight = choice(object, u"weight"_s, where, {u"regular"_s, u"bold"_s}, 0))
            e.bold = *weight == 1;
        parseAlignment(object, where, e);
        e.colour = colour(object, u"colour"_s, where, palette.value(u"ink"_s, QColor(0, 0, 0)));
        e.uppercase = boolean(object, u"uppercase"_s, where, false);
        e.flow = boolean(object, u"flow"_s, where, false);
        e.allowOverlap = boolean(object, u"allowOverlap"_s, where, false);
        if (e.binding == BadgeBinding::RoleLabel) {
            rolesNeeded = true;
            if (roleUser.isEmpty())
                roleUser = where;
        }
    }

    void parseQr(const QJsonObject &object, const QString &where, BadgeElement &e)
    {
        checkKeys(object, {u"type"_s, u"x"_s, u"y"_s, u"size"_s, u"ecc"_s, u"quietZone"_s, u"colour"_s, u"allowOverlap"_s},
                  where);
        const auto x = readNumber(object, u"x"_s, where, std::nullopt, -1000, 1000);
        const auto y = readNumber(object, u"y"_s, where, std::nullopt, -1000, 1000);
        const auto size = readNumber(object, u"size"_s, where, std::nullopt, 0.1, 1000);
        if (x && y && size) {
            e.box = QRectF(*x, *y, *size, *size);
            if (*size < MinQrSizeMm)
                problem(where, u"\"size\" %1 mm is too small to scan from a kiosk camera: make it at least %2 mm"_s.arg(
                                   number(*size), number(MinQrSizeMm)));
        }
        if (const QJsonValue ecc = object.value(u"ecc"_s); ecc.isString() && ecc.toString() == u"L"_s) {
            problem(where, u"\"ecc\" L is below the required M: a scuffed badge must still scan; use M, Q or H"_s);
        } else if (const auto level = choice(object, u"ecc"_s, where, {u"M"_s, u"Q"_s, u"H"_s}, 0)) {
            e.ecc = *level == 0 ? QrErrorCorrection::M : *level == 1 ? QrErrorCorrection::Q : QrErrorCorrection::H;
        }
        if (const auto quiet = readNumber(object, u"quietZone"_s, where, 4.0, 2, 10)) {
            if (*quiet != std::floor(*quiet))
                problem(where, u"\"quietZone\" must be a whole number of modules"_s);
            e.quietZoneModules = int(*quiet);
        }
        e.colour = colour(object, u"colour"_s, where, QColor(0, 0, 0));
        e.allowOverlap = boolean(object, u"allowOverlap"_s, where, false);
    }

    void parseBand(const QJsonObject &object, const QString &where, BadgeElement &e)
    {
        checkKeys(object, {u"type"_s, u"x"_s, u"y"_s, u"w"_s, u"h"_s, u"colour"_s}, where);
        if (const auto b = box(object, where))
            e.box = *b;
        if (!object.contains(u"colour"_s))
            problem(where, u"missing \"colour\" (\"#RRGGBB\", a palette colour or \"role\")"_s);
        e.colour = colour(object, u"colour"_s, where, QColor(0, 0, 0));
    }

    void parseImage(const QJsonObject &object, const QString &where, const QString &baseDir, BadgeElement &e)
    {
        checkKeys(object, {u"type"_s, u"src"_s, u"x"_s, u"y"_s, u"w"_s, u"h"_s, u"align"_s, u"valign"_s, u"allowOverlap"_s},
                  where);
        if (const auto b = box(object, where))
            e.box = *b;
        parseAlignment(object, where, e);
        e.allowOverlap = boolean(object, u"allowOverlap"_s, where, false);
        const auto src = string(object, u"src"_s, where, std::nullopt);
        if (!src)
            return;
        const QString path = QDir::isAbsolutePath(*src) || src->startsWith(u':') ? *src : QDir(baseDir).filePath(*src);
        QImageReader reader(path);
        const QByteArray format = reader.format();
        if (format != "png" && format != "jpeg") {
            problem(where, reader.canRead() ? u"\"src\" %1 is %2: use a PNG or JPEG file"_s.arg(path, QString::fromLatin1(format))
                                            : u"cannot read the image \"src\" %1: %2"_s.arg(path, reader.errorString()));
            return;
        }
        QImage image = reader.read();
        if (image.isNull()) {
            problem(where, u"cannot read the image \"src\" %1: %2"_s.arg(path, reader.errorString()));
            return;
        }
        // Printing needs no more than MaxImageDpi at the box size; a large logo only bloats every badge.
        const double maxPixels = std::max(e.box.width(), e.box.height()) / 25.4 * MaxImageDpi;
        if (std::max(image.width(), image.height()) > maxPixels)
            image = image.scaled(QSize(int(maxPixels), int(maxPixels)), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        e.image = image.hasAlphaChannel() ? image.convertToFormat(QImage::Format_ARGB32)
                                          : image.convertToFormat(QImage::Format_RGB888);
        e.imageSource = path;
    }

    void parseLine(const QJsonObject &object, const QString &where, BadgeElement &e)
    {
        checkKeys(object, {u"type"_s, u"x1"_s, u"y1"_s, u"x2"_s, u"y2"_s, u"width"_s, u"colour"_s, u"allowOverlap"_s},
                  where);
        const auto x1 = readNumber(object, u"x1"_s, where, std::nullopt, -1000, 1000);
        const auto y1 = readNumber(object, u"y1"_s, where, std::nullopt, -1000, 1000);
        const auto x2 = readNumber(object, u"x2"_s, where, std::nullopt, -1000, 1000);
        const auto y2 = readNumber(object, u"y2"_s, where, std::nullopt, -1000, 1000);
        if (const auto width = readNumber(object, u"width"_s, where, 0.5, 0.1, 20))
            e.lineWidthPt = *width;
        e.colour = colour(object, u"colour"_s, where, palette.value(u"ink"_s, QColor(0, 0, 0)));
        e.allowOverlap = boolean(object, u"allowOverlap"_s, where, false);
        if (!x1 || !y1 || !x2 || !y2)
            return;
        e.from = QPointF(*x1, *y1);
        e.to = QPointF(*x2, *y2);
        if (*x1 != *x2 && *y1 != *y2)
            problem(where, u"lines must be horizontal (y1 = y2) or vertical (x1 = x2)"_s);
        const double half = e.lineWidthPt / PtPerMm / 2;
        e.box = QRectF(QPointF(std::min(*x1, *x2), std::min(*y1, *y2)), QPointF(std::max(*x1, *x2), std::max(*y1, *y2)))
                    .adjusted(*y1 == *y2 ? 0 : -half, *y1 == *y2 ? -half : 0, *y1 == *y2 ? 0 : half, *y1 == *y2 ? half : 0);
    }

    void parseElements(const QJsonValue &value, const QString &baseDir)
    {
        if (!value.isArray() || value.toArray().isEmpty()) {
            problem(u"elements"_s, value.isUndefined() ? u"missing: list what the badge shows"_s
                                                       : u"must be a non-empty list of elements"_s);
            return;
        }
        const QJsonArray elements = value.toArray();
        for (qsizetype i = 0; i < elements.size(); ++i) {
            const QString number = QString::number(i + 1);
            if (!elements.at(i).isObject()) {
                problem(u"element "_s + number, u"must be an object, not %1"_s.arg(typeName(elements.at(i))));
                continue;
            }
            const QJsonObject object = elements.at(i).toObject();
            const QString type = object.value(u"type"_s).toString();
            static const QStringList types{u"text"_s, u"qr"_s, u"band"_s, u"image"_s, u"line"_s};
            if (!types.contains(type)) {
                problem(u"element "_s + number,
                        object.contains(u"type"_s) ? u"\"type\" is \"%1\", must be one of %2"_s.arg(type, types.join(u", "_s))
                                                   : u"missing \"type\" (%1)"_s.arg(types.join(u", "_s)));
                continue;
            }
            BadgeElement e;
            e.type = BadgeElementType(types.indexOf(type));
            QString what = type;
            if (e.type == BadgeElementType::Text) {
                if (object.value(u"bind"_s).isString()) {
                    const QString bind = object.value(u"bind"_s).toString();
                    what += u" '%1'"_s.arg(bind);
                    const qsizetype index = bindingNames().indexOf(bind);
                    if (index <= 0) {
                        QStringList names = bindingNames();
                        names.removeFirst();
                        problem(u"element %1 (%2)"_s.arg(number, what),
                                u"\"bind\" is \"%1\", must be one of %2"_s.arg(bind, names.join(u", "_s)));
                    } else {
                        e.binding = BadgeBinding(index);
                    }
                } else if (object.value(u"text"_s).isString()) {
                    what += u" \"%1\""_s.arg(object.value(u"text"_s).toString().left(30));
                }
            }
            const QString where = u"element %1 (%2)"_s.arg(number, what);
            e.label = where;
            switch (e.type) {
            case BadgeElementType::Text:
                parseText(object, where, e);
                break;
            case BadgeElementType::Qr:
                parseQr(object, where, e);
                break;
            case BadgeElementType::Band:
                parseBand(object, where, e);
                break;
            case BadgeElementType::Image:
                parseImage(object, where, baseDir, e);
                break;
            case BadgeElementType::Line:
                parseLine(object, where, e);
                break;
            }
            layout.m_elements.append(e);
        }
    }

    // Geometry, once every element parsed: inside the card, clear of each other, text boxes tall
    // enough for their lines, flow chains that can only move into free space.
    void checkGeometry()
    {
        const QSizeF page = layout.m_pageSizeMm;
        const QRectF card(QPointF(0, 0), page);
        const double m = layout.m_marginMm;
        const QRectF safe = card.adjusted(m, m, -m, -m);
        const QString cardText = u"the %1 × %2 mm card"_s.arg(number(page.width()), number(page.height()));
        const auto &elements = layout.m_elements;

        for (const BadgeElement &e : elements) {
            if (!contains(card, e.box)) {
                problem(e.label, u"lies outside %1 (%2)"_s.arg(cardText, describeRect(e.box)));
            } else if (!isDecoration(e.type) && !contains(safe, e.box)) {
                problem(e.label, u"comes closer than the %1 mm margin to the card's edge (%2; keep within x %3–%4, y %5–%6)"_s.arg(
                                     number(m), describeRect(e.box), number(safe.left()), number(safe.right()),
                                     number(safe.top()), number(safe.bottom())));
            }
            if (e.type == BadgeElementType::Text && e.maxSizePt >= e.minSizePt) {
                const double needed = nominalTextHeightMm(e.minSizePt, e.maxLines);
                if (e.box.height() + Epsilon < needed) {
                    int fits = 0;
                    while (fits < e.maxLines && nominalTextHeightMm(e.minSizePt, fits + 1) <= e.box.height() + Epsilon)
                        ++fits;
                    problem(e.label, u"box height %1 mm holds %2 at minSize %3 pt; maxLines %4 needs %5 mm"_s.arg(
                                         number(e.box.height()),
                                         fits == 0 ? u"no line"_s : fits == 1 ? u"1 line"_s : u"%1 lines"_s.arg(fits),
                                         number(e.minSizePt), QString::number(e.maxLines),
                                         number(std::ceil(needed * 10) / 10)));
                }
            }
        }

        // Where each element can end up: a flow element can move up to the top of its chain.
        QList<QRectF> reach(elements.size());
        QList<int> chainStart(elements.size());
        for (qsizetype i = 0; i < elements.size(); ++i) {
            reach[i] = elements[i].box;
            chainStart[i] = int(i);
            const BadgeElement &e = elements[i];
            if (e.type != BadgeElementType::Text || !e.flow)
                continue;
            qsizetype previous = i - 1;
            while (previous >= 0 && elements[previous].type != BadgeElementType::Text)
                --previous;
            if (previous < 0) {
                problem(e.label, u"\"flow\" needs a text element before it to follow"_s);
                continue;
            }
            if (elements[previous].box.bottom() > e.box.top() + Epsilon) {
                problem(e.label, u"\"flow\" follows %1, which must end above this box (it ends at y %2 mm, this starts at %3 mm)"_s.arg(
                                     elements[previous].label, number(elements[previous].box.bottom()), number(e.box.top())));
                continue;
            }
            chainStart[i] = chainStart[previous];
            reach[i] = QRectF(QPointF(e.box.left(), elements[chainStart[i]].box.top()), e.box.bottomRight());
        }
        // Members of one chain never overlap each other: each starts below the previous one.
        const auto sameChain = [&](qsizetype a, qsizetype b) { return chainStart[a] == chainStart[b]; };

        for (qsizetype i = 0; i < elements.size(); ++i) {
            const BadgeElement &a = elements[i];
            if (a.type == BadgeElementType::Band)
                continue;
            const bool content = !isDecoration(a.type);
            for (qsizetype j = 0; j < elements.size(); ++j) {
                if (j == i)
                    continue;
                const BadgeElement &b = elements[j];
                if (b.type == BadgeElementType::Band) {
                    // Content on a band sits wholly on it; straddling its edge is a collision.
                    if (content && !a.allowOverlap && overlaps(reach[i], b.box) && !contains(b.box, reach[i]))
                        problem(a.label, u"straddles the edge of %1 (%2): place it wholly on or off the band, or mark it \"allowOverlap\": true"_s.arg(
                                             b.label, describeRect(b.box)));
                    continue;
                }
                if (j < i || sameChain(i, j) || a.allowOverlap || b.allowOverlap)
                    continue;
                if (overlaps(reach[i], reach[j]))
                    problem(a.label, u"overlaps %1 (%2 and %3): move one, or mark one \"allowOverlap\": true"_s.arg(
                                         b.label, describeRect(reach[i]), describeRect(reach[j])));
            }
        }
    }

    void checkSheet()
    {
        const BadgeSheet &s = layout.m_sheet;
        if (s.isEmpty())
            return;
        const QSizeF badge = layout.m_pageSizeMm;
        const double gridWidth = s.columns * badge.width() + (s.columns - 1) * s.gutterMm.width();
        const double gridHeight = s.rows * badge.height() + (s.rows - 1) * s.gutterMm.height();
        const double minMargin = s.cropMarks ? MinCropMarkMarginMm : MinSheetMarginMm;
        const auto check = [&](double grid, double paper, int count, double size, double gutter, const QString &what) {
            const double margin = (paper - grid) / 2;
            if (margin + Epsilon < minMargin)
                problem(u"sheet"_s, u"%1 %2 of %3 mm with %4 mm gutters need %5 mm, leaving %6 mm margins on the %7 mm paper; "
                                    "at least %8 mm are needed%9"_s.arg(QString::number(count), what, number(size), number(gutter),
                                                                       number(grid), number(margin), number(paper),
                                                                       number(minMargin),
                                                                       s.cropMarks ? u" for crop marks"_s : u" for the printer"_s));
        };
        check(gridWidth, s.paperMm.width(), s.columns, badge.width(), s.gutterMm.width(), u"columns"_s);
        check(gridHeight, s.paperMm.height(), s.rows, badge.height(), s.gutterMm.height(), u"rows"_s);
    }

    void parse(const QJsonObject &root, const QString &baseDir)
    {
        checkKeys(root, {u"name"_s, u"description"_s, u"version"_s, u"extends"_s, u"page"_s, u"media"_s, u"sheet"_s,
                         u"palette"_s, u"roles"_s, u"elements"_s},
                  u"layout"_s);
        if (const QJsonValue version = root.value(u"version"_s); !version.isUndefined() && version.toInt(-1) != 1)
            problem(u"layout"_s, u"\"version\" must be 1 (this program reads layout version 1)"_s);
        if (const auto name = string(root, u"name"_s, u"layout"_s, QString()))
            layout.m_name = *name;
        string(root, u"description"_s, u"layout"_s, QString());
        parseMedia(root);
        parsePalette(root.value(u"palette"_s));
        parsePage(root.value(u"page"_s));
        parseSheet(root.value(u"sheet"_s));
        parseRoles(root.value(u"roles"_s));
        parseElements(root.value(u"elements"_s), baseDir);
        if (rolesNeeded && layout.m_roles.isEmpty())
            problem(roleUser, u"uses the guest's role, but the layout has no \"roles\" list"_s);
        if (problems.isEmpty() && layout.m_pageSizeMm.isValid()) {
            checkGeometry();
            checkSheet();
        }
    }
};

namespace {

std::expected<QJsonObject, QString> parseJsonObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return std::unexpected(u"line %1, column %2: %3"_s.arg(line).arg(column).arg(error.errorString()));
    }
    if (!document.isObject())
        return std::unexpected(u"the layout must be a JSON object { … }"_s);
    return document.object();
}

std::expected<QByteArray, QString> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(u"cannot read the layout file %1: %2"_s.arg(path, file.errorString()));
    return file.readAll();
}

// The layout object with its "extends" chain applied: the base file's keys, overridden by this
// file's (palette merged colour by colour). Image paths of the base are made absolute first.
std::expected<QJsonObject, QString> resolveExtends(QJsonObject root, const QString &baseDir, int depth)
{
    const QJsonValue extends = root.value(u"extends"_s);
    if (extends.isUndefined())
        return root;
    if (!extends.isString())
        return std::unexpected(u"layout: \"extends\" must be the name of another layout file"_s);
    if (depth >= MaxExtendsDepth)
        return std::unexpected(u"layout: \"extends\" nests more than %1 files deep (a loop?)"_s.arg(MaxExtendsDepth));
    const QString path = QDir::isAbsolutePath(extends.toString()) || extends.toString().startsWith(u':')
        ? extends.toString()
        : QDir(baseDir).filePath(extends.toString());
    const auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(u"layout: \"extends\": "_s + bytes.error());
    auto base = parseJsonObject(*bytes);
    if (!base)
        return std::unexpected(u"layout: \"extends\" %1: %2"_s.arg(path, base.error()));
    const QString parentDir = QFileInfo(path).path();
    auto resolved = resolveExtends(*base, parentDir, depth + 1);
    if (!resolved)
        return std::unexpected(u"in %1: %2"_s.arg(path, resolved.error()));

    QJsonObject merged = *resolved;
    merged.remove(u"extends"_s);
    if (merged.value(u"elements"_s).isArray()) {
        QJsonArray elements = merged.value(u"elements"_s).toArray();
        for (qsizetype i = 0; i < elements.size(); ++i) {
            QJsonObject e = elements.at(i).toObject();
            if (e.value(u"src"_s).isString() && !QDir::isAbsolutePath(e.value(u"src"_s).toString())
                && !e.value(u"src"_s).toString().startsWith(u':')) {
                e.insert(u"src"_s, QDir(parentDir).filePath(e.value(u"src"_s).toString()));
                elements.replace(i, e);
            }
        }
        merged.insert(u"elements"_s, elements);
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == u"extends"_s)
            continue;
        if (it.key() == u"palette"_s && it.value().isObject() && merged.value(u"palette"_s).isObject()) {
            QJsonObject palette = merged.value(u"palette"_s).toObject();
            const QJsonObject own = it.value().toObject();
            for (auto c = own.begin(); c != own.end(); ++c)
                palette.insert(c.key(), c.value());
            merged.insert(u"palette"_s, palette);
            continue;
        }
        merged.insert(it.key(), it.value());
    }
    return merged;
}

} // namespace

std::expected<BadgeLayout, QString> BadgeLayout::fromJson(const QByteArray &json, const QString &baseDir)
{
    auto root = parseJsonObject(json);
    if (!root)
        return std::unexpected(root.error());
    auto resolved = resolveExtends(*root, baseDir, 0);
    if (!resolved)
        return std::unexpected(resolved.error());
    BadgeLayoutParser parser;
    parser.parse(*resolved, baseDir);
    if (!parser.problems.isEmpty())
        return std::unexpected(parser.problems.join(u'\n'));
    return parser.layout;
}

std::expected<BadgeLayout, QString> BadgeLayout::load(const QString &path)
{
    const auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto layout = fromJson(*bytes, QFileInfo(path).path());
    if (!layout) {
        const QStringList problems = layout.error().split(u'\n');
        return std::unexpected(u"the badge layout %1 has %2:\n%3"_s.arg(
            path, problems.size() == 1 ? u"a problem"_s : u"%1 problems"_s.arg(problems.size()), layout.error()));
    }
    return layout;
}

QStringList BadgeLayout::builtInNames()
{
    return {u"policymaker-4x3in"_s, u"a6-portrait"_s, u"a6-landscape"_s, u"id1-card"_s, u"card-90x54"_s, u"a4-sheet-8"_s,
            u"label-62x100mm"_s, u"label-4x6in"_s};
}

std::expected<BadgeLayout, QString> BadgeLayout::builtIn(const QString &name)
{
    if (!builtInNames().contains(name))
        return std::unexpected(u"there is no built-in badge layout \"%1\"; choose one of %2, or give a layout file"_s.arg(
            name, builtInNames().join(u", "_s)));
    return load(BuiltInFolder + u'/' + name + u".json"_s);
}

QStringList BadgeLayout::pageSizeNames()
{
    QStringList names;
    for (const NamedSize &s : pageSizes())
        names.append(s.name);
    return names;
}

} // namespace checkin
